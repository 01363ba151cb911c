import { ARTICLE_KINDS } from "@dubao/core";
import { z } from "zod";

/** Results per page of the search page. */
export const RESULTS_PER_PAGE = 20;

/**
 * Deepest results page offered: 500 pages of 20 reach the library's deepest offset (10,000);
 * beyond that a reader narrows the search with filters.
 */
export const MAX_RESULTS_PAGE = 500;

/** Longest query accepted in a URL; longer ones are cut (the search reads 200 characters). */
const MAX_QUERY_PARAM = 1000;

/** Longest person or publication name accepted in a URL. */
const MAX_NAME_PARAM = 200;

/** Search parameters as found in a URL (`?q=…&from=…`). */
export type RawParams = Record<string, string | string[] | undefined>;

/** The search form's fields, as the reader typed them (for refilling the form). */
export interface SearchFields {
  q: string;
  from: string;
  to: string;
  publication: string;
  person: string;
  kind: string;
}

/** Filters and words ready for the library, and what was wrong with the rest. */
export interface ParsedSearch {
  fields: SearchFields;
  /** 1-based results page. */
  page: number;
  filters: { from?: string; to?: string; publication?: string; person?: string; kind?: string };
  /** One line per ignored parameter, in Chinese, for the page to show. */
  problems: string[];
}

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();

const IsoDate = z.iso.date();
const Kind = z.enum(ARTICLE_KINDS);
const PageNumber = z.coerce.number().int().min(1).max(MAX_RESULTS_PAGE);

/**
 * Reads the search page's URL parameters. Never throws: a bad filter is left out and named in
 * `problems`, so any URL shows a page.
 * @param params the page's `searchParams`
 */
export function parseSearchParams(params: RawParams): ParsedSearch {
  const fields: SearchFields = {
    q: first(params.q).slice(0, MAX_QUERY_PARAM),
    from: first(params.from),
    to: first(params.to),
    publication: first(params.publication).slice(0, MAX_NAME_PARAM),
    person: first(params.person).slice(0, MAX_NAME_PARAM),
    kind: first(params.kind),
  };
  const problems: string[] = [];
  const filters: ParsedSearch["filters"] = {};
  if (fields.from !== "") {
    if (IsoDate.safeParse(fields.from).success) filters.from = fields.from;
    else problems.push(`起始日期“${fields.from}”不是有效日期（应为 YYYY-MM-DD），已忽略`);
  }
  if (fields.to !== "") {
    if (IsoDate.safeParse(fields.to).success) filters.to = fields.to;
    else problems.push(`截止日期“${fields.to}”不是有效日期（应为 YYYY-MM-DD），已忽略`);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.push("起始日期晚于截止日期，没有文章能落在这个范围内");
  }
  if (fields.publication !== "") filters.publication = fields.publication;
  if (fields.person !== "") filters.person = fields.person;
  if (fields.kind !== "") {
    if (Kind.safeParse(fields.kind).success) filters.kind = fields.kind;
    else problems.push(`体裁“${fields.kind}”不存在，已忽略`);
  }
  const rawPage = first(params.page);
  let page = 1;
  if (rawPage !== "") {
    const parsed = PageNumber.safeParse(rawPage);
    if (parsed.success) page = parsed.data;
    else problems.push(`页码“${rawPage}”无效（1 至 ${MAX_RESULTS_PAGE}），已显示第 1 页`);
  }
  return { fields, page, filters, problems };
}

/** Parameters of `GET /api/search`. */
export const ApiSearchSchema = z.object({
  q: z.string().max(MAX_QUERY_PARAM).default(""),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  publication: z.string().max(MAX_NAME_PARAM).optional(),
  person: z.string().max(MAX_NAME_PARAM).optional(),
  kind: Kind.optional(),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(RESULTS_PER_PAGE),
});

/**
 * A search page URL with some parameters changed (empty values are left out).
 * @param fields the current form fields
 * @param change parameters to set
 */
export function searchHref(fields: Partial<SearchFields>, change: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...fields, ...change })) {
    if (v !== undefined && v !== "" && !(k === "page" && String(v) === "1")) params.set(k, String(v));
  }
  const qs = params.toString();
  return qs === "" ? "/search" : `/search?${qs}`;
}

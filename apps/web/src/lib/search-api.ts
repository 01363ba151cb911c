import { parseQuery, snippetText, type Library, type SearchRequest } from "@dubao/library";
// A .ts path: Next.js resolves it as it is, and tsc rewrites it to .js for the server build
// (tsconfig.server.json: rewriteRelativeImportExtensions).
import { ApiSearchSchema } from "./search-params.ts";

/** One article in the answer of `GET /api/search`. */
export interface ApiSearchResult {
  id: string;
  headline: string | null;
  /** The snippet as plain text, with "…" where it was cut. */
  snippet: string;
  /** `[start, end)` UTF-16 ranges of the hits in `snippet`. */
  marks: Array<[number, number]>;
  date: string | null;
  publication: string | null;
  pageNumber: number | null;
  kind: string;
  /** The article page. */
  url: string;
}

/** The body of a `GET /api/search` answer: results, or what was wrong with the parameters. */
export type ApiSearchBody = { total: number; offset: number; limit: number; results: ApiSearchResult[] } | { error: string };

/**
 * The parameters of a `GET /api/search`, checked: the library's request and a key that is the
 * same for every request with the same answer (see {@link apiSearchKey}); or the answer to bad
 * parameters (400 with `{ error }`).
 */
export type ApiSearchParams = { ok: true; request: SearchRequest; key: string } | { ok: false; status: 400; body: ApiSearchBody };

/**
 * Checks the parameters of `GET /api/search?q=…[&from&to&publication&person&kind&offset&limit]`.
 * @param searchParams the request's query parameters
 */
export function parseSearchApi(searchParams: URLSearchParams): ApiSearchParams {
  const parsed = ApiSearchSchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, status: 400, body: { error: `invalid parameter ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}` } };
  }
  const { q, offset, limit, ...filters } = parsed.data;
  const request: SearchRequest = { query: q, ...filters, offset, limit };
  return { ok: true, request, key: apiSearchKey(request) };
}

/**
 * A key for the answer to a search request: requests with the same key get the same answer from
 * the same library. The words are taken as the library reads them (its FTS5 expression, which
 * stands for the folded phrases in order), so `核酸`, ` 核酸 ` and `ＫＸ` / `kx` share a key;
 * filters, offset and limit as checked.
 * @param request a request as {@link parseSearchApi} makes it
 */
export function apiSearchKey(request: SearchRequest): string {
  const { query, from, to, publication, person, kind, offset, limit } = request;
  return JSON.stringify([parseQuery(query ?? "").match, from ?? null, to ?? null, publication ?? null, person ?? null, kind ?? null, offset ?? null, limit ?? null]);
}

/**
 * The answer (200) to a checked search request.
 * @param library the open library
 * @param request a request as {@link parseSearchApi} makes it
 */
export function searchApiBody(library: Library, request: SearchRequest): ApiSearchBody {
  const result = library.search(request);
  return {
    total: result.total,
    offset: result.offset,
    limit: result.limit,
    results: result.hits.map((hit) => {
      const { text, marks } = snippetText(hit.snippet);
      return {
        id: hit.id,
        headline: hit.headline,
        snippet: text,
        marks,
        date: hit.date,
        publication: hit.publication,
        pageNumber: hit.pageNumber,
        kind: hit.kind,
        url: `/articles/${hit.id}`,
      };
    }),
  };
}

/**
 * Answers `GET /api/search?q=…[&from&to&publication&person&kind&offset&limit]`, for the Next.js
 * route and the tests; the reader's server checks the parameters on its main thread and searches
 * on its search threads (same functions). Bad parameters give 400 with `{ error }`; no query
 * string can cause a server error.
 * @param library the open library
 * @param searchParams the request's query parameters
 */
export function answerSearchApi(library: Library, searchParams: URLSearchParams): { status: 200 | 400; body: ApiSearchBody } {
  const params = parseSearchApi(searchParams);
  if (!params.ok) return { status: params.status, body: params.body };
  return { status: 200, body: searchApiBody(library, params.request) };
}

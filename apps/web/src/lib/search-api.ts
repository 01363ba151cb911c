import { snippetText, type Library } from "@dubao/library";
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
 * Answers `GET /api/search?q=…[&from&to&publication&person&kind&offset&limit]`, for the Next.js
 * route and for the reader's server, which answers it without a round trip through Next.js.
 * Bad parameters give 400 with `{ error }`; no query string can cause a server error.
 * @param library the open library
 * @param searchParams the request's query parameters
 */
export function answerSearchApi(library: Library, searchParams: URLSearchParams): { status: 200 | 400; body: ApiSearchBody } {
  const parsed = ApiSearchSchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: 400, body: { error: `invalid parameter ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}` } };
  }
  const { q, offset, limit, ...filters } = parsed.data;
  const result = library.search({ query: q, ...filters, offset, limit });
  return {
    status: 200,
    body: {
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
    },
  };
}

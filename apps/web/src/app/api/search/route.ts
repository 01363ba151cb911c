import { snippetText } from "@dubao/library";
import { getLibrary } from "@/lib/library";
import { ApiSearchSchema } from "@/lib/search-params";

/**
 * `GET /api/search?q=…[&from&to&publication&person&kind&offset&limit]`:
 * `{ total, offset, limit, results: [{ id, headline, snippet, marks, date, publication, pageNumber, kind, url }] }`.
 * `snippet` is plain text; `marks` are the `[start, end)` UTF-16 ranges of the hits in it.
 * Bad parameters give 400 with `{ error }`; no query string can cause a server error.
 */
export async function GET(request: Request): Promise<Response> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = ApiSearchSchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return Response.json({ error: `invalid parameter ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}` }, { status: 400 });
  }
  const { q, offset, limit, ...filters } = parsed.data;
  const result = (await getLibrary()).search({ query: q, ...filters, offset, limit });
  return Response.json({
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
  });
}

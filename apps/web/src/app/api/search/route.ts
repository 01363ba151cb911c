import { getLibrary } from "@/lib/library";
import { answerSearchApi } from "@/lib/search-api";

/**
 * `GET /api/search?q=…[&from&to&publication&person&kind&offset&limit]`:
 * `{ total, offset, limit, results: [{ id, headline, snippet, marks, date, publication, pageNumber, kind, url }] }`.
 * `snippet` is plain text; `marks` are the `[start, end)` UTF-16 ranges of the hits in it.
 * Bad parameters give 400 with `{ error }`; no query string can cause a server error.
 *
 * The reader's server (`server.ts`) answers this path itself with the same function; this route
 * serves it under `next dev`.
 */
export async function GET(request: Request): Promise<Response> {
  const { status, body } = answerSearchApi(await getLibrary(), new URL(request.url).searchParams);
  return Response.json(body, { status });
}

import { getLibrary } from "@/lib/library";
import { isArticleId } from "@/lib/route-params";

/** `GET /api/articles/:id`: the Article (the `@dubao/core` schema) as parsed, or 404 with `{ error }`. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const view = isArticleId(id) ? (await getLibrary()).article(id) : null;
  if (!view) return Response.json({ error: `no article with id ${JSON.stringify(id)}` }, { status: 404 });
  return Response.json(view.article);
}

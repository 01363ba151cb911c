import type { Page } from "@dubao/core";
import { createCollectionWriter, renderPage } from "@dubao/export";
import { articleInScript } from "@/lib/chinese";
import { getLibrary } from "@/lib/library";
import { isArticleId } from "@/lib/route-params";
import { scriptParam } from "@/lib/script-param";

/** The download formats and their media types. */
const MEDIA_TYPES = {
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  epub: "application/epub+zip",
} as const;

type DownloadFormat = keyof typeof MEDIA_TYPES;

function isFormat(value: string): value is DownloadFormat {
  return Object.hasOwn(MEDIA_TYPES, value);
}

async function epubBytes(page: Page, title: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const writer = createCollectionWriter("epub", { write: (chunk) => void chunks.push(chunk) }, { title });
  await writer.addPage(page);
  await writer.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** `GET /articles/:id/download/:format[?script=hant]`: one article as Markdown, EPUB or JSON (via @dubao/export). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; format: string }> }): Promise<Response> {
  const { id, format } = await params;
  if (!isArticleId(id) || !isFormat(format)) return new Response("找不到这个下载。\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const stored = (await getLibrary()).articlePage(id);
  if (!stored) return new Response("文库里没有这篇文章。\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const script = scriptParam(new URL(request.url).searchParams.get("script") ?? undefined);
  const page: Page = { ...stored, articles: stored.articles.map((a) => articleInScript(a, script)) };
  const name = `${id}${script === "hant" ? "-hant" : ""}.${format}`;
  const body = format === "epub" ? await epubBytes(page, page.articles[0]?.headline ?? id) : renderPage(format, page);
  return new Response(body as BodyInit, {
    headers: {
      "Content-Type": MEDIA_TYPES[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { formatDate, headlineOrPlaceholder, kindLabel, pageLabel, UNNAMED_PUBLICATION } from "@/lib/format";
import { getLibrary } from "@/lib/library";
import { isArticleId, rowId } from "@/lib/route-params";
import { firstLine, sourceLines } from "@/lib/source-lines";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The page by id, read once per request (metadata and page share it). */
const pageById = cache(async (id: number) => (await getLibrary()).page(id));

async function load(params: Props["params"]) {
  const id = rowId((await params).id);
  if (id === null) notFound();
  const page = await pageById(id);
  if (!page) notFound();
  return page;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load(params);
  return { title: `${page.publication ?? UNNAMED_PUBLICATION} ${formatDate(page.date)} ${pageLabel(page.pageNumber, page.pageName)}` };
}

export default async function PageView({ params, searchParams }: Props) {
  const page = await load(params);
  const wanted = (await searchParams).article;
  const selectedId = typeof wanted === "string" && isArticleId(wanted) ? wanted : null;
  const selected = page.articles.find((a) => a.id === selectedId) ?? null;
  const { lines, truncated } = page.raw === null ? { lines: [], truncated: false } : sourceLines(page.raw, page.articles);
  const label = page.pageNumber === null && page.pageName === null ? `版面 ${page.sourceName}` : pageLabel(page.pageNumber, page.pageName);

  return (
    <article className="page-view" aria-labelledby="page-title">
      <nav aria-label="面包屑" className="breadcrumbs">
        <Link href="/">首页</Link> ›{" "}
        <Link href={`/issues/${page.issueId}`}>
          {page.publication ?? UNNAMED_PUBLICATION} {formatDate(page.date)}
        </Link>{" "}
        › <span>{label}</span>
      </nav>
      <h1 id="page-title">
        {label}
        <small>
          {page.publication ?? UNNAMED_PUBLICATION} · <time dateTime={page.date ?? undefined}>{formatDate(page.date)}</time>
        </small>
      </h1>
      <p className="muted">
        来源 <code>{page.sourceName}</code> · 编码 {page.encoding} · {page.articles.length} 篇文章
        {page.unassigned.length > 0 && <> · {page.unassigned.length} 段未归入文章的文字</>}
      </p>
      <nav className="prev-next" aria-label="前后版面">
        {page.previousPageId !== null ? <Link href={`/pages/${page.previousPageId}`} rel="prev">‹ 上一版</Link> : <span />}
        {page.nextPageId !== null ? <Link href={`/pages/${page.nextPageId}`} rel="next">下一版 ›</Link> : <span />}
      </nav>

      <div className="page-layout">
        <section aria-labelledby="page-articles" className="page-articles">
          <h2 id="page-articles">本版文章</h2>
          <p className="muted small">选择一篇文章，右侧原文中它所在的行会被标亮。</p>
          <ol className="article-list">
            {page.articles.map((a) => {
              const line = firstLine(a.spans);
              const isSelected = a.id === selected?.id;
              return (
                <li key={a.id} className={isSelected ? "selected" : undefined}>
                  <Link
                    href={`/pages/${page.pageId}?article=${a.id}${line === null ? "" : `#L${line}`}`}
                    aria-current={isSelected ? "true" : undefined}
                  >
                    <span className="seq" aria-hidden="true">
                      {a.seq}
                    </span>
                    {headlineOrPlaceholder(a.headline)}
                  </Link>
                  <span className="tag">{kindLabel(a.kind)}</span>{" "}
                  <Link href={`/articles/${a.id}`} className="small-link">
                    阅读全文<span className="visually-hidden">：{headlineOrPlaceholder(a.headline)}</span>
                  </Link>
                </li>
              );
            })}
          </ol>
        </section>

        <section aria-labelledby="page-source" className="page-source">
          <h2 id="page-source">
            版面原文
            {selected && <small>已标亮：{headlineOrPlaceholder(selected.headline)}</small>}
          </h2>
          {page.raw === null ? (
            <p className="muted">这一版由 Page JSON 导入，没有附带原文。</p>
          ) : (
            <>
              <pre className="source" aria-label="版面原文，按行编号">
                {lines.map((line) => {
                  const lit = selected !== null && line.articles.includes(selected.seq);
                  return (
                    <span key={line.number} id={`L${line.number}`} className={lit ? "line hl" : "line"}>
                      <span className="ln" aria-hidden="true">
                        {line.number}
                      </span>
                      <span className="owner" aria-hidden="true">
                        {line.articles.join(",")}
                      </span>
                      {line.text}
                      {"\n"}
                    </span>
                  );
                })}
              </pre>
              {truncated && <p className="muted">原文过长，只显示前 {lines.length} 行。</p>}
            </>
          )}
        </section>
      </div>
    </article>
  );
}

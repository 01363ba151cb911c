import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { formatDate, headlineOrPlaceholder, kindLabel, pageLabel, UNNAMED_PUBLICATION } from "@/lib/format";
import { getLibrary } from "@/lib/library";
import { rowId } from "@/lib/route-params";

interface Props {
  params: Promise<{ id: string }>;
}

/** The issue by id, read once per request (metadata and page share it). */
const issueById = cache(async (id: number) => (await getLibrary()).issue(id));

async function load(params: Props["params"]) {
  const id = rowId((await params).id);
  if (id === null) notFound();
  const issue = await issueById(id);
  if (!issue) notFound();
  return issue;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await load(params);
  return { title: `${issue.publication ?? UNNAMED_PUBLICATION} ${formatDate(issue.date)}` };
}

export default async function IssuePage({ params }: Props) {
  const issue = await load(params);
  return (
    <article className="issue" aria-labelledby="issue-title">
      <nav aria-label="面包屑" className="breadcrumbs">
        <Link href="/">首页</Link> › <span>{issue.publication ?? UNNAMED_PUBLICATION}</span>
      </nav>
      <h1 id="issue-title">
        {issue.publication ?? UNNAMED_PUBLICATION}
        <small>
          <time dateTime={issue.date ?? undefined}>{formatDate(issue.date)}</time>
        </small>
      </h1>
      <p className="muted">
        {issue.pages} 个版面 · {issue.articles} 篇文章
      </p>
      <nav className="prev-next" aria-label="前后各期">
        {issue.previous ? <Link href={`/issues/${issue.previous.id}`} rel="prev">‹ 上一期（{formatDate(issue.previous.date)}）</Link> : <span />}
        {issue.next ? <Link href={`/issues/${issue.next.id}`} rel="next">下一期（{formatDate(issue.next.date)}）›</Link> : <span />}
      </nav>
      {issue.pageList.map((page) => (
        <section key={page.id} className="issue-page" aria-labelledby={`page-${page.id}`}>
          <h2 id={`page-${page.id}`}>
            <Link href={`/pages/${page.id}`}>{pageLabel(page.pageNumber, page.pageName)}</Link>
            <small className="muted">{page.sourceName}</small>
          </h2>
          {page.articles.length === 0 ? (
            <p className="muted">这个版面没有解析出文章。<Link href={`/pages/${page.id}`}>查看版面原文</Link></p>
          ) : (
            <ol className="article-list">
              {page.articles.map((a) => (
                <li key={a.id}>
                  <Link href={`/articles/${a.id}`}>{headlineOrPlaceholder(a.headline)}</Link>
                  <span className="tag">{kindLabel(a.kind)}</span>
                  {a.byline && <span className="muted"> {a.byline}</span>}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </article>
  );
}

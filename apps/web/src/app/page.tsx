import Link from "next/link";
import { SearchBox } from "@/components/search-box";
import { env } from "@/lib/env";
import { formatCount, formatDate, UNNAMED_PUBLICATION } from "@/lib/format";
import { getLibrary } from "@/lib/library";
import { searchHref } from "@/lib/search-params";

/** How many issues the home page lists. */
const LATEST_ISSUES = 12;

export default async function HomePage() {
  const library = await getLibrary();
  const stats = library.stats();
  const publications = library.publications();
  const issues = library.latestIssues(LATEST_ISSUES);

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">读报</h1>
        <p className="lede">浏览、阅读和检索解析后的报纸版面。一个字、两个字或整句都能查到。</p>
        <SearchBox large />
        <p className="muted">
          文库收录 {formatCount(stats.publications)} 种报刊、{formatCount(stats.issues)} 期、{formatCount(stats.pages)} 个版面、
          {formatCount(stats.articles)} 篇文章。
        </p>
      </section>

      {stats.pages === 0 ? (
        <section className="notice" aria-labelledby="empty-title">
          <h2 id="empty-title">文库还是空的</h2>
          <p>
            用命令 <code>dubao import 版面.txt</code> 导入版面文本
            {env.DUBAO_UPLOAD === "on" && (
              <>
                ，或在<Link href="/upload">上传页</Link>粘贴一个版面
              </>
            )}
            。
          </p>
        </section>
      ) : (
        <div className="columns">
          <section aria-labelledby="issues-title">
            <h2 id="issues-title">最新各期</h2>
            <ul className="card-list">
              {issues.map((issue) => (
                <li key={issue.id}>
                  <Link href={`/issues/${issue.id}`} className="card-link">
                    <span className="card-title">
                      <time dateTime={issue.date ?? undefined}>{formatDate(issue.date)}</time>
                    </span>
                    <span className="card-meta">
                      {issue.publication ?? UNNAMED_PUBLICATION} · {issue.pages} 版 · {issue.articles} 篇
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="pubs-title">
            <h2 id="pubs-title">报刊</h2>
            <ul className="card-list">
              {publications.map((p) => (
                <li key={p.id}>
                  <div className="card">
                    <span className="card-title">{p.name ?? UNNAMED_PUBLICATION}</span>
                    <span className="card-meta">
                      {formatCount(p.issues)} 期 · {formatCount(p.articles)} 篇
                      {p.latestDate && <> · 最新 {formatDate(p.latestDate)}</>}
                    </span>
                    {p.name !== null && (
                      <Link href={searchHref({ publication: p.name })} className="small-link">
                        查看全部文章
                      </Link>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </>
  );
}

import { ARTICLE_KINDS } from "@dubao/core";
import { MAX_SEARCH_OFFSET } from "@dubao/library";
import type { Metadata } from "next";
import Link from "next/link";
import { Marked } from "@/components/marked";
import { Pagination } from "@/components/pagination";
import { simplifiedQuery } from "@/lib/chinese";
import { formatCount, formatDate, headlineOrPlaceholder, kindLabel, pageLabel, UNNAMED_PUBLICATION } from "@/lib/format";
import { getLibrary } from "@/lib/library";
import { MAX_RESULTS_PAGE, parseSearchParams, RESULTS_PER_PAGE, searchHref, type RawParams } from "@/lib/search-params";

interface Props {
  searchParams: Promise<RawParams>;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { fields } = parseSearchParams(await searchParams);
  return { title: fields.q ? `检索：${fields.q}` : "检索" };
}

export default async function SearchPage({ searchParams }: Props) {
  const { fields, page, filters, problems } = parseSearchParams(await searchParams);
  const library = await getLibrary();
  const publications = library.publications().filter((p) => p.name !== null);
  const hasFilters = Object.keys(filters).length > 0;
  const searched = fields.q !== "" || hasFilters;
  const result = searched ? library.search({ query: fields.q, ...filters, offset: (page - 1) * RESULTS_PER_PAGE, limit: RESULTS_PER_PAGE }) : null;
  const reachable = result ? Math.min(result.total, MAX_SEARCH_OFFSET + RESULTS_PER_PAGE) : 0;
  const pages = Math.min(MAX_RESULTS_PAGE, Math.ceil(reachable / RESULTS_PER_PAGE));
  const suggestion = result && result.total === 0 && fields.q ? simplifiedQuery(fields.q) : null;

  return (
    <div className="search-view">
      <h1>检索</h1>
      <form action="/search" method="get" role="search" className="search-form" aria-label="检索文章">
        <div className="field field--wide">
          <label htmlFor="q">字词</label>
          <input id="q" type="search" name="q" defaultValue={fields.q} maxLength={200} placeholder="如：核酸　无疫小区　“复工复产”" autoComplete="off" />
          <p className="hint" id="q-hint">
            空格分开的几个词都要出现；引号里的文字作为整体查找。
          </p>
        </div>
        <div className="field">
          <label htmlFor="from">起始日期</label>
          <input id="from" type="date" name="from" defaultValue={fields.from} />
        </div>
        <div className="field">
          <label htmlFor="to">截止日期</label>
          <input id="to" type="date" name="to" defaultValue={fields.to} />
        </div>
        <div className="field">
          <label htmlFor="publication">报刊</label>
          <select id="publication" name="publication" defaultValue={fields.publication}>
            <option value="">全部报刊</option>
            {publications.map((p) => (
              <option key={p.id} value={p.name!}>
                {p.name}
              </option>
            ))}
            {fields.publication !== "" && !publications.some((p) => p.name === fields.publication) && (
              <option value={fields.publication}>{fields.publication}</option>
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor="person">作者或记者</label>
          <input id="person" type="text" name="person" defaultValue={fields.person} maxLength={200} placeholder="姓名" />
        </div>
        <div className="field">
          <label htmlFor="kind">体裁</label>
          <select id="kind" name="kind" defaultValue={fields.kind}>
            <option value="">全部体裁</option>
            {ARTICLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--actions">
          <button type="submit">检索</button>
          {searched && <Link href="/search">清除条件</Link>}
        </div>
      </form>

      {problems.length > 0 && (
        <ul className="problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}

      {result && (
        <section aria-labelledby="results-title" className="results">
          <h2 id="results-title" className="result-count" aria-live="polite">
            {result.total === 0 ? "没有找到文章" : <>共找到 {formatCount(result.total)} 篇文章</>}
            {result.total > 0 && pages > 1 && (
              <small>
                第 {page} / {pages} 页
              </small>
            )}
          </h2>
          {result.query.truncated && <p className="muted">检索词太长，只用了前面的部分。</p>}
          {fields.q !== "" && result.query.phrases.length === 0 && <p className="muted">检索词里没有可查找的文字（标点和符号不参与检索）。</p>}
          {suggestion && (
            <p>
              要找简体的 <Link href={searchHref({ ...fields, q: suggestion })}>{suggestion}</Link> 吗？
            </p>
          )}
          {result.total > reachable && <p className="muted">结果太多，只能翻到前 {formatCount(reachable)} 篇；请加上日期、报刊等条件缩小范围。</p>}
          <ol className="results-list" start={(page - 1) * RESULTS_PER_PAGE + 1}>
            {result.hits.map((hit) => (
              <li key={hit.id} className="result">
                <h3>
                  <Link href={`/articles/${hit.id}`}>{hit.headlineSegments.length > 0 ? <Marked segments={hit.headlineSegments} /> : headlineOrPlaceholder(hit.headline)}</Link>
                </h3>
                <p className="result-meta">
                  {hit.publication ?? UNNAMED_PUBLICATION} · <time dateTime={hit.date ?? undefined}>{formatDate(hit.date)}</time> ·{" "}
                  <Link href={`/pages/${hit.pageId}?article=${hit.id}`}>{pageLabel(hit.pageNumber, null)}</Link> · <span className="tag">{kindLabel(hit.kind)}</span>
                  {hit.byline && <> · {hit.byline}</>}
                </p>
                <p className="snippet">
                  {hit.snippet.cutStart && "…"}
                  <Marked segments={hit.snippet.segments} />
                  {hit.snippet.cutEnd && "…"}
                </p>
              </li>
            ))}
          </ol>
          <Pagination page={page} pages={pages} href={(p) => searchHref(fields, { page: p })} />
        </section>
      )}
    </div>
  );
}

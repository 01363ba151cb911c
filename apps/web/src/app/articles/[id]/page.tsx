import type { Paragraph } from "@dubao/core";
import type { PersonRole } from "@dubao/library";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { articleInScript, inScript, type Script } from "@/lib/chinese";
import { formatDate, headlineOrPlaceholder, kindLabel, pageLabel, personHref, ROLE_LABELS, UNNAMED_PUBLICATION } from "@/lib/format";
import { getLibrary } from "@/lib/library";
import { isArticleId } from "@/lib/route-params";
import { scriptParam } from "@/lib/script-param";
import { firstLine } from "@/lib/source-lines";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The download formats offered, in the order shown. */
const DOWNLOADS = [
  { format: "md", label: "Markdown" },
  { format: "epub", label: "EPUB" },
  { format: "json", label: "JSON" },
] as const;

/** The article by id, read once per request (metadata and page share it). */
const articleById = cache(async (id: string) => (isArticleId(id) ? (await getLibrary()).article(id) : null));

async function load(params: Props["params"]) {
  const view = await articleById((await params).id);
  if (!view) notFound();
  return view;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const view = await load(params);
  const script = scriptParam((await searchParams).script);
  return { title: inScript(headlineOrPlaceholder(view.article.headline), script) };
}

/** One paragraph in its role: subheads as headings, captions and leads styled apart. */
function ParagraphView({ paragraph }: { paragraph: Paragraph }) {
  switch (paragraph.role) {
    case "subhead":
      return <h2 className="subhead">{paragraph.text}</h2>;
    case "caption":
      return <p className="caption">{paragraph.text}</p>;
    case "lead":
      return <p className="lead">{paragraph.text}</p>;
    default:
      return <p>{paragraph.text}</p>;
  }
}

/** People of the byline grouped by role, each linking to their articles. */
function Byline({ people, script }: { people: Array<{ name: string; role: PersonRole }>; script: Script }) {
  const roles = [...new Set(people.map((p) => p.role))];
  return (
    <p className="byline">
      {roles.map((role, i) => (
        <span key={role} className="byline-role">
          {i > 0 && " "}
          <span className="role">{inScript(ROLE_LABELS[role] ?? role, script)}</span>{" "}
          {people
            .filter((p) => p.role === role)
            .map((p, k) => (
              <span key={p.name}>
                {k > 0 && "、"}
                <Link href={personHref(p.name)} rel="author">
                  {inScript(p.name, script)}
                </Link>
              </span>
            ))}
        </span>
      ))}
    </p>
  );
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const view = await load(params);
  const script = scriptParam((await searchParams).script);
  const a = articleInScript(view.article, script);
  const t = (s: string) => inScript(s, script);
  const here = `/articles/${view.id}`;
  const scriptQuery = script === "hant" ? "?script=hant" : "";
  const line = firstLine(view.article.spans);
  const place = `${view.publication ?? UNNAMED_PUBLICATION} ${formatDate(view.date)} ${pageLabel(view.pageNumber, view.pageName)}`;

  return (
    <div className="article-view">
      <nav aria-label="面包屑" className="breadcrumbs">
        <Link href="/">首页</Link> ›{" "}
        <Link href={`/issues/${view.issueId}`}>
          {view.publication ?? UNNAMED_PUBLICATION} {formatDate(view.date)}
        </Link>{" "}
        › <Link href={`/pages/${view.pageId}`}>{pageLabel(view.pageNumber, view.pageName)}</Link>
      </nav>

      <div className="article-tools">
        <nav aria-label="字形" className="script-switch">
          <Link href={here} aria-current={script === "hans" ? "true" : undefined} lang="zh-Hans" hrefLang="zh-Hans">
            简体
          </Link>
          <Link href={`${here}?script=hant`} aria-current={script === "hant" ? "true" : undefined} lang="zh-Hant" hrefLang="zh-Hant">
            繁體
          </Link>
        </nav>
        <nav aria-label="下载" className="downloads">
          <span>{t("下载")}</span>
          {DOWNLOADS.map((d) => (
            <a key={d.format} href={`${here}/download/${d.format}${scriptQuery}`} download>
              {d.label}
            </a>
          ))}
        </nav>
      </div>

      <article className="article" lang={script === "hant" ? "zh-Hant" : "zh-Hans"} aria-labelledby="headline">
        <header>
          {a.column && <p className="column-label">{a.column}</p>}
          {a.kicker && <p className="kicker">{a.kicker}</p>}
          <h1 id="headline">{headlineOrPlaceholder(a.headline)}</h1>
          {a.subheadline && <p className="subtitle">{a.subheadline}</p>}
          <p className="article-meta">
            <span>{t(view.publication ?? UNNAMED_PUBLICATION)}</span> ·{" "}
            <time dateTime={view.date ?? undefined}>{t(formatDate(view.date))}</time> ·{" "}
            <span>{t(pageLabel(view.pageNumber, view.pageName))}</span> · <span className="tag">{t(kindLabel(a.kind))}</span>
          </p>
          {a.dateline && <p className="dateline">{a.dateline}</p>}
          {view.people.length > 0 ? (
            <Byline people={view.people} script={script} />
          ) : (
            a.byline && <p className="byline">{a.byline.raw}</p>
          )}
        </header>
        <div className="article-body">
          {a.paragraphs.map((p, i) => (
            <ParagraphView key={i} paragraph={p} />
          ))}
          {a.paragraphs.length === 0 && <p className="muted">{t("这篇文章没有正文。")}</p>}
          {a.jumps.map((j, i) => (
            <p key={i} className="jump">
              {j.raw}
            </p>
          ))}
        </div>
      </article>

      <p className="source-link">
        <Link href={`/pages/${view.pageId}?article=${view.id}${line === null ? "" : `#L${line}`}`}>在版面原文中查看这篇文章</Link>
        <span className="muted"> · {place}</span>
      </p>

      <nav className="prev-next" aria-label="同版前后文章">
        {view.previous ? (
          <Link href={`/articles/${view.previous.id}${scriptQuery}`} rel="prev">
            ‹ {t(headlineOrPlaceholder(view.previous.headline))}
          </Link>
        ) : (
          <span />
        )}
        {view.next ? (
          <Link href={`/articles/${view.next.id}${scriptQuery}`} rel="next">
            {t(headlineOrPlaceholder(view.next.headline))} ›
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}

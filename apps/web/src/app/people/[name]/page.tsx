import type { PersonRole } from "@dubao/library";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/pagination";
import { formatCount, formatDate, headlineOrPlaceholder, kindLabel, personHref, ROLE_LABELS, UNNAMED_PUBLICATION } from "@/lib/format";
import { getLibrary } from "@/lib/library";
import { searchHref } from "@/lib/search-params";

interface Props {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Articles per page of a person's list. */
const PER_PAGE = 50;

/** Longest name looked up (longer ones cannot be in a byline). */
const MAX_NAME_CHARS = 200;

function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

async function load(params: Props["params"], page: number) {
  let name: string;
  try {
    name = decodeURIComponent((await params).name);
  } catch {
    notFound();
  }
  if (name.length > MAX_NAME_CHARS) notFound();
  const person = (await getLibrary()).person(name, (page - 1) * PER_PAGE, PER_PAGE);
  if (!person) notFound();
  return person;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const person = await load(params, 1);
  return { title: person.name };
}

export default async function PersonPage({ params, searchParams }: Props) {
  const page = pageParam((await searchParams).page);
  const person = await load(params, page);
  const roles = Object.entries(person.roles) as Array<[PersonRole, number]>;
  const pages = Math.ceil(person.total / PER_PAGE);

  return (
    <article className="person" aria-labelledby="person-title">
      <nav aria-label="面包屑" className="breadcrumbs">
        <Link href="/">首页</Link> › <span>作者</span>
      </nav>
      <h1 id="person-title">{person.name}</h1>
      <p className="muted">
        署名 {formatCount(person.total)} 篇：
        {roles.map(([role, n], i) => (
          <span key={role}>
            {i > 0 && "，"}
            {ROLE_LABELS[role] ?? role} {formatCount(n)} 篇
          </span>
        ))}
      </p>
      <p>
        <Link href={searchHref({ person: person.name })}>在检索中按日期、报刊或体裁筛选 {person.name} 的文章</Link>
      </p>
      <ol className="results-list" start={(page - 1) * PER_PAGE + 1}>
        {person.articles.map((a) => (
          <li key={a.id} className="result">
            <h2>
              <Link href={`/articles/${a.id}`}>{headlineOrPlaceholder(a.headline)}</Link>
            </h2>
            <p className="result-meta">
              {a.publication ?? UNNAMED_PUBLICATION} · <time dateTime={a.date ?? undefined}>{formatDate(a.date)}</time> ·{" "}
              <span className="tag">{kindLabel(a.kind)}</span> · {a.roles.map((r) => ROLE_LABELS[r] ?? r).join("、")}
            </p>
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} href={(p) => `${personHref(person.name)}${p > 1 ? `?page=${p}` : ""}`} />
    </article>
  );
}

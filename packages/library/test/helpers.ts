import { createHash } from "node:crypto";
import { ArticleSchema, PageSchema, SCHEMA_VERSION, type Article, type Page, type PageInfo } from "@dubao/core";

/** What a test article needs; the rest gets neutral defaults. */
export interface ArticleSpec {
  headline?: string | null;
  kicker?: string | null;
  subheadline?: string | null;
  kind?: Article["kind"];
  paragraphs?: string[];
  reporters?: string[];
  photographers?: string[];
  authors?: string[];
  bylineRaw?: string;
}

/** A schema-valid Article for tests. */
export function makeArticle(spec: ArticleSpec, index = 0): Article {
  const people = [...(spec.reporters ?? []), ...(spec.photographers ?? []), ...(spec.authors ?? [])];
  return ArticleSchema.parse({
    id: `a${index + 1}`,
    kind: spec.kind ?? "news",
    column: null,
    kicker: spec.kicker ?? null,
    headline: spec.headline === undefined ? `标题${index + 1}` : spec.headline,
    subheadline: spec.subheadline ?? null,
    dateline: null,
    byline:
      people.length > 0
        ? {
            raw: spec.bylineRaw ?? people.join(" "),
            reporters: spec.reporters ?? [],
            correspondents: [],
            photographers: spec.photographers ?? [],
            editors: [],
            authors: spec.authors ?? [],
          }
        : null,
    paragraphs: (spec.paragraphs ?? ["正文。"]).map((text) => ({ text, role: "body", spans: [] })),
    jumps: [],
    spans: [{ start: 0, end: 1, line: 1, endLine: 1 }],
  });
}

/** A schema-valid Page for tests; its source hash comes from `text` (unique per call by default). */
let counter = 0;
export function makePage(articles: ArticleSpec[], options: { text?: string; name?: string; info?: PageInfo } = {}): Page {
  const text = options.text ?? `page dump ${++counter} ${Math.random()}`;
  const sha256 = createHash("sha256").update(text, "utf8").digest("hex");
  return PageSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    id: `page-${sha256.slice(0, 16)}`,
    source: { name: options.name ?? "page.txt", format: "text", sha256, encoding: "utf-8" },
    page: options.info ?? {},
    articles: articles.map((a, i) => makeArticle(a, i)),
    unassigned: [],
    diagnostics: [],
  });
}

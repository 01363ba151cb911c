import "server-only";
import type { Article } from "@dubao/core";
import { Converter as SimplifiedToTraditional } from "opencc-js/cn2t";
import { Converter as TraditionalToSimplified } from "opencc-js/t2cn";

/** The scripts the reader shows text in. */
export type Script = "hans" | "hant";

/** Simplified (mainland) to Traditional (Taiwan standard, with its phrase conversions). */
const toTraditional = SimplifiedToTraditional({ from: "cn", to: "tw" });
const toSimplified = TraditionalToSimplified({ from: "tw", to: "cn" });

/**
 * Text in the script asked for (articles are stored as printed, usually Simplified).
 * @param text any text
 * @param script `hant` converts to Traditional; `hans` returns the text as is
 */
export function inScript(text: string, script: Script): string {
  return script === "hant" ? toTraditional(text) : text;
}

/** Like {@link inScript} for nullable fields. */
export function inScriptOrNull(text: string | null, script: Script): string | null {
  return text === null ? null : inScript(text, script);
}

/**
 * An article with every displayed text in the script asked for. Spans and people's names as
 * filed (used in links) are left alone.
 */
export function articleInScript(article: Article, script: Script): Article {
  if (script === "hans") return article;
  const t = (s: string | null) => inScriptOrNull(s, script);
  return {
    ...article,
    column: t(article.column),
    kicker: t(article.kicker),
    headline: t(article.headline),
    subheadline: t(article.subheadline),
    dateline: t(article.dateline),
    byline: article.byline ? { ...article.byline, raw: inScript(article.byline.raw, script) } : null,
    paragraphs: article.paragraphs.map((p) => ({ ...p, text: inScript(p.text, script) })),
    jumps: article.jumps.map((j) => ({ ...j, raw: inScript(j.raw, script) })),
  };
}

/**
 * A query in Simplified characters, for suggesting when a Traditional query finds nothing.
 * @returns the converted query, or `null` when conversion changes nothing
 */
export function simplifiedQuery(query: string): string | null {
  const converted = toSimplified(query);
  return converted === query ? null : converted;
}

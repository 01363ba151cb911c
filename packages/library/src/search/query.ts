import { chainPhrase } from "./index-terms.js";
import { textChains } from "./units.js";

/**
 * Longest query read, in characters; the rest is ignored. Headlines and quotations people paste
 * are well under this, and a bound keeps every query's cost bounded.
 */
export const MAX_QUERY_CHARS = 200;

/** Most phrases a query may hold; more are ignored (each one is a full index look-up). */
export const MAX_QUERY_PHRASES = 12;

/** One phrase of a query: characters that must stand next to each other in an article. */
export interface QueryPhrase {
  /** The folded characters (letters, digits), in order. */
  chars: string[];
}

/** A query as dubao understands it. */
export interface ParsedQuery {
  /** The phrases, all of which an article must contain (AND). Empty when nothing is searchable. */
  phrases: QueryPhrase[];
  /** The FTS5 MATCH expression, or `null` when there are no phrases. */
  match: string | null;
  /** Whether part of the query was ignored for being too long or having too many phrases. */
  truncated: boolean;
}

const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["\u201c", "\u201d"], // “ ”
  ["\u300c", "\u300d"], // 「 」
  ["\u300e", "\u300f"], // 『 』
];

/**
 * Parses what a reader typed into phrases. Words separated by spaces must all appear; text in
 * quotes ("…", “…”, 「…」) is one phrase even with spaces inside; spaces inside a word are
 * ignored as in the index; punctuation splits a word into phrases that must all appear.
 * Never throws, whatever the input: the MATCH expression is built only from letters and digits.
 * @param input the query as typed
 */
export function parseQuery(input: string): ParsedQuery {
  const chars = Array.from(input);
  let truncated = chars.length > MAX_QUERY_CHARS;
  const text = truncated ? chars.slice(0, MAX_QUERY_CHARS).join("") : input;

  const phrases: QueryPhrase[] = [];
  const seen = new Set<string>();
  for (const word of splitWords(text)) {
    for (const chain of textChains(word)) {
      const key = chain.join("");
      if (seen.has(key)) continue;
      if (phrases.length === MAX_QUERY_PHRASES) {
        truncated = true;
        break;
      }
      seen.add(key);
      phrases.push({ chars: chain });
    }
  }
  return { phrases, match: phrases.length === 0 ? null : matchExpression(phrases), truncated };
}

/** Splits on whitespace outside quotes; a quoted stretch is one word. */
function splitWords(text: string): string[] {
  const words: string[] = [];
  let current = "";
  let closing: string | null = null;
  for (const ch of text) {
    if (closing !== null) {
      if (ch === closing) {
        words.push(current);
        current = "";
        closing = null;
      } else if (!/\s/u.test(ch)) {
        current += ch;
      }
      continue;
    }
    const quote = QUOTES.find(([open]) => open === ch);
    if (quote) {
      if (current !== "") words.push(current);
      current = "";
      closing = quote[1];
    } else if (/\s/u.test(ch)) {
      if (current !== "") words.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  if (current !== "") words.push(current);
  return words;
}

/**
 * The FTS5 phrases of a query, ANDed. No column filter: a bigram term (two units) is only ever in
 * the bigram columns and a one-unit term only in the character columns (see indexTerms), so a
 * filter changes no match and no bm25 score, and FTS5 reading every hit's column to apply it
 * cost a sixth of a 4-character search and almost half of a 1-character one.
 */
function matchExpression(phrases: readonly QueryPhrase[]): string {
  return phrases.map(({ chars }) => `"${chainPhrase(chars).terms.join(" ")}"`).join(" AND ");
}

/**
 * The one index term a query searches for, when it is one: a query of one phrase of one or two
 * units (a bigram or a single unit, see chainPhrase); otherwise `null`.
 * @param query a parsed query
 */
export function singleTerm(query: ParsedQuery): string | null {
  if (query.phrases.length !== 1) return null;
  const { terms } = chainPhrase(query.phrases[0]!.chars);
  return terms.length === 1 ? terms[0]! : null;
}

import type { QueryPhrase } from "./query.js";
import { foldInto, type FoldBuffers } from "./units.js";

/** A piece of text; `hit` pieces matched the query. Render `text` escaped, with hits marked. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** A snippet: where it starts and ends in the text, and its segments. */
export interface Snippet {
  segments: Segment[];
  /** Whether text before / after the snippet was left out. */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * Characters a snippet shows. About two lines of a results list on a phone, four on a desktop.
 */
export const SNIPPET_CHARS = 110;

/** Where a snippet may begin: just after the end of a sentence or clause. */
const SENTENCE_ENDS = "。！？；，、：!?;,:\n";

/** Characters of context shown before the first hit of a snippet. */
const SNIPPET_LEAD_CHARS = 24;

/**
 * Where the phrases occur in a text: the same rule as the index (consecutive units of one chain).
 * @param text the text to search
 * @param phrases the query's phrases
 * @returns sorted, merged `[start, end)` UTF-16 ranges, each with the phrases it covers
 */
export function findHits(text: string, phrases: readonly QueryPhrase[]): Array<{ start: number; end: number; phrases: Set<number> }> {
  return hitsOf(text, phrases).hits;
}

/** A text's hits, and its folding (valid until the next fold in this thread), for {@link snippetOf}. */
function hitsOf(text: string, phrases: readonly QueryPhrase[]): { hits: Array<{ start: number; end: number; phrases: Set<number> }>; folded: FoldBuffers | null } {
  if (phrases.length === 0 || text === "") return { hits: [], folded: null };
  const folded = foldInto(text);
  const { units, start, end, length } = folded;
  const raw: Array<{ start: number; end: number; phrase: number }> = [];
  phrases.forEach((phrase, p) => {
    // Units of one chain stand next to each other in the folded text, chains apart (see
    // foldInto): every place the phrase's code units stand in a row is a hit (overlaps too).
    const needle = phrase.chars.join("");
    const first = needle.charCodeAt(0);
    const last = length - needle.length;
    next: for (let at = 0; at <= last; at++) {
      if (units[at] !== first) continue;
      for (let k = 1; k < needle.length; k++) if (units[at + k] !== needle.charCodeAt(k)) continue next;
      raw.push({ start: start[at]!, end: end[at + needle.length - 1]!, phrase: p });
    }
  });
  return { hits: mergeHits(raw), folded };
}

/**
 * Phrase hits sorted by start and merged where they overlap or touch, each merged range with the
 * phrases it covers (sorts `raw` in place).
 * @param raw one entry per place a phrase was found
 */
export function mergeHits(raw: Array<{ start: number; end: number; phrase: number }>): Array<{ start: number; end: number; phrases: Set<number> }> {
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Array<{ start: number; end: number; phrases: Set<number> }> = [];
  for (const h of raw) {
    const last = merged[merged.length - 1];
    if (last && h.start <= last.end) {
      last.end = Math.max(last.end, h.end);
      last.phrases.add(h.phrase);
    } else {
      merged.push({ start: h.start, end: h.end, phrases: new Set([h.phrase]) });
    }
  }
  return merged;
}


/**
 * A whole text cut into segments with the query's hits marked.
 * @param text e.g. a headline
 * @param phrases the query's phrases
 */
export function markText(text: string, phrases: readonly QueryPhrase[]): Segment[] {
  return segmentsOf(text, findHits(text, phrases), 0, text.length);
}

/**
 * The stretch of a text that best shows why it matched: the window of {@link SNIPPET_CHARS}
 * characters holding the most different phrases, starting a little before its first hit.
 * Without hits (the match was in the headline), the start of the text.
 * @param text the article's body text (paragraphs joined by newlines)
 * @param phrases the query's phrases
 */
export function makeSnippet(text: string, phrases: readonly QueryPhrase[]): Snippet {
  return snippetOf(text, phrases, true)!;
}

/**
 * {@link makeSnippet} of a text of which only a prefix is at hand (fetching and decoding a whole
 * article body costs more than making its snippet), or `null` when the prefix is too short to
 * be sure of it. Sure means: the snippet ends before the prefix does, and every hit that begins
 * before the snippet's end lies wholly in the prefix (the prefix folds as the text does up to its
 * end, so its hits are the text's hits); for one phrase the snippet starts at the first hit, so
 * nothing after the prefix can change it. A query of several phrases weighs hits anywhere in
 * the text: `null` unless `prefix` is the whole text (use {@link makeSnippet}).
 * @param prefix the start of the text, not all of it
 * @param phrases the query's phrases
 */
export function makePrefixSnippet(prefix: string, phrases: readonly QueryPhrase[]): Snippet | null {
  return phrases.length === 1 ? snippetOf(prefix, phrases, false) : null;
}

/**
 * The snippet of `text` (`whole`), or of the text that `text` begins (not `whole`), or `null`
 * when that prefix is too short to be sure (see {@link makePrefixSnippet}).
 */
function snippetOf(text: string, phrases: readonly QueryPhrase[], whole: boolean): Snippet | null {
  const { hits, folded } = hitsOf(text, phrases);
  let start = 0;
  if (hits.length > 0) {
    let best = hits[0]!;
    let bestCount = 0;
    // The first window holding the most phrases wins: none can hold more than all of them.
    for (let i = 0; i < hits.length && bestCount < phrases.length; i++) {
      const covered = new Set<number>();
      for (let j = i; j < hits.length && hits[j]!.start < hits[i]!.start + SNIPPET_CHARS - SNIPPET_LEAD_CHARS; j++) {
        for (const p of hits[j]!.phrases) covered.add(p);
      }
      if (covered.size > bestCount) {
        best = hits[i]!;
        bestCount = covered.size;
      }
    }
    start = Math.max(0, best.start - SNIPPET_LEAD_CHARS);
    // Begin at a sentence when one starts within the lead-in, rather than mid-word.
    const lead = text.slice(start, best.start);
    let sentenceEnd = lead.length - 1;
    while (sentenceEnd >= 0 && !SENTENCE_ENDS.includes(lead[sentenceEnd]!)) sentenceEnd--;
    if (sentenceEnd >= 0) start += sentenceEnd + 1;
  }
  // Start at the paragraph of the first hit shown when the lead-in would reach into the one before.
  const firstShown = hits.find((h) => h.start >= start)?.start ?? start;
  const lineBreak = firstShown > 0 ? text.lastIndexOf("\n", firstShown - 1) : -1;
  if (lineBreak >= start) start = lineBreak + 1;
  start = snapToCodePoint(text, start);
  if (!whole && !(hits.length > 0 && start + SNIPPET_CHARS < text.length && hitsBeforeAreWhole(folded, start + SNIPPET_CHARS, phrases))) return null;
  const end = snapToCodePoint(text, Math.min(text.length, start + SNIPPET_CHARS));
  const segments = segmentsOf(text, hits, start, end).map((s) => (s.text.includes("\n") ? { ...s, text: s.text.replace(/\s*\n\s*/g, " ") } : s));
  return { segments: segments.filter((s) => s.text !== ""), cutStart: start > 0, cutEnd: !whole || end < text.length };
}

/**
 * Whether every hit of a prefix's folding that begins before text offset `before` lies wholly
 * in it: at least a phrase's length of folded units follow the last unit before `before`.
 */
function hitsBeforeAreWhole(folded: FoldBuffers | null, before: number, phrases: readonly QueryPhrase[]): boolean {
  if (folded === null) return false;
  let longest = 0;
  for (const p of phrases) longest = Math.max(longest, p.chars.join("").length);
  let first = 0; // the first folded unit from `before` on
  while (first < folded.length && folded.start[first]! < before) first++;
  return folded.length - first >= longest;
}

function segmentsOf(text: string, hits: ReadonlyArray<{ start: number; end: number }>, from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let pos = from;
  for (const h of hits) {
    if (h.end <= from || h.start >= to) continue;
    const s = Math.max(h.start, from);
    const e = Math.min(h.end, to);
    if (s > pos) out.push({ text: text.slice(pos, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    pos = e;
  }
  if (pos < to) out.push({ text: text.slice(pos, to), hit: false });
  return out;
}

/** Moves an offset off the second half of a surrogate pair. */
function snapToCodePoint(text: string, offset: number): number {
  if (offset > 0 && offset < text.length) {
    const code = text.charCodeAt(offset);
    if (code >= 0xdc00 && code <= 0xdfff) return offset - 1;
  }
  return offset;
}

/**
 * A snippet as plain text with the hit ranges, for the JSON API.
 * @param snippet a snippet from {@link makeSnippet}
 * @returns the text (with "…" where cut) and `[start, end)` UTF-16 ranges of the hits in it
 */
export function snippetText(snippet: Snippet): { text: string; marks: Array<[number, number]> } {
  let text = snippet.cutStart ? "…" : "";
  const marks: Array<[number, number]> = [];
  for (const s of snippet.segments) {
    if (s.hit) marks.push([text.length, text.length + s.text.length]);
    text += s.text;
  }
  if (snippet.cutEnd) text += "…";
  return { text, marks };
}

/**
 * Word evidence: which story shares a heading's words. Character bigrams stand in for words
 * (Chinese has no spaces); bigrams found in many stories of the page weigh less (idf).
 * Bigrams are numbers (two UTF-16 units), so counting allocates no strings.
 */
import { isCjkChar } from "../text/chars.js";

/**
 * Small id of a word character (CJK ideograph, extension A, ASCII letter or digit), or -1.
 * Ids stay below {@link WORD_IDS} so a pair of them is a small integer, which V8 keeps unboxed.
 */
function wordId(c: number): number {
  if (c >= 0x4e00 && c <= 0x9fff) return c - 0x4e00;
  if (c >= 0x3400 && c <= 0x4dbf) return 0x5200 + (c - 0x3400);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 0x6bc0 + c;
  return -1;
}
const WORD_IDS = 0x6c40;

/** Distinct bigrams of the CJK ideographs, Latin letters and digits of a text (other characters skipped). */
export function bigrams(text: string): Set<number> {
  const out = new Set<number>();
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = wordId(text.charCodeAt(i));
    if (c < 0) {
      if (c >= 0xd800 && c <= 0xdfff && isCjkChar(text.slice(i, i + 2))) {
        prev = -1; // rare ideographs beyond the BMP break the chain; they are not counted
        i++;
      }
      continue;
    }
    if (prev >= 0) out.add(prev * WORD_IDS + c);
    prev = c;
  }
  return out;
}

/** Bigram sets of the stories of a page, with document frequencies. */
export class PageLexicon {
  private readonly docs: Set<number>[] = [];
  private readonly df = new Map<number, number>();
  private readonly pairCounts = new Map<number, number>();
  private readonly headingGrams = new Map<string, Set<number>>();

  /** Counts how often each pair of adjacent characters occurs inside the page's lines. */
  constructor(lineTexts: readonly string[]) {
    for (const text of lineTexts) {
      let prev = -1;
      for (let i = 0; i < text.length; i++) {
        const c = wordId(text.charCodeAt(i));
        if (c >= 0 && prev >= 0) {
          const pair = prev * WORD_IDS + c;
          this.pairCounts.set(pair, (this.pairCounts.get(pair) ?? 0) + 1);
        }
        prev = c;
      }
    }
  }

  /** How often word character `a` is directly followed by word character `b` inside a line of the page. */
  junctionCount(a: string, b: string): number {
    if (a.length !== 1 || b.length !== 1) return 0;
    const ia = wordId(a.charCodeAt(0));
    const ib = wordId(b.charCodeAt(0));
    return ia < 0 || ib < 0 ? 0 : (this.pairCounts.get(ia * WORD_IDS + ib) ?? 0);
  }

  /** Registers a story's text; returns its document index. */
  addDocument(text: string): number {
    const set = bigrams(text);
    for (const g of set) this.df.set(g, (this.df.get(g) ?? 0) + 1);
    this.docs.push(set);
    return this.docs.length - 1;
  }

  /**
   * Share (0..1, idf-weighted) of the heading's bigrams that the story contains.
   * @param heading text of a heading or kicker
   * @param doc index from {@link addDocument}
   */
  similarity(heading: string, doc: number): number {
    const set = this.docs[doc];
    if (!set) return 0;
    let grams = this.headingGrams.get(heading);
    if (!grams) {
      grams = bigrams(heading);
      this.headingGrams.set(heading, grams);
    }
    let total = 0;
    let shared = 0;
    const n = this.docs.length;
    for (const g of grams) {
      const weight = Math.log((n + 1) / ((this.df.get(g) ?? 0) + 0.5));
      if (weight <= 0) continue;
      total += weight;
      if (set.has(g)) shared += weight;
    }
    return total === 0 ? 0 : shared / total;
  }
}

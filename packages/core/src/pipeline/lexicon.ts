/**
 * Word evidence: which story shares a heading's words. Character bigrams stand in for words
 * (Chinese has no spaces); bigrams found in many stories of the page weigh less (idf).
 */
import { isCjkChar } from "../text/chars.js";

/** Distinct CJK bigrams of a text. */
export function bigrams(text: string): Set<string> {
  const chars = Array.from(text).filter((c) => isCjkChar(c) || /[A-Za-z0-9]/.test(c));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Bigram sets of the stories of a page, with document frequencies. */
export class PageLexicon {
  private readonly docs: Set<string>[] = [];
  private readonly df = new Map<string, number>();
  private readonly pairCounts = new Map<string, number>();

  /** Counts how often each pair of adjacent characters occurs inside the page's lines. */
  constructor(lineTexts: readonly string[]) {
    for (const text of lineTexts) {
      const chars = Array.from(text);
      for (let i = 0; i + 1 < chars.length; i++) {
        const pair = chars[i]! + chars[i + 1]!;
        this.pairCounts.set(pair, (this.pairCounts.get(pair) ?? 0) + 1);
      }
    }
  }

  /** How often `a` is directly followed by `b` inside a line of the page (not across line breaks). */
  junctionCount(a: string, b: string): number {
    return this.pairCounts.get(a + b) ?? 0;
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
    let total = 0;
    let shared = 0;
    const n = this.docs.length;
    for (const g of bigrams(heading)) {
      const weight = Math.log((n + 1) / ((this.df.get(g) ?? 0) + 0.5));
      if (weight <= 0) continue;
      total += weight;
      if (set.has(g)) shared += weight;
    }
    return total === 0 ? 0 : shared / total;
  }
}

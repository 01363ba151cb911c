import { textChains } from "./units.js";

/**
 * How an article's text is laid out for SQLite FTS5.
 *
 * FTS5's default tokenizer sees a run of Chinese as one token and its `trigram` tokenizer cannot
 * match two characters, so dubao tokenizes itself and gives FTS5 space-separated terms (read by
 * the `ascii` tokenizer, which keeps every non-ASCII character as it is):
 * - a *bigrams* column: every pair of adjacent units in a chain (`核酸检测` → `核酸 酸检 检测`).
 *   A query of two or more characters is the FTS5 phrase of its bigrams, so it matches exactly
 *   where the characters stand next to each other: an exact substring match, never a guess.
 * - a *chars* column: every unit alone, for one-character queries.
 *
 * A chain break emits nothing, so no bigram ever spans punctuation; since every phrase of two or
 * more bigrams contains the bigram that joins them, placing two chains' bigrams side by side
 * cannot create a false match.
 */
export interface IndexTerms {
  bigrams: string;
  chars: string;
}

/**
 * The FTS5 terms of some texts (each text its own chains, e.g. headline and each paragraph).
 * @param texts the texts of one field
 */
export function indexTerms(texts: readonly string[]): IndexTerms {
  const bigrams: string[] = [];
  const chars: string[] = [];
  for (const text of texts) {
    for (const chain of textChains(text)) {
      for (let i = 0; i < chain.length; i++) {
        chars.push(chain[i]!);
        if (i + 1 < chain.length) bigrams.push(chain[i]! + chain[i + 1]!);
      }
    }
  }
  return { bigrams: bigrams.join(" "), chars: chars.join(" ") };
}

/**
 * The terms of one chain of a query, as the phrase that finds it in an index made by
 * {@link indexTerms}.
 * @param chain folded characters, at least one
 * @returns which columns to search and the phrase's terms
 */
export function chainPhrase(chain: readonly string[]): { columns: "bigrams" | "chars"; terms: string[] } {
  if (chain.length === 1) return { columns: "chars", terms: [chain[0]!] };
  const terms: string[] = [];
  for (let i = 0; i + 1 < chain.length; i++) terms.push(chain[i]! + chain[i + 1]!);
  return { columns: "bigrams", terms };
}

/**
 * Evidence that two pieces of text join across a cut (a column's foot and the head of the next):
 * the characters on either side form a pair the page itself prints elsewhere, or a word of the
 * language runs across the cut.
 */
import type { PageLexicon } from "./lexicon.js";
import { COMMON_WORDS } from "./words-data.js";

/** How strongly text ending `tail` goes on with text starting `head` (0: no evidence). */
export type Junction = (tail: string, head: string) => number;

/** Characters looked at on each side of a cut: words up to four characters can run across it. */
const SIDE = 3;

/** The common words, made into a set on first use. */
let commonWords: ReadonlySet<string> | null = null;

/**
 * The junction evidence of a page: how often the page prints the two characters across the cut
 * together, or failing that 1 when a common word runs across the cut (`对党忠` + `诚`).
 */
export function junctionOf(lexicon: PageLexicon): Junction {
  return (tail, head) => {
    const before = sideBefore(tail);
    const after = sideAfter(head);
    const seen = lexicon.junctionCount(before[before.length - 1] ?? "", after[0] ?? "");
    if (seen > 0) return seen;
    return crossesWord(before, after, loadCommonWords()) ? 1 : 0;
  };
}

/** True when a common word runs across the cut between `tail` and `head` (`恢复小区出` + `入公交`). */
export function wordAcross(tail: string, head: string): boolean {
  return crossesWord(sideBefore(tail), sideAfter(head), loadCommonWords());
}

/** True when `text` is one of the common words (`信心`, not the name `俱鹤飞`). */
export function isCommonWord(text: string): boolean {
  return loadCommonWords().has(text);
}

/**
 * True when the cut falls between two whole words: `tail` ends with a common word of two
 * characters and `head` opens with one (`干部身上` | `市民排忧`). A word the two characters across
 * such a cut make (`上市`) is then a coincidence of characters, not a word the cut broke.
 */
export function cutBetweenWords(tail: string, head: string): boolean {
  const before = Array.from(tail.slice(-4)).slice(-2);
  const after = Array.from(head.slice(0, 4)).slice(0, 2);
  return before.length === 2 && after.length === 2 && isCommonWord(before.join("")) && isCommonWord(after.join(""));
}

const loadCommonWords = (): ReadonlySet<string> => (commonWords ??= new Set(COMMON_WORDS.split(" ")));
const sideBefore = (tail: string): string[] => Array.from(tail.slice(-2 * SIDE)).slice(-SIDE);
const sideAfter = (head: string): string[] => Array.from(head.slice(0, 2 * SIDE)).slice(0, SIDE);

/** True when a word of 2–4 characters is made of the last characters before and the first after the cut. */
function crossesWord(before: readonly string[], after: readonly string[], words: ReadonlySet<string>): boolean {
  // the endings of the text before the cut and the openings after it, each made once
  const endings: string[] = [];
  for (let i = before.length - 1, text = ""; i >= 0; i--) endings.push((text = before[i]! + text));
  let opening = "";
  for (let j = 0; j < after.length; j++) {
    opening += after[j]!;
    for (let k = 0; k < endings.length; k++) {
      const length = k + 1 + j + 1;
      if (length >= 2 && length <= 4 && words.has(endings[k]! + opening)) return true;
    }
  }
  return false;
}

/**
 * Two headlines printed one over the other in a dump that marks no text boxes: the headline a
 * story prints after its text, then the next story's headline over its text, come as two lines of
 * one heading (`复工复产人员可以通过公交通勤` / `谎称招方舱志愿者骗中介费`), where pdftotext would
 * print a blank line between their boxes. The words tell them apart: each line shares the words of
 * the story on its own side.
 */
import type { Gap } from "./flow.js";
import type { Draft } from "./flow.js";
import type { Unit } from "./units.js";

/**
 * A line's share of one story's words beats its share of the other by at least this (similarity,
 * 0..1), as a heading's must to decide a page's order of headings and stories (assign.ts).
 */
const SIDE_MARGIN = 0.15;

/**
 * Splits, in place, each two-line heading of a gap between two stories whose first line shares
 * the words of the story before and whose second those of the story after (each by
 * {@link SIDE_MARGIN}) into two one-line headings.
 * @param similarity a heading text's share of a story's words (0..1)
 */
export function splitStackedHeadings(gaps: readonly Gap[], similarity: (text: string, story: Draft) => number): void {
  for (const gap of gaps) {
    const { prev, next } = gap;
    if (prev === null || next === null) continue;
    for (let k = gap.units.length - 1; k >= 0; k--) {
      const unit = gap.units[k]!;
      if (unit.kind !== "heading" || unit.lines.length !== 2) continue;
      const [first, second] = unit.lines as [Unit["lines"][0], Unit["lines"][0]];
      const leansBack = similarity(first.text, prev) - similarity(first.text, next) >= SIDE_MARGIN;
      const leansOn = similarity(second.text, next) - similarity(second.text, prev) >= SIDE_MARGIN;
      if (!leansBack || !leansOn) continue;
      gap.units.splice(k, 1, { ...unit, lines: [first], blankAfter: false }, { ...unit, lines: [second], blankBefore: false });
    }
  }
}

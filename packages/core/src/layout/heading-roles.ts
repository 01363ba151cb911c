/**
 * Heading roles from type size and position: in a stack of headings, the largest type is the
 * headline, smaller type printed above it the kicker (引题), smaller type below it the subtitle
 * (副题). The dump parser can only tell these apart by punctuation (`：` ending a kicker, `——`
 * opening a subtitle); the layout has the sizes.
 */
import type { Unit } from "../pipeline/units.js";
import { unitHeadingText } from "../pipeline/unit-text.js";
import type { Article } from "../schema.js";
import type { HeadingGroup } from "./stories.js";

/** Headings this much smaller (points) than the largest of their stack are kicker or subtitle type. */
const SMALLER_BY = 0.5;

/**
 * Sets an article's kicker, headline and subtitle from its heading stack, when the stack has
 * headings in more than one size (in place).
 * @returns the heading units now used by the article (drop them from its leftovers)
 */
export function applyHeadingRoles(article: Article, heads: HeadingGroup | null): Set<Unit> {
  const used = new Set<Unit>();
  if (!heads || heads.vertical) return used;
  const stack = heads.pieces.filter((p) => p.unit.kind === "heading").sort((a, b) => a.box[1] - b.box[1]);
  if (stack.length < 2) return used;
  const largest = Math.max(...stack.map((p) => p.size));
  const k = stack.findIndex((p) => p.size >= largest - SMALLER_BY / 2);
  const main = stack[k]!;
  const above = stack.slice(0, k);
  const below = stack.slice(k + 1);
  // one size only, or a stack the punctuation rules already read: nothing to add
  if (above.length === 0 && below.every((p) => p.size >= largest - SMALLER_BY)) return used;
  const text = (units: readonly { unit: Unit }[]) => units.map((p) => unitHeadingText(p.unit)).join(" ");
  article.kicker = above.length > 0 ? text(above) : null;
  article.headline = unitHeadingText(main.unit);
  article.subheadline = below.length > 0 ? text(below).replace(/^——\s*/u, "——") : null;
  for (const p of stack) used.add(p.unit);
  return used;
}

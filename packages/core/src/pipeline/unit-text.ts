/** Text of a unit as a heading: lines joined, spaces normalised. */
import { joinWrappedLines, normalizeHeading } from "../text/normalize.js";
import { collapseSpaces } from "./byline.js";
import type { Line } from "./lines.js";
import type { Unit } from "./units.js";

/** The heading text of a unit: a vertical headline's glyphs in order, or its lines joined. */
export function unitHeadingText(unit: Unit): string {
  if (unit.kind === "vertical") return unit.lines.map((l) => l.text).join("");
  let text = headingTextOf.get(unit.lines);
  if (text === undefined) {
    text = joinedHeadingText(unit.lines);
    headingTextOf.set(unit.lines, text);
  }
  return text;
}

/**
 * Heading texts already made, by the unit's array of lines: the stages that give headings to
 * stories ask for the text of each heading many times. Keyed by the array, which a unit replaces
 * (never changes) when its lines change, so an entry never goes stale.
 */
const headingTextOf = new WeakMap<readonly Line[], string>();

function joinedHeadingText(lines: readonly Line[]): string {
  return normalizeHeading(joinWrappedLines(lines.map((l) => collapseSpaces(l.raw))));
}

/** The unit's lines as printed, spaces collapsed, one string (for bylines and credits). */
export function unitRawText(unit: Unit): string {
  return unit.lines.map((l) => collapseSpaces(l.raw)).join(" ");
}

/** Text of a unit as a heading: lines joined, spaces normalised. */
import { joinWrappedLines, normalizeHeading } from "../text/normalize.js";
import { collapseSpaces } from "./byline.js";
import type { Unit } from "./units.js";

/** The heading text of a unit: a vertical headline's glyphs in order, or its lines joined. */
export function unitHeadingText(unit: Unit): string {
  if (unit.kind === "vertical") return unit.lines.map((l) => l.text).join("");
  return normalizeHeading(joinWrappedLines(unit.lines.map((l) => collapseSpaces(l.raw))));
}

/** The unit's lines as printed, spaces collapsed, one string (for bylines and credits). */
export function unitRawText(unit: Unit): string {
  return unit.lines.map((l) => collapseSpaces(l.raw)).join(" ");
}

/**
 * Blank lines also fall inside paragraphs (the extractor jumped to the next text box), which
 * leaves short fragments of body text that look like headings: `12月1日15时许，一群众来朔城公`
 * or `此例患者的成功救` before `治，在我市…`. A heading-like unit is body text when it is as wide
 * as the text that follows it, and either reads as prose (commas) or joins that text as a word
 * the page uses elsewhere (`救` + `治`).
 */
import { columnWidth } from "./measure.js";
import { DATELINE } from "./patterns.js";
import type { Unit } from "./units.js";

/** A fragment line is at most an indent (2) and the wobble (1) narrower than the column, plus rounding. */
const FRAGMENT_NARROWER_MAX = 3.5;
/** ...and no wider than the column and the wobble. */
const FRAGMENT_WIDER_MAX = 1;

/** Reclassifies body fragments in place; returns the units for chaining. */
export function reclassifyFragments(units: Unit[], junctionCount: (a: string, b: string) => number): Unit[] {
  for (let i = units.length - 2; i >= 0; i--) {
    const unit = units[i]!;
    const next = units[i + 1]!;
    if (unit.kind !== "heading" || next.kind !== "body") continue;
    if (isBodyFragment(unit, next, junctionCount)) {
      unit.kind = "body";
    } else if (unit.lines.length >= 2) {
      // a heading printed right above the first line of its text, which a blank line cut off
      const tail: Unit = { kind: "heading", lines: unit.lines.slice(-1), blankBefore: false, blankAfter: unit.blankAfter };
      if (isBodyFragment(tail, next, junctionCount)) {
        tail.kind = "body";
        unit.lines = unit.lines.slice(0, -1);
        unit.blankAfter = false;
        units.splice(i + 1, 0, tail);
      }
    }
  }
  return units;
}

function isBodyFragment(unit: Unit, next: Unit, junctionCount: (a: string, b: string) => number): boolean {
  // a fragment's text goes on in the next box, so that box cannot open a story with a dateline
  if (DATELINE.test(next.lines[0]!.text)) return false;
  const width = next.lines.length >= 2 ? columnWidth(next.lines) : next.lines[0]!.width;
  const fits = (w: number) => w >= width - FRAGMENT_NARROWER_MAX && w <= width + FRAGMENT_WIDER_MAX;
  if (unit.lines.length >= 2) return unit.lines.every((l) => fits(l.width));
  const last = unit.lines[unit.lines.length - 1]!;
  if (!fits(last.width)) return false;
  if (/[，、,]/u.test(last.text)) return true;
  const a = Array.from(last.text).pop() ?? "";
  const b = Array.from(next.lines[0]!.text)[0] ?? "";
  return junctionCount(a, b) > 0;
}


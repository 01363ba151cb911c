/**
 * Blank lines also fall inside paragraphs (the extractor jumped to the next text box), which
 * leaves short fragments of body text that look like headings: `12月1日15时许，一群众来朔城公`
 * or `此例患者的成功救` before `治，在我市…`. A heading-like unit is body text when it is as wide
 * as the text that follows it, and either reads as prose (commas) or joins that text as a word
 * the page uses elsewhere (`救` + `治`).
 */
import { appendAll } from "../arrays.js";
import { columnWidth, endsOpen, isIndented, WIDTH_WOBBLE } from "./measure.js";
import { endsSentence } from "../text/chars.js";
import { wordAcross, type Junction } from "./junction.js";
import type { Unit } from "./units.js";
import type { Line } from "./lines.js";
import { opensDateline } from "./lines.js";
import { KICKER_END, SUBTITLE_START } from "./patterns.js";

/** A fragment line is at most an indent (2) and the wobble (1) narrower than the column, plus rounding. */
const FRAGMENT_NARROWER_MAX = 3.5;
/** ...and no wider than the column and the wobble. */
const FRAGMENT_WIDER_MAX = 1;
/** The last line of a fragment of several lines is full: at most the wobble narrower, and a half em for rounding. */
const FRAGMENT_LAST_LINE_SHORT_MAX = WIDTH_WOBBLE + 0.5;

/** Reclassifies body fragments in place; returns the units for chaining. */
export function reclassifyFragments(units: Unit[], junction: Junction): Unit[] {
  for (let i = units.length - 2; i >= 0; i--) {
    const unit = units[i]!;
    const next = units[i + 1]!;
    if (unit.kind !== "heading" || next.kind !== "body") continue;
    // a column label is printed over a headline, never over text cut off from its paragraph
    if (units[i - 1]?.kind === "label") continue;
    if (isBodyFragment(unit, next, junction) && !cutsSentenceBefore(units[i - 1], unit, junction)) {
      unit.kind = "body";
    } else if (unit.lines.length >= 2) {
      // a heading printed right above the first line of its text, which a blank line cut off
      const tail: Unit = { kind: "heading", lines: unit.lines.slice(-1), blankBefore: false, blankAfter: unit.blankAfter };
      if (isBodyFragment(tail, next, junction)) {
        tail.kind = "body";
        unit.lines = unit.lines.slice(0, -1);
        unit.blankAfter = false;
        units.splice(i + 1, 0, tail);
      }
    }
  }
  return units;
}

function isBodyFragment(unit: Unit, next: Unit, junction: Junction): boolean {
  // a fragment's text goes on in the next box, so that box cannot open a story with a dateline
  if (opensDateline(next.lines[0]!)) return false;
  const width = next.lines.length >= 2 ? columnWidth(next.lines) : next.lines[0]!.width;
  const fits = (w: number) => w >= width - FRAGMENT_NARROWER_MAX && w <= width + FRAGMENT_WIDER_MAX;
  const last = unit.lines[unit.lines.length - 1]!;
  // text before an indented paragraph ends its own paragraph, so it closes a sentence: a full line
  // standing alone that closes none is a headline over that paragraph (a shorter one may be the
  // paragraph's own indented first line, cut off by a blank line)
  if (unit.lines.length === 1 && isIndented(next) && !endsSentence(last.text) && last.width >= width - WIDTH_WOBBLE) return false;
  // text that goes on in the next box fills its last line: a short one ends a heading (a
  // headline and its `——` subtitle), not a column of text
  if (unit.lines.length >= 2) return unit.lines.every((l) => fits(l.width)) && last.width >= width - FRAGMENT_LAST_LINE_SHORT_MAX;
  if (!fits(last.width)) return false;
  if (/[，、,]/u.test(last.text)) return true;
  return junction(last.text, next.lines[0]!.text) > 0;
}


/**
 * True when a one-line heading comes right after text that stops mid-sentence and does not go on
 * with it: a fragment cut off that text would carry its sentence on, so the line is a headline the
 * extractor printed inside the sentence (a side head, after the text's first column).
 */
function cutsSentenceBefore(before: Unit | undefined, unit: Unit, junction: Junction): boolean {
  if (before?.kind !== "body" || unit.lines.length !== 1 || !endsOpen(before)) return false;
  return junction(before.lines[before.lines.length - 1]!.text, unit.lines[0]!.text) === 0;
}

/** A heading line closed by this punctuation is whole (a sentence, a kicker, a list item). */
const CLOSED_HEADING = /[，,。！？!?；;、：:—]$/u;

/**
 * A blank line also falls inside a heading wrapped onto a second line (`企业发展需求为列` /
 * `车“添动力”`, `集中隔离在当前形` / `势下是必要的`): a heading whose last line closes nothing and
 * is at least as wide as the one-line heading after it, with a common word running across the
 * break, goes on in that line. Joins such runs in place; returns the units.
 */
export function joinWrappedHeadings(units: Unit[]): Unit[] {
  let kept = 0;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const prev = kept > 0 ? units[kept - 1]! : null;
    if (prev !== null && continuesHeading(prev, unit)) {
      units[kept - 1] = { ...prev, lines: [...prev.lines, ...unit.lines], blankAfter: unit.blankAfter };
      continue;
    }
    units[kept++] = unit;
  }
  units.length = kept;
  return units;
}

function continuesHeading(first: Unit, second: Unit): boolean {
  if (first.kind !== "heading" || second.kind !== "heading" || second.lines.length !== 1) return false;
  const head = first.lines[first.lines.length - 1]!;
  const tail = second.lines[0]!;
  if (head.width < tail.width || CLOSED_HEADING.test(head.text) || KICKER_END.test(head.text) || SUBTITLE_START.test(tail.text)) return false;
  // a word of the language, not only a pair the page prints: two headlines printed one over the
  // other often meet on such a pair by chance
  return wordAcross(head.text, tail.text);
}

/** Openers of quotes and brackets, and their closers: a heading closes every one it opens. */
const OPENERS = "“‘（(《〈「『【";
const CLOSERS = "”’）)》〉」』】";

/**
 * A heading unit that opens a quote or bracket it never closes is running text cut off by a
 * blank line (`“我高血压的药没` / `了，药送不进来怎么`, `…由我国“外防输`), or a heading with the
 * first line of such text glued under it (`筑牢疫情防控屏障` / `“我高血压的药没`): from the line
 * that opens the unclosed quote on, the unit is body text. Splits or reclassifies in place.
 */
export function reclassifyOpenQuotes(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const from = unit.kind === "heading" ? unclosedFrom(unit.lines) : -1;
    if (from < 0) out.push(unit);
    else if (from === 0) out.push({ ...unit, kind: "body" });
    else {
      out.push({ ...unit, lines: unit.lines.slice(0, from), blankAfter: false });
      out.push({ kind: "body", lines: unit.lines.slice(from), blankBefore: false, blankAfter: unit.blankAfter });
    }
  }
  units.length = 0;
  appendAll(units, out);
  return units;
}

/**
 * Where the text of `lines` left open begins: the line of the outermost quote or bracket never
 * closed when that line opens with it, else 0 (the whole unit); -1 when every one is closed.
 */
function unclosedFrom(lines: readonly Line[]): number {
  let depth = 0;
  let line = -1;
  let startsLine = false;
  for (let k = 0; k < lines.length; k++) {
    const text = lines[k]!.text;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (OPENERS.includes(ch)) {
        if (depth === 0) [line, startsLine] = [k, i === 0];
        depth++;
      } else if (depth > 0 && CLOSERS.includes(ch)) depth--;
    }
  }
  if (depth === 0) return -1;
  return startsLine ? line : 0;
}

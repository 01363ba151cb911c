/**
 * Paragraph breaks the geometry shows and the text does not: a first line indented from the
 * column's left edge, a line stopping short of the right edge, extra space between two lines.
 * The dump parser's paragraph stage needs sentence punctuation at a paragraph's end; summary
 * points and signatures have none. After an article is built, its paragraphs are cut again
 * where the geometry says a paragraph starts.
 */
import { appendAll } from "../arrays.js";
import { spansOf, type Line } from "../pipeline/lines.js";
import { DATELINE } from "../pipeline/patterns.js";
import type { Article, Paragraph } from "../schema.js";
import { joinWrappedLines } from "../text/normalize.js";
import { boxHeight, FIRST_LINE_INDENT_EMS, median } from "./geometry.js";
import type { PlacedLine } from "./placed.js";
import type { Segment } from "./stories.js";

/** A line ending this many ems short of the column's right edge ends its paragraph. */
const SHORT_EMS = 2;
/** A line ending this close (ems) to the right edge is full. */
const FULL_LINE_EMS = 0.5;
/** Text is justified when at least this share of its lines (but the last) are full. */
const JUSTIFIED_SHARE = 0.5;
/** Space between lines this share of a line height above the column's usual spacing separates paragraphs. */
const EXTRA_SPACE_SHARE = 0.15;
/** Lines of summary points (type a little larger than body type) spaced wider than body lines by this share of a line height are separate points. */
const POINT_EXTRA_SPACE = 0.15;
/** Extra space must be this many times the column's median pitch deviation (OCR boxes wobble). */
const SPACE_WOBBLE_FACTOR = 3;
/** Line pitches over this many line heights are gaps, not leading. */
const MAX_LEADING = 2;
/** Columns of fewer lines than this have no reliable edges. */
const MIN_LINES_FOR_EDGES = 3;

/**
 * The lines of the segments that start a paragraph by geometry (the first line of each segment
 * is left to the text rules).
 */
/** What the geometry says about paragraph breaks. */
export interface ParagraphGeometry {
  /** Lines that start a paragraph (indented, after a short line, after extra space, a dateline or byline start). */
  starts: Set<Line>;
  /** Lines that start at their column's left edge (no indent), in columns of known edges. */
  flush: Set<Line>;
  /** Lines that reach their column's right edge, in justified columns. */
  full: Set<Line>;
}

/** Vertical centre of a line's box. */
const centreOf = (l: PlacedLine) => (l.box[1] + l.box[3]) / 2;

/**
 * The paragraph geometry of the segments: where paragraphs start, and which lines are flush
 * left and full width (a full line followed by a flush one is inside a paragraph).
 */
export function paragraphGeometry(segments: readonly Segment[], em: number, bodySize: number): ParagraphGeometry {
  const starts = new Set<Line>();
  const flush = new Set<Line>();
  const full = new Set<Line>();
  const bodyPitch = median(
    segments
      .filter((s) => s.piece.size === bodySize)
      .flatMap((s) => s.piece.placed.slice(1).map((l, i) => ({ pitch: centreOf(l) - centreOf(s.piece.placed[i]!), h: boxHeight(l.box) })))
      .filter((p) => p.pitch > 0 && p.pitch < MAX_LEADING * p.h)
      .map((p) => p.pitch),
  );
  for (const s of segments) {
    const lines = s.piece.placed;
    // text opened by a dateline or a byline starts a paragraph (after summary points with no full stop)
    if (DATELINE.test(lines[0]!.line.text) || s.leaders.some((l) => l.unit.kind === "byline")) starts.add(lines[0]!.line);
    // a column opening with an indented line opens a paragraph, whatever the column before ends with
    if (s.indented) starts.add(lines[0]!.line);
    if (lines.length < 2) continue;
    const points = s.piece.size > bodySize && bodyPitch > 0;
    const edges = lines.length >= MIN_LINES_FOR_EDGES;
    const left = Math.min(...lines.map((l) => l.box[0]));
    const right = Math.max(...lines.map((l) => l.box[2]));
    // ragged text (not justified) has no right edge to fall short of
    const fullCount = lines.slice(0, -1).filter((l) => right - l.box[2] <= FULL_LINE_EMS * em).length;
    const justified = fullCount >= JUSTIFIED_SHARE * (lines.length - 1);
    if (edges) {
      for (const l of lines) {
        if (l.box[0] - left < FIRST_LINE_INDENT_EMS.min * em) flush.add(l.line);
        if (justified && right - l.box[2] <= FULL_LINE_EMS * em) full.add(l.line);
      }
    }
    // line pitch from centre to centre (box tops and bottoms wobble with the glyphs and the OCR)
    const centre = centreOf;
    const pitches = lines.slice(1).map((l, i) => centre(l) - centre(lines[i]!));
    const pitch = median(pitches);
    // extra space must stand out of the column's own wobble
    const wobble = SPACE_WOBBLE_FACTOR * median(pitches.map((p) => Math.abs(p - pitch)));
    for (let i = 1; i < lines.length; i++) {
      const prev = lines[i - 1]!;
      const line = lines[i]!;
      const indent = line.box[0] - left;
      const indented = edges && indent >= FIRST_LINE_INDENT_EMS.min * em && indent <= FIRST_LINE_INDENT_EMS.max * em;
      const short = edges && justified && right - prev.box[2] >= SHORT_EMS * em;
      const step = centre(line) - centre(prev);
      const spaced = pitches.length >= 2 && step - pitch >= Math.max(EXTRA_SPACE_SHARE * boxHeight(line.box), wobble);
      const point = points && step >= bodyPitch + Math.max(POINT_EXTRA_SPACE * boxHeight(line.box), wobble);
      if (indented || short || spaced || point) starts.add(line.line);
    }
  }
  return { starts, flush, full };
}

/** The lines of a paragraph (from its spans' line keys), in the story's reading order. */
function linesOf(p: Paragraph, byKey: ReadonlyMap<number, PlacedLine>, storyOrder: ReadonlyMap<Line, number>): Line[] {
  const lines: Line[] = [];
  for (const span of p.spans) for (let k = span.start; k < span.end; k++) {
    const l = byKey.get(k);
    if (l) lines.push(l.line);
  }
  return lines.sort((a, b) => (storyOrder.get(a) ?? 0) - (storyOrder.get(b) ?? 0));
}

/**
 * Redraws an article's body paragraphs from the geometry (in place): two paragraphs the text
 * rules split are joined when the first ends on a full line and the second starts flush left
 * with no sign of a new paragraph; a paragraph is cut before a line the geometry says starts
 * one. Cuts are made only where the text splits exactly at the line, so no character moves or
 * is lost.
 * @param article the built article (spans still hold line keys)
 * @param geometry paragraph starts, flush and full lines
 * @param byKey placed lines by their key (`line.start`)
 * @param storyOrder position of each line in the story's reading order
 */
export function reparagraph(article: Article, geometry: ParagraphGeometry, byKey: ReadonlyMap<number, PlacedLine>, storyOrder: ReadonlyMap<Line, number>): void {
  const { starts, flush, full } = geometry;
  // join paragraphs the geometry shows as one
  const joined: { p: Paragraph; lines: Line[] }[] = [];
  for (const p of article.paragraphs) {
    const lines = linesOf(p, byKey, storyOrder);
    const prev = joined[joined.length - 1];
    const first = lines[0];
    const last = prev?.lines[prev.lines.length - 1];
    if (prev && first && last && p.role === "body" && prev.p.role === "body" && full.has(last) && flush.has(first) && !starts.has(first)) {
      prev.p = { text: joinWrappedLines([prev.p.text, p.text]), role: "body", spans: spansOf([...prev.lines, ...lines]) };
      appendAll(prev.lines, lines);
      continue;
    }
    joined.push({ p, lines });
  }
  article.paragraphs = joined.flatMap(({ p, lines }) => (p.role === "body" ? cut(p, lines, starts) : [p]));
}

/** Cuts a body paragraph before the lines that start one. */
function cut(p: Paragraph, lines: readonly Line[], starts: ReadonlySet<Line>): Paragraph[] {
  const out: Paragraph[] = [];
  let text = p.text;
  let from = 0;
  for (let i = 1; i < lines.length; i++) {
    if (!starts.has(lines[i]!)) continue;
    const before = lines.slice(from, i).map((l) => l.text).join("");
    const after = lines.slice(i).map((l) => l.text).join("");
    let at = -1;
    if (from > 0 && text.startsWith(before)) at = before.length;
    else if (text.endsWith(after) && text.length > after.length) at = text.length - after.length;
    else if (text.startsWith(before) && text.length > before.length) at = before.length;
    if (at <= 0 || at >= text.length) continue;
    out.push({ text: text.slice(0, at), role: "body", spans: spansOf(lines.slice(from, i)) });
    text = text.slice(at);
    from = i;
  }
  if (out.length === 0) return [p];
  out.push({ text, role: "body", spans: spansOf(lines.slice(from)) });
  return out;
}

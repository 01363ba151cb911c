/**
 * Paragraph breaks the geometry shows and the text does not: a first line indented from the
 * column's left edge, a line stopping short of the right edge, extra space between two lines.
 * The dump parser's paragraph stage needs sentence punctuation at a paragraph's end; summary
 * points and signatures have none. After an article is built, its paragraphs are cut again
 * where the geometry says a paragraph starts.
 */
import { spansOf, type Line } from "../pipeline/lines.js";
import { DATELINE } from "../pipeline/patterns.js";
import type { Article } from "../schema.js";
import { boxHeight, median } from "./geometry.js";
import type { PlacedLine } from "./placed.js";
import type { Segment } from "./stories.js";

/** A first line this many ems right of the column's left edge, and at most the second number, is indented. */
const INDENT_MIN_EMS = 1.2;
const INDENT_MAX_EMS = 3.5;
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
/** Line pitches over this many line heights are gaps, not leading. */
const MAX_LEADING = 2;
/** Columns of fewer lines than this have no reliable edges. */
const MIN_LINES_FOR_EDGES = 3;

/**
 * The lines of the segments that start a paragraph by geometry (the first line of each segment
 * is left to the text rules).
 */
export function geometricParagraphStarts(segments: readonly Segment[], em: number, bodySize: number): Set<Line> {
  const starts = new Set<Line>();
  const bodyPitch = median(
    segments
      .filter((s) => s.piece.size === bodySize)
      .flatMap((s) => s.piece.placed.slice(1).map((l, i) => ({ pitch: l.box[1] - s.piece.placed[i]!.box[1], h: boxHeight(l.box) })))
      .filter((p) => p.pitch > 0 && p.pitch < MAX_LEADING * p.h)
      .map((p) => p.pitch),
  );
  for (const s of segments) {
    const lines = s.piece.placed;
    // text opened by a dateline or a byline starts a paragraph (after summary points with no full stop)
    if (DATELINE.test(lines[0]!.line.text) || s.leaders.some((l) => l.unit.kind === "byline")) starts.add(lines[0]!.line);
    if (lines.length < 2) continue;
    const points = s.piece.size > bodySize && bodyPitch > 0;
    const edges = lines.length >= MIN_LINES_FOR_EDGES;
    const left = Math.min(...lines.map((l) => l.box[0]));
    const right = Math.max(...lines.map((l) => l.box[2]));
    // ragged text (not justified) has no right edge to fall short of
    const full = lines.slice(0, -1).filter((l) => right - l.box[2] <= FULL_LINE_EMS * em).length;
    const justified = full >= JUSTIFIED_SHARE * (lines.length - 1);
    const pitches = lines.slice(1).map((l, i) => l.box[1] - lines[i]!.box[1]);
    const pitch = median(pitches);
    for (let i = 1; i < lines.length; i++) {
      const prev = lines[i - 1]!;
      const line = lines[i]!;
      const indent = line.box[0] - left;
      const indented = edges && indent >= INDENT_MIN_EMS * em && indent <= INDENT_MAX_EMS * em;
      const short = edges && justified && right - prev.box[2] >= SHORT_EMS * em;
      const spaced = pitches.length >= 2 && line.box[1] - prev.box[1] - pitch >= EXTRA_SPACE_SHARE * boxHeight(line.box);
      const point = points && line.box[1] - prev.box[1] >= bodyPitch + POINT_EXTRA_SPACE * boxHeight(line.box);
      if (indented || short || spaced || point) starts.add(line.line);
    }
  }
  return starts;
}

/**
 * Cuts an article's body paragraphs before the given lines (in place). A paragraph is cut only
 * where its text can be split exactly at the line (before the line's text, or after the text of
 * the lines before it), so no character moves or is lost.
 * @param article the built article (spans still hold line keys)
 * @param starts lines that start a paragraph
 * @param byKey placed lines by their key (`line.start`)
 * @param storyOrder position of each line in the story's reading order
 */
export function cutParagraphs(article: Article, starts: ReadonlySet<Line>, byKey: ReadonlyMap<number, PlacedLine>, storyOrder: ReadonlyMap<Line, number>): void {
  article.paragraphs = article.paragraphs.flatMap((p) => {
    if (p.role !== "body") return [p];
    const lines: Line[] = [];
    for (const span of p.spans) for (let k = span.start; k < span.end; k++) {
      const l = byKey.get(k);
      if (l) lines.push(l.line);
    }
    lines.sort((a, b) => (storyOrder.get(a) ?? 0) - (storyOrder.get(b) ?? 0));
    const out: typeof article.paragraphs = [];
    let text = p.text;
    let from = 0;
    for (let i = 1; i < lines.length; i++) {
      if (!starts.has(lines[i]!)) continue;
      const before = lines.slice(from, i).map((l) => l.text).join("");
      const after = lines.slice(i).map((l) => l.text).join("");
      let cut = -1;
      if (from > 0 && text.startsWith(before)) cut = before.length;
      else if (text.endsWith(after) && text.length > after.length) cut = text.length - after.length;
      else if (text.startsWith(before) && text.length > before.length) cut = before.length;
      if (cut <= 0 || cut >= text.length) continue;
      out.push({ text: text.slice(0, cut), role: "body", spans: spansOf(lines.slice(from, i)) });
      text = text.slice(cut);
      from = i;
    }
    if (out.length === 0) return [p];
    out.push({ text, role: "body", spans: spansOf(lines.slice(from)) });
    return out;
  });
}

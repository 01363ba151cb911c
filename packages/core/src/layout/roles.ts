/**
 * Roles of placed lines from type size and position: the body size is the size most characters
 * are set in; larger type is heading type; a lone short line in its own block is a subhead or a
 * small headline; vertical runs of single glyphs are vertical headlines; running heads, page
 * names, bylines, credits, labels and jump lines are told by the dump parser's own patterns.
 * The result is pipeline {@link Unit}s with their geometry.
 */
import { appendAll } from "../arrays.js";
import { collapseSpaces, isBareNames, isBylineText, isPhotoCredit } from "../pipeline/byline.js";
import { isPageNameUnit } from "../pipeline/furniture.js";
import { DASH_END, DATELINE, JUMP_LINE, PAGE_NAMES, SUBTITLE_START } from "../pipeline/patterns.js";
import { isColumnLabel, isRunningHead, type Unit, type UnitKind } from "../pipeline/units.js";
import { endsSentence } from "../text/chars.js";
import { boxHeight, boxWidth, FIRST_LINE_INDENT_EMS, overlapX, overlapY, unionBox } from "./geometry.js";
import type { Box } from "./model.js";
import type { PlacedLine } from "./placed.js";

/** Type at least this much larger than body type is headline type (15 pt over 10.5 pt). */
export const HEADLINE_RATIO = 1.35;
/** Type at least this much larger than body type is heading type (a 12 pt subtitle over 10 pt). */
export const HEADING_RATIO = 1.15;

/** Sizes are compared rounded to this step (points): heights wobble by a pixel or two. */
const SIZE_STEP = 0.5;
/** Three or more single glyphs stacked in a column are a vertical headline. */
const MIN_VERTICAL_GLYPHS = 3;
/** Bylines, credits, labels and jump lines are short (characters). */
const MAX_SPECIAL_CHARS = 40;
/** A lone line in its own block is a subhead (or a small headline) when at most this many characters long. */
const MAX_LONE_HEADING_CHARS = 24;

/** Type class of a piece, relative to body type. */
export type SizeClass = "headline" | "heading" | "body" | "caption";

/** A unit with its place on the page. */
export interface Piece {
  unit: Unit;
  placed: PlacedLine[];
  box: Box;
  /** Type size (points) of its first line. */
  size: number;
  sizeClass: SizeClass;
  /** Block of its first line, and that block's reading-order position. */
  block: number;
  order: number;
  /** For headings: true for a lone body-size line (a subhead, or a small headline). */
  minor: boolean;
  /** For furniture: true for a page name (`要闻`) rather than a running head. */
  pageName: boolean;
}

const roundSize = (s: number) => Math.round(s / SIZE_STEP) * SIZE_STEP;

/** The body size: the type size most characters are set in. */
export function bodySize(lines: readonly PlacedLine[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) {
    if (l.vertical) continue;
    const s = roundSize(l.size);
    chars.set(s, (chars.get(s) ?? 0) + l.line.text.length);
  }
  let best = 0;
  let most = -1;
  for (const [s, n] of chars) if (n > most || (n === most && s < best)) [best, most] = [s, n];
  return best || 1;
}

/** Measured sizes (from line heights) this much smaller than body type, or smaller, are caption type. */
const MEASURED_CAPTION_RATIO = 0.9;

function classOf(size: number, body: number, declared: boolean): SizeClass {
  const r = roundSize(size) / body;
  if (r >= HEADLINE_RATIO) return "headline";
  if (r >= HEADING_RATIO) return "heading";
  // a declared size one step under body type is caption type (9 pt under 9.5 pt); a measured one
  // must be clearly smaller (line heights wobble)
  if (declared ? roundSize(size) < body : size / body <= MEASURED_CAPTION_RATIO) return "caption";
  return "body";
}

const glyphCount = (l: PlacedLine) => Array.from(l.line.text).length;

/** Single glyphs stacked in columns: each run of at least three, top to bottom. */
function verticalRuns(lines: readonly PlacedLine[]): PlacedLine[][] {
  const glyphs = lines.filter((l) => l.vertical || glyphCount(l) === 1).sort((a, b) => a.box[0] - b.box[0] || a.box[1] - b.box[1]);
  const runs: PlacedLine[][] = [];
  const used = new Set<PlacedLine>();
  for (const g of glyphs) {
    if (used.has(g)) continue;
    const run = [g];
    used.add(g);
    for (;;) {
      const last = run[run.length - 1]!;
      const h = boxHeight(last.box);
      const xc = (last.box[0] + last.box[2]) / 2;
      const below = glyphs.find(
        (o) => !used.has(o) && Math.abs((o.box[0] + o.box[2]) / 2 - xc) < boxWidth(last.box) / 2 && o.box[1] >= last.box[3] - h / 2 && o.box[1] - last.box[3] < h,
      );
      if (!below) break;
      run.push(below);
      used.add(below);
    }
    if (run.length >= MIN_VERTICAL_GLYPHS || run.some((l) => l.vertical)) runs.push(run);
    else for (const l of run.slice(1)) used.delete(l);
  }
  return joinColumns(runs);
}

/**
 * A glyph of a vertical headline set at least this share of a glyph's height below the one above
 * it in its column starts a new phrase (`展现积极姿态 迅速扭转预期`: glyphs touch within a phrase,
 * a glyph's height apart between phrases on the synthetic pages).
 */
const PHRASE_GAP_SHARE = 0.5;

/** Marks the glyphs of a vertical run that start a phrase (see {@link PHRASE_GAP_SHARE}). */
function markPhraseGaps(run: readonly PlacedLine[]): void {
  for (let k = 1; k < run.length; k++) {
    const above = run[k - 1]!;
    const glyph = run[k]!;
    const sameColumn = overlapX(above.box, glyph.box) > 0;
    if (sameColumn && glyph.box[1] - above.box[3] >= PHRASE_GAP_SHARE * boxHeight(above.box)) glyph.line.phraseBreakBefore = true;
  }
}

/** Vertical columns side by side (at most a glyph apart, level with each other) are one text, read right to left. */
function joinColumns(runs: PlacedLine[][]): PlacedLine[][] {
  const boxOf = (run: readonly PlacedLine[]) => unionBox(run.map((l) => l.box));
  const sorted = [...runs].sort((a, b) => boxOf(b)[0] - boxOf(a)[0]);
  const out: PlacedLine[][] = [];
  for (const run of sorted) {
    const box = boxOf(run);
    const host = out.find((o) => {
      const hostBox = boxOf(o);
      const glyph = boxWidth(box);
      return hostBox[0] - box[2] >= -glyph / 2 && hostBox[0] - box[2] <= glyph && box[1] < hostBox[3] && hostBox[1] < box[3];
    });
    if (host) appendAll(host, run);
    else out.push([...run]);
  }
  return out;
}

/** The kind of a line on its own (pattern kinds), or null for text. */
function patternKind(l: PlacedLine, firstOrLast: boolean): UnitKind | null {
  const raw = collapseSpaces(l.line.raw);
  if (raw === "" || raw.length > MAX_SPECIAL_CHARS * 2) return null;
  if (/[年版辑]/u.test(raw) && isRunningHead(raw)) return "furniture";
  if (raw.length > MAX_SPECIAL_CHARS || /[，。；！？]/u.test(raw)) return null;
  if (JUMP_LINE.test(raw) && raw.replace(JUMP_LINE, "").trim() === "") return "jump";
  if (isColumnLabel(raw)) return "label";
  if (isPhotoCredit(raw)) return "credit";
  if (isBylineText(raw) && (firstOrLast || !isBareNames(raw))) return "byline";
  return null;
}

/** A sentence or clause closed anywhere in a text: no heading holds one. */
const SENTENCE_INSIDE = /[。！？；]/u;

/** A lone short line without sentence punctuation, in a block of its own: a subhead or small headline. */
function isLoneHeading(l: PlacedLine, blockLines: number): boolean {
  if (blockLines !== 1) return false;
  const t = l.line.text;
  // a comma is a clause of running text (`梁万年表示，坚持无症状`): subheads in body type have none
  if (endsSentence(t) || SENTENCE_INSIDE.test(t) || /[，,]/u.test(t)) return false;
  return Array.from(t).length <= MAX_LONE_HEADING_CHARS;
}

/** A subtitle set in body type wraps over at most this many lines. */
const MAX_SUBTITLE_LINES = 3;
/** A kicker set in body type (a lead-in sentence over the headline) wraps over at most this many lines. */
const MAX_KICKER_LINES = 8;

/**
 * A block of body-size lines that closes no sentence and opens with a dash (a subtitle:
 * `——希望广大市民继续做好个人防护，…共同守护好我们的城市家园`, wrapped under its headline) or
 * ends with one (a kicker: `连日来，…让这场战疫斗争——`, wrapped over its headline).
 */
function isHeadingBlock(blockLines: readonly PlacedLine[], classes: readonly SizeClass[]): boolean {
  if (blockLines.length < 2 || classes.some((c) => c !== "body")) return false;
  const text = blockLines.map((l) => l.line.text).join("");
  if (SENTENCE_INSIDE.test(text)) return false;
  return (SUBTITLE_START.test(text) && blockLines.length <= MAX_SUBTITLE_LINES) || (DASH_END.test(text) && blockLines.length <= MAX_KICKER_LINES) || isWrappedSubhead(blockLines, text);
}

/** Punctuation, digits or Latin letters: text, not a subhead wrapped in body type. */
const NOT_IN_WRAPPED_SUBHEAD = /[\p{P}\p{N}\p{Script=Latin}]/u;

/**
 * Two body-size lines in a block of their own, without one punctuation mark, the second under half
 * as wide as the first: a subhead wrapped at the column (`迅速释放潜能提升保` / `供能力`). A
 * paragraph's short last line ends its sentence with a mark.
 */
function isWrappedSubhead(blockLines: readonly PlacedLine[], text: string): boolean {
  if (blockLines.length !== 2 || NOT_IN_WRAPPED_SUBHEAD.test(text) || Array.from(text).length > MAX_LONE_HEADING_CHARS) return false;
  const [first, last] = blockLines as [PlacedLine, PlacedLine];
  return boxWidth(last.box) < boxWidth(first.box) / 2;
}

/**
 * Turns a page's placed lines into pieces (units with geometry), block by block in reading order.
 * @param lines the page's placed lines, in reading order
 * @param body the body type size
 */
export function buildPieces(lines: readonly PlacedLine[], body: number): Piece[] {
  const pieces: Piece[] = [];
  const runs = verticalRuns(lines);
  const inRun = new Set(runs.flat());
  const make = (kind: UnitKind, placed: PlacedLine[], minor = false, pageName = false): Piece => ({
    unit: { kind, lines: placed.map((p) => p.line), blankBefore: true, blankAfter: true },
    placed,
    box: unionBox(placed.map((p) => p.box)),
    size: placed[0]!.size,
    sizeClass: classOf(placed[0]!.size, body, placed[0]!.sizeDeclared),
    block: placed[0]!.block,
    order: placed[0]!.order,
    minor,
    pageName,
  });
  for (const run of runs) {
    markPhraseGaps(run);
    pieces.push(make("vertical", run));
  }

  const blocks = new Map<number, PlacedLine[]>();
  for (const l of lines) {
    if (inRun.has(l)) continue;
    blocks.set(l.block, [...(blocks.get(l.block) ?? []), l]);
  }
  for (const blockLines of blocks.values()) {
    let current: PlacedLine[] = [];
    let currentKind: UnitKind | null = null;
    let currentClass: SizeClass | null = null;
    const flush = () => {
      if (currentKind && current.length > 0) pieces.push(make(currentKind, current));
      current = [];
      currentKind = null;
      currentClass = null;
    };
    // heading type is never a byline or a label (`信心` ends a headline, it is no name)
    const classes = blockLines.map((l) => classOf(l.size, body, l.sizeDeclared));
    const specials = blockLines.map((l, i) => (classes[i] === "headline" || classes[i] === "heading" ? null : patternKind(l, i === 0 || i === blockLines.length - 1)));
    if (specials.every((k) => k === null) && isHeadingBlock(blockLines, classes)) {
      pieces.push(make("heading", blockLines, true));
      continue;
    }
    // a column label set in the block of the line under it (`特别关注` / `朔城区：`) leaves that line alone in the block
    const labelLines = specials.filter((k) => k === "label").length;
    blockLines.forEach((l, i) => {
      const cls = classes[i]!;
      const text = collapseSpaces(l.line.raw).replace(/\s/gu, "");
      if (PAGE_NAMES.has(text) && (cls === "headline" || cls === "heading")) {
        flush();
        pieces.push(make("furniture", [l], false, true));
        return;
      }
      const special = specials[i]!;
      if (special) {
        flush();
        pieces.push(make(special, [l]));
        return;
      }
      if (cls === "headline" || cls === "heading") {
        if (currentKind !== "heading" || currentClass !== cls || Math.abs(roundSize(l.size) - roundSize(current[0]!.size)) > SIZE_STEP) flush();
        currentKind = "heading";
        currentClass = cls;
        current.push(l);
        return;
      }
      if (isLoneHeading(l, blockLines.length - labelLines) && cls === "body") {
        flush();
        pieces.push(make("heading", [l], true));
        return;
      }
      // body text; a dateline after a sentence end starts a new run (two stories in one block)
      const prev = current[current.length - 1];
      const newStory = prev !== undefined && DATELINE.test(l.line.text) && endsSentence(prev.line.text);
      if (currentKind !== "body" || currentClass !== cls || newStory) flush();
      currentKind = "body";
      currentClass = cls;
      current.push(l);
    });
    flush();
  }
  markPageNamesBesideRunningHead(pieces);
  markIndentedFirstLines(pieces);
  return pieces;
}

/** Justified lines of one column end within this many glyphs of each other. */
const RIGHT_EDGE_SLACK = 0.5;
/** The column's text is at most this many glyphs over or under such a line (a subhead may sit between). */
const MAX_COLUMN_TEXT_GAP = 6;

/**
 * A lone body-size line indented as a paragraph's first and reaching the right edge of its column's
 * text is the first line of a paragraph that goes on in the next column (`抗击疫情是一场物质角力，更是`
 * under a subhead at a column's foot), not a subhead: subheads are centred or flush left.
 */
function markIndentedFirstLines(pieces: Piece[]): void {
  const texts = pieces.filter((p) => p.unit.kind === "body" && p.sizeClass === "body");
  pieces.forEach((p, i) => {
    if (!p.minor || p.unit.kind !== "heading" || p.sizeClass !== "body" || p.placed.length !== 1) return;
    const glyph = boxWidth(p.box) / Math.max(1, glyphCount(p.placed[0]!));
    // the column's text: the nearest printed over or under the line
    const distance = (t: Piece) => Math.max(p.box[1] - t.box[3], t.box[1] - p.box[3]);
    const column = texts
      .filter((t) => overlapX(t.box, p.box) >= boxWidth(p.box) / 2 && distance(t) >= -glyph / 2 && distance(t) <= MAX_COLUMN_TEXT_GAP * glyph)
      .sort((a, b) => distance(a) - distance(b))[0];
    if (!column) return;
    const indent = (p.box[0] - column.box[0]) / glyph;
    const flushRight = Math.abs(p.box[2] - column.box[2]) <= RIGHT_EDGE_SLACK * glyph;
    if (flushRight && indent >= FIRST_LINE_INDENT_EMS.min && indent <= FIRST_LINE_INDENT_EMS.max) pieces[i] = { ...p, unit: { ...p.unit, kind: "body" }, minor: false };
  });
}

/**
 * A short heading printed level with the running head (`区域新闻` at the page's top, with the date
 * and page number) is the page's name, whatever the name, as dumps read it (see {@link isPageNameUnit}).
 */
function markPageNamesBesideRunningHead(pieces: Piece[]): void {
  const heads = pieces.filter((p) => p.unit.kind === "furniture" && !p.pageName);
  if (heads.length === 0) return;
  pieces.forEach((p, i) => {
    if (isPageNameUnit(p.unit, true) && heads.some((h) => overlapY(h.box, p.box) > 0)) pieces[i] = { ...p, unit: { ...p.unit, kind: "furniture" }, pageName: true };
  });
}

/**
 * Pieces → article drafts, from geometry. Headings are stacked into groups (label, headline,
 * subtitle); a group heads the body segment printed right under it (a vertical headline: the
 * segment at its left). From each story's first segment the text flows down its column (past
 * subheads) and on to the top of the next column to the right, as long as the text agrees (a
 * column that stops mid-sentence goes on in a column that starts mid-paragraph). Segments no
 * story reached start stories of their own (captions, stories without headline) or, when their
 * text runs into a story's first column, open that story.
 */
import { appendAll } from "../arrays.js";
import type { Draft, StoryItem } from "../pipeline/flow.js";
import { signedAtEnd } from "../pipeline/inline.js";
import { endsOpen, endsWithJump } from "../pipeline/measure.js";
import { DATELINE, KICKER_END, SUBTITLE_START } from "../pipeline/patterns.js";
import { unitHeadingText } from "../pipeline/unit-text.js";
import { isHeadingUnit } from "../pipeline/units.js";
import { boxWidth, FIRST_LINE_INDENT_EMS, overlapX, overlapY, unionBox } from "./geometry.js";
import type { Box } from "./model.js";
import type { Piece } from "./roles.js";

/** A run of body text with what its block prints before and after it. */
export interface Segment {
  piece: Piece;
  box: Box;
  /** The box with the bylines and labels printed above the text in its block. */
  fullBox: Box;
  /** Bylines and labels printed in its block right before it. */
  leaders: Piece[];
  /** Bylines, credits and jump lines printed in its block right after it. */
  trailers: Piece[];
  /** First line starts further right than the column's left edge: a paragraph starts. */
  indented: boolean;
  /** The text stops mid-sentence. */
  open: boolean;
  /** A byline, credit or jump line ends it: the story stops here. */
  closed: boolean;
  /** The heading group printed right above it, if it heads a story from here. */
  heads: HeadingGroup | null;
  /** A subhead printed between it and the segment above in its column. */
  subheadAbove: Piece | null;
}

/** Headings stacked together: column label, kicker, headline, subtitle. */
export interface HeadingGroup {
  pieces: Piece[];
  box: Box;
  /** True when made only of lone body-size lines (a subhead, or a brief's small headline). */
  minor: boolean;
  vertical: boolean;
}

/** A story: its segments in reading order and its heading group. */
export interface Story {
  segments: Segment[];
  heads: HeadingGroup | null;
}

/** Geometry limits, in body ems. */
export interface Limits {
  /** Units per body em. */
  em: number;
}

/** A heading is at most this many ems above the text it heads. */
const MAX_HEAD_GAP = 4;
/** Two segments of one column with at most a subhead between are this close (ems). */
const MAX_BELOW_GAP = 4.5;
/** Columns of one story are at most this far apart (ems): the gutter. */
const MAX_GUTTER = 3.5;
/** Heading lines of one group are at most this share of their own height apart. */
const GROUP_GAP = 1.2;
/** Share of the narrower box two things of one column overlap by, at least. */
const SAME_COLUMN_SHARE = 0.5;
/** Share of the text segment a heading must overlap to head it. */
const HEAD_OVERLAP_SHARE = 0.3;
/** Left edges of one column's segments differ by at most this (ems). */
const COLUMN_ALIGN = 1.5;
/** Tolerance (ems) when comparing tops of columns. */
const TOP_TOLERANCE = 1;
/** Text left of a story's first column opens it when it starts at most this far (ems) from the story's top. */
const NEXT_COLUMN_DROP = 3;

const isText = (p: Piece) => p.unit.kind === "body";
const isHeadingPiece = (p: Piece) => isHeadingUnit(p.unit);

/** Segments of the page: body pieces with the pieces their block prints around them. */
export function buildSegments(pieces: readonly Piece[], limits: Limits): Segment[] {
  const segments: Segment[] = [];
  const loose: Piece[] = [];
  const byBlock = new Map<number, Piece[]>();
  for (const p of pieces) byBlock.set(p.block, [...(byBlock.get(p.block) ?? []), p]);
  for (const blockPieces of byBlock.values()) {
    const inBlock = blockPieces.filter((p) => p.unit.kind !== "vertical" && !isHeadingPiece(p) && p.unit.kind !== "furniture");
    let pendingLeaders: Piece[] = [];
    let last: Segment | null = null;
    for (const p of inBlock) {
      if (isText(p)) {
        const seg = newSegment(p, pendingLeaders, limits, blockPieces);
        segments.push(seg);
        pendingLeaders = [];
        last = seg;
      } else if (p.unit.kind === "byline" && last && !last.open && last.trailers.length === 0 && isLastOfBlock(p, inBlock)) {
        last.trailers.push(p);
      } else if ((p.unit.kind === "jump" || p.unit.kind === "credit") && last) {
        last.trailers.push(p);
      } else if (p.unit.kind === "byline" && last && inBlock.indexOf(p) > inBlock.indexOf(last.piece) && !inBlock.slice(inBlock.indexOf(p) + 1).some(isText)) {
        last.trailers.push(p);
      } else pendingLeaders.push(p);
    }
    // leaders with no text after them in the block sign the text before
    if (pendingLeaders.length > 0 && last) appendAll(last.trailers, pendingLeaders.filter((p) => p.unit.kind !== "label"));
    if (!last) appendAll(loose, inBlock.filter((p) => p.unit.kind === "byline" || p.unit.kind === "jump" || p.unit.kind === "credit"));
  }
  // a byline, credit or jump line in a block of its own belongs to the text right under or over it
  const headings = pieces.filter((p) => isHeadingPiece(p) && p.unit.kind !== "vertical");
  for (const p of loose) attachLoose(p, segments, headings, limits);
  for (const s of segments) s.closed = isClosed(s);
  return segments;
}

/** Lines printed apart from text (a byline, a credit, a jump line) are at most this far (ems) from it. */
const MAX_LOOSE_GAP = 1.5;

function attachLoose(p: Piece, segments: Segment[], headings: readonly Piece[], limits: Limits): void {
  const em = limits.em;
  const near = (s: Segment) => overlapX(s.box, p.box) > 0;
  const belowBox = (box: Box) => segments.filter((s) => near(s) && s.fullBox[1] >= box[3] - em / 2 && s.fullBox[1] - box[3] <= MAX_LOOSE_GAP * em).sort((a, b) => a.box[1] - b.box[1])[0];
  const below = belowBox(p.box);
  if (below && p.unit.kind === "byline") {
    below.leaders.unshift(p);
    below.fullBox = unionBox([below.fullBox, p.box]);
    return;
  }
  // a byline over the subhead that opens its text signs that text; the text's box stays under
  // the subhead, which heads it
  const subhead = p.unit.kind === "byline" ? headings.find((h) => overlapX(h.box, p.box) > 0 && h.box[1] >= p.box[3] - em / 2 && h.box[1] - p.box[3] <= MAX_LOOSE_GAP * em) : undefined;
  const underSubhead = subhead && belowBox(subhead.box);
  if (underSubhead) {
    underSubhead.leaders.unshift(p);
    return;
  }
  const above = segments.filter((s) => near(s) && p.box[1] >= s.box[3] - em / 2 && p.box[1] - s.box[3] <= MAX_LOOSE_GAP * em).sort((a, b) => b.box[3] - a.box[3])[0];
  const owner = p.unit.kind === "credit" ? (captionOverCredit(p, segments, em) ?? above) : above;
  if (owner) owner.trailers.push(p);
}

/** A photo credit is at most this far (ems) under its caption's last line: the next line. */
const MAX_CREDIT_DROP = 1;

/**
 * The caption a photo credit signs: the credit is set on the line under the caption's last line,
 * flush right with the photo, so it can start far right of where that line ends.
 */
function captionOverCredit(p: Piece, segments: readonly Segment[], em: number): Segment | undefined {
  const drop = (s: Segment) => p.box[1] - s.box[3];
  return segments
    .filter((s) => s.piece.sizeClass === "caption" && s.box[0] <= p.box[0] && drop(s) >= -em / 2 && drop(s) <= MAX_CREDIT_DROP * em)
    .sort((a, b) => drop(a) - drop(b))[0];
}

const isLastOfBlock = (p: Piece, inBlock: readonly Piece[]) => inBlock[inBlock.length - 1] === p;

function newSegment(p: Piece, leaders: Piece[], limits: Limits, blockPieces: readonly Piece[]): Segment {
  const lines = p.placed;
  const left = Math.min(...blockPieces.filter(isText).flatMap((b) => b.placed.map((l) => l.box[0])));
  const columnLeft = lines.length >= 2 ? Math.min(...lines.map((l) => l.box[0])) : left;
  const indented = lines[0]!.box[0] - columnLeft >= FIRST_LINE_INDENT_EMS.min * limits.em;
  return {
    piece: p,
    box: p.box,
    fullBox: unionBox([p.box, ...leaders.map((l) => l.box)]),
    leaders,
    trailers: [],
    indented,
    open: endsOpen(p.unit),
    closed: false,
    heads: null,
    subheadAbove: null,
  };
}

function isClosed(s: Segment): boolean {
  if (s.trailers.some((t) => t.unit.kind === "byline" || t.unit.kind === "jump" || t.unit.kind === "credit")) return true;
  if (endsWithJump(s.piece.unit)) return true;
  return signedAtEnd(s.piece.unit);
}

/**
 * Lines stacked into one heading share an axis: their left edges, centres or right edges lie
 * within this many ems of each other's. A slogan centred over the page above a story's heading
 * shares none with it (13-17 ems off on the synthetic front pages).
 */
const HEAD_ALIGN = 2;

/** True when `p` sits on one axis with some piece of the group: left-aligned, centred or right-aligned. */
function alignedWith(g: HeadingGroup, p: Piece, em: number): boolean {
  const centre = (b: Box) => (b[0] + b[2]) / 2;
  return g.pieces.some(
    (q) => Math.abs(q.box[0] - p.box[0]) <= HEAD_ALIGN * em || Math.abs(centre(q.box) - centre(p.box)) <= HEAD_ALIGN * em || Math.abs(q.box[2] - p.box[2]) <= HEAD_ALIGN * em,
  );
}

/**
 * True when body text starts level with the top of `box` in another column under `span` (a
 * headline's width): the line is set inside the story's text, at the top of its column (a subhead
 * there), not in the headline's stack above the text.
 */
function levelWithTextBeside(box: Box, span: Box, segments: readonly Segment[], em: number): boolean {
  return segments.some((s) => overlapX(s.box, span) > 0 && overlapX(s.box, box) <= 0 && Math.abs(s.fullBox[1] - box[1]) <= TOP_TOLERANCE * em);
}

/** Stacks heading pieces (and column labels above them) into groups, top to bottom. */
export function buildHeadingGroups(pieces: readonly Piece[], segments: readonly Segment[], limits: Limits): HeadingGroup[] {
  const heads = pieces.filter((p) => isHeadingPiece(p) || (p.unit.kind === "label" && !pieces.some((o) => isText(o) && o.block === p.block))).sort((a, b) => a.box[1] - b.box[1]);
  const groups: HeadingGroup[] = [];
  for (const p of heads) {
    const lineH = lineHeight(p);
    // the nearest group above takes the line (a kicker under a column label, not the slogan over both)
    const g = nearestAbove(
      groups.filter((g) =>
        !g.vertical &&
        p.unit.kind !== "vertical" &&
        overlapX(g.box, p.box) > 0 &&
        p.box[1] >= g.box[3] - lineH / 2 &&
        p.box[1] - g.box[3] <= GROUP_GAP * Math.max(lineH, lineHeight(g.pieces[g.pieces.length - 1]!)) &&
        alignedWith(g, p, limits.em) &&
        !levelWithTextBeside(p.box, g.box, segments, limits.em) &&
        // a column label tops its story's heading: under other heading lines it starts a new one
        !(p.unit.kind === "label" && g.pieces.some((q) => q.unit.kind !== "label")) &&
        // so does a kicker (`…——`, `…：`), which is never set under headline type (a slogan over the page)
        !(p.sizeClass !== "headline" && KICKER_END.test(headText(p)) && g.pieces.some((q) => q.sizeClass === "headline")) &&
        // body-size lines join a headline only as its subtitle (`——…`) or, over it, its kicker (`…——`, `…：`)
        !(p.minor && !g.minor && !SUBTITLE_START.test(headText(p))) &&
        !(g.minor && !p.minor && g.pieces.every((x) => x.unit.kind !== "label") && !KICKER_END.test(headText(g.pieces[g.pieces.length - 1]!))),
      ),
    );
    if (g) {
      g.pieces.push(p);
      g.box = unionBox([g.box, p.box]);
      g.minor &&= p.minor;
    } else {
      groups.push({ pieces: [p], box: p.box, minor: p.minor || p.unit.kind === "label", vertical: p.unit.kind === "vertical" });
    }
  }
  // a group of only a label is no heading; a label over a heading makes the group as big as the heading
  for (const g of groups) if (g.pieces.some((p) => p.unit.kind !== "label" && !p.minor)) g.minor = false;
  return groups;
}

const headText = (p: Piece) => unitHeadingText(p.unit);

/** The group whose foot is lowest (nearest above a line under them all), or undefined. */
function nearestAbove(groups: readonly HeadingGroup[]): HeadingGroup | undefined {
  let best: HeadingGroup | undefined;
  for (const g of groups) if (best === undefined || g.box[3] > best.box[3]) best = g;
  return best;
}

/** Height of one line of a piece (the glyph width for vertical text). */
function lineHeight(p: Piece): number {
  return p.unit.kind === "vertical" ? boxWidth(p.box) : (p.box[3] - p.box[1]) / Math.max(1, p.unit.lines.length);
}

/** The segment a heading box sits right above (the leftmost of the nearest). */
function segmentBelow(box: Box, segments: readonly Segment[], limits: Limits, maxGap: number): Segment | null {
  const candidates = segments.filter((s) => {
    const gap = s.fullBox[1] - box[3];
    const overlap = overlapX(s.fullBox, box);
    return gap >= -limits.em / 2 && gap <= maxGap * limits.em && overlap >= HEAD_OVERLAP_SHARE * Math.min(boxWidth(s.fullBox), boxWidth(box));
  });
  if (candidates.length === 0) return null;
  const top = Math.min(...candidates.map((s) => s.fullBox[1]));
  return candidates.filter((s) => s.fullBox[1] <= top + TOP_TOLERANCE * limits.em).sort((a, b) => a.box[0] - b.box[0])[0]!;
}

/** The segment right above a box in its column. */
function segmentAbove(box: Box, segments: readonly Segment[], limits: Limits, maxGap: number): Segment | null {
  const candidates = segments.filter((s) => {
    const gap = box[1] - s.box[3];
    return gap >= -limits.em / 2 && gap <= maxGap * limits.em && overlapX(s.box, box) >= SAME_COLUMN_SHARE * Math.min(boxWidth(s.box), boxWidth(box));
  });
  return candidates.sort((a, b) => b.box[3] - a.box[3])[0] ?? null;
}

/** A side headline: the text starts at its right, its first line level with the headline's top. */
/** True when `s` starts right of `box`, at most two gutters away: where a side headline's text starts. */
const startsRightOf = (s: Segment, box: Box, em: number) => boxStartsRightOf(s.box, box, em);
const boxStartsRightOf = (b: Box, box: Box, em: number) => b[0] >= box[2] - em && b[0] - box[2] <= MAX_GUTTER * 2 * em;

function segmentRightOf(box: Box, segments: readonly Segment[], limits: Limits, groups: readonly HeadingGroup[]): Segment | null {
  // the text's top is that of a subhead set right over it (`救助走失智障男子` opening the first column)
  const topOf = (s: Segment) => {
    const sub = groups.find((g) => !g.pieces.some((p) => p.sizeClass === "headline") && g.box !== box && overlapX(g.box, s.box) > 0 && g.box[3] <= s.fullBox[1] + limits.em / 2 && s.fullBox[1] - g.box[3] <= MAX_HEAD_GAP * limits.em);
    return sub ? Math.min(sub.box[1], s.fullBox[1]) : s.box[1];
  };
  const candidates = segments.filter((s) => startsRightOf(s, box, limits.em) && Math.abs(topOf(s) - box[1]) <= MAX_HEAD_GAP * limits.em);
  return candidates.sort((a, b) => a.box[0] - b.box[0] || a.box[1] - b.box[1])[0] ?? null;
}

/** A side headline at the right of its text: the text starts at its left, level with the headline's top. */
function segmentLevelLeftOf(box: Box, segments: readonly Segment[], limits: Limits): Segment | null {
  const candidates = segments.filter(
    (s) => s.box[2] <= box[0] + limits.em && box[0] - s.box[2] <= MAX_GUTTER * 2 * limits.em && Math.abs(s.fullBox[1] - box[1]) <= MAX_HEAD_GAP * limits.em,
  );
  return candidates.sort((a, b) => b.box[2] - a.box[2] || a.box[1] - b.box[1])[0] ?? null;
}

/** Within a gutter of `b`'s left edge and level with it: a column printed right before `b`. */
function isColumnLeftOf(b: Box, s: Segment, em: number): boolean {
  return s.box[2] <= b[0] + em && b[0] - s.box[2] <= MAX_GUTTER * em && overlapY(s.box, b) > 0;
}

/** The text column right before a vertical headline: the topmost one at its left. */
function columnLeftOf(box: Box, segments: readonly Segment[], limits: Limits): Segment | null {
  return segments.filter((s) => isColumnLeftOf(box, s, limits.em)).sort((a, b) => a.box[1] - b.box[1])[0] ?? null;
}

/** The story's first column, from `column`: moving left while the text runs on into it. */
function firstColumnFrom(column: Segment, segments: readonly Segment[], limits: Limits): Segment {
  let best = column;
  // overlapping boxes can be each other's left neighbour: never walk back onto a segment seen
  const seen = new Set<Segment>();
  for (;;) {
    const current: Segment = best;
    seen.add(current);
    const left = segments.filter((s) => !seen.has(s) && isColumnLeftOf(current.box, s, limits.em) && Math.abs(s.box[1] - current.box[1]) <= TOP_TOLERANCE * limits.em)[0];
    if (!left || !left.open || current.indented) return best;
    best = left;
  }
}

/**
 * The segment a vertical headline heads: the story's first column at its left; but when that text
 * runs under a headline printed across it (it is that headline's story), the first column at its
 * right, if any (a vertical headline at a story's left edge).
 */
function verticalTarget(g: HeadingGroup, segments: readonly Segment[], groups: readonly HeadingGroup[], limits: Limits): Segment | null {
  const column = columnLeftOf(g.box, segments, limits);
  const first = column && firstColumnFrom(column, segments, limits);
  const headedElsewhere = (s: Segment) => groups.some((h) => h !== g && isHeadlineOver(h, s, limits.em));
  // a column label printed at the headline's top, right of it, labels the story at its right
  // (as far from it as text at its right may start)
  const labelAtRight = groups.some((h) => h.pieces.every((p) => p.unit.kind === "label") && boxStartsRightOf(h.box, g.box, limits.em) && Math.abs(h.box[1] - g.box[1]) <= MAX_HEAD_GAP * limits.em);
  if (column && first && !labelAtRight && !headedElsewhere(column) && !headedElsewhere(first)) return first;
  return segmentRightOfVertical(g.box, segments, limits) ?? first;
}

/** True when `h` is a horizontal headline printed across the top of `s`, right over it. */
function isHeadlineOver(h: HeadingGroup, s: Segment, em: number): boolean {
  return (
    !h.vertical &&
    h.pieces.some((p) => p.sizeClass === "headline") &&
    overlapX(h.box, s.box) >= boxWidth(s.box) / 2 &&
    h.box[3] <= s.fullBox[1] + em / 2 &&
    s.fullBox[1] - h.box[3] <= MAX_HEAD_GAP * em
  );
}

/** The first column right of a vertical headline set at the story's left: beside it, a gutter away, the topmost. */
function segmentRightOfVertical(box: Box, segments: readonly Segment[], limits: Limits): Segment | null {
  // as far as a side headline's text may be (the glyphs are centred in a wider column of their own)
  const candidates = segments.filter((s) => startsRightOf(s, box, limits.em) && overlapY(s.box, box) > 0);
  return candidates.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0])[0] ?? null;
}

/**
 * Puts heading groups on the segments they head and subheads between the segments of a column.
 * @returns the groups that head nothing
 */
export function placeHeadings(groups: readonly HeadingGroup[], segments: readonly Segment[], limits: Limits): HeadingGroup[] {
  const unplaced: HeadingGroup[] = [];
  const gapOf = (g: HeadingGroup, s: Segment) => s.box[1] - g.box[3];
  for (const g of groups) {
    // a lone line smaller than headline type between two runs of one column is a subhead
    const lone = g.pieces.length === 1 ? g.pieces[0]! : null;
    if (lone && lone.unit.kind === "heading" && lone.unit.lines.length === 1 && lone.sizeClass !== "headline") {
      const above = segmentAbove(g.box, segments, limits, MAX_BELOW_GAP);
      const below = segmentBelow(g.box, segments, limits, MAX_HEAD_GAP);
      if (above && below && !above.closed && below.subheadAbove === null && !below.heads) {
        below.subheadAbove = g.pieces[0]!;
        continue;
      }
    }
    // a heading at the top of a column, level with the text of the column beside it (or a little
    // under that text's top: space is set over a subhead), is a subhead there
    if (lone && !g.vertical && lone.unit.kind === "heading" && lone.sizeClass !== "headline") {
      const below = segmentBelow(g.box, segments, limits, MAX_HEAD_GAP);
      const levelWithText = (s: Segment) => s.fullBox[1] - g.box[1] <= TOP_TOLERANCE * limits.em && g.box[1] - s.fullBox[1] <= MAX_HEAD_GAP * limits.em;
      const beside = below && segments.some((s) => s !== below && isBesideColumn(s, below, limits.em) && levelWithText(s));
      if (below && beside && below.subheadAbove === null && !below.heads) {
        below.subheadAbove = lone;
        continue;
      }
    }
    const target = g.vertical ? verticalTarget(g, segments, groups, limits) : (segmentBelow(g.box, segments, limits, MAX_HEAD_GAP) ?? segmentRightOf(g.box, segments, limits, groups) ?? segmentLevelLeftOf(g.box, segments, limits));
    if (!target) {
      unplaced.push(g);
      continue;
    }
    if (target.heads) {
      // a column label and a headline over one segment are one heading (the label is its column)
      const labelOnly = (h: HeadingGroup) => h.pieces.every((p) => p.unit.kind === "label");
      if (labelOnly(g) !== labelOnly(target.heads)) {
        const [label, headline] = labelOnly(g) ? [g, target.heads] : [target.heads, g];
        headline.pieces.unshift(...label.pieces);
        target.heads = headline;
        continue;
      }
      // a side headline heads the segment: a heading right over its text is the text's first subhead
      const sideHead = !target.heads.vertical && target.heads.box[3] > target.fullBox[1] + limits.em / 2;
      if (sideHead && lone && lone.sizeClass !== "headline" && target.subheadAbove === null && gapOf(g, target) >= -limits.em / 2) {
        target.subheadAbove = lone;
        continue;
      }
      // two groups over one segment: the nearer keeps it
      if (!target.heads.vertical && gapOf(target.heads, target) <= gapOf(g, target)) {
        unplaced.push(g);
        continue;
      }
      unplaced.push(target.heads);
    }
    target.heads = g;
  }
  return unplaced;
}

/** True when `s` is the column right before or after `column`: side by side, a gutter apart. */
function isBesideColumn(s: Segment, column: Segment, em: number): boolean {
  const gap = s.box[0] >= column.box[2] - em ? s.box[0] - column.box[2] : column.box[0] - s.box[2];
  return gap >= -em && gap <= MAX_GUTTER * em && overlapX(s.box, column.box) <= 0;
}

/** True when `s` may not go on from another segment: it opens a story of its own. */
function startsStory(s: Segment): boolean {
  if (s.heads !== null && (s.indented || !s.piece.unit.lines[0] || DATELINE.test(s.piece.unit.lines[0].text))) return true;
  if (s.leaders.some((l) => l.unit.kind === "byline" || l.unit.kind === "label")) return true;
  return DATELINE.test(s.piece.unit.lines[0]!.text);
}

/**
 * True when two columns start level: their tops, or the tops of their text (a byline or a dateline
 * printed over the first column's text lowers only that column's text).
 */
function startsLevel(a: Segment, b: Segment, em: number): boolean {
  return Math.abs(a.fullBox[1] - b.fullBox[1]) <= TOP_TOLERANCE * em || Math.abs(a.box[1] - b.box[1]) <= TOP_TOLERANCE * em;
}

/** True when the text of `next` can go on from `prev`: an open end needs a start mid-paragraph. */
function textAgrees(prev: Segment, next: Segment): boolean {
  if (prev.closed) return false;
  if (prev.open) return !next.indented;
  return true;
}

/** True when `line` is one line indented as a paragraph's first, in the column whose left edge `column` shows. */
function indentedFirstLine(line: Segment, column: Segment, em: number): boolean {
  const indent = line.box[0] - column.box[0];
  return line.piece.placed.length === 1 && indent >= FIRST_LINE_INDENT_EMS.min * em && indent <= FIRST_LINE_INDENT_EMS.max * em;
}

/**
 * True when `s` is one full line, indented as a paragraph's first, under the column of `above`:
 * a paragraph opening at the column's foot, going on in the next column.
 */
function opensIndentedParagraph(s: Segment, above: Segment, em: number): boolean {
  return indentedFirstLine(s, above, em) && s.open && Math.abs(s.box[2] - above.box[2]) <= em / 2;
}

/** Captions (small type, or text closed by a photo credit) go on only into captions. */
const isCaption = (s: Segment) => s.piece.sizeClass === "caption" || s.trailers.some((t) => t.unit.kind === "credit");
const sameType = (a: Segment, b: Segment) => isCaption(a) === isCaption(b);

/** Builds the page's stories. */
export function buildStories(segments: readonly Segment[], groups: readonly HeadingGroup[], limits: Limits): Story[] {
  const taken = new Set<Segment>();
  const stories: Story[] = [];
  const em = limits.em;

  const isFree = (s: Segment) => !taken.has(s);
  const leftmostOfTop = (candidates: Segment[]) => {
    if (candidates.length === 0) return null;
    const top = Math.min(...candidates.map((s) => s.fullBox[1]));
    return candidates.filter((s) => s.fullBox[1] <= top + TOP_TOLERANCE * em).sort((a, b) => a.box[0] - b.box[0])[0]!;
  };
  const nextBelow = (story: Story, p: Segment): Segment | null => {
    const candidates = segments.filter((s) => {
      if (!isFree(s) || !sameType(p, s)) return false;
      const gap = s.fullBox[1] - p.box[3];
      // a paragraph's indented first line, alone in its block, starts right of the lines under it
      const column = indentedFirstLine(p, s, em) ? unionBox([p.box, [s.box[0], p.box[1], p.box[0], p.box[3]]]) : p.box;
      const aligned = Math.abs(s.box[0] - column[0]) <= COLUMN_ALIGN * em || opensIndentedParagraph(s, p, em);
      return gap >= -em / 2 && gap <= MAX_BELOW_GAP * em && aligned && overlapX(s.box, column) >= SAME_COLUMN_SHARE * Math.min(boxWidth(s.box), boxWidth(column)) && !headlineBetween(p, s);
    });
    const s = leftmostOfTop(candidates);
    if (!s || nextColumnOfHeadedStory(s)) return null;
    // summary points under a headline go on into the story's dateline or signed text
    const deckAbove = story.segments.length === 1 && story.heads !== null && !DATELINE.test(p.piece.unit.lines[0]!.text);
    if (deckAbove && s.heads === null && opensWithDatelineOrByline(s)) return s;
    if (!textAgrees(p, s) || startsStory(s)) return null;
    return s;
  };
  /** True when `s` starts level with a headed story's first column printed right before it: that story's next column. */
  const nextColumnOfHeadedStory = (s: Segment): boolean =>
    segments.some((h) => h.heads !== null && !h.heads.minor && h.box[2] <= s.box[0] + em && isBesideColumn(h, s, em) && Math.abs(h.fullBox[1] - s.fullBox[1]) <= TOP_TOLERANCE * em);
  /** True when a headline is printed across the column between `above` and `below`: the text under it is another story's. */
  const subheads = new Set(segments.map((s) => s.subheadAbove));
  const headlineBetween = (above: Segment, below: Segment): boolean =>
    groups.some(
      (g) => !g.minor && !g.pieces.some((p) => subheads.has(p)) && overlapX(g.box, below.box) > 0 && g.box[1] >= above.box[3] - em / 2 && g.box[3] <= below.fullBox[1] + em / 2,
    );
  /** True when nothing of another story is printed between the story's top and `s` in its column. */
  const clearAbove = (story: Story, s: Segment): boolean => {
    const top = storyTop(story);
    const ownSubhead = groups.find((g) => s.subheadAbove !== null && g.pieces.includes(s.subheadAbove))?.box;
    const inStory = (b: Box) => story.segments.some((x) => x.box === b) || story.heads?.box === b || b === ownSubhead;
    const boxes = [...segments.map((x) => x.box), ...groups.map((g) => g.box)];
    return !boxes.some((b) => !inStory(b) && b !== s.box && overlapX(b, s.box) > 0 && b[3] <= s.fullBox[1] + em / 2 && b[1] >= top - em / 2);
  };
  const nextColumn = (story: Story, p: Segment): Segment | null => {
    const top = storyTop(story);
    const candidates = segments.filter(
      (s) =>
        isFree(s) &&
        sameType(p, s) &&
        !startsStory(s) &&
        s.box[0] >= p.box[2] - em &&
        s.box[0] - p.box[2] <= MAX_GUTTER * em &&
        s.box[1] < p.box[3] &&
        s.box[1] >= top - TOP_TOLERANCE * em &&
        clearAbove(story, s),
    );
    const s = candidates.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0])[0];
    if (!s) return null;
    // a column level with the story's first, right after an open end, is the story's even when it
    // opens a paragraph (a paragraph may end without punctuation, as a run-in subhead does)
    const levelWithFirst = !p.closed && startsLevel(s, story.segments[0]!, em);
    return textAgrees(p, s) || levelWithFirst ? s : null;
  };
  /**
   * True when the story's columns so far all end level, its last one included: the story is set
   * as a rectangle, and it goes on at the top of its next column, not under its last one.
   */
  const endsRectangle = (story: Story): boolean => {
    const last = story.segments[story.segments.length - 1]!;
    return story.segments.length >= 2 && story.segments.every((x) => Math.abs(x.box[3] - last.box[3]) <= TOP_TOLERANCE * em);
  };
  /**
   * The segment under `p`, unless the story's headline is printed over `p` and over the column
   * right of it and no subhead sits over the text below: the story fills the columns under its
   * headline first. With nothing under `p`, the next column.
   */
  const nextBelowOrUnderHeadline = (story: Story, p: Segment): Segment | null => {
    const below = nextBelow(story, p);
    if (below === null) return nextColumn(story, p);
    const heads = story.heads;
    if (below.subheadAbove !== null || heads === null || heads.vertical || overlapX(heads.box, p.box) <= 0) return below;
    const across = nextColumn(story, p);
    return across !== null && overlapX(heads.box, across.box) >= SAME_COLUMN_SHARE * boxWidth(across.box) ? across : below;
  };
  const follow = (story: Story) => {
    for (;;) {
      const p = story.segments[story.segments.length - 1]!;
      if (p.closed) return;
      // a paragraph's first line at a column's foot goes on at the top of the next column
      const prev = story.segments[story.segments.length - 2];
      const opener = prev !== undefined && opensIndentedParagraph(p, prev, em);
      const s = opener || endsRectangle(story) ? (nextColumn(story, p) ?? nextBelow(story, p)) : nextBelowOrUnderHeadline(story, p);
      if (!s) return;
      if (s.heads && !s.heads.minor && story.heads) return;
      taken.add(s);
      story.segments.push(s);
      if (s.heads && !story.heads) story.heads = s.heads;
    }
  };

  // stories under headings first, in reading order; then stories opened by datelines and bylines
  const starts = [...segments].sort((a, b) => a.piece.order - b.piece.order || a.box[1] - b.box[1]);
  for (const s of starts.filter((s) => s.heads !== null)) {
    if (taken.has(s)) continue;
    taken.add(s);
    const story: Story = { segments: [s], heads: s.heads };
    stories.push(story);
    follow(story);
  }
  for (const s of starts.filter((s) => startsStory(s))) {
    if (taken.has(s)) continue;
    taken.add(s);
    const story: Story = { segments: [s], heads: null };
    stories.push(story);
    follow(story);
  }
  // the rest: text printed in the column left of a story's first column, level with it, opens
  // that story; else it is a story of its own
  for (const s of starts) {
    if (taken.has(s)) continue;
    const host = stories.find((st) => {
      const first = st.segments[0]!;
      return (
        textAgrees(s, first) &&
        sameType(s, first) &&
        first.box[0] >= s.box[2] - em &&
        first.box[0] - s.box[2] <= MAX_GUTTER * em &&
        first.box[1] < s.box[3] &&
        (Math.abs(s.box[1] - first.box[1]) <= TOP_TOLERANCE * em || Math.abs(s.box[1] - storyTop(st)) <= NEXT_COLUMN_DROP * em) &&
        !DATELINE.test(first.piece.unit.lines[0]!.text)
      );
    });
    taken.add(s);
    if (host) {
      host.segments.unshift(s);
      continue;
    }
    const story: Story = { segments: [s], heads: s.heads };
    stories.push(story);
    follow(story);
  }
  return mergeRunOns(stories, em);
}

/**
 * A story without headline whose last column runs into the first column of a headed story, just
 * right of it, is that story's beginning (the headline was set over a later column): its text
 * stops mid-sentence and the next starts mid-paragraph, or it starts level with that headline.
 */
function mergeRunOns(stories: Story[], em: number): Story[] {
  const out = [...stories];
  for (const a of stories) {
    if (a.heads || !out.includes(a)) continue;
    const last = a.segments[a.segments.length - 1]!;
    if (last.closed) continue;
    const b = out.find((st) => {
      const first = st.segments[0]!;
      if (st === a || !sameType(last, first) || DATELINE.test(first.piece.unit.lines[0]!.text)) return false;
      const adjacent = first.box[0] >= last.box[2] - em && first.box[0] - last.box[2] <= MAX_GUTTER * em && first.box[1] < last.box[3];
      if (!adjacent) return false;
      const runsOn = last.open && !first.indented;
      const levelWithHead = st.heads !== null && !st.heads.vertical && Math.abs(a.segments[0]!.fullBox[1] - st.heads.box[1]) <= TOP_TOLERANCE * em;
      // a headline centred over the story's columns stands over a later one: the first columns start level with it, under the headline's top
      const levelColumns =
        st.heads !== null && !st.heads.vertical && st.heads.box[3] <= a.segments[0]!.fullBox[1] + TOP_TOLERANCE * em && Math.abs(a.segments[0]!.fullBox[1] - first.fullBox[1]) <= TOP_TOLERANCE * em;
      // level columns under one headline go on even where a paragraph ends without punctuation and
      // the next column opens one (as the story's own columns do: see nextColumn)
      if (!textAgrees(last, first)) return levelColumns;
      return runsOn || levelWithHead || levelColumns;
    });
    if (!b) continue;
    b.segments.unshift(...a.segments);
    out.splice(out.indexOf(a), 1);
  }
  return out;
}

function opensWithDatelineOrByline(s: Segment): boolean {
  return DATELINE.test(s.piece.unit.lines[0]!.text) || s.leaders.some((l) => l.unit.kind === "byline");
}

/** Where the story's columns start: under a headline above the text, else level with the text (or a side headline). */
function storyTop(story: Story): number {
  const first = story.segments[0]!;
  const h = story.heads;
  if (!h || h.vertical) return first.fullBox[1];
  const above = h.box[3] <= first.fullBox[1] + TOP_TOLERANCE * 0;
  return Math.min(first.fullBox[1], above ? h.box[3] : h.box[1]);
}

/**
 * A story as a pipeline draft: its heading group and first segment's bylines lead; subheads
 * sit between segments; bylines, credits and jump lines printed after segments trail.
 */
export function toDraft(story: Story): Draft {
  const items: StoryItem[] = [];
  story.segments.forEach((s, i) => {
    // a subhead over the first segment of a story headed elsewhere (a side headline) opens its text
    if (s.subheadAbove && (i > 0 || story.heads !== null)) items.push({ unit: s.subheadAbove.unit, role: "subhead" });
    // headings over a later column of the story (not its headline) are read as subheads there
    if (s.heads && s.heads !== story.heads && i > 0) for (const p of s.heads.pieces) items.push({ unit: p.unit, role: "subhead" });
    items.push({ unit: s.piece.unit, role: "body" });
  });
  const heads = story.heads ? [...story.heads.pieces].sort((a, b) => headOrder(a) - headOrder(b) || a.box[1] - b.box[1]) : [];
  const first = story.segments[0]!;
  const leaders = [...heads.map((p) => p.unit), ...(first.subheadAbove && !story.heads ? [first.subheadAbove.unit] : []), ...story.segments.flatMap((s) => s.leaders.map((p) => p.unit))];
  const trailers = story.segments.flatMap((s) => s.trailers.map((p) => p.unit));
  return { items, leaders, trailers, closed: story.segments[story.segments.length - 1]!.closed };
}

/** Labels first, then headings top to bottom. */
const headOrder = (p: Piece) => (p.unit.kind === "label" ? 0 : 1);

/** Subheads the stories took: between their segments, over the first (heading a story without headline, or opening its text). */
export function storySubheads(stories: readonly Story[]): Set<Piece> {
  const used = new Set<Piece>();
  for (const st of stories) for (const s of st.segments) if (s.subheadAbove) used.add(s.subheadAbove);
  return used;
}

/**
 * Stories as the source's logical structure gives them (METS articles listing ALTO blocks or
 * block groups): each article's segments in the order its blocks are listed, headed by the
 * first heading group printed over one of them (or set in one of its blocks).
 * @param blockIds ids of the page's blocks (with their group ids), by block index
 * @returns the stories, and the segments no article lists
 */
export function storiesFromArticles(
  articles: readonly { id: string; blockIds: string[] }[],
  blockIds: readonly (readonly string[])[],
  segments: readonly Segment[],
  groups: readonly HeadingGroup[],
): { stories: Story[]; rest: Segment[] } {
  const taken = new Set<Segment>();
  const stories: Story[] = [];
  for (const article of articles) {
    const rank = (block: number) => {
      const ids = blockIds[block] ?? [];
      const k = article.blockIds.findIndex((id) => ids.includes(id));
      return k;
    };
    const members = segments.filter((s) => !taken.has(s) && rank(s.piece.block) >= 0);
    if (members.length === 0) continue;
    members.sort((a, b) => rank(a.piece.block) - rank(b.piece.block) || a.box[1] - b.box[1]);
    members.forEach((s) => taken.add(s));
    const heads = members.find((s) => s.heads && !s.heads.minor)?.heads ?? groups.find((g) => !g.minor && g.pieces.every((p) => rank(p.block) >= 0)) ?? null;
    stories.push({ segments: members, heads });
  }
  return { stories, rest: segments.filter((s) => !taken.has(s)) };
}

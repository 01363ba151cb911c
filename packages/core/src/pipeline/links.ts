/**
 * Column links, decided for the whole page at once: which body unit goes on in which. Text cut at
 * a column's foot stops mid-sentence (an open end) and goes on in a later unit that starts
 * mid-sentence (an open start) set in the same column width. Read one unit at a time, an open
 * start takes the best open end it has seen so far, and a later start that continues that end
 * better then finds it taken. Here every open end is matched with at most one open start over the
 * whole page, the strongest evidence first, so that competing ends and starts are settled together.
 *
 * Each pair is weighed by log odds, measured on the 633 true and 7,461 false candidate pairs of
 * the 72 synthetic pages of seeds 1–3 (tools/synth) and rounded: how extractors order columns, how often
 * the characters across a true cut join, how widths agree — not any one layout.
 */
import { opensDateline } from "./lines.js";
import { cutBetweenWords, type Junction } from "./junction.js";
import { endsOpen, EXACT_COLUMN, isIndented, PARAGRAPH_OPENER, SAME_COLUMN, unitColumnWidth, WIDTH_WOBBLE } from "./measure.js";
import { signedAtEnd } from "./inline.js";
import type { Unit } from "./units.js";
import { Cohesion } from "./cohesion.js";

/** Odds of a candidate pair before any evidence: about one in twelve candidates is the true one. */
const PRIOR = -2.5;
/**
 * The characters across the cut join (a pair the page prints elsewhere, or a common word): 43% of
 * true pairs, 1.3% of false ones by the page's pairs alone.
 */
const JUNCTION_SEEN = 3.5;
const JUNCTION_UNSEEN = -0.5;
/** The two columns' widths agree to the half em (93% of true pairs, 59% of false); a near width is weak. */
const EXACT_WIDTH = 0.5;
const NEAR_WIDTH = -1.8;
/**
 * By the start's rank among the later open starts of a fitting width: the very next one is most
 * often right (80% of true pairs, 3% of false), farther ones less and less.
 */
const AFTER_BY_RANK = [3.2, 0, -0.9, -1.8];
const AFTER_FARTHER = -2.3;
/** A start that opens like a paragraph (a quote, a list number) is less likely cut text. */
const OPENS_LIKE_PARAGRAPH = -1;
/**
 * Columns of one story are set to one depth, and its last column is as deep or shallower: a start
 * as many lines as its end or one fewer (a paragraph's last line) is its next column in 36% of
 * candidates, a deeper one in 2%, one shallower by two lines or more in 6%. Log odds against the
 * balanced case, fitted with the other weights on the 16,698 forward candidates (2,183 true) of
 * the synthetic sets synth, s4–s7, s14 and s15; only the penalties are used, so that depth alone
 * never makes a link.
 */
const DEEPER_COLUMN = -2.4;
const SHALLOWER_COLUMN = -1.6;
/** Runs of fewer lines are pieces of a column (a paragraph a blank line cut off), not whole columns. */
const MIN_LINES_FOR_DEPTH = 4;
/**
 * Pairs weighed below this are not linked, and the flow's reading-order rules decide: on held-out
 * pages, weaker links (and links to starts printed before their end) overrode those rules wrongly
 * about as often as rightly.
 */
const MIN_LINK_SCORE = 1;
/** A unit of one line (a dateline's line, a deck point) says too little about its column to be linked. */
const MIN_LINES_TO_LINK = 2;
/**
 * Weight of the share of the start's words that the end prints too (0..1, see {@link Cohesion}): a
 * tie-break that lifts a near pair over the threshold. On synth, s4–s7, s14 and s15, 0.5 raised
 * segmentation F1 on synth, s4 and s14 and left the others; 1 and 1.5 gained more on s4 (+2.6) but
 * lost 1.5 on s7 and 0.3 on s5.
 */
const LINK_COHESION_WEIGHT = 0.5;
/** Units scanned after an open end, so that the matching stays linear in the page. */
const MAX_SCAN_UNITS = 120;

interface Candidate {
  end: Unit;
  start: Unit;
  score: number;
  /** Units between the two (a tie-break: nearer first). */
  distance: number;
}

/** Matches open ends with later open starts over the page. Returns, for each linked open start, the open end it continues. */
export function linkColumns(units: readonly Unit[], junction: Junction, cohesion: Cohesion = new Cohesion(units)): Map<Unit, Unit> {
  const isStart = units.map((u) => u.kind === "body" && isOpenStart(u));
  const widths = units.map((u) => (u.kind === "body" ? unitColumnWidth(u) : 0));
  const candidates: Candidate[] = [];
  units.forEach((end, i) => {
    if (end.kind !== "body" || !isOpenEnd(units, i)) return;
    let rank = 0;
    // farther starts weigh less: stop where even the strongest junction and width could not link
    for (let j = i + 1; j < units.length && j - i <= MAX_SCAN_UNITS && mayLink(rank); j++) {
      const widthGap = Math.abs(widths[i]! - widths[j]!);
      if (!isStart[j] || widthGap > SAME_COLUMN + WIDTH_WOBBLE) continue;
      const start = units[j]!;
      const score = pairScore(end, start, rank, widthGap, junction, cohesion);
      if (score >= MIN_LINK_SCORE) candidates.push({ end, start, score, distance: j - i });
      rank++;
    }
  });
  return matchPairs(candidates);
}

/**
 * A start printed before the end it continues (the extractor read a story's later column first)
 * is linked only when the two characters across the cut are a pair the page prints at least this
 * often elsewhere (a name, a term of the story): among the ends and starts the forward match left
 * over on the 120 synthetic pages, 14 such pairs were true and 2 false, where a single sighting or
 * a common word was right in 11 of 34.
 */
const BACKWARD_MIN_JUNCTION = 2;

/**
 * Links the open ends the forward match left over with open starts printed before them, in the
 * same column width to the half em, on strong junction evidence only (see {@link BACKWARD_MIN_JUNCTION}).
 * Strongest junction first, then the nearest; one start per end. Returns start → end.
 */
export function linkBackward(units: readonly Unit[], junction: Junction, forward: ReadonlyMap<Unit, Unit>): Map<Unit, Unit> {
  const taken = new Set(forward.values());
  const isStart = units.map((u) => u.kind === "body" && !forward.has(u) && isOpenStart(u));
  const candidates: Candidate[] = [];
  units.forEach((end, i) => {
    if (end.kind !== "body" || taken.has(end) || !isOpenEnd(units, i)) return;
    const endReadsOn = readsOn(units, i);
    const width = unitColumnWidth(end);
    for (let j = i - 1; j >= 0 && i - j <= MAX_SCAN_UNITS; j--) {
      if (!isStart[j]) continue;
      const start = units[j]!;
      // an end and a start that both read on with the text printed next to them are two
      // continuations as read: a pair across them must not break both (3 false, 0 true on synth, dev, seed)
      if (endReadsOn && readsOn(units, j - 1)) continue;
      if (Math.abs(width - unitColumnWidth(start)) > EXACT_COLUMN) continue;
      const score = junction(end.lines[end.lines.length - 1]!.text, start.lines[0]!.text);
      if (score >= BACKWARD_MIN_JUNCTION) candidates.push({ end, start, score, distance: i - j });
    }
  });
  return matchPairs(candidates);
}

/** True when body text printed right after unit `i` (nothing between) goes on with its cut sentence as read. */
function readsOn(units: readonly Unit[], i: number): boolean {
  return i >= 0 && units[i]!.kind === "body" && units[i + 1]?.kind === "body" && endsOpen(units[i]!);
}

/** Greedy one-to-one matching, strongest pair first (nearer on a tie). Returns start → end. */
function matchPairs(candidates: Candidate[]): Map<Unit, Unit> {
  candidates.sort((a, b) => b.score - a.score || a.distance - b.distance);
  const links = new Map<Unit, Unit>();
  const taken = new Set<Unit>();
  for (const c of candidates) {
    if (links.has(c.start) || taken.has(c.end)) continue;
    links.set(c.start, c.end);
    taken.add(c.end);
  }
  return links;
}

/** True for body text that stops mid-sentence and is not closed by a byline or a jump line after it. */
function isOpenEnd(units: readonly Unit[], i: number): boolean {
  const unit = units[i]!;
  return unit.lines.length >= MIN_LINES_TO_LINK && endsOpen(unit) && !signedAtEnd(unit) && units[i + 1]?.kind !== "jump";
}

/**
 * True for body text that may start mid-sentence: not indented, no dateline. A quote or a list
 * number mostly opens a paragraph, but a sentence cut before `“…”` starts so too: weighed, not excluded.
 */
function isOpenStart(unit: Unit): boolean {
  return unit.lines.length >= MIN_LINES_TO_LINK && !isIndented(unit) && !opensDateline(unit.lines[0]!);
}

/** True while a start of this rank could still weigh enough to be linked. */
const mayLink = (rank: number): boolean => orderWeight(rank) + PRIOR + JUNCTION_SEEN + EXACT_WIDTH + LINK_COHESION_WEIGHT >= MIN_LINK_SCORE;
const orderWeight = (rank: number): number => AFTER_BY_RANK[rank] ?? AFTER_FARTHER;

/** The pair's weight; the junction and the words are looked up only when they could link the pair. */
function pairScore(end: Unit, start: Unit, rank: number, widthGap: number, junction: Junction, cohesion: Cohesion): number {
  let score = PRIOR + orderWeight(rank) + (widthGap <= EXACT_COLUMN ? EXACT_WIDTH : NEAR_WIDTH) + depthWeight(end, start);
  if (PARAGRAPH_OPENER.test(start.lines[0]!.text)) score += OPENS_LIKE_PARAGRAPH;
  if (score + JUNCTION_SEEN + LINK_COHESION_WEIGHT < MIN_LINK_SCORE) return score + JUNCTION_UNSEEN;
  score += junctionWeight(end.lines[end.lines.length - 1]!.text, start.lines[0]!.text, junction, rank);
  // the words, the costliest evidence, are weighed only for a pair they could lift to the threshold
  if (score + LINK_COHESION_WEIGHT < MIN_LINK_SCORE) return score;
  return score + LINK_COHESION_WEIGHT * cohesion.share(start, [end]);
}

/**
 * The weight of the characters across the cut. When the text before the cut ends with a whole
 * word and the text after it opens with one (`干部身上` | `市民排忧`), the cut falls between two
 * words, and a word the two characters across it make (`上市`) is a coincidence of characters:
 * for a start past the next one it says nothing either way, so that it no longer takes that start
 * from the open end right before it (`千方百计为` | `市民`). The very next start is the reading
 * order's own guess, and there such a pair still counts (`最大` | `力度`: on synth s14, taking it
 * away there let a coincidence of another end win, 的力 from 的力量, and lowered s14).
 */
function junctionWeight(tail: string, head: string, junction: Junction, rank: number): number {
  if (junction(tail, head) <= 0) return JUNCTION_UNSEEN;
  return rank > 0 && cutBetweenWords(tail, head) ? 0 : JUNCTION_SEEN;
}

/** How the depth of column `start` compares with that of column `end` before it; null when either is too short to be a whole column. */
export function columnDepthFit(end: Unit, start: Unit): "balanced" | "deeper" | "shallower" | null {
  if (end.lines.length < MIN_LINES_FOR_DEPTH || start.lines.length < MIN_LINES_FOR_DEPTH) return null;
  const deeperBy = start.lines.length - end.lines.length;
  if (deeperBy > 0) return "deeper";
  return deeperBy >= -1 ? "balanced" : "shallower";
}

/** The weight of the two columns' depths (see {@link DEEPER_COLUMN}). */
function depthWeight(end: Unit, start: Unit): number {
  const fit = columnDepthFit(end, start);
  return fit === "deeper" ? DEEPER_COLUMN : fit === "shallower" ? SHALLOWER_COLUMN : 0;
}

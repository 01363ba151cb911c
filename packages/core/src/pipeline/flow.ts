/**
 * Stage 3: units → article drafts. Body units are chained into stories; between two body
 * units the parser decides, from evidence, whether the story goes on (a subhead, a column
 * break) or a new one starts (a dateline, a byline, a label, a change of column).
 * Headings and bylines found between stories are kept as a "gap" for the next stage.
 */
import { appendAll } from "../arrays.js";
import { MAX_DECK_LINES, readsAsDeck } from "./deck.js";
import { creditedAtEnd, signedAtEnd } from "./inline.js";
import {
  closesSentenceAtIndent,
  columnWidth,
  columnWidthGap,
  endsOpen,
  endsWithJump,
  EXACT_COLUMN,
  INDENT_MIN,
  isIndented,
  isSameColumnGap,
  lineFitsColumn,
  MIN_LINES_FOR_WIDTH,
  PARAGRAPH_OPENER,
  SAME_COLUMN,
  sameColumnWidth,
  startsParagraph,
  WIDTH_WOBBLE,
} from "./measure.js";
import { KICKER_END, RUNNING_HEAD_DATE, SUBTITLE_START } from "./patterns.js";
import { isBylineUnit, type Unit } from "./units.js";
import { opensDateline } from "./lines.js";
import { cutBetweenWords, type Junction } from "./junction.js";
import { columnDepthFit, linkBackward, linkColumns } from "./links.js";
import { Cohesion } from "./cohesion.js";
import { PageGrams } from "./grams.js";

/** A body unit, a subhead, or a paragraph standing alone (a deck's label) inside a story, in reading order. */
export interface StoryItem {
  unit: Unit;
  role: "body" | "subhead" | "paragraph";
  /** True when a byline is printed right before this text (between a deck and the story). */
  bylineBefore?: boolean;
}

/** An article being assembled. */
export interface Draft {
  items: StoryItem[];
  /** Units printed before the story and given to it (headline, kicker, byline…). */
  leaders: Unit[];
  /** Units printed after the story and given to it. */
  trailers: Unit[];
  /** True once a byline, credit or jump line printed right after the story closed it. */
  closed: boolean;
}

/** Units between two stories (or before the first, after the last). */
export interface Gap {
  prev: Draft | null;
  next: Draft | null;
  units: Unit[];
  /** The text after the gap continues `next`, a story begun earlier in the page. */
  nextContinued?: boolean;
  /** The body text printed right before the gap (of `prev`, which may go on after it elsewhere). */
  after?: Unit;
}

export interface Flow {
  drafts: Draft[];
  gaps: Gap[];
  /** Units that belong to the page, not to an article (running heads). */
  furniture: Unit[];
}

/**
 * Stories further apart in reading order than this are never parts of one story, nor a heading
 * and its story: a page carries at most a few dozen stories. Bounds the stories each unit or
 * heading is weighed against, so an input of many pages (a whole issue in one file) takes time
 * in proportion to its length.
 */
export const STORY_WINDOW = 64;

/**
 * Evidence that a unit starting mid-sentence continues an open story: the two characters across
 * the cut form a pair the page uses (strongest), the very same column width, and being the story
 * just read (weakest: a tie-break).
 */
const JUNCTION_WEIGHT = 1;
const EXACT_COLUMN_WEIGHT = 0.5;
const CURRENT_STORY_WEIGHT = 0.25;
/**
 * A story's next column is as deep as its last one (or a line shorter): such a story is the likelier
 * host, one whose last column is shallower than the new text the less likely (see columnDepthFit).
 * Between the width and the junction: on synth, s4–s7, s14 and s15, 0.5 raised segmentation F1 on
 * each set or left it, where 0.3 and 0.8 each lowered one.
 */
const COLUMN_DEPTH_WEIGHT = 0.5;
/**
 * Weight of the share of the new text's words that the story's last text prints too (0..1, see
 * {@link Cohesion}): a story's next column repeats its names and terms. Measured on synth, s4–s7,
 * s14 and s15: 2 raised segmentation F1 on each set or left it; 1 gained less, 3 and 4 lost on s7 or s15.
 */
const COHESION_WEIGHT = 2;
/**
 * The story's last body units its words are looked up in: its last column and the one before
 * (the whole story would favour long stories; 3 and 4 lost on s4 what they gained on s5).
 */
const COHESION_CONTEXT_UNITS = 2;

/** The last body unit of a story (its last unit when it has no body yet). */
export const lastBody = (d: Draft): Unit => {
  for (let i = d.items.length - 1; i >= 0; i--) if (d.items[i]!.role === "body") return d.items[i]!.unit;
  return d.items[d.items.length - 1]!.unit;
};

/** The last `n` body units of a story, in page order. */
function lastBodies(d: Draft, n: number): Unit[] {
  const out: Unit[] = [];
  for (let i = d.items.length - 1; i >= 0 && out.length < n; i--) if (d.items[i]!.role === "body") out.unshift(d.items[i]!.unit);
  return out;
}

/**
 * Chains body units into drafts and collects the gaps between them.
 * @param grams the page's bigrams (shared with its lexicon, so the page's text is read for them once)
 */
export function buildFlow(units: readonly Unit[], junction: Junction, grams: PageGrams = new PageGrams()): Flow {
  const drafts: Draft[] = [];
  const gaps: Gap[] = [];
  const furniture: Unit[] = [];
  let current: Draft | null = null;
  let pending: Unit[] = [];
  // stories opened by a deck: the deck's further points and its dateline text join them
  const deckStories = new Set<Draft>();
  const cohesion = new Cohesion(units, grams);
  // open starts → the open ends they continue, matched over the whole page
  const links = linkColumns(units, junction, cohesion);
  // open starts printed before the open ends they continue: such a start opens a draft, which
  // joins the end's story once the page is read
  const backLinks = linkBackward(units, junction, links);
  const linkedEnds = new Set([...links.values(), ...backLinks.values()]);
  const draftOf = new Map<Unit, Draft>();
  const laterParts: LaterPart[] = [];
  const open = new OpenStories();

  units.forEach((unit, k) => {
    if (unit.kind === "furniture") {
      furniture.push(unit);
      return;
    }
    if (unit.kind !== "body") {
      if (current !== null && pending.length === 0 && isSignOff(unit, lastBody(current))) {
        current.items.push({ unit, role: "body" });
        open.note(current);
      }
      else pending.push(unit);
      return;
    }
    const endLater = startsParagraph(unit) ? undefined : backLinks.get(unit);
    if (current === null) {
      current = newDraft(unit);
      if (endLater) laterParts.push({ draft: current, end: endLater });
      drafts.push(current);
      open.note(current);
      gaps.push({ prev: null, next: current, units: pending });
      pending = [];
      draftOf.set(unit, current);
      return;
    }
    const prev = lastBody(current);
    closeIfSigned(current, prev, pending);
    // a caption (text closed by a photo credit) stands alone
    const caption = (units[k + 1]?.kind === "credit" || creditedAtEnd(unit)) && !(endsOpen(prev) && pending.length === 0 && sameColumnWidth(prev, unit));
    // the page-wide match decides first for text that starts mid-sentence
    const linked = startsParagraph(unit) ? undefined : links.get(unit);
    // summary points right above a dateline open that story; they continue nothing (text the
    // page-wide match continues, cut mid-sentence, is no summary point)
    const inDeck = linked === undefined && opensDeck(units, k);
    // the next point of a deck goes on in the story it opened
    const deckGoesOn = inDeck && pending.length === 0 && deckStories.has(current) && isDeck(current);
    const deck = inDeck && !deckGoesOn;
    const linkedHost = linked === undefined ? null : (draftOf.get(linked) ?? null);
    const host = deckGoesOn
      ? current
      : caption || deck || endLater
        ? null
        : (linkedHost ?? continuationHost(open, current, unit, pending, junction, linkedEnds, cohesion) ?? columnHost(drafts, current, unit, pending, cohesion));
    // a story read on past a jump line printed inside it is open again
    if (host === current && current.closed && pending[0]?.kind === "jump") current.closed = false;
    // text the page-wide match continues elsewhere does not go on in whatever is printed next
    const prevGoesOnElsewhere = linkedEnds.has(prev) && linked !== prev;
    // the tests in order of cost: the column shapes only for text that may still go on
    const mayGoOn = host === null && !caption && !deck && !endLater && !prevGoesOnElsewhere && !opensParagraphAfterCut(prev, unit) && !continuesOtherColumn(prev, unit);
    // a subhead the extractor printed as two boxes reads as one (as a subhead only: heads left in a gap stay as printed)
    const heads = mayGoOn ? joinWrappedHeading(pending, junction) : pending;
    if (host === current || (mayGoOn && !isBoundary(prev, heads, unit, current))) {
      // a subhead never cuts a sentence: headings printed inside one belong to some other story
      if (endsOpen(prev) && pending.length > 0) gaps.push({ prev: current, next: current, units: pending, after: prev });
      else for (const u of host === current ? pending : heads) {
        if (u.kind === "byline") current.trailers.push(u);
        else current.items.push({ unit: u, role: "subhead" });
      }
      current.items.push({ unit, role: "body", bylineBefore: pending.some((u) => u.kind === "byline") });
      open.note(current);
      pending = [];
      draftOf.set(unit, current);
      return;
    }
    const next: Draft = host ?? newDraft(unit);
    if (host) host.items.push({ unit, role: "body" });
    else drafts.push(next);
    open.note(next);
    if (deck) deckStories.add(next);
    if (endLater && !host) laterParts.push({ draft: next, end: endLater });
    gaps.push(host ? { prev: current, next, units: pending, nextContinued: true, after: prev } : { prev: current, next, units: pending, after: prev });
    current = next;
    pending = [];
    draftOf.set(unit, current);
  });
  gaps.push(current === null ? { prev: null, next: null, units: pending } : { prev: current, next: null, units: pending, after: lastBody(current) });
  if (laterParts.length === 0) return { drafts, gaps, furniture };
  return joinLaterParts(laterParts, draftOf, { drafts, gaps, furniture });
}

/** A draft opened by text that continues `end`, a unit printed after it. */
interface LaterPart {
  draft: Draft;
  end: Unit;
}

/**
 * Appends each draft opened by a later part to the story of the unit it continues (printed after
 * it on the page): the draft leaves the flow, and the gaps around it border that story instead
 * (the gap before it leads into a continuation, whose heads belong to the story's start).
 */
function joinLaterParts(parts: readonly LaterPart[], draftOf: ReadonlyMap<Unit, Draft>, flow: Flow): Flow {
  const joined = new Map<Draft, Draft>();
  const storyOf = (d: Draft): Draft => {
    let story = d;
    for (let next = joined.get(story); next !== undefined; next = joined.get(story)) story = next;
    return story;
  };
  for (const part of parts) {
    const owner = draftOf.get(part.end);
    if (owner === undefined) continue;
    const into = storyOf(owner);
    const from = storyOf(part.draft);
    if (into === from) continue;
    appendAll(into.items, from.items);
    appendAll(into.leaders, from.leaders);
    appendAll(into.trailers, from.trailers);
    into.closed ||= from.closed;
    joined.set(from, into);
  }
  for (const gap of flow.gaps) {
    if (gap.prev !== null) gap.prev = storyOf(gap.prev);
    if (gap.next !== null && joined.has(gap.next)) {
      gap.next = storyOf(gap.next);
      gap.nextContinued = true;
    }
  }
  return { ...flow, drafts: flow.drafts.filter((d) => !joined.has(d)) };
}

/**
 * The stories whose text so far stops mid-sentence, kept as the flow goes: only these can be
 * continued by text that starts mid-sentence, and a page (or a whole issue in one file) may hold
 * thousands of stories that cannot, which {@link continuationHost} must not scan for every unit.
 */
class OpenStories {
  /** Every story noted, by the order it was first noted in (its order in the page). */
  private readonly order = new Map<Draft, number>();
  private readonly open = new Set<Draft>();

  /** Records whether `draft`, whose last body text just changed, stops mid-sentence. */
  note(draft: Draft): void {
    if (!this.order.has(draft)) this.order.set(draft, this.order.size);
    if (endsOpen(lastBody(draft))) this.open.add(draft);
    else this.open.delete(draft);
  }

  /**
   * The open stories in page order that may go on: a story closed by a byline or jump line goes on
   * only as the story just read (past a jump line printed inside it), so others leave the list
   * until text is added to them again.
   */
  inPageOrder(current: Draft): Draft[] {
    const stories: Draft[] = [];
    for (const d of this.open) {
      if (d.closed && d !== current) this.open.delete(d);
      else stories.push(d);
    }
    return stories.sort((x, y) => this.order.get(x)! - this.order.get(y)!);
  }
}

function newDraft(unit: Unit): Draft {
  return { items: [{ unit, role: "body" }], leaders: [], trailers: [], closed: false };
}

/** A jump line after a story closes it; so does a byline or credit, unless the text stops mid-sentence. */
function closeIfSigned(draft: Draft, last: Unit, gap: readonly Unit[]): void {
  if (endsWithJump(last)) draft.closed = true;
  const first = gap[0];
  if (!first) return;
  if (first.kind === "jump") draft.closed = true;
  else if (isBylineUnit(first) && !endsOpen(last)) draft.closed = true;
}

/**
 * A body unit that starts mid-sentence continues an open story in the same column width (one
 * whose end the page-wide match did not give to another start):
 * the one whose last characters join the new text as a word seen elsewhere on the page, whose
 * last columns print the new text's words, whose column is as wide and as deep; on a tie the
 * oldest. Returns that draft, or null when the unit is not such a continuation.
 */
function continuationHost(
  open: OpenStories,
  current: Draft,
  unit: Unit,
  gap: readonly Unit[],
  junction: Junction,
  linkedEnds: ReadonlySet<Unit>,
  cohesion: Cohesion,
): Draft | null {
  // one line shows no indent, and a short first line closing a sentence may be a paragraph's end:
  // such text continues a story only where the characters across the cut join
  const needsJoin = unit.lines.length === 1 || closesSentenceAtIndent(unit);
  if (needsJoin ? PARAGRAPH_OPENER.test(unit.lines[0]!.text) : startsParagraph(unit)) return null;
  if (opensDateline(unit.lines[0]!)) return null;
  let best: Draft | null = null;
  let bestScore = 0;
  for (const d of open.inPageOrder(current)) {
    // (open stories only: their last text stops mid-sentence)
    const tail = lastBody(d);
    if (linkedEnds.has(tail)) continue;
    const widthGap = columnWidthGap(tail, unit);
    if (!isSameColumnGap(widthGap) || !lineFitsColumn(tail, unit)) continue;
    const tailText = tail.lines[tail.lines.length - 1]!.text;
    // a word across a cut between two whole words (身上 | 市民: 上市) is a coincidence, no join
    const joins = junction(tailText, unit.lines[0]!.text) > 0 && !cutBetweenWords(tailText, unit.lines[0]!.text);
    if (needsJoin && !joins) continue;
    if (hasClosingTrailer(d, current, gap) && !readsOnAfterJump(d, current, gap, widthGap, joins || isOnlyJumpAbove(gap, tail, unit))) continue;
    let score = 1;
    if (joins) score += JUNCTION_WEIGHT;
    // the same column to the half em: the story's own next column (stories side by side often
    // differ by a character); failing that, the story just read goes on in the next column
    if (widthGap !== null && widthGap <= EXACT_COLUMN) score += EXACT_COLUMN_WEIGHT;
    if (d === current) score += CURRENT_STORY_WEIGHT;
    score += depthWeight(tail, unit);
    score += COHESION_WEIGHT * cohesion.share(unit, lastBodies(d, COHESION_CONTEXT_UNITS));
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/**
 * Text cut mid-sentence never goes on with a new paragraph: an indented paragraph printed right
 * after it, set in another column width (by more than the half em), is another story's. In the very
 * same width the indent may be misread (a line left short before a quote it could not hold), so
 * width decides: on the synthetic sets synth, s5–s7, s14 and s15, such pairs one after the other
 * were one story 1 time in 27 of a near width, 38 times in 67 of the same width.
 */
function opensParagraphAfterCut(prev: Unit, unit: Unit): boolean {
  if (!endsOpen(prev) || prev.lines.length < MIN_LINES_FOR_COLUMN_MATCH || unit.lines.length < MIN_LINES_FOR_COLUMN_MATCH) return false;
  if (!isIndented(unit) || opensDateline(unit.lines[0]!)) return false;
  const widthGap = columnWidthGap(prev, unit);
  return widthGap !== null && widthGap > EXACT_COLUMN;
}

/**
 * After text that closes its sentence, the story goes on with an indented paragraph or, when its
 * column ended between two sentences of a paragraph, with text in the very same column: text that
 * starts mid-paragraph (no indent) in another width, or in a shallower column of the same width,
 * goes on with another story's cut sentence. On the synthetic sets synth, s5–s7, s14 and s15, such
 * pairs printed one after the other (whole columns, 4+ lines) were one story 0 times in 61 of
 * another width and 0 in 36 shallower, 12 in 19 as deep. A deeper column of the same width is left
 * to the reading order: on a real page a run may be a paragraph the extractor printed alone.
 */
function continuesOtherColumn(prev: Unit, unit: Unit): boolean {
  if (endsOpen(prev) || startsParagraph(unit)) return false;
  const depth = columnDepthFit(prev, unit);
  const widthGap = columnWidthGap(prev, unit);
  if (depth === null || widthGap === null) return false;
  return widthGap > EXACT_COLUMN || depth === "shallower";
}

/** The weight of `unit`'s depth as the next column of a story whose last column is `tail`. */
function depthWeight(tail: Unit, unit: Unit): number {
  const fit = columnDepthFit(tail, unit);
  return fit === "balanced" ? COLUMN_DEPTH_WEIGHT : fit === "deeper" ? -COLUMN_DEPTH_WEIGHT : 0;
}

/**
 * A jump line printed right after the story just read, before text in the very same column that
 * goes on with its cut sentence: the extractor read the jump line at the foot of the story's box
 * before the box's last column, so the story goes on (when `evidence` says the text goes on there).
 */
function readsOnAfterJump(d: Draft, current: Draft, gap: readonly Unit[], widthGap: number | null, evidence: boolean): boolean {
  return evidence && d === current && gap[0]?.kind === "jump" && widthGap !== null && widthGap <= EXACT_COLUMN;
}

/**
 * Nothing but the jump line between the story's column and text as deep: a story cut for another
 * page fills its box, so its columns are all of one depth (on the synthetic sets synth, s5–s7, s14
 * and s15, text so placed after an open end, as deep, went on with it 5 times in 5; shallower, 1 in 5).
 */
function isOnlyJumpAbove(gap: readonly Unit[], tail: Unit, unit: Unit): boolean {
  return gap.length === 1 && columnDepthFit(tail, unit) === "balanced";
}

/** A story already closed by a byline or jump line printed right after it cannot go on. */
function hasClosingTrailer(d: Draft, current: Draft, gap: readonly Unit[]): boolean {
  if (d.closed) return true;
  if (d === current && gap.some((u) => u.kind === "jump")) return true;
  return signedAtEnd(lastBody(d));
}

/**
 * A heading wrapped onto a second line that the extractor printed as a box of its own, a blank line
 * between the two (`集中隔离在当前形` / `势下是必要的`): two one-line headings where the characters
 * across the cut join and the second line is the shorter are one heading of two lines. A kicker's
 * end (`：`, `——`) or a subtitle's opening dash marks two parts, not a wrapped line.
 */
function joinWrappedHeading(gap: readonly Unit[], junction: Junction): readonly Unit[] {
  if (gap.length !== 2) return gap;
  const [first, second] = gap as [Unit, Unit];
  if (first.kind !== "heading" || second.kind !== "heading" || first.lines.length !== 1 || second.lines.length !== 1) return gap;
  const a = first.lines[0]!;
  const b = second.lines[0]!;
  if (KICKER_END.test(a.text) || KICKER_END.test(b.text) || SUBTITLE_START.test(b.text) || b.width >= a.width) return gap;
  if (junction(a.text, b.text) <= 0) return gap;
  return [{ ...first, lines: [a, b], blankAfter: second.blankAfter }];
}

/** Decides whether a new story starts at `next`, after body unit `prev` and the units between. */
function isBoundary(prev: Unit, gap: readonly Unit[], next: Unit, story: Draft): boolean {
  if (opensDateline(next.lines[0]!)) return !(gap.length === 0 && isDeck(story) && endsPoint(prev));
  if (endsWithJump(prev)) return true;
  if (signedAtEnd(prev)) return true;
  if (isWideDeck(story, next) && gap.length > 0 && gap.every((u) => u.kind === "byline")) return false;
  if (gap.some((u) => u.kind !== "heading")) return true;
  // the story's column is measured on its last run of several lines (a last short paragraph says nothing)
  const sameColumn = sameColumnWidth(lastRun(story) ?? prev, next);
  // a change of column alone is no evidence: stories run on in wider or narrower boxes
  if (gap.length === 0) return false;
  // headings between two runs of one column: subheads when there is one, set within the column
  // (wrapped onto a second line at most), and the text was at a paragraph end
  const heading = gap[0]!;
  const subheadLike = gap.length === 1 && heading.lines.length <= MAX_SUBHEAD_LINES && sameColumn && !endsOpen(prev) && fitsColumn(heading, lastRun(story) ?? prev);
  return !subheadLike;
}


/**
 * A subhead set in its story's column wraps onto a second line at most: on the synthetic, dev and
 * seed pages, one- and two-line headings within the column between a paragraph's end and an
 * indented paragraph of the same width were subheads 58 times in 62; of three lines, once in 3.
 */
const MAX_SUBHEAD_LINES = 2;

/** True when no line of `heading` is wider than the column `text` is set in. */
function fitsColumn(heading: Unit, text: Unit): boolean {
  const column = columnWidth(text.lines) + WIDTH_WOBBLE;
  return heading.lines.every((l) => l.width <= column);
}

/**
 * True when the unit's last line stops short of its column: a deck point ends so, where text cut
 * at a column's foot runs the full width (`…感谢国家各相关部`).
 */
function endsPoint(unit: Unit): boolean {
  const last = unit.lines[unit.lines.length - 1]!;
  return unit.lines.length < MIN_LINES_FOR_WIDTH || last.width <= columnWidth(unit.lines) - INDENT_MIN;
}

/**
 * True for a story so far made only of summary lines (a deck under the headline): none of its
 * lines ends a sentence, where body text ends every paragraph with one.
 */
function isDeck(story: Draft): boolean {
  return story.items.every((i) => i.role === "body") && isDeckRun(story.items.map((i) => i.unit));
}

/** True for body units that together read as a deck. */
function isDeckRun(units: readonly Unit[]): boolean {
  return readsAsDeck(units.flatMap((u) => u.lines));
}

/**
 * True when body unit `k` starts a deck: it and the body units right after it read as summary
 * points, and the text after them opens with a dateline (本报讯…). Looks ahead at most a deck's
 * lines, so the flow stays linear.
 */
function opensDeck(units: readonly Unit[], k: number): boolean {
  let lines = 0;
  for (let j = k; j < units.length; j++) {
    const u = units[j]!;
    if (u.kind !== "body") return false;
    if (opensDateline(u.lines[0]!)) return j > k && isDeckRun(units.slice(k, j));
    lines += u.lines.length;
    if (lines > MAX_DECK_LINES) return false;
  }
  return false;
}

/**
 * A letter or statement ends with its signers and the date, in short lines printed right under
 * the text (no blank line between): they are the story's last paragraphs, not a heading.
 */
function isSignOff(unit: Unit, last: Unit): boolean {
  if (unit.kind !== "heading" || unit.blankBefore || endsOpen(last)) return false;
  const lastLine = unit.lines[unit.lines.length - 1]!.text;
  // the whole line is a date, as the running heads print one (2022年6月1日)
  return RUNNING_HEAD_DATE.exec(lastLine)?.[0] === lastLine;
}


/** Units needed to trust a column width when matching a story across columns. */
const MIN_LINES_FOR_COLUMN_MATCH = 3;
/** Column widths this far apart are different columns of the page. */
const OTHER_COLUMN = 3;

/**
 * After a heading, text in the column width of an earlier story (and not of the story just
 * read) goes on with that earlier story: the extractor read across the page, and the heading
 * belongs to a neighbour. Of several such stories, the one whose last columns print the text's
 * words (see {@link Cohesion}), the latest on a tie. Only stories not closed by a byline or jump
 * line qualify, and never for text that opens with a dateline.
 */
function columnHost(drafts: readonly Draft[], current: Draft, unit: Unit, gap: readonly Unit[], cohesion: Cohesion): Draft | null {
  if (unit.lines.length < MIN_LINES_FOR_COLUMN_MATCH || opensDateline(unit.lines[0]!)) return null;
  if (gap.some((u) => u.kind !== "heading")) return null;
  // a headline with its subtitle heads the text printed under it
  if (gap.some((u) => SUBTITLE_START.test(u.lines[0]!.text))) return null;
  const width = columnWidth(unit.lines);
  const currentTail = lastBody(current);
  // right after a story closed by its byline or jump line, text in another width is a new story
  if (gap.length === 0 && (endsWithJump(currentTail) || signedAtEnd(currentTail))) return null;
  if (currentTail.lines.length < MIN_LINES_FOR_COLUMN_MATCH || Math.abs(columnWidth(currentTail.lines) - width) <= OTHER_COLUMN) return null;
  let best: Draft | null = null;
  let bestShare = -1;
  for (let i = drafts.length - 1; i >= Math.max(0, drafts.length - STORY_WINDOW); i--) {
    const d = drafts[i]!;
    if (d === current || d.closed) continue;
    const tail = lastBody(d);
    if (tail.lines.length < MIN_LINES_FOR_COLUMN_MATCH || endsOpen(tail) || signedAtEnd(tail)) continue;
    if (Math.abs(columnWidth(tail.lines) - width) > SAME_COLUMN) continue;
    const share = cohesion.share(unit, lastBodies(d, COHESION_CONTEXT_UNITS));
    if (share > bestShare) {
      bestShare = share;
      best = d;
    }
  }
  return best;
}


/** The last body unit of a story with enough lines to measure its column, if any. */
function lastRun(story: Draft): Unit | null {
  for (let i = story.items.length - 1; i >= 0; i--) {
    const item = story.items[i]!;
    if (item.role === "body" && item.unit.lines.length >= MIN_LINES_FOR_WIDTH) return item.unit;
  }
  return null;
}

/** A deck is short: at most this many lines, set wider than the text under it. */
const MAX_WIDE_DECK_LINES = 3;

/** A story so far made of one short run set wider than the text that follows: a deck above its byline and text. */
function isWideDeck(story: Draft, next: Unit): boolean {
  if (story.items.length !== 1 || opensDateline(next.lines[0]!)) return false;
  const deck = story.items[0]!.unit;
  if (deck.lines.length > MAX_WIDE_DECK_LINES || opensDateline(deck.lines[0]!)) return false;
  return next.lines.length >= MIN_LINES_FOR_COLUMN_MATCH && columnWidth(deck.lines) > columnWidth(next.lines) + OTHER_COLUMN;
}

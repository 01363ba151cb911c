/**
 * Stage 4: gives the headings, bylines and labels found between stories to the story before
 * or the one after. Evidence: which story shares a heading's words, where bylines and jump
 * lines sit, and the order this page prints headings in (before or after their stories),
 * learnt from the headings whose words decide clearly.
 */
import { appendAll } from "../arrays.js";
import { endsSentence, lettersAndDigits } from "../text/chars.js";
import { isCommentatorByline, isPhotoCredit } from "./byline.js";
import { lastBody, STORY_WINDOW, type Draft, type Gap } from "./flow.js";
import { opensDateline } from "./lines.js";
import { creditedAtEnd, inlineJump, leadingDateline, signedAtEnd } from "./inline.js";
import { endsOpen } from "./measure.js";
import type { PageLexicon } from "./lexicon.js";
import { COMMENTARY_LABELS, KICKER_END, SUBTITLE_START, WRAPPED_CREDIT_HEAD } from "./patterns.js";
import { columnLabelName, isBylineUnit, isHeadingUnit, type Unit } from "./units.js";
import { unitHeadingText, unitRawText } from "./unit-text.js";

/** A heading whose similarity to one side beats the other by this much decides the page's order. */
const DECISIVE_MARGIN = 0.15;
/** Weight of the page's heading order when the words do not decide. */
const ORDER_PRIOR = 0.1;
/** A story that already has a heading on one side takes another only on strong evidence. */
const SECOND_HEADING_PENALTY = 0.2;
/**
 * Heads and bylines in a gap before the continuation of a story begun earlier, which has its
 * headline already, go to that story only on overwhelming word evidence: its head was printed
 * where it began.
 */
const HEADED_STORY_PENALTY = 1;
/** Photo captions carry no headline as a rule. */
const PHOTO_PENALTY = 0.3;
/** Weight of a byline next to a story (bylines sit right before or after their text). */
const BYLINE_ADJACENT = 1;


/** Ends with `：` or `——`: a kicker, bound to the heading after it. */
export function isKickerText(text: string): boolean {
  return KICKER_END.test(text);
}

/** Starts with `——`: a subtitle, bound to the heading before it. */
export function isSubtitleText(text: string): boolean {
  return SUBTITLE_START.test(text);
}

interface Scored {
  toPrev: number;
  toNext: number;
}

/**
 * Distributes every gap's units between its two stories (in place: `leaders` / `trailers`).
 * @param gaps the gaps of the flow, in page order
 * @param lexicon word evidence, with one document per draft (indexed by `docOf`)
 * @returns true when the page prints headings after their stories
 */
export function assignGaps(gaps: readonly Gap[], lexicon: PageLexicon, docOf: Map<Draft, number>): boolean {
  const sims = (u: Unit, d: Draft | null) => (d === null ? 0 : lexicon.similarity(unitHeadingText(u), docOf.get(d)!));
  // the page's order: do headings follow or precede their stories?
  let after = 0;
  let before = 0;
  for (const gap of gaps) {
    // heads printed before any text can only precede a story, heads after all text only follow
    // one: each such heading is a vote (the first headline of a headings-first page has no story
    // before it to be weighed against)
    if (!gap.prev !== !gap.next) {
      const headings = gap.units.filter(isHeadingUnit).length;
      if (gap.prev) after += headings;
      else before += headings;
    }
    if (!gap.prev || !gap.next) continue;
    for (const u of gap.units) {
      if (!isHeadingUnit(u)) continue;
      const diff = sims(u, gap.prev) - sims(u, gap.next);
      if (diff > DECISIVE_MARGIN) after++;
      else if (diff < -DECISIVE_MARGIN) before++;
    }
  }
  const prior = after > before ? 1 : before > after ? -1 : 0;
  for (const gap of gaps) splitGap(gap, (u) => ({ toPrev: sims(u, gap.prev), toNext: sims(u, gap.next) }), prior);
  attachCommentaryLabels(gaps);
  return prior > 0;
}

function splitGap(gap: Gap, similarity: (u: Unit) => Scored, prior: number): void {
  const units = gap.units.filter((u) => !(u.kind === "label" && COMMENTARY_LABELS.has(labelKey(u))));
  if (units.length === 0 || (!gap.prev && !gap.next)) return;
  if (!gap.prev) return appendAll(gap.next!.leaders, units);
  if (!gap.next) return appendAll(gap.prev.trailers, units);
  // with headings printed before their stories, a story that has one takes no second
  const prevHasHeading = prior < 0 && gap.prev.leaders.some(isHeadingUnit);
  // nor does a story begun earlier and headed already, whose text goes on after this gap
  // (a heading ending in a colon heads nothing alone: a kicker, or a letter's salutation)
  const nextHeaded = gap.nextContinued === true && gap.next.leaders.some((u) => isHeadingUnit(u) && !isKickerText(unitHeadingText(u)));
  const prevIsPhoto = units.some((u, j) => isBylineUnit(u) && isPhotoCredit(u.lines[0]!.raw) && units.slice(0, j).every(isBylineUnit));
  const scores = units.map((u, j): Scored => {
    if (u.kind === "jump") {
      const dir = inlineJump(u.lines[0]!.raw)?.direction;
      return dir === "continuedFrom" ? { toPrev: 0, toNext: 10 } : { toPrev: 10, toNext: 0 };
    }
    if (isBylineUnit(u)) {
      // a jump line ends the part of a story printed here: a byline after it signs the next story
      const nextToPrev = units.slice(0, j).every((x) => isBylineUnit(x));
      const nextToNext = units.slice(j + 1).every(isBylineUnit);
      // a story that stops mid-sentence is not signed there (but a caption whose credit wraps,
      // `…服务。 通讯员 李` / `平军 摄`, is); a byline printed on the line above text signs it
      const prevTail = gap.after ?? lastBody(gap.prev!);
      const prevOpen = endsOpen(prevTail) && !(u.kind === "credit" && j === 0 && (creditsCaptionAbove(u, gap.prev!) || WRAPPED_CREDIT_HEAD.test(prevTail.lines[prevTail.lines.length - 1]!.raw.trimEnd())));
      // nor is text signed on its last line or by a bracketed byline under it (`…参加活动。（记者 薛礼伟）`)
      // signed again by a further byline
      // nor is a story signed twice: one whose dateline or units name its reporters already leaves
      // a byline line set apart from its text by a blank line to the next story when that one is
      // not signed (a bracketed byline on its own line, `（记者 X）`, or a byline right under the
      // last line closes the text above it all the same)
      const signedTwice = u.blankBefore && !isClosingSignature(u) && isSigned(gap.prev!) && !isSigned(gap.next!);
      // (a photo credit printed before it in this gap signs the caption above: a byline after the
      // credit is the next story's, printed on top of its text)
      const before = units.slice(0, j);
      const prevSigned = u.kind === "byline" && (signedAtEnd(prevTail) || before.some(isClosingSignature) || signedTwice || before.some((x) => x.kind === "credit"));
      const onTopOfNext = nextToNext && j === units.length - 1 && !u.blankAfter;
      return {
        toPrev: nextToPrev && !prevOpen && !prevSigned ? BYLINE_ADJACENT * 1.1 : 0,
        toNext: (nextToNext ? BYLINE_ADJACENT : 0.5) + (onTopOfNext ? BYLINE_ADJACENT : 0) - (nextHeaded ? HEADED_STORY_PENALTY : 0),
      };
    }
    if (u.kind === "label") return { toPrev: 0, toNext: 0 };
    const s = similarity(u);
    return {
      toPrev: s.toPrev + (prior > 0 ? ORDER_PRIOR : 0) - (prevHasHeading ? SECOND_HEADING_PENALTY : 0) - (prevIsPhoto ? PHOTO_PENALTY : 0),
      toNext: s.toNext + (prior < 0 ? ORDER_PRIOR : 0) - (nextHeaded ? HEADED_STORY_PENALTY : 0),
    };
  });
  let bestSplit = 0;
  let bestScore = -Infinity;
  for (let s = 0; s <= units.length; s++) {
    if (s > 0 && s < units.length && bound(units[s - 1]!, units[s]!)) continue;
    let score = 0;
    for (let j = 0; j < units.length; j++) score += j < s ? scores[j]!.toPrev : scores[j]!.toNext;
    if (score > bestScore) {
      bestScore = score;
      bestSplit = s;
    }
  }
  appendAll(gap.prev.trailers, units.slice(0, bestSplit));
  appendAll(gap.next.leaders, units.slice(bestSplit));
}

/**
 * A photo credit printed right under a short text (no blank line between) credits that caption,
 * which need not end a sentence (`…把防控网织得更密更牢` / `聂璐 摄`).
 */
function creditsCaptionAbove(credit: Unit, prev: Draft): boolean {
  return !credit.blankBefore && prev.items.reduce((n, i) => n + i.unit.lines.length, 0) <= MAX_CAPTION_LINES;
}

/** A byline in brackets on a line of its own (`（记者 薛礼伟）`): a story's closing signature. */
function isClosingSignature(u: Unit): boolean {
  return u.kind === "byline" && u.lines.length === 1 && /^[（(].*[）)]$/u.test(u.lines[0]!.text);
}

/** Two units that must go to the same story: a kicker and its headline, a headline and its subtitle, a label and its heading. */
export function bound(a: Unit, b: Unit): boolean {
  if (a.kind === "label" && isHeadingUnit(b)) return true;
  // headline, byline, text: a byline printed under a heading signs the same story
  if (isHeadingUnit(a) && b.kind === "byline") return true;
  if (!isHeadingUnit(a) || !isHeadingUnit(b)) return false;
  return isKickerText(unitHeadingText(a)) || isSubtitleOf(a, b);
}

/** A deck (summary printed above a story's first paragraph) is a long, wrapped, comma-separated heading. */
const DECK_MIN_CHARS = 24;

/** True for a heading that reads as a deck; it is a deck unless it follows a headline (then it is the subtitle). */
export function isDeckLike(u: Unit): boolean {
  if (u.kind !== "heading" || u.lines.length < 2) return false;
  const text = unitHeadingText(u);
  return !isKickerText(text) && /[，,]/u.test(text) && Array.from(text).length > DECK_MIN_CHARS;
}

/** A subtitle under a headline is longer (`——…`, or a sentence-like deck with commas, on one line or wrapped). */
const SUBTITLE_LONGER_BY = 8;

/** True when heading `b`, printed right after heading `a`, is its subtitle. */
export function isSubtitleOf(a: Unit, b: Unit): boolean {
  const tb = unitHeadingText(b);
  if (isSubtitleText(tb)) return true;
  const ta = unitHeadingText(a);
  return b.kind === "heading" && /[，,]/u.test(tb) && Array.from(tb).length > Array.from(ta).length + SUBTITLE_LONGER_BY;
}

function labelKey(u: Unit): string {
  return columnLabelName(u.lines.map((l) => l.text).join(""));
}

/**
 * A commentary label (`短评`) drifts: it goes to the nearest story that reads as commentary
 * (no dateline, no byline), searching outwards from where it was printed.
 */
function attachCommentaryLabels(gaps: readonly Gap[]): void {
  const drafts: Draft[] = [];
  for (const g of gaps) if (g.next) drafts.push(g.next);
  gaps.forEach((gap, gi) => {
    for (const u of gap.units) {
      if (u.kind !== "label" || !COMMENTARY_LABELS.has(labelKey(u))) continue;
      const target = nearestCommentary(drafts, gi) ?? gap.next ?? gap.prev;
      target?.leaders.unshift(u);
    }
  });
}

/**
 * A column label is printed over a story's heading, never inside a story's text: one the extractor
 * printed in a gap inside a story, or before the next column of a story begun earlier, labels the
 * story of the first heading printed after it (with the kicker over it). Run after the headings are
 * matched to their stories. A commentary label drifts on its own rule ({@link attachCommentaryLabels}).
 */
export function attachStrayLabels(gaps: readonly Gap[], drafts: readonly Draft[]): void {
  const heads: { index: number; draft: Draft }[] = [];
  for (const d of drafts) for (const u of [...d.leaders, ...d.trailers]) if (isHeadingUnit(u)) heads.push({ index: u.lines[0]!.index, draft: d });
  const headAfter = firstAfter(heads);
  for (const gap of gaps) {
    if (!gap.nextContinued && !(gap.prev !== null && gap.prev === gap.next)) continue;
    gap.units.forEach((label, k) => {
      // (a label printed right after a vertical headline, set beside the text under it, is that headline's)
      if (label.kind !== "label" || COMMENTARY_LABELS.has(labelKey(label)) || gap.units[k - 1]?.kind === "vertical") return;
      const to = headAfter(label.lines[0]!.index);
      const from = [gap.prev, gap.next].find((d) => d?.leaders.includes(label) || d?.trailers.includes(label));
      if (!to || !from || to === from || to.leaders.some((u) => u.kind === "label")) return;
      from.leaders = from.leaders.filter((u) => u !== label);
      from.trailers = from.trailers.filter((u) => u !== label);
      to.leaders.unshift(label);
    });
  }
}

/** The story nearest to gap `gi` that reads as commentary: the one after it first, then the one before, outwards. */
function nearestCommentary(drafts: readonly Draft[], gi: number): Draft | undefined {
  for (let k = 0; k < STORY_WINDOW; k++) {
    const ahead = drafts[gi + k];
    if (ahead && !hasDatelineOrByline(ahead)) return ahead;
    const behind = drafts[gi - 1 - k];
    if (behind && !hasDatelineOrByline(behind)) return behind;
  }
  return undefined;
}

/** True for a story that reads as news: it opens with a dateline or a reporter signs it (a commentator's signature does not count). */
function hasDatelineOrByline(d: Draft): boolean {
  const first = d.items.find((i) => i.role === "body");
  if (first && opensDateline(first.unit.lines[0]!)) return true;
  const last = d.items[d.items.length - 1];
  if (last && signedAtEnd(last.unit)) return true;
  return [...d.leaders, ...d.trailers].some((u) => isBylineUnit(u) && !isCommentatorByline(unitRawText(u)));
}

/** A story's share of a heading's words above this makes the heading its headline, wherever printed. */
const MIN_MATCH = 0.35;
/**
 * A heading its own story does not need goes to a story without a headline on weaker evidence:
 * this share of its words, and more than any other story has.
 */
const MIN_ORPHAN_MATCH = 0.15;
/**
 * A heading printed inside a story's sentence is rarely its headline (a subhead never cuts a
 * sentence); it still is when it shares far more of its words than any other story.
 */
const CUT_PENALTY = 0.3;
/** The story the heading was printed next to keeps it on a near tie. */
const LOCAL_BONUS = 0.15;
/**
 * A kicker is printed over a headline, never over a subhead: a group that opens with one is a
 * headline group, ahead of a lone heading that shares more words (a subhead opening the text).
 */
const KICKER_GROUP_BONUS = 0.2;

/** Consecutive heading units that belong together: kicker, headline, subtitle. */
interface HeadingGroup {
  units: Unit[];
  owner: Draft;
  /** Printed on the side of its story where this page prints headings. */
  onUsualSide: boolean;
  /** Printed after a group that opens with a kicker, on the same side of the same story. */
  underKickerGroup: boolean;
  /** Printed after a byline that is itself printed after another group, on the same side of the same story. */
  underSignedGroup: boolean;
}

/**
 * Headlines are not always printed next to their stories (a page prints a row of headlines,
 * or a story jumps columns). Every heading group is matched to the story that shares its
 * words best, one headline per story, greedily from the best match; a group that matches no
 * story well stays where it was printed.
 * @param headingsFollow the page prints headings after their stories
 * @returns the chosen headline group of each story
 */
export function matchHeadings(
  drafts: readonly Draft[],
  lexicon: PageLexicon,
  docOf: Map<Draft, number>,
  headingsFollow: boolean,
): Map<Draft, Unit[]> {
  const groups: HeadingGroup[] = [];
  for (const d of drafts) {
    for (const side of [d.leaders, d.trailers]) {
      const onUsualSide = side === (headingsFollow ? d.trailers : d.leaders);
      let group: Unit[] = [];
      let underKickerGroup = false;
      let headed = false;
      let underSignedGroup = false;
      const flush = () => {
        if (group.some(isHeadingUnit) && !isDeckLike(group[0]!)) {
          groups.push({ units: group, owner: d, onUsualSide, underKickerGroup, underSignedGroup });
          underKickerGroup ||= opensWithKicker(group);
          headed = true;
        }
        group = [];
      };
      side.forEach((u, k) => {
        if (!isHeadingUnit(u)) {
          flush();
          underSignedGroup ||= headed && u.kind === "byline";
          return;
        }
        const prev = side[k - 1];
        if (group.length > 0 && prev && !bound(prev, u)) flush();
        group.push(u);
      });
      flush();
    }
  }
  // whether each story is a photo caption, once (asked for every heading and story below)
  const photos = new Set(drafts.filter(isPhoto));
  const position = new Map(drafts.map((d, i) => [d, i]));
  /** The stories within {@link STORY_WINDOW} of the group's own, in reading order. */
  const storiesNear = (group: HeadingGroup): readonly Draft[] => {
    const at = position.get(group.owner) ?? 0;
    return drafts.slice(Math.max(0, at - STORY_WINDOW), at + STORY_WINDOW + 1);
  };
  /** The stories near the group, each with the share of the group's headline words it holds. */
  const sharesNear = (group: HeadingGroup): { draft: Draft; shared: number }[] => {
    const near = storiesNear(group);
    let first = Infinity;
    let last = -1;
    for (const d of near) {
      const doc = docOf.get(d)!;
      first = Math.min(first, doc);
      last = Math.max(last, doc);
    }
    const shares = lexicon.similarities(headlineWords(group), first, last);
    return near.map((d) => ({ draft: d, shared: shares[docOf.get(d)! - first] ?? 0 }));
  };
  const cutsSentence = sentenceCuts(drafts);
  const candidates: { group: HeadingGroup; draft: Draft; score: number }[] = [];
  for (const group of groups) {
    const hasKicker = opensWithKicker(group.units);
    // a kicker (over a subtitle or alone) is no headline: it goes around one (completeHeadlines)
    if (isHeadless(group)) continue;
    for (const { draft: d, shared } of sharesNear(group)) {
      if (photos.has(d)) continue;
      const local = d === group.owner && group.onUsualSide;
      // a heading between its story's kicker and headline and the text is the text's first
      // subhead, unless its own words make it the headline
      if (local && group.underKickerGroup && shared < MIN_MATCH) continue;
      const score = shared + (local ? LOCAL_BONUS : 0) + (local && hasKicker ? KICKER_GROUP_BONUS : 0) - (cutsSentence(group, d) ? CUT_PENALTY : 0);
      if (score >= MIN_MATCH) candidates.push({ group, draft: d, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const chosen = new Map<Draft, Unit[]>();
  const placed = new Set<HeadingGroup>();
  for (const c of candidates) {
    if (placed.has(c.group) || chosen.has(c.draft)) continue;
    placed.add(c.group);
    chosen.set(c.draft, c.group.units);
    if (c.draft !== c.group.owner) moveGroup(c.group, c.draft);
  }
  keepHeadlineOverByline(groups, placed, chosen, headingsFollow, (group) => bestSharer(sharesNear(group)));
  // a story left without a headline takes a heading that another story, already headed (or a
  // photo, which takes none), holds, when that heading shares more words with it than with any other story
  const best = new Map<HeadingGroup, { draft: Draft; score: number }>();
  for (const group of groups) {
    if (placed.has(group) || !(chosen.has(group.owner) || photos.has(group.owner)) || isHeadless(group)) continue;
    for (const { draft: d, shared: score } of sharesNear(group)) {
      if (cutsSentence(group, d)) continue;
      const held = best.get(group);
      if (!held || score > held.score) best.set(group, { draft: d, score });
    }
  }
  for (const [group, { draft, score }] of [...best].sort((a, b) => b[1].score - a[1].score)) {
    if (score < MIN_ORPHAN_MATCH || chosen.has(draft) || photos.has(draft)) continue;
    chosen.set(draft, group.units);
    placed.add(group);
    moveGroup(group, draft);
  }
  const cutsAny = (group: HeadingGroup) => storiesNear(group).some((d) => cutsSentence(group, d));
  completeHeadlines(groups, placed, chosen, storiesNear, (group, d) => (photos.has(d) ? 0 : lexicon.similarity(headlineWords(group), docOf.get(d)!)), cutsAny);
  // a heading printed inside a sentence, and a photo's, without word evidence: a heading inside
  // a sentence of the story whose text goes on right under it, which has no other heading, is its
  // side head (set left of the text, printed after the text's first column; a story begun earlier
  // and going on later is cut there too); else it heads the next story in reading order that has
  // no headline
  const storyAfter = storyOfTextAfter(drafts);
  for (const group of groups) {
    if (placed.has(group) || isHeadless(group) || (!photos.has(group.owner) && !cutsAny(group))) continue;
    const at = group.units[0]!.lines[0]!.index;
    // of the stories it cuts, the one whose text goes on right under it
    const under = storyAfter(lastLineIndex(group));
    const next = under !== null && cutsSentence(group, under) && hasNoOtherHeading(under, group) && !chosen.has(under) && !photos.has(under)
      ? under
      : storiesNear(group).find((d) => !chosen.has(d) && !photos.has(d) && firstLineIndex(d) > at);
    if (!next) continue;
    chosen.set(next, group.units);
    placed.add(group);
    moveGroup(group, next);
  }
  // a heading left over beside a story headed already heads the story whose text is printed
  // right after it, when that story has no headline (it goes on there from an earlier column)
  for (const group of groups) {
    if (placed.has(group) || isHeadless(group) || !chosen.has(group.owner)) continue;
    const next = storyAfter(lastLineIndex(group));
    if (next === null || chosen.has(next) || photos.has(next)) continue;
    chosen.set(next, group.units);
    placed.add(group);
    moveGroup(group, next);
  }
  // a heading still left over beside a headed story, not right above that story's text (there it
  // opens the text as a subhead), heads the nearest story in the page's order that has no
  // headline and no heading of its own to fall back on
  for (const group of groups) {
    if (placed.has(group) || isHeadless(group) || !chosen.has(group.owner)) continue;
    if (rightAboveText(group)) continue;
    const at = group.units[0]!.lines[0]!.index;
    let nearest: Draft | null = null;
    for (const d of storiesNear(group)) {
      if (chosen.has(d) || photos.has(d) || d.leaders.some(isHeadingUnit) || d.trailers.some(isHeadingUnit)) continue;
      if (nearest === null || Math.abs(firstLineIndex(d) - at) < Math.abs(firstLineIndex(nearest) - at)) nearest = d;
    }
    if (nearest === null) continue;
    chosen.set(nearest, group.units);
    placed.add(group);
    // on position alone: a label printed over it stays where printed
    moveGroup(group, nearest, false);
  }
  return chosen;
}

/** The story that shares more of a heading's words than any other, when it shares at least {@link MIN_ORPHAN_MATCH} of them (null on a tie). */
function bestSharer(shares: readonly { draft: Draft; shared: number }[]): Draft | null {
  let best: Draft | null = null;
  let top = 0;
  let tied = false;
  for (const { draft, shared } of shares) {
    if (shared > top) [best, top, tied] = [draft, shared, false];
    else if (shared === top) tied = true;
  }
  return top >= MIN_ORPHAN_MATCH && !tied ? best : null;
}

/**
 * A story's head is printed in the order headline, byline, text: a heading printed between the
 * story's byline and its text is a subhead or a deck's label (`发扬“店小二”精神`), whose words the
 * text repeats, so they draw it to the story more than the headline's. When such a heading was
 * chosen as the story's headline and a heading printed over the byline, on the same side, was
 * placed nowhere though the story shares its words more than any other, that one is the headline.
 * Only on pages that print headings before their stories (the order above is theirs).
 * @param bestStory the story that shares most of a group's words (null when none shares enough)
 */
function keepHeadlineOverByline(
  groups: readonly HeadingGroup[],
  placed: Set<HeadingGroup>,
  chosen: Map<Draft, Unit[]>,
  headingsFollow: boolean,
  bestStory: (group: HeadingGroup) => Draft | null,
): void {
  if (headingsFollow) return;
  for (const under of groups) {
    if (!under.underSignedGroup || !under.onUsualSide || chosen.get(under.owner) !== under.units) continue;
    const side = under.owner.leaders;
    const at = side.indexOf(under.units[0]!);
    const over = groups.find((g) => {
      const k = side.indexOf(g.units[0]!);
      return g.owner === under.owner && k >= 0 && k < at && !placed.has(g) && !isHeadless(g) && bestStory(g) === under.owner;
    });
    if (!over) continue;
    placed.delete(under);
    placed.add(over);
    chosen.set(under.owner, over.units);
  }
}

/**
 * True when `story` has no heading of its own but the group's: a heading printed inside its
 * sentence, right above its text going on, is then its side head.
 */
function hasNoOtherHeading(story: Draft, group: HeadingGroup): boolean {
  return ![...story.leaders, ...story.trailers].some((u) => isHeadingUnit(u) && !group.units.includes(u));
}

/** Index of a group's last line in the page. */
const lastLineIndex = (group: HeadingGroup): number => group.units[group.units.length - 1]!.lines.at(-1)!.index;
/** Index of a story's first line in the page. */
const firstLineIndex = (d: Draft): number => d.items[0]!.unit.lines[0]!.index;

/** Lines from a heading's last line to the text under it: the next line, or one blank line between. */
const RIGHT_ABOVE_LINES = 2;

/** True when a heading group is printed right above some text of its story (a subhead opening it). */
function rightAboveText(group: HeadingGroup): boolean {
  const last = lastLineIndex(group);
  return group.owner.items.some((item) => {
    const gap = item.unit.lines[0]!.index - last;
    return gap > 0 && gap <= RIGHT_ABOVE_LINES;
  });
}

/** For a line index, the story of the first body text printed after it (null after the last). */
function storyOfTextAfter(drafts: readonly Draft[]): (at: number) => Draft | null {
  const starts: { index: number; draft: Draft }[] = [];
  for (const d of drafts) for (const item of d.items) if (item.role === "body") starts.push({ index: item.unit.lines[0]!.index, draft: d });
  return firstAfter(starts);
}

/**
 * For a line index, the story of the first of `marks` printed after it (null after the last):
 * `marks` sorted once (in place), each question a binary search.
 */
function firstAfter(marks: { index: number; draft: Draft }[]): (at: number) => Draft | null {
  marks.sort((a, b) => a.index - b.index);
  return (at) => {
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid]!.index <= at) lo = mid + 1;
      else hi = mid;
    }
    return marks[lo]?.draft ?? null;
  };
}

/** True for a group of a kicker and the heading under it. */
const opensWithKicker = (units: readonly Unit[]): boolean => units.length > 1 && isKickerText(unitHeadingText(units[0]!));

/**
 * The words a heading group is matched by: its headline's, without the kicker over it and the
 * subtitle under it, which often speak of the wider subject (`——本市推进复工复产复市工作综述`)
 * and would draw the headline to another story of that subject.
 */
function headlineWords(group: HeadingGroup): string {
  const texts = group.units.map(unitHeadingText);
  const headline = texts.filter((t, k) => !(k === 0 && texts.length > 1 && isKickerText(t)) && !(k > 0 && isSubtitleText(t)));
  return (headline.length > 0 ? headline : texts).join("");
}

/**
 * Whether a heading group is printed inside a sentence of a story: between two runs of the
 * story, the first stopping mid-sentence. A subhead never cuts a sentence, so such a heading
 * heads some other story. The open junctions of every story are listed once.
 */
function sentenceCuts(drafts: readonly Draft[]): (group: HeadingGroup, d: Draft) => boolean {
  const open = new Map<Draft, { after: number; before: number }[]>();
  for (const d of drafts) {
    const junctions: { after: number; before: number }[] = [];
    for (let k = 1; k < d.items.length; k++) {
      const last = d.items[k - 1]!.unit;
      if (endsOpen(last)) junctions.push({ after: last.lines[last.lines.length - 1]!.index, before: d.items[k]!.unit.lines[0]!.index });
    }
    if (junctions.length > 0) open.set(d, junctions);
  }
  return (group, d) => {
    const at = group.units[0]!.lines[0]!.index;
    return open.get(d)?.some((j) => j.after < at && at < j.before) ?? false;
  };
}

/**
 * A kicker printed alone or right over a subtitle, or a subtitle alone, lost its headline to
 * another line of the page (the extractor printed the headline elsewhere): when the story it was
 * printed beside has a headline without a kicker (or, for a subtitle alone, without a subtitle),
 * the kicker goes above that headline and the subtitle under it.
 * @param storiesNear the stories a group may belong to (see STORY_WINDOW)
 * @param cutsSentence whether a group is printed inside a sentence of a story near it
 */
function completeHeadlines(
  groups: readonly HeadingGroup[],
  placed: Set<HeadingGroup>,
  chosen: Map<Draft, Unit[]>,
  storiesNear: (group: HeadingGroup) => readonly Draft[],
  similarity: (group: HeadingGroup, d: Draft) => number,
  cutsSentence: (group: HeadingGroup) => boolean,
): void {
  // a headline without a kicker takes one; it takes subtitles only when it has none
  const completes = (d: Draft, group: HeadingGroup) => {
    const headline = chosen.get(d);
    if (headline === undefined) return false;
    const kicker = opensWithKickerText(group.units);
    if (kicker && isKickerText(unitHeadingText(headline[0]!))) return false;
    return (kicker && group.units.length === 1) || !headline.some((u) => isSubtitleText(unitHeadingText(u)));
  };
  // headlines only gain kickers below: the stories that have one stay the same, in the same order
  let chosenOrder: Map<Draft, number> | undefined;
  for (const group of groups) {
    if (placed.has(group) || !isHeadless(group)) continue;
    // beside its story; failing that, the headed story that shares its words (`朔州经济开发区纪检监察工委：`)
    let to: Draft | null = completes(group.owner, group) && onSideOfHeadline(group, chosen.get(group.owner)!) ? group.owner : null;
    if (to === null) {
      // the headed stories near it, in the order their headlines were chosen (a later one wins a tie)
      const headed = storiesNear(group).filter((d) => chosen.has(d));
      const rank = chosenOrder ??= new Map([...chosen.keys()].map((d, i) => [d, i]));
      headed.sort((a, b) => rank.get(a)! - rank.get(b)!);
      let best = MIN_MATCH;
      for (const d of headed) {
        const score = similarity(group, d);
        if (score >= best && completes(d, group)) [to, best] = [d, score];
      }
    }
    // failing both, a kicker printed inside a sentence (no story's head) leads into the next
    // story in reading order, when that story's headline takes it
    if (to === null && opensWithKickerText(group.units) && cutsSentence(group)) {
      const at = group.units[0]!.lines[0]!.index;
      const next = storiesNear(group).find((d) => firstLineIndex(d) > at);
      if (next !== undefined && completes(next, group)) to = next;
    }
    if (to === null) continue;
    const kickers = opensWithKickerText(group.units) ? group.units.slice(0, 1) : [];
    chosen.set(to, [...kickers, ...chosen.get(to)!, ...group.units.slice(kickers.length)]);
    placed.add(group);
    if (to !== group.owner) moveGroup(group, to);
  }
}

/** True when a group is printed on the same side of its story (before or after the text) as the headline `units`: a kicker sits over its headline. */
function onSideOfHeadline(group: HeadingGroup, units: readonly Unit[]): boolean {
  const side = group.owner.leaders.includes(group.units[0]!) ? group.owner.leaders : group.owner.trailers;
  return side.includes(units[0]!);
}

/** True when the first unit reads as a kicker. */
const opensWithKickerText = (units: readonly Unit[]): boolean => units[0] !== undefined && isKickerText(unitHeadingText(units[0]));

/** A kicker alone, or right over subtitles, or subtitles alone: no headline among them. */
function isHeadless(group: HeadingGroup): boolean {
  const subtitles = opensWithKickerText(group.units) ? group.units.slice(1) : group.units;
  return group.units.length > 0 && subtitles.every((u) => isSubtitleText(unitHeadingText(u)));
}

/** A caption is short: a story this long followed by a credit line is no caption (the credit is a neighbour's). */
const MAX_CAPTION_LINES = 8;

/** A photo caption: short text given a credit line, or closed by a credit on its last line (`…谋发展 记者 X 摄`). */
function isPhoto(d: Draft): boolean {
  const credited = d.leaders.some((u) => u.kind === "credit") || d.trailers.some((u) => u.kind === "credit");
  if (credited && d.items.reduce((n, i) => n + i.unit.lines.length, 0) <= MAX_CAPTION_LINES) return true;
  const last = d.items[d.items.length - 1];
  return last !== undefined && creditedAtEnd(last.unit);
}

/** Lines of a story's first unit searched for a dateline with its bracketed byline (`本报讯（记者` / `X）`). */
const DATELINE_BYLINE_LINES = 3;

/**
 * True when a story is signed already: a byline unit given to it (other than `except`), a
 * dateline's bracketed byline, a byline closing its text.
 */
function isSigned(d: Draft, except: readonly Unit[] = []): boolean {
  const given = (u: Unit) => isBylineUnit(u) && !except.includes(u);
  if (d.leaders.some(given) || d.trailers.some(given)) return true;
  const first = d.items[0]?.unit;
  const opening = first ? first.lines.slice(0, DATELINE_BYLINE_LINES).map((l) => l.text).join("") : "";
  if (leadingDateline(opening)?.byline) return true;
  const last = d.items[d.items.length - 1];
  return last !== undefined && signedAtEnd(last.unit);
}

/**
 * True when some of the story's text is printed between a label and a heading after it: the label
 * is printed over that text (a column label sits right over its heading, or over the text of a
 * story whose headline is printed beside it), so it labels the story, not the heading.
 */
function textBetween(story: Draft, label: Unit, heading: Unit): boolean {
  const from = label.lines[label.lines.length - 1]!.index;
  const to = heading.lines[0]!.index;
  return story.items.some((item) => {
    const at = item.unit.lines[0]!.index;
    return at > from && at < to;
  });
}

/**
 * A heading moves to the story it heads, with the column label printed right above it. The
 * bylines printed right under it (a byline under a heading signs the same story: {@link bound})
 * go along when the story left behind is signed otherwise (a caption's credit, its own byline)
 * and the story it moves to is not: a story has one byline.
 */
function moveGroup(group: HeadingGroup, to: Draft, withLabel = true): void {
  const owner = group.owner;
  const moving = new Set(group.units);
  const signatures: Unit[] = [];
  for (const side of [owner.leaders, owner.trailers]) {
    const at = side.indexOf(group.units[0]!);
    if (at < 0) continue;
    const label = side[at - 1];
    // (a commentary label drifts on its own rule: attachCommentaryLabels)
    if (withLabel && at > 0 && label?.kind === "label" && !COMMENTARY_LABELS.has(labelKey(label)) && bound(label, group.units[0]!) && !textBetween(owner, label, group.units[0]!)) moving.add(label);
    const last = side.indexOf(group.units[group.units.length - 1]!);
    for (let k = last + 1; k < side.length && bound(side[k - 1]!, side[k]!) && side[k]!.kind === "byline"; k++) signatures.push(side[k]!);
  }
  if (signatures.length > 0 && !isSigned(to) && isSigned(owner, signatures)) for (const u of signatures) moving.add(u);
  else signatures.length = 0;
  owner.leaders = owner.leaders.filter((u) => !moving.has(u));
  owner.trailers = owner.trailers.filter((u) => !moving.has(u));
  to.leaders.push(...[...moving].filter((u) => u.kind === "label"), ...group.units, ...signatures);
}

/**
 * A line ending with a colon printed right above the story's first line (`亲爱的市民朋友们：`)
 * opens the text of a letter; it is no kicker. Text that opens with a dateline (`本报讯…`) is
 * news, which no salutation opens: the line is its kicker.
 */
export function takeSalutation(draft: Draft): void {
  const first = draft.items[0]?.unit.lines[0];
  if (!first || opensDateline(first)) return;
  const k = draft.leaders.findIndex(
    (u) => u.kind === "heading" && u.lines.length === 1 && /[：:]$/u.test(u.lines[0]!.text) && u.lines[0]!.index + 1 === first.index,
  );
  if (k < 0) return;
  const [unit] = draft.leaders.splice(k, 1);
  draft.items.unshift({ unit: unit!, role: "body" });
}

/**
 * Two heads set side by side come out row by row: both kickers, then both headlines
 * (`平鲁区：` `【基层直击】` `市商务委：` / `发扬英模精神…` `加大为企服务…`). In such a run of a
 * story's leading or trailing units, the kickers go back over their headlines in order (the first
 * kicker over the first headline), a label printed over the second kicker staying over it.
 * Works in place on every story's sides.
 */
export function pairSideBySideHeads(drafts: readonly Draft[]): void {
  const isKicker = (u: Unit | undefined) => u !== undefined && u.kind === "heading" && isKickerText(unitHeadingText(u));
  const isHeadline = (u: Unit | undefined) => u !== undefined && u.kind === "heading" && !isKickerText(unitHeadingText(u)) && !isSubtitleText(unitHeadingText(u));
  const pairIn = (side: Unit[]) => {
    for (let k = 0; k + 3 < side.length; k++) {
      if (!isKicker(side[k])) continue;
      const label = side[k + 1]?.kind === "label" ? 1 : 0;
      const [second, first, next] = [side[k + 1 + label], side[k + 2 + label], side[k + 3 + label]];
      if (!isKicker(second) || !isHeadline(first) || !isHeadline(next)) continue;
      // K1 [L] K2 H1 H2 → K1 H1 [L] K2 H2
      side.splice(k, 4 + label, side[k]!, first!, ...side.slice(k + 1, k + 2 + label), next!);
      k += 3 + label;
    }
  };
  for (const d of drafts) {
    pairIn(d.leaders);
    pairIn(d.trailers);
  }
}

/** A deck's label is at least this many characters: shorter repeats prove nothing. */
const MIN_LABEL_CHARS = 4;

/**
 * A short heading line printed right on top of a deck (summary lines that end no sentence),
 * whose words the deck repeats, is the deck's label (`发扬“店小二”精神`): the story's first
 * paragraph, not its headline. A label printed on the headline's last line is split off it.
 */
function takeDeckLabel(draft: Draft): void {
  const deck = draft.items[0];
  if (!deck || deck.role !== "body") return;
  const deckLines = deck.unit.lines;
  // the heading printed right on top of the deck, wherever the gap put it among the leaders
  const k = draft.leaders.findIndex((u) => u.lines[u.lines.length - 1]!.index + 1 === deckLines[0]!.index);
  const label = draft.leaders[k];
  // text that opens with a dateline is the story's first paragraph, no deck (a deck is printed above the dateline)
  if (!label || label.kind !== "heading" || label.blankAfter || opensDateline(deckLines[0]!) || deckLines.some((l) => endsSentence(l.text))) return;
  const last = label.lines[label.lines.length - 1]!;
  // words compared without punctuation: the label drops the deck's commas (`最坚固的防线 最坚实的依靠`)
  const labelText = lettersAndDigits(last.text);
  if (Array.from(labelText).length < MIN_LABEL_CHARS || !lettersAndDigits(deckLines.map((l) => l.text).join("")).includes(labelText)) return;
  if (label.lines.length === 1) draft.leaders.splice(k, 1);
  else label.lines = label.lines.slice(0, -1);
  draft.items.unshift({ unit: { kind: "body", lines: [last], blankBefore: false, blankAfter: false }, role: "paragraph" });
}

/**
 * Decks printed before the story (not under a headline) are its first paragraphs.
 * @param unmarked the dump marks no text boxes with blank lines: there each point of a deck comes as
 * a heading of its own (pdftotext prints them as one box), so a deck under another deck is its next
 * point and goes with it, in order, not a subtitle; and a deck under a headline with another point
 * under it is the deck's first point, not a subtitle
 */
export function takeDecks(draft: Draft, unmarked = false): void {
  takeDeckLabel(draft);
  // whether the leader after this one was a deck point taken (a subtitle has no deck point after it)
  let pointAfter = false;
  for (let k = draft.leaders.length - 1; k >= 0; k--) {
    const u = draft.leaders[k]!;
    const before = draft.leaders[k - 1];
    const taken: boolean = isDeckLike(u) && !(before && isHeadingUnit(before) && !(unmarked && (isDeckLike(before) || pointAfter)));
    pointAfter = taken;
    if (!taken) continue;
    draft.leaders.splice(k, 1);
    draft.items.unshift({ unit: u, role: "body" });
  }
}


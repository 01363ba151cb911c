/**
 * Stage 4c: a story printed in two parts around its headline. The extractor may read a story's
 * first column (under its byline) before the headline printed over its later columns; the
 * flow then sees a story without headline followed by a story without opener. When the
 * headline's words are in the first part too, the two parts are one story.
 */
import { appendAll } from "../arrays.js";
import type { PageLexicon } from "./lexicon.js";
import { lastBody, type Draft } from "./flow.js";
import { columnWidth, WIDTH_WOBBLE } from "./measure.js";
import { unitHeadingText } from "./unit-text.js";
import { isBylineUnit, isHeadingUnit, type Unit } from "./units.js";
import { opensDateline } from "./lines.js";

/** Share of the headline's words the first part must hold: weak evidence (as for a heading left over), since the layout says the rest. */
const MIN_SHARED = 0.15;
/** Column widths of the two parts differ by at most this (ems). */
const SAME_COLUMN = 1.5 + WIDTH_WOBBLE;

/** The story's headline group: the one matched to it, else the headings printed before it. */
const headingOf = (d: Draft, matched: ReadonlyMap<Draft, Unit[]>): Unit[] => matched.get(d) ?? d.leaders.filter(isHeadingUnit);
const isSigned = (d: Draft) => d.leaders.some(isBylineUnit) || d.trailers.some(isBylineUnit);

/** True when the story's text opens with a dateline. */
function opensWithDateline(d: Draft): boolean {
  const first = d.items.find((i) => i.role === "body")?.unit.lines[0];
  return first !== undefined && opensDateline(first);
}

/**
 * Joins each signed, headline-less story to the headed story right after it when that story has no
 * opener of its own (no dateline, no byline), sits in the same column width, and its headline
 * shares the first part's words.
 * @returns the stories, with joined parts merged into the first part
 */
export function joinSplitStories(drafts: readonly Draft[], matched: Map<Draft, Unit[]>, lexicon: PageLexicon, docOf: ReadonlyMap<Draft, number>): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const first = drafts[i]!;
    const second = drafts[i + 1];
    out.push(first);
    if (!second || !isSigned(first) || headingOf(first, matched).length > 0 || isSigned(second) || opensWithDateline(second)) continue;
    if ([...first.leaders, ...first.trailers].some((u) => u.kind === "credit")) continue;
    const heading = headingOf(second, matched);
    if (heading.length === 0) continue;
    const headline = heading.map(unitHeadingText).join("");
    if (lexicon.similarity(headline, docOf.get(first)!) < MIN_SHARED) continue;
    const firstBody = second.items.find((it) => it.role === "body")?.unit;
    if (!firstBody || Math.abs(columnWidth(lastBody(first).lines) - columnWidth(firstBody.lines)) > SAME_COLUMN) continue;
    appendAll(first.items, second.items);
    appendAll(first.leaders, second.leaders);
    appendAll(first.trailers, second.trailers);
    first.closed = second.closed;
    if (matched.has(second)) matched.set(first, matched.get(second)!);
    matched.delete(second);
    i++;
  }
  return out;
}

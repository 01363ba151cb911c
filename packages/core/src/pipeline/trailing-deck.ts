/**
 * A deck printed after the text of its story, in a dump that marks no text boxes: a story cut by a
 * jump line (`（紧转第5版）`) stops there on this page, and its deck and headline may come after it
 * (`…纳高校毕业生就业。` / `（紧转第5版）` / `发扬“店小二”精神` / `各层各级领导干部要…` / the
 * headline). The flow makes such a deck a story of its own, with no headline and no dateline: no
 * story is so, so its lines open the cut story.
 */
import { readsAsDeck } from "./deck.js";
import type { Draft } from "./flow.js";
import { isHeadingUnit, type Unit } from "./units.js";

/**
 * The drafts with each deck-only story that follows a story cut by a jump line, and has no
 * heading of its own, put at the front of that story's text (in place: the story's items grow).
 * @param matched the headings matched to each story (matchHeadings)
 */
export function joinTrailingDecks(drafts: readonly Draft[], matched: ReadonlyMap<Draft, Unit[]>): Draft[] {
  const out: Draft[] = [];
  for (const draft of drafts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && isCut(prev) && isHeadlessDeck(draft, matched)) {
      prev.items.unshift(...draft.items);
      continue;
    }
    out.push(draft);
  }
  return out;
}

/** True when a jump line printed right after the story's text closes it here. */
function isCut(draft: Draft): boolean {
  return draft.trailers[0]?.kind === "jump";
}

/** True for a story of summary lines only (none ends a sentence), with no heading matched or around it. */
function isHeadlessDeck(draft: Draft, matched: ReadonlyMap<Draft, Unit[]>): boolean {
  if (matched.get(draft)?.some(isHeadingUnit) || draft.leaders.some(isHeadingUnit) || draft.trailers.length > 0) return false;
  const body = draft.items.filter((i) => i.role === "body");
  return body.length > 0 && readsAsDeck(body.flatMap((i) => i.unit.lines));
}

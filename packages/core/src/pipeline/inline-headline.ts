/**
 * A story's headline printed inside its column, between two paragraphs, in a dump that marks no
 * text boxes: the units stage reads it as a subhead (`…数字化工具。` / `保障供应，大型商超拿起数字` /
 * `化工具` / `疫情期间…`), as it reads the real subheads of a story. A story with a headline of its own
 * keeps its subheads; one with no heading matched to it and one such subhead has it as its headline.
 */
import { isHeadingUnit, type Unit } from "./units.js";
import type { Draft } from "./flow.js";

/**
 * Moves, in place, the one subhead of each story that has no heading matched to it and none around
 * it into `matched` as its headline.
 * @param matched the headings matched to each story (matchHeadings)
 */
export function promoteLoneSubheads(drafts: readonly Draft[], matched: Map<Draft, Unit[]>): void {
  for (const draft of drafts) {
    if (matched.get(draft)?.some(isHeadingUnit)) continue;
    if (draft.leaders.some(isHeadingUnit) || draft.trailers.some(isHeadingUnit)) continue;
    let at = -1;
    for (let k = 0; k < draft.items.length; k++) {
      if (draft.items[k]!.role !== "subhead") continue;
      if (at >= 0) {
        at = -1;
        break;
      }
      at = k;
    }
    if (at < 0) continue;
    const [item] = draft.items.splice(at, 1);
    matched.set(draft, [...(matched.get(draft) ?? []), item!.unit]);
  }
}

/**
 * The deck (提要): summary points printed between a headline and the story's dateline or opening
 * byline. One definition for the flow (which story a deck opens) and the paragraphs (where its
 * points end).
 */
import { endsSentence } from "../text/chars.js";
import { trailingByline } from "./inline.js";
import { type Line, opensDateline } from "./lines.js";

/**
 * A deck is at most this many lines of summary printed above a story's dateline: up to four
 * points of five lines each (narrow columns wrap them).
 */
export const MAX_DECK_LINES = 20;

/**
 * True for lines that together read as a deck: few, none ending a sentence (body text ends every
 * paragraph with one; a point ends without), none a dateline, none signed (`…。（记者 X）`).
 */
export function readsAsDeck(lines: readonly Line[]): boolean {
  return lines.length <= MAX_DECK_LINES && lines.every((l) => !endsSentence(l.text) && !opensDateline(l) && trailingByline(l.raw) === null);
}

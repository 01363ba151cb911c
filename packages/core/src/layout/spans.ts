/** Spans of a layout Page: source offsets, page number and the box of the lines each covers. */
import type { Page, Span } from "../schema.js";
import { unionBox } from "./geometry.js";
import type { PlacedLine } from "./placed.js";

/** Every span object of a Page, once each. */
export function allSpans(page: Page): Set<Span> {
  const out = new Set<Span>();
  const add = (spans: readonly Span[]) => spans.forEach((s) => out.add(s));
  for (const a of page.articles) {
    add(a.spans);
    for (const p of a.paragraphs) add(p.spans);
    for (const j of a.jumps) add(j.spans);
  }
  for (const u of page.unassigned) add(u.spans);
  for (const d of page.diagnostics) if (d.span) out.add(d.span);
  return out;
}

/**
 * Turns every span of the Page (built from placed lines, whose `start`/`end` are line keys) into
 * a span of the source (in place): offsets from the first line's start to the last line's end,
 * their source lines, the page number and the box holding the lines.
 * @param page the Page
 * @param pageNumber the layout page number
 * @param lines the page's placed lines
 */
export function placeSpans(page: Page, pageNumber: number, lines: readonly PlacedLine[]): void {
  const byKey = new Map(lines.map((l) => [l.line.start, l]));
  for (const span of allSpans(page)) {
    const inside: PlacedLine[] = [];
    for (let k = span.start; k < span.end; k++) {
      const l = byKey.get(k);
      if (l) inside.push(l);
    }
    span.page = pageNumber;
    if (inside.length === 0) continue;
    const box = unionBox(inside.map((l) => l.box));
    span.start = Math.min(...inside.map((l) => l.source.start));
    span.end = Math.max(...inside.map((l) => l.source.end));
    span.line = Math.min(...inside.map((l) => l.source.line));
    span.endLine = Math.max(...inside.map((l) => l.source.line));
    span.bbox = [box[0], box[1], box[2], box[3]];
  }
}

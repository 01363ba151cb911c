/** Page furniture: running heads (date, page number, page name, editors) and banners. */
import type { PageInfo } from "../schema.js";
import { collapseSpaces } from "./byline.js";
import { readPageNumber, readPrintedDate } from "./inline.js";
import { EDITOR_CREDIT, PAGE_NAMES, RUNNING_HEAD_DATE, RUNNING_HEAD_PAGE } from "./patterns.js";
import type { Unit } from "./units.js";

/** Reads date, page number, page name and editors from running-head units into `page`. */
export function readRunningHeads(units: readonly Unit[], page: PageInfo): void {
  const heads: string[] = [];
  for (const unit of units) {
    for (const line of unit.lines) {
      const text = collapseSpaces(line.raw);
      heads.push(text);
      const date = RUNNING_HEAD_DATE.exec(text);
      const iso = date && !page.date ? readPrintedDate(date[1]!, date[2]!, date[3]!) : null;
      if (iso !== null) page.date = iso;
      const pageNo = RUNNING_HEAD_PAGE.exec(text);
      const n = pageNo && !page.pageNumber ? readPageNumber(pageNo[1]!) : null;
      if (n !== null) page.pageNumber = n;
      const name = text.split(" ").find((t) => PAGE_NAMES.has(t));
      if (name && !page.pageName) page.pageName = name;
      EDITOR_CREDIT.lastIndex = 0;
      for (const m of text.matchAll(EDITOR_CREDIT)) {
        for (const person of (m[2] ?? "").split(" ")) {
          page.editors ??= [];
          if (person && !page.editors.includes(person)) page.editors.push(person);
        }
      }
    }
  }
  if (heads.length > 0) page.header = [page.header, ...heads].filter(Boolean).join(" ");
}

/** A page name (`区域新闻`, `要闻`) has at most this many characters. */
const MAX_PAGE_NAME_CHARS = 6;

/**
 * A page name opening the dump, away from the running head, is taken on its length alone only up
 * to this many characters (`观察`, `区域新闻`): a headline is longer as a rule (`长三角一家人`).
 */
const MAX_OPENING_PAGE_NAME_CHARS = 4;

/**
 * True when a unit is the page name printed on its own (`要闻`): a known section name anywhere,
 * or any short name printed right above or below the running head at the top of the page, or
 * a very short one opening a page that has a running head (printed elsewhere by the extractor).
 * @param unit the unit
 * @param besideRunningHead whether the running head is the unit just before or after it, at the page's top
 * @param opensPage whether the unit is the first of a page that has a running head
 */
export function isPageNameUnit(unit: Unit, besideRunningHead = false, opensPage = false): boolean {
  if (unit.kind !== "heading" || unit.lines.length !== 1) return false;
  const name = collapseSpaces(unit.lines[0]!.raw).replace(/\s/gu, "");
  if (PAGE_NAMES.has(name)) return true;
  if (!/^\p{Script=Han}+$/u.test(name)) return false;
  const length = Array.from(name).length;
  return (besideRunningHead && length <= MAX_PAGE_NAME_CHARS) || (opensPage && length <= MAX_OPENING_PAGE_NAME_CHARS);
}

import { createHash } from "node:crypto";
import type { ParseOptions } from "./options.js";
import { buildArticle } from "./pipeline/article.js";
import { assignGaps, attachStrayLabels, bound, isKickerText, isSubtitleText, matchHeadings, pairSideBySideHeads, takeDecks, takeSalutation } from "./pipeline/assign.js";
import { buildFlow, type Draft, type Gap } from "./pipeline/flow.js";
import { isPageNameUnit, readRunningHeads } from "./pipeline/furniture.js";
import { PageLexicon } from "./pipeline/lexicon.js";
import { joinWrappedHeadings, reclassifyFragments, reclassifyOpenQuotes } from "./pipeline/fragments.js";
import { joinSplitStories } from "./pipeline/join.js";
import { junctionOf } from "./pipeline/junction.js";
import { splitLines } from "./pipeline/lines.js";
import { boxesUnmarked, buildUnits, liftTextKickers, rejoinWrappedKickers, splitHeadlinesUnderKickers, type Unit } from "./pipeline/units.js";
import { splitStackedHeadings } from "./pipeline/stacked-headings.js";
import { promoteLoneSubheads } from "./pipeline/inline-headline.js";
import { joinTrailingDecks } from "./pipeline/trailing-deck.js";
import { unitHeadingText } from "./pipeline/unit-text.js";
import { signedAtEnd } from "./pipeline/inline.js";
import type { Page } from "./schema.js";
import { SCHEMA_VERSION } from "./schema-version.js";
import { keepAfterInternalError, keepEveryLetter, unassigned } from "./finish-page.js";
import { mapRadicals } from "./layout/pdf-glyphs.js";
import { readColumns } from "./text-columns.js";

/**
 * Parses the text dump of one newspaper page into articles.
 *
 * A pipeline of small stages: lines → units (body, heading, byline…) → stories (flow) →
 * headings given to stories (evidence: shared words, byline positions, the page's order) →
 * articles with their fields and paragraphs. Never throws: what it cannot place goes to
 * `unassigned`, with a diagnostic, so every letter and digit of the input is in the Page.
 * @param input the decoded text of the dump
 * @param options source name, encoding and (when known) SHA-256 to record
 * @returns a schema-valid {@link Page}; the same input always gives the same Page
 */
export function parseText(input: string, options: ParseOptions = {}): Page {
  const sha256 = options.sha256 ?? createHash("sha256").update(input, "utf8").digest("hex");
  // columns printed side by side (pdftotext -layout) are read one after another, then the spans put back
  const columns = readColumns(input);
  if (columns === null) return parseDump(input, sha256, options);
  const page = parseDump(columns.text, sha256, options);
  columns.restoreSpans(page);
  page.diagnostics.push({
    code: "columns-side-by-side",
    severity: "info",
    message: "the dump prints the page's columns side by side (as pdftotext -layout does): read column by column",
    span: null,
  });
  return page;
}

/** {@link parseText} of a dump whose source hash is `sha256` (the input's, or the dump's it was rebuilt from). */
function parseDump(input: string, sha256: string, options: ParseOptions): Page {
  const page: Page = {
    schemaVersion: SCHEMA_VERSION,
    id: sha256.slice(0, 16),
    source: { name: options.sourceName ?? "input.txt", format: "text", sha256, encoding: options.encoding ?? "utf-8" },
    page: {},
    articles: [],
    unassigned: [],
    diagnostics: [],
  };
  try {
    // radicals pdf.js prints for ideographs (`⽉` for `月`), mapped back as the PDF reader does: same length, so spans stay offsets into the input
    parseInto(page, mapRadicals(input));
  } catch (error) {
    keepAfterInternalError(page, [{ text: input, reason: "parser-error", spans: [] }], error);
  }
  return page;
}

/** The running head and the page name are among the first this many units of a page. */
const TOP_UNITS = 3;

function parseInto(page: Page, input: string): void {
  const lines = splitLines(input);
  // the page name (`要闻`) printed on its own is page furniture, wherever the extractor put it
  const unmarked = boxesUnmarked(lines);
  const all = buildUnits(lines, unmarked);
  // the running head opens the page; a short name printed on its own right above or below it names the page
  const head = all.slice(0, TOP_UNITS).findIndex((u) => u.kind === "furniture");
  const hasRunningHead = head >= 0 || all.some((u) => u.kind === "furniture");
  const units = all.filter((unit, k) => {
    if (!isPageNameUnit(unit, head >= 0 && Math.abs(k - head) === 1, k === 0 && hasRunningHead)) return true;
    const name = unitHeadingText(unit);
    if (page.page.pageName === undefined) page.page.pageName = name;
    // a page has one name: another short line beside the running head is a headline (长三角一家人)
    else if (name !== page.page.pageName && !isPageNameUnit(unit)) return true;
    else page.unassigned.push(unassigned(unit, "page name printed again"));
    return false;
  });
  const lexicon = new PageLexicon(lines.map((l) => l.text));
  const junction = junctionOf(lexicon);
  reclassifyFragments(reclassifyOpenQuotes(joinWrappedHeadings(rejoinWrappedKickers(units, (a, b) => lexicon.junctionCount(a, b)))), junction);
  splitHeadlinesUnderKickers(liftTextKickers(units));
  const flow = buildFlow(units, junction, lexicon.pageGrams);
  readRunningHeads(flow.furniture, page.page);
  const docOf = new Map<Draft, number>();
  for (const d of flow.drafts) docOf.set(d, lexicon.addUnits(d.items.map((item) => item.unit)));
  if (unmarked) splitStackedHeadings(flow.gaps, (text, story) => lexicon.similarity(text, docOf.get(story)!));
  const firstText = flow.gaps[0]?.next ?? null;
  const firstDoc = firstText === null ? undefined : docOf.get(firstText);
  takeTopBanner(flow.gaps, page, (u) => (firstDoc === undefined ? 0 : lexicon.similarity(unitHeadingText(u), firstDoc)));
  const headingsFollow = assignGaps(flow.gaps, lexicon, docOf);
  takeBanner(flow.gaps, page);
  for (const draft of flow.drafts) {
    takeSalutation(draft);
    takeDecks(draft, unmarked);
  }
  pairSideBySideHeads(flow.drafts);
  const matched = matchHeadings(flow.drafts, lexicon, docOf, headingsFollow);
  attachStrayLabels(flow.gaps, flow.drafts);
  if (unmarked) promoteLoneSubheads(flow.drafts, matched);
  const drafts = joinSplitStories(unmarked ? joinTrailingDecks(flow.drafts, matched) : flow.drafts, matched, lexicon, docOf);

  drafts.forEach((draft, i) => {
    const { article, leftovers } = buildArticle(draft, `${page.id}-${String(i + 1).padStart(2, "0")}`, headingsFollow, matched.get(draft));
    page.articles.push(article);
    for (const { unit, reason } of leftovers) page.unassigned.push(unassigned(unit, reason));
  });
  if (drafts.length === 0) {
    for (const gap of flow.gaps) for (const u of gap.units) page.unassigned.push(unassigned(u, "no article text on the page"));
  }
  keepEveryLetter(page, lines, input);
}

/**
 * A story's headline is mostly its text's words: it shares at least this much (similarity) with
 * the text it heads. A banner printed over the first story's headline may share some of them (a
 * thematic slogan uses the words of the page's stories), a headline printed first in larger type
 * over a subhead or the next story's headline shares most. Measured on the synthetic read sets:
 * such headlines share 0.70-0.77 with their text, banners 0-0.21 with the first text, but for one
 * (0.84) whose slogan the first story quotes whole.
 */
const HEADLINE_MIN_SIMILARITY = 0.5;

/**
 * A heading printed first on the page, above another heading that is not its subtitle and
 * before any text, is the page banner (a slogan across the top): one line, alone on its line
 * (a heading printed beside the next one is a headline of a row of stories), and not the first
 * text's headline ({@link headsFirstText}). A kicker (`…：`, `…——`) is not a banner, and a
 * heading over a kicker that heads nothing is that kicker's headline ({@link kickerUnder}).
 * Whether it shares words with the page's stories does not tell: a thematic banner
 * (`坚决打赢大上海保卫战`, `高效统筹疫情防控和经济社会发展`) uses their words.
 * @param toFirstText a heading's word similarity to the page's first text (0 when there is none)
 */
function takeTopBanner(gaps: readonly Gap[], page: Page, toFirstText: (u: Unit) => number): void {
  const first = gaps[0];
  if (!first || first.prev !== null || page.page.banner !== undefined) return;
  // a column label between them opens the next heading group (`【特别关注】`)
  const [top, ...rest] = first.units;
  const next = rest.find((u) => u.kind !== "label");
  if (!top || !next || top.kind !== "heading" || next.kind !== "heading") return;
  if (bound(top, next) || kickerUnder(top, first.units)) return;
  if (top.lines.length !== 1 || top.lines[0]!.lineNo === next.lines[0]!.lineNo) return;
  if (headsFirstText(top, next, first.units, toFirstText)) return;
  page.page.banner = unitHeadingText(top);
  first.units.shift();
}

/**
 * True when `top` is the headline of the first text, printed first in larger type over another
 * heading (a subhead, the next story's headline): it is mostly that text's words
 * ({@link HEADLINE_MIN_SIMILARITY}), more than the heading under it (past a kicker) is. A story
 * has one headline, and of two the one that is its words is it.
 */
function headsFirstText(top: Unit, next: Unit, units: readonly Unit[], toFirstText: (u: Unit) => number): boolean {
  const share = toFirstText(top);
  if (share < HEADLINE_MIN_SIMILARITY) return false;
  const after = units[units.indexOf(next) + 1];
  const under = isKickerText(unitHeadingText(next)) && after?.kind === "heading" ? after : next;
  return share > toFirstText(under);
}

/**
 * True when the heading printed after `top` is a kicker with no headline under it (text, or a
 * subtitle `——…`): a kicker heads nothing alone, so `top` is the headline it leads into, printed
 * first in larger type (`闻令动 显真情 铸忠诚` / `市妇联：` / text; `恢复小区出入公交运营机动车通行` /
 * `一手抓防控 一手抓发展——` / `——希望广大市民…`).
 */
function kickerUnder(top: Unit, units: readonly Unit[]): boolean {
  const k = units.indexOf(top) + 1;
  const next = units[k];
  const after = units[k + 1];
  const headsNothing = after?.kind !== "heading" || isSubtitleText(unitHeadingText(after));
  return next !== undefined && isKickerText(unitHeadingText(next)) && headsNothing;
}

/** A heading left after the page's last story, once that story is closed, is the page banner. */
function takeBanner(gaps: readonly Gap[], page: Page): void {
  const last = gaps[gaps.length - 1];
  if (!last?.prev) return;
  const trailers = last.prev.trailers;
  const tail = trailers[trailers.length - 1];
  if (!tail || tail.kind !== "heading") return;
  const closedBefore = trailers.slice(0, -1).some((u) => u.kind === "byline") || storyClosedInline(last.prev);
  if (!closedBefore || trailers.slice(0, -1).some((u) => u.kind === "heading")) return;
  page.page.banner = unitHeadingText(tail);
  trailers.pop();
}

function storyClosedInline(d: Draft): boolean {
  const last = d.items[d.items.length - 1];
  return last !== undefined && signedAtEnd(last.unit);
}

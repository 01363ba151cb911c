import { keepAfterInternalError, keepEveryLetter, unassigned } from "./finish-page.js";
import { placeLines, type PlacedLine } from "./layout/placed.js";
import type { LayoutDocument, LayoutPage } from "./layout/model.js";
import { median } from "./layout/geometry.js";
import { bodySize, buildPieces, type Piece } from "./layout/roles.js";
import { placeSpans } from "./layout/spans.js";
import { paragraphGeometry, reparagraph } from "./layout/paragraph-breaks.js";
import { applyHeadingRoles } from "./layout/heading-roles.js";
import { buildHeadingGroups, buildSegments, buildStories, placeHeadings, storiesFromArticles, storySubheads, toDraft, type Story } from "./layout/stories.js";
import { buildArticle } from "./pipeline/article.js";
import { readRunningHeads } from "./pipeline/furniture.js";
import { unitHeadingText } from "./pipeline/unit-text.js";
import type { Page } from "./schema.js";
import { SCHEMA_VERSION } from "./schema-version.js";

/** Options of {@link parseLayout}. */
export interface ParseLayoutOptions {
  /** Name of the source file, recorded in `source.name`. */
  sourceName: string;
  /** SHA-256 (hex) of the source: of the decoded text (as UTF-8) for XML, of the bytes for PDF. */
  sha256: string;
  /** Format of the source, recorded in `source.format`. */
  format: LayoutDocument["format"];
  /** Encoding the source was decoded from. Default `"utf-8"` (`"binary"` suits PDF). */
  encoding?: string;
}

/**
 * Parses a layout document (PDF, ALTO or hOCR, read into the layout model) into one Page per
 * layout page. Type size and position are the evidence: body type is the size most characters
 * are set in; larger type heads the text right under it; text flows down a column and on to the
 * next column while it reads on; paragraphs, bylines, datelines and jump lines come from the dump
 * parser's own stages. Never throws: what it cannot place goes to `unassigned`, so every letter
 * and digit of the layout's words is in the Pages.
 * @param doc the layout document
 * @param options source name, SHA-256 and format to record
 * @returns one schema-valid Page per layout page, in page order
 */
export function parseLayout(doc: LayoutDocument, options: ParseLayoutOptions): Page[] {
  const many = doc.pages.length > 1;
  return doc.pages.map((layoutPage) => {
    const id = many ? `${options.sha256.slice(0, 16)}-p${layoutPage.pageNumber}` : options.sha256.slice(0, 16);
    const page: Page = {
      schemaVersion: SCHEMA_VERSION,
      id,
      source: { name: options.sourceName, format: options.format, sha256: options.sha256, encoding: options.encoding ?? "utf-8" },
      page: {},
      articles: [],
      unassigned: [],
      diagnostics: layoutPage.problems.map((p) => ({ code: p.code, severity: "warning" as const, message: p.message, span: null })),
    };
    let placed: PlacedLine[] = [];
    try {
      placed = placeLines(layoutPage).lines;
      parsePageInto(page, layoutPage, placed, doc.articles);
      placeSpans(page, layoutPage.pageNumber, placed);
    } catch (error) {
      const lines = layoutPage.blocks.flatMap((b) => b.lines);
      keepAfterInternalError(page, lines.map((l) => ({ text: l.words.map((w) => w.text).join(" "), reason: "parser-error", spans: [] })), error);
    }
    return page;
  });
}

function parsePageInto(page: Page, layoutPage: LayoutPage, placed: PlacedLine[], articles: LayoutDocument["articles"]): void {
  const body = bodySize(placed);
  const em = emOf(placed);
  const pieces = buildPieces(placed, body);

  // page furniture: running heads, page names
  const furniture = pieces.filter((p) => p.unit.kind === "furniture");
  for (const p of furniture.filter((p) => p.pageName)) {
    const name = unitHeadingText(p.unit);
    if (page.page.pageName === undefined) page.page.pageName = name;
    else if (page.page.pageName !== name) page.unassigned.push(unassigned(p.unit, "page name printed again"));
  }
  readRunningHeads(
    furniture.filter((p) => !p.pageName).map((p) => p.unit),
    page.page,
  );

  const limits = { em };
  const segments = buildSegments(pieces, limits);
  const groups = buildHeadingGroups(pieces, segments, limits);
  const unplaced = placeHeadings(groups, segments, limits);
  let stories: Story[];
  if (articles && articles.length > 0) {
    // the source's logical articles (METS) decide; text they do not list is read from the geometry
    const blockIds = layoutPage.blocks.map((b) => [b.id, ...(b.parentIds ?? [])]);
    const fromArticles = storiesFromArticles(articles, blockIds, segments, groups);
    stories = [...fromArticles.stories, ...orderStories(buildStories(fromArticles.rest, groups, limits), layoutPage.explicitOrder)];
  } else stories = orderStories(buildStories(segments, groups, limits), layoutPage.explicitOrder);

  const paragraphs = paragraphGeometry(segments, em, body);
  const byKey = new Map(placed.map((l) => [l.line.start, l]));
  stories.forEach((story, i) => {
    const draft = toDraft(story);
    const { article, leftovers } = buildArticle(draft, `${page.id}-${String(i + 1).padStart(2, "0")}`, false, undefined);
    const storyOrder = new Map(draft.items.flatMap((item) => item.unit.lines).map((l, k) => [l, k]));
    reparagraph(article, paragraphs, byKey, storyOrder);
    const heads = applyHeadingRoles(article, story.heads);
    page.articles.push(article);
    for (const { unit, reason } of leftovers) if (!heads.has(unit)) page.unassigned.push(unassigned(unit, reason));
  });

  // headings that head nothing: a big one below all text, or above all text (a slogan under the
  // masthead), is the page's banner
  const lowestText = Math.max(0, ...segments.map((s) => s.box[3]));
  const highestText = Math.min(Infinity, ...segments.map((s) => s.fullBox[1]), ...groups.filter((g) => !unplaced.includes(g)).map((g) => g.box[1]));
  for (const g of unplaced) {
    const isBanner = page.page.banner === undefined && (g.box[1] >= lowestText || g.box[3] <= highestText) && !g.minor;
    if (isBanner) page.page.banner = g.pieces.map((p) => unitHeadingText(p.unit)).join(" ");
    else for (const p of g.pieces) page.unassigned.push(unassigned(p.unit, "heading not placed"));
  }
  const usedSubheads = storySubheads(stories);
  for (const s of segments) {
    if (s.subheadAbove && !usedSubheads.has(s.subheadAbove)) page.unassigned.push(unassigned(s.subheadAbove.unit, "subhead not placed"));
  }
  // labels and bylines printed on their own, outside any block with text or heading
  const inGroups = new Set(groups.flatMap((g) => g.pieces));
  const inSegments = new Set(segments.flatMap((s) => [s.piece, ...s.leaders, ...s.trailers]));
  const subheads = new Set(segments.map((s) => s.subheadAbove).filter((p): p is Piece => p !== null));
  for (const p of pieces) {
    if (p.unit.kind === "furniture" || inGroups.has(p) || inSegments.has(p) || subheads.has(p)) continue;
    page.unassigned.push(unassigned(p.unit, "printed apart from any article"));
  }
  const input = placed.map((l) => l.line.raw).join("\n");
  keepEveryLetter(page, placed.map((l) => l.line), input);
}

/** Units per body em: the body lines' width per character, as measured when placing lines. */
function emOf(placed: readonly PlacedLine[]): number {
  const ratios = placed.filter((l) => l.line.width > 0).map((l) => (l.box[2] - l.box[0]) / l.line.width);
  return median(ratios) || 1;
}

/** Stories in the source's reading order when it gives one, else top to bottom, left to right by their first text. */
function orderStories(stories: Story[], explicitOrder: boolean): Story[] {
  const key = (s: Story) => s.segments[0]!;
  return [...stories].sort((a, b) => {
    const sa = key(a);
    const sb = key(b);
    if (explicitOrder) return sa.piece.order - sb.piece.order;
    return sa.box[1] - sb.box[1] || sa.box[0] - sb.box[0];
  });
}

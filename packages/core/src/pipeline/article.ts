/**
 * Stage 6: a draft → an Article. Fields come from the units given to the story (headline,
 * kicker, subtitle, label, byline, jump lines) and from its own first and last lines
 * (dateline `本报讯（记者 X）`, closing byline `…安全感。 何永航`, jump `（下转第3版）`).
 */
import type { Article, ArticleKind, Byline, Jump, Paragraph } from "../schema.js";
import { isSpacedOut, normalizeHeading, joinWrappedLines, removeExtractorSpaces } from "../text/normalize.js";
import { isKickerText, isSubtitleText } from "./assign.js";
import { collapseSpaces, isCommentatorByline, isPhotoCredit, parseByline } from "./byline.js";
import type { Draft } from "./flow.js";
import { inlineJump, leadingDateline, trailingByline } from "./inline.js";
import { type Line, opensDateline, spansOf } from "./lines.js";
import { buildParagraphs, type DraftParagraph } from "./paragraphs.js";
import { BRIEF_LABELS, COMMENTARY_LABELS, ROLE_WORD, WRAPPED_CREDIT_HEAD } from "./patterns.js";
import { unitHeadingText, unitRawText } from "./unit-text.js";
import { columnLabelName, isBylineUnit, isHeadingUnit, type Unit } from "./units.js";

/** What building an article left over: units it could not use. */
export interface ArticleResult {
  article: Article;
  leftovers: { unit: Unit; reason: string }[];
}


function paragraphText(p: DraftParagraph): string {
  // joinWrappedLines skips empty pieces; plain loops here and below keep buildArticle's optimized code small
  const pieces: string[] = [];
  // a collapsed piece holds no white space but single ASCII spaces: most lines of a dump hold none
  let spaced = false;
  let length = 0;
  for (const piece of p.pieces) {
    const text = collapseSpaces(piece.raw);
    pieces.push(text);
    length += text.length;
    if (!spaced && text.indexOf(" ") >= 0) spaced = true;
  }
  const joined = joinWrappedLines(pieces);
  if (p.role === "subhead") return normalizeHeading(joined);
  // no space in the pieces and none put between them: there is no extractor space to remove
  if (!spaced && joined.length === length) return joined;
  return removeExtractorSpaces(joined);
}

/** A dateline opens one of the first paragraphs (a deck of up to three lines may come first). */
const MAX_DATELINE_PARAGRAPH = 4;


/**
 * Builds one article.
 * @param draft the story with its leaders and trailers
 * @param id the stable article id
 * @param headingsFollow true when this page prints headings after their stories
 */
export function buildArticle(draft: Draft, id: string, headingsFollow: boolean, matched: Unit[] | undefined): ArticleResult {
  const leftovers: { unit: Unit; reason: string }[] = [];
  const paragraphs = buildParagraphs(draft.items);
  const jumps: Jump[] = [];
  const bylines: { text: string; lines: Line[] }[] = [];
  let dateline: string | null = null;

  // jump lines and closing bylines at the end of body lines
  for (const p of paragraphs) {
    const lastPiece = p.pieces[p.pieces.length - 1];
    if (!lastPiece || p.role !== "body") continue;
    const jump = inlineJump(lastPiece.raw);
    if (jump && jump.text.trim() !== "") {
      jumps.push({ direction: jump.direction, page: jump.page, raw: jump.jump, spans: spansOf([lastPiece.line]) });
      lastPiece.raw = jump.text;
    }
  }
  const lastBody = lastBodyParagraph(paragraphs);
  const lastPiece = lastBody?.pieces[lastBody.pieces.length - 1];
  // a photo credit printed under the caption may begin at the end of its last line
  let creditHead: { unit: Unit; text: string; line: Line } | null = null;
  const wrapped = lastBody ? wrappedClosingByline(lastBody) : null;
  if (wrapped) bylines.push(wrapped);
  else if (lastPiece) {
    const closing = trailingByline(lastPiece.raw);
    const credit = draft.trailers[0];
    const head = !closing && credit?.kind === "credit" ? WRAPPED_CREDIT_HEAD.exec(lastPiece.raw.trimEnd()) : null;
    if (closing) {
      bylines.push({ text: closing.byline, lines: [lastPiece.line] });
      lastPiece.raw = closing.text;
    } else if (head && credit) {
      creditHead = { unit: credit, text: collapseSpaces(head[2]!), line: lastPiece.line };
      lastPiece.raw = head[1]!;
    }
  }
  // dateline at the start of the first body paragraph (after a deck, if any)
  let signedInDateline = false;
  const firstBody = datelineParagraph(paragraphs);
  if (firstBody) {
    // a dateline line justified character by character (`本 报 南 京 6 月 10 日 电`) has no word gaps
    const head = firstBody.pieces[0]!;
    if (isSpacedOut(head.raw)) head.raw = head.line.text;
    const joined = joinWrappedLines(firstBody.pieces.map((x) => collapseSpaces(x.raw)));
    const found = leadingDateline(joined);
    if (found) {
      dateline = found.dateline;
      // the byline read again with the line breaks between two whole names kept as spaces: a
      // bracket that read as no byline with its names run together (`（记者 薛梅英` / `周欣涵）`)
      // is one then, and is taken out of the text up to its closing bracket
      const opening = joinAtNames(firstBody.pieces.slice(0, BYLINE_LINES).map((x) => collapseSpaces(x.raw)));
      const reread = leadingDateline(opening.text);
      const byline = reread?.byline ?? found.byline;
      const length = found.byline === null && reread?.byline ? reread.length - opening.spacesBefore(reread.length) : found.length;
      if (byline) bylines.unshift({ text: byline, lines: [firstBody.pieces[0]!.line] });
      signedInDateline = byline !== null;
      consumePrefix(firstBody, length);
    }
  }

  // units given to the story
  const units = [...draft.leaders, ...draft.trailers];
  for (const u of units) {
    if (u.kind === "jump") {
      const jump = inlineJump(u.lines[0]!.raw);
      jumps.push({ direction: jump?.direction ?? "continuedOn", page: jump?.page ?? null, raw: unitRawText(u), spans: spansOf(u.lines) });
    } else if (u.kind === "byline" && signedInDateline && !(draft.trailers[0] === u && !u.blankBefore)) {
      // a story names its reporters once: with its dateline's bracket naming them, a byline line
      // given to it from around its text signs another story (one right under its last line, no
      // blank line between, signs it all the same)
      leftovers.push({ unit: u, reason: "second byline" });
    } else if (isBylineUnit(u)) {
      // the name goes on from the caption's line without a space: 通讯员 李 + 平军 摄
      const head = creditHead?.unit === u ? creditHead : null;
      bylines.push(head ? { text: head.text + unitRawText(u).trimStart(), lines: [head.line, ...u.lines] } : { text: unitRawText(u), lines: u.lines });
    }
  }
  const labels = units.filter((u) => u.kind === "label");
  const column = labels[0] ? columnLabelName(unitRawText(labels[0])) : null;
  for (const extra of labels.slice(1)) leftovers.push({ unit: extra, reason: "second column label" });

  const heads = chooseHeadingSide(draft, headingsFollow, matched);
  for (const u of heads.demotedLeading.reverse()) paragraphs.unshift({ role: "subhead", pieces: u.lines.map((line) => ({ line, raw: line.raw })) });
  for (const u of heads.unused) leftovers.push({ unit: u, reason: "heading not placed" });
  const { kicker, headline, subheadline, extra } = splitHeadings(heads.chosen);
  for (const u of extra) leftovers.push({ unit: u, reason: "extra heading" });

  let byline: Byline | null = null;
  if (bylines[0]) byline = parseByline(bylines[0].text);
  for (const b of bylines.slice(1)) {
    const more = parseByline(b.text);
    if (!byline) continue;
    byline.raw = `${byline.raw} ${more.raw}`;
    for (const key of ["reporters", "correspondents", "photographers", "editors", "authors"] as const) {
      for (const name of more[key]) if (!byline[key].includes(name)) byline[key].push(name);
    }
  }

  const outParagraphs = outputParagraphs(paragraphs);
  const headlineText = headline ? unitHeadingText(headline) : null;
  const kind = articleKind(column, byline, headlineText, bylines.some((b) => isPhotoCredit(b.text)));
  const article: Article = {
    id,
    kind,
    column,
    kicker: kicker ? unitHeadingText(kicker) : null,
    headline: headlineText,
    subheadline: subheadline ? unitHeadingText(subheadline).replace(/^——\s*/u, "——") : null,
    dateline,
    byline,
    paragraphs: outParagraphs,
    jumps,
    spans: spansOf(usedLines(paragraphs, units, leftovers)),
  };
  return { article, leftovers };
}

/** A dateline's bracketed byline closes within this many lines of a narrow column. */
const BYLINE_LINES = 4;

/** A whole name at a line's end or start: two to four ideographs (`何永航` / `洪秋）`); one alone is a name cut in two. */
const NAME_AT_END = /(?:^|[\s（(])\p{Script=Han}{2,4}$/u;
const NAME_AT_START = /^\p{Script=Han}{2,4}(?:[\s）)]|$)/u;

/**
 * Lines joined as {@link joinWrappedLines} does, but with a space where a line ends with a whole
 * name and the next opens with one: a bracketed byline wrapped between two names
 * (`本报讯（记者 何永航` / `洪秋）…`) keeps them apart.
 * @returns the text, and how many of those spaces stand in its first `n` characters
 */
function joinAtNames(lines: readonly string[]): { text: string; spacesBefore: (n: number) => number } {
  let text = "";
  const inserted: number[] = [];
  for (const line of lines) {
    if (line === "") continue;
    if (text !== "" && NAME_AT_END.test(text) && NAME_AT_START.test(line) && !roleWordAcross(text, line)) {
      inserted.push(text.length);
      text += ` ${line}`;
    } else text += joinWrappedLines([text, line]).slice(text.length);
  }
  return { text, spacesBefore: (n) => inserted.filter((at) => at < n).length };
}

/** Ideographs looked at on each side of a line break for a role word cut by it: as long as the longest (`本报特约通讯员`). */
const ROLE_WORD_CHARS = 8;
const ROLE_WORD_TAIL = new RegExp(`\\p{Script=Han}{1,${ROLE_WORD_CHARS}}$`, "u");

/** True when a role word runs across the break between `text` and `line` (`赵芳 通讯` / `员周婷杰）`): no names to part there. */
function roleWordAcross(text: string, line: string): boolean {
  const tail = ROLE_WORD_TAIL.exec(text)?.[0] ?? "";
  const joined = tail + line.slice(0, ROLE_WORD_CHARS);
  for (const m of joined.matchAll(ROLE_WORD)) if (m.index < tail.length && m.index + m[0].length > tail.length) return true;
  return false;
}

/** The last body paragraph, or undefined. */
function lastBodyParagraph(paragraphs: readonly DraftParagraph[]): DraftParagraph | undefined {
  for (let i = paragraphs.length - 1; i >= 0; i--) if (paragraphs[i]!.role === "body") return paragraphs[i];
  return undefined;
}

/** The first of the first paragraphs that is body text opening with a dateline line. */
function datelineParagraph(paragraphs: readonly DraftParagraph[]): DraftParagraph | undefined {
  const end = Math.min(paragraphs.length, MAX_DATELINE_PARAGRAPH);
  for (let i = 0; i < end; i++) {
    const p = paragraphs[i]!;
    if (p.role === "body" && p.pieces[0] !== undefined && opensDateline(p.pieces[0].line)) return p;
  }
  return undefined;
}

/** The tail of a bracketed byline wrapped onto a line of its own is at most this many characters (`林）`, `龙婷明）`). */
const MAX_WRAPPED_BYLINE_TAIL = 8;

/**
 * A bracketed byline closing the text, wrapped at the column's edge so that the bracket opens on
 * the next to last line and closes on the last (`…尚属第二例。（记者 武跃` / `林）`): read from the
 * two lines joined, and taken out of both. Null when the text does not end so.
 */
function wrappedClosingByline(p: DraftParagraph): { text: string; lines: Line[] } | null {
  const last = p.pieces[p.pieces.length - 1];
  const before = p.pieces[p.pieces.length - 2];
  if (!last || !before) return null;
  const tail = last.raw.trim();
  if (!/^[^（(]+[）)]$/u.test(tail) || Array.from(tail).length > MAX_WRAPPED_BYLINE_TAIL) return null;
  const head = before.raw.trimEnd();
  const closing = trailingByline(head + tail);
  // the bracket opens on the line before: the tail alone is no byline
  if (!closing || !/^[（(]/u.test(closing.byline) || closing.text.length >= head.length) return null;
  before.raw = closing.text;
  last.raw = "";
  return { text: closing.byline, lines: [before.line, last.line] };
}

/** The article's paragraphs: text, role and spans of each draft paragraph, the empty ones dropped. */
function outputParagraphs(paragraphs: readonly DraftParagraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const text = paragraphText(p);
    if (text === "") continue;
    const lines: Line[] = [];
    for (const piece of p.pieces) lines.push(piece.line);
    out.push({ text, role: p.role, spans: spansOf(lines) });
  }
  return out;
}

/** The lines an article holds (its paragraphs', and those of the units it kept), each once, in the order first met. */
function usedLines(paragraphs: readonly DraftParagraph[], units: readonly Unit[], leftovers: ArticleResult["leftovers"]): Line[] {
  const used = new Set<Line>();
  for (const p of paragraphs) for (const piece of p.pieces) used.add(piece.line);
  for (const u of units) if (!leftovers.some((l) => l.unit === u)) for (const line of u.lines) used.add(line);
  return [...used];
}

/** Removes the first `length` characters (of the spaces-collapsed joined text) from a paragraph. */
function consumePrefix(p: DraftParagraph, length: number): void {
  let left = length;
  for (const piece of p.pieces) {
    if (left <= 0) break;
    const collapsed = collapseSpaces(piece.raw);
    if (collapsed.length <= left) {
      left -= collapsed.length;
      piece.raw = "";
    } else {
      piece.raw = collapsed.slice(left);
      left = 0;
    }
  }
}

interface HeadingSides {
  chosen: Unit[];
  demotedLeading: Unit[];
  unused: Unit[];
}

/**
 * Of a story's leading headings, each subtitle (`——写在…`) and the heading right before it: another
 * story's headline with its subtitle, when not chosen, which no story's text opens with as a
 * subhead (a subhead is one short line).
 */
function headlinesWithSubtitles(leading: readonly Unit[]): Set<Unit> {
  const out = new Set<Unit>();
  leading.forEach((u, i) => {
    if (i === 0 || !isSubtitleText(unitHeadingText(u))) return;
    out.add(u);
    out.add(leading[i - 1]!);
  });
  return out;
}

/**
 * Of a story's leading headings, those printed on one line with another of its headings (two
 * headlines side by side, cut apart): a headline, never a subhead opening the text.
 */
function besideOtherHeadings(leading: readonly Unit[], all: readonly Unit[]): Unit[] {
  return leading.filter((u) => u.lines.length === 1 && all.some((o) => o !== u && o.lines.some((l) => l.lineNo === u.lines[0]!.lineNo)));
}

/**
 * A subhead is printed under its story's headline, between it and the text, never over it: with the
 * headline printed above the story's first text, a heading printed above that headline (a banner,
 * another story's head) is no subhead opening the text. Tells such headings.
 */
function printedOverHeadline(chosen: readonly Unit[], draft: Draft): (u: Unit) => boolean {
  const top = chosen[0]?.lines[0]?.index;
  const bottom = chosen.at(-1)?.lines.at(-1)?.index;
  const textAt = draft.items[0]?.unit.lines[0]?.index;
  if (top === undefined || bottom === undefined || textAt === undefined || bottom >= textAt) return () => false;
  return (u) => u.lines[u.lines.length - 1]!.index < top;
}

/** With headings on both sides of a story, the page's order decides which are its headline. */
function chooseHeadingSide(draft: Draft, headingsFollow: boolean, matched: Unit[] | undefined): HeadingSides {
  const leading = draft.leaders.filter(isHeadingUnit);
  const trailing = draft.trailers.filter(isHeadingUnit);
  if (matched) {
    const chosen = matched.filter(isHeadingUnit);
    const rest = [...leading, ...trailing].filter((u) => !chosen.includes(u));
    const headed = headlinesWithSubtitles(leading);
    for (const u of besideOtherHeadings(leading, [...leading, ...trailing])) headed.add(u);
    const overHeadline = printedOverHeadline(chosen, draft);
    const demotedLeading = rest.filter((u) => leading.includes(u) && u.kind === "heading" && !headed.has(u) && !overHeadline(u));
    return { chosen, demotedLeading, unused: rest.filter((u) => !demotedLeading.includes(u)) };
  }
  if (leading.length === 0) return { chosen: trailing, demotedLeading: [], unused: [] };
  if (trailing.length === 0) return { chosen: leading, demotedLeading: [], unused: [] };
  if (headingsFollow) return { chosen: trailing, demotedLeading: leading.filter((u) => u.kind === "heading"), unused: leading.filter((u) => u.kind !== "heading") };
  return { chosen: leading, demotedLeading: [], unused: trailing };
}

/**
 * Kicker (ends with ：or ——), headline, subtitle (starts with ——), in whatever order the
 * extractor printed them: the kicker is the first heading with a kicker's end (when there is
 * more than one heading), the headline the first other heading that is neither subtitle nor
 * kicker (a second kicker is another story's, printed in between), the subtitle one that opens
 * with a dash before any other heading.
 */
function splitHeadings(units: Unit[]): { kicker: Unit | null; headline: Unit | null; subheadline: Unit | null; extra: Unit[] } {
  const texts = units.map(unitHeadingText);
  const kickerAt = units.length > 1 ? texts.findIndex((t) => isKickerText(t)) : -1;
  const others = units.filter((_, i) => i !== kickerAt);
  const plain = (u: Unit) => !isSubtitleText(unitHeadingText(u)) && !isKickerText(unitHeadingText(u));
  const headline = others.find(plain) ?? others.find((u) => !isSubtitleText(unitHeadingText(u))) ?? others[0] ?? null;
  const subheadline =
    others.find((u) => u !== headline && isSubtitleText(unitHeadingText(u))) ?? others.find((u) => u !== headline && u.kind === "heading" && plain(u)) ?? null;
  const extra = others.filter((u) => u !== headline && u !== subheadline);
  return { kicker: kickerAt >= 0 ? units[kickerAt]! : null, headline, subheadline, extra };
}

function articleKind(column: string | null, byline: Byline | null, headline: string | null, photoCredit: boolean): ArticleKind {
  const label = column?.replace(/\s/gu, "") ?? "";
  if (COMMENTARY_LABELS.has(label) || isCommentatorByline(byline?.raw ?? "")) return "commentary";
  if (BRIEF_LABELS.has(label)) return "brief";
  if (photoCredit && headline === null) return "photo";
  return "news";
}

/**
 * Stage 2: lines → units. A unit is a run of lines with one role on the page: body text,
 * a heading (headline, kicker, subtitle or subhead, decided later), a vertical heading,
 * a byline or photo credit, a column label, a jump line or page furniture.
 */
import { endsSentence, isWhiteSpaceCode } from "../text/chars.js";
import { isSpacedOut } from "../text/normalize.js";
import { collapseSpaces, isBareNames, isBylineText, isNamingByline, isPhotoCredit } from "./byline.js";
import { closesWithPhotoCredit, trailingByline } from "./inline.js";
import { isCommonWord, junctionOf, type Junction, wordAcross } from "./junction.js";
import { PageLexicon } from "./lexicon.js";
import { holdsSentence, type Line, nextSpace, opensDateline, subLine } from "./lines.js";
import { columnBlocksAfter, mergedDatelineHalves, placeHalves } from "./merged-lines.js";
import { columnWidth, INDENT_MAX, INDENT_MIN, WIDTH_WOBBLE } from "./measure.js";
import { areParallelPhrases, isParallelHeading, PARALLEL_MAX_PHRASES } from "./unit-text.js";
import {
  BRACKETED_LABEL,
  COLUMN_LABELS,
  DASH,
  DASH_END,
  EDITOR_CREDIT,
  GLYPH_AND_HEADING,
  HEADING_AND_GLYPH,
  JUMP_LINE,
  KICKER_END,
  isPairRow,
  RUNNING_HEAD_DATE,
  ROLE_BYLINE,
  RUNNING_HEAD_PAGE,
  SPACED_PHRASES,
  SUBTITLE_START,
  TWO_RUNS,
} from "./patterns.js";

export type UnitKind = "body" | "heading" | "vertical" | "byline" | "credit" | "label" | "jump" | "furniture";

export interface Unit {
  kind: UnitKind;
  lines: Line[];
  /** True when a blank line (or the page start) comes right before the unit. */
  blankBefore: boolean;
  /** True when a blank line (or the page end) comes right after the unit. */
  blankAfter: boolean;
}

/** True for a heading unit, set horizontally or vertically. */
export const isHeadingUnit = (u: Unit): boolean => u.kind === "heading" || u.kind === "vertical";
/** True for a byline or a photo credit. */
export const isBylineUnit = (u: Unit): boolean => u.kind === "byline" || u.kind === "credit";

/** Runs of at least this many one-character lines are a vertical headline (我/市/第/二/例…). */
const MIN_VERTICAL_CHARS = 3;
/**
 * A block of at least this many lines of two ideographs each, and nothing else, is a headline set
 * in two vertical columns (复工/复产/人员/可以…): no text line, name or label comes so.
 */
const MIN_PAIR_ROWS = 4;
/** A heading is at most this many lines, or this many characters (narrow headings wrap more); more is text. */
const MAX_HEADING_LINES = 4;
const MAX_HEADING_CHARS = 60;
/** A heading line above body text is narrower than the body by more than an indent (2) and the wobble. */
const HEADING_NARROWER_BY = 3.5;
/** Body lines of one run differ by less than this (ems) besides indents and last lines. */
const RUN_WIDTH_CHANGE = 3;
/** A line this wide or wider is text, not a heading (headlines fit one column band). */
const MAX_HEADING_WIDTH = 40;

/** Rows of two ideographs in a block (a headline set in two vertical columns prints two glyphs a row). */
function countPairRows(block: readonly Line[]): number {
  let rows = 0;
  for (const line of block) if (isPairRow(line.text)) rows++;
  return rows;
}

/** A row of a headline set in two vertical columns, or one glyph of it (an odd last row, a row cut by another line). */
const isVerticalRow = (line: Line): boolean => isPairRow(line.text) || isSingleChar(line);

/** True for a one-character line (a vertical headline prints one glyph per line). */
function isSingleChar(line: Line): boolean {
  const t = line.text;
  return t.length === 1 || (t.length === 2 && t.codePointAt(0)! > 0xffff);
}

/**
 * Most other lines between two glyphs of one vertical headline: an extractor may print each glyph
 * between two lines of the text beside it (`我` / `市民警终于…` / `第` / `的刘某柱。…` / `二`).
 */
const MAX_LINES_BETWEEN_VERTICAL_GLYPHS = 1;

/**
 * The one-character lines of a block that stand in runs of at least {@link MIN_VERTICAL_CHARS}, one
 * after another or each between two lines of text: a vertical headline's glyphs, one run per
 * headline. In a dump that marks no text boxes the whole page is one block, so a one-character line
 * elsewhere (a wrapped headline's last glyph, `交运营机动车通` / `行`) is no glyph of it, and two
 * vertical headlines with a story's text between them (展/现/积/极… / the story / 谎/称/招…) are two.
 */
function singleCharRuns(block: readonly Line[]): Line[][] {
  const out: Line[][] = [];
  let run: Line[] = [];
  let lastAt = -Infinity;
  const close = () => {
    if (run.length >= MIN_VERTICAL_CHARS) out.push(run);
    run = [];
  };
  for (let i = 0; i < block.length; i++) {
    if (!isSingleChar(block[i]!)) continue;
    if (i - lastAt - 1 > MAX_LINES_BETWEEN_VERTICAL_GLYPHS) close();
    run.push(block[i]!);
    lastAt = i;
  }
  close();
  return out;
}

/** True for a running head line: a date, a page number or page editors. */
export function isRunningHead(text: string): boolean {
  const hasDate = RUNNING_HEAD_DATE.test(text);
  const hasPage = RUNNING_HEAD_PAGE.test(text);
  EDITOR_CREDIT.lastIndex = 0;
  const hasEditor = EDITOR_CREDIT.test(text);
  EDITOR_CREDIT.lastIndex = 0;
  return (hasDate && (hasPage || hasEditor)) || (hasPage && hasEditor);
}

/** Brackets and bullets papers set around or before a column label (`【今日谈】`, `〔短评〕`, `■ 时评`): not part of its name. */
const LABEL_MARKS = "【】[]［］〔〕■●◆▲□○★◎";
const LABEL_MARK_CODES = new Set(Array.from(LABEL_MARKS, (c) => c.charCodeAt(0)));
const SPACES_AND_LABEL_MARKS = new RegExp(`[\\s${LABEL_MARKS.replace(/[[\]]/gu, "\\$&")}]`, "gu");

/** The name of a column label, without its spaces, brackets and bullets (`【 短 评 】` → `短评`, `■时评` → `时评`). */
export function columnLabelName(text: string): string {
  return text.replace(SPACES_AND_LABEL_MARKS, "");
}

/** True for a column label such as `短 评`, `简讯` or `【今日谈】`. */
export function isColumnLabel(text: string): boolean {
  const trimmed = text.trim();
  // a label is a few characters once spaces and brackets are gone; a line of more is none (no copies made)
  if (!trimmed.startsWith("【") && !hasAtMostNameChars(trimmed, MAX_LABEL_CHARS)) return false;
  return COLUMN_LABELS.has(columnLabelName(trimmed)) || BRACKETED_LABEL.test(trimmed.replace(/\s/gu, ""));
}

/** The longest known column label (UTF-16 units). */
const MAX_LABEL_CHARS = Math.max(...Array.from(COLUMN_LABELS, (label) => label.length));

/** True when `text` has at most `max` units besides white space and the marks {@link columnLabelName} drops. */
function hasAtMostNameChars(text: string, max: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length && n <= max; i++) if (!isSpaceOrLabelMark(text.charCodeAt(i))) n++;
  return n <= max;
}

/** White space (`\s`) or one of {@link LABEL_MARKS}. */
const isSpaceOrLabelMark = (c: number): boolean => isWhiteSpaceCode(c) || LABEL_MARK_CODES.has(c);

/** True when the text ends with `）` or `)`, as a jump line does ({@link JUMP_LINE}). */
function endsWithClosingBracket(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 0xff09 || c === 0x29;
}

/** Bylines, credits, labels and jump lines are short; longer lines skip those tests. */
const MAX_SPECIAL_CHARS = 40;

/** {@link marksIn} flag: a date (年), a page (版) or an editor (编辑, 责编, 校对, 版式 hold one of 辑编校版). */
const RUNNING_HEAD_MARK = 1;
/** {@link marksIn} flag: sentence punctuation (，。；！？). */
const SENTENCE_MARK = 2;

/** The characters of {@link RUNNING_HEAD_MARK}. */
const RUNNING_HEAD_CHARS = /[年版辑编校]/u;
/** The characters of {@link SENTENCE_MARK}. */
const SENTENCE_CHARS = /[，。；！？]/u;

/**
 * Which of the marks {@link specialKind} looks for `text` holds ({@link RUNNING_HEAD_MARK},
 * {@link SENTENCE_MARK}). Two regex tests take fewer instructions than one loop over the code
 * units in compiled code (callgrind, 100 bar1000 pages).
 */
function marksIn(text: string): number {
  return (RUNNING_HEAD_CHARS.test(text) ? RUNNING_HEAD_MARK : 0) | (SENTENCE_CHARS.test(text) ? SENTENCE_MARK : 0);
}

/** True for a line that is a whole special unit on its own. */
function specialKind(line: Line): UnitKind | null {
  if (line.text.length > MAX_SPECIAL_CHARS * 2) return null;
  // the marks are looked for in the line as printed (collapsing its spaces changes no other
  // character), so running text is ruled out before its spaces are collapsed
  const marks = marksIn(line.raw);
  const mayBeRunningHead = (marks & RUNNING_HEAD_MARK) !== 0;
  // sentence punctuation means running text: bylines, credits, labels and jump lines have none
  const hasSentence = (marks & SENTENCE_MARK) !== 0;
  if (hasSentence && !mayBeRunningHead) return null;
  const raw = collapseSpaces(line.raw);
  if (raw === "") return null;
  if (mayBeRunningHead && isRunningHead(raw)) return "furniture";
  if (raw.length > MAX_SPECIAL_CHARS || hasSentence) return null;
  if (endsWithClosingBracket(raw) && JUMP_LINE.test(raw) && raw.replace(JUMP_LINE, "").trim() === "") return "jump";
  if (isColumnLabel(raw)) return "label";
  if (isPhotoCredit(raw)) return "credit";
  if (isNamingByline(raw)) return "byline";
  return null;
}

/** True when the line could be (part of) a heading: narrower than `maxWidth`, no sentence inside, no sentence end. */
function readsAsHeading(line: Line, maxWidth: number): boolean {
  return line.width < maxWidth && !holdsSentence(line);
}

/**
 * The last line of heading lines gathered over text, taken off them when it is bare names
 * (`俱鹤飞`): the byline printed between a headline and its text, which a dump that marks no text
 * boxes prints with no blank line around it. `null` when the lines are no heading with names under it.
 */
function namesUnderHeading(current: Line[]): Line | null {
  if (current.length < 2 || !current.every(isHeadingLike)) return null;
  const last = current[current.length - 1]!;
  // a word of the language there is the heading's wrapped end (`推动惠企政策…增强企业` / `信心`), not a name
  if (!isBareNames(last.text) || isCommonWord(collapseSpaces(last.text)) || last.width >= current[current.length - 2]!.width) return null;
  return current.pop()!;
}

/**
 * Most blank lines, as a share of a dump's lines, in a dump that marks no text boxes. pdftotext
 * prints a blank line wherever it goes to another text box: 5–19% of the lines of every corpus
 * page (dev and synthetic); pdf.js prints none (0% on the dev pages' pdf.js dumps).
 */
const UNMARKED_MAX_BLANK_SHARE = 0.01;

/**
 * True when the dump marks no text boxes with blank lines (pdf.js, and extractors like it): then
 * a heading and the text under it come with nothing between them, and the line shapes are all
 * the evidence there is.
 */
export function boxesUnmarked(lines: readonly Line[]): boolean {
  let blank = 0;
  let last = lines.length;
  while (last > 0 && lines[last - 1]!.blank) last--; // the blank lines an extractor prints after the page
  for (let i = 0; i < last; i++) if (lines[i]!.blank) blank++;
  return blank <= last * UNMARKED_MAX_BLANK_SHARE;
}

/** True when the line could be (part of) a heading of the usual width. */
const isHeadingLike = (line: Line): boolean => readsAsHeading(line, MAX_HEADING_WIDTH);

/**
 * True when the line reads as a headline of its own, printed with no blank line around it: it
 * could be a heading, holds no clause mark (a wrapped sentence's or subtitle's line has one) and
 * opens no dateline.
 */
const readsAsHeadline = (line: Line): boolean => isHeadingLike(line) && !/[，、,：:]/u.test(line.text) && !opensDateline(line);

/**
 * Groups lines into units: blank lines separate blocks; inside a block, special lines,
 * vertical runs, headings above text and changes of column width start new units.
 * @param unmarked the dump marks no text boxes with blank lines (see {@link boxesUnmarked})
 */
export function buildUnits(lines: readonly Line[], unmarked = boxesUnmarked(lines)): Unit[] {
  const units: Unit[] = [];
  let block: Line[] = [];
  // halves of merged lines, by the index of the first line of the column block each opens
  const heads = new Map<number, Line[]>();
  let junction: Junction | null = null;
  const split = (lines: Line[]) => splitBlock(lines, units, unmarked);
  const flush = () => {
    if (block.length === 0) return;
    const opening = heads.get(block[0]!.index);
    if (opening !== undefined) block = [...opening, ...block];
    split(block);
    block = [];
  };
  lines.forEach((line, i) => {
    if (line.blank) return flush();
    const halves = mergedDatelineHalves(line, lines, i);
    if (halves === null) return void block.push(line);
    flush();
    // only a merged line needs the page's pairs (a few pages in a hundred): read then
    junction ??= junctionOf(new PageLexicon(lines.map((l) => l.text)));
    for (const half of placeHalves(halves, columnBlocksAfter(lines, i, halves.length + 1), junction, heads)) split([half]);
  });
  flush();
  captionsOverCredits(units);
  return units;
}

/**
 * Short lines printed right over a photo credit line (`…织得更密更牢` / `聂璐 摄`) are the
 * photo's caption, however much they look like a heading: no headline carries a photo credit.
 */
function captionsOverCredits(units: Unit[]): void {
  for (let i = 0; i + 1 < units.length; i++) {
    const unit = units[i]!;
    if (unit.kind === "heading" && !unit.blankAfter && units[i + 1]!.kind === "credit") unit.kind = "body";
  }
}

/**
 * A kicker ending with a dash (`聚焦复工复产复市——`) leads into the headline right under it. When
 * the unit after such a kicker is text whose first line reads as a heading, that line is the
 * headline, set as wide as the text and printed without a blank line above it: it is cut off as
 * a heading of its own. (After a colon only when the line is wider than the text's column: a
 * letter's salutation `亲爱的市民朋友们：` ends with one too; see isColonKickerOverWiderLine.)
 * Works in place; returns the units for chaining.
 */
export function splitHeadlinesUnderKickers(units: Unit[]): Unit[] {
  for (let i = units.length - 2; i >= 0; i--) {
    const kicker = units[i]!;
    const text = units[i + 1]!;
    if (kicker.kind !== "heading") continue;
    const dash = DASH_END.test(kicker.lines[kicker.lines.length - 1]!.text);
    if (!dash && !isColonKickerOverWiderLine(kicker, text)) continue;
    if (text.kind !== "body" || text.lines.length < 2) continue;
    const first = text.lines[0]!;
    if (!isHeadingLike(first) || opensDateline(first) || /[，、,]$/u.test(first.text)) continue;
    units.splice(i + 1, 1, { kind: "heading", lines: [first], blankBefore: text.blankBefore, blankAfter: false }, { ...text, lines: text.lines.slice(1), blankBefore: false });
  }
  return units;
}

/** Lines under a headline printed in one box with its text, the first for the headline and two to measure the column by. */
const MIN_LINES_UNDER_WIDE_HEADLINE = 3;

/**
 * A short kicker ending with a colon (`朔城区：`) over text whose first line reads as a headline
 * and is set wider than the column under it: no line of a column runs past the column, so that
 * line is the kicker's headline, printed in one box with the text. (A letter's salutation
 * `亲爱的市民朋友们：` ends with a colon too, but the first line of the letter is no wider than its column.)
 */
function isColonKickerOverWiderLine(kicker: Unit, text: Unit): boolean {
  if (kicker.lines.length !== 1 || !/[：:]$/u.test(kicker.lines[0]!.text) || !isShortKicker(kicker.lines[0]!.text)) return false;
  if (text.kind !== "body" || text.lines.length < MIN_LINES_UNDER_WIDE_HEADLINE) return false;
  const first = text.lines[0]!;
  return readsAsHeadline(first) && first.width > columnWidth(text.lines.slice(1)) + WIDTH_WOBBLE;
}

/**
 * A kicker wrapped onto a second line (`朔州经济开发区纪` / `检监察工委：`) reads like a short kicker
 * printed under its headline, which the units put back above the headline. When the page prints
 * the two characters across that line break together inside a line elsewhere (`纪检`), the lines
 * are one wrapped kicker: put together again, in printed order. (A common word across the break is
 * no evidence here: a headline ends and a kicker's name starts with common characters, `以上` / `市卫健委：`.)
 * Works in place; returns the units for chaining.
 * @param printedTogether how often the page prints character `a` right before character `b` inside a line
 */
export function rejoinWrappedKickers(units: Unit[], printedTogether: (a: string, b: string) => number): Unit[] {
  for (let i = units.length - 2; i >= 0; i--) {
    const kicker = units[i]!;
    const above = units[i + 1]!;
    if (kicker.kind !== "heading" || above.kind !== "heading" || kicker.lines.length !== 1) continue;
    const line = kicker.lines[0]!;
    const last = above.lines[above.lines.length - 1]!;
    // put back above the heading it was printed right under, with no blank line between
    if (line.index !== last.index + 1 || kicker.blankAfter || above.blankBefore) continue;
    if (!isShortKicker(line.text) || printedTogether(Array.from(last.text).at(-1) ?? "", Array.from(line.text)[0] ?? "") <= 0) continue;
    units.splice(i, 2, { kind: "heading", lines: [...above.lines, line], blankBefore: kicker.blankBefore, blankAfter: above.blankAfter });
  }
  return units;
}

/** A kicker set as wide as the text wraps to at most this many lines (a lead-in sentence). */
const MAX_TEXT_KICKER_LINES = 6;

/**
 * A lead-in kicker (`连日来，……让这场战疫斗争——`) set as wide as the text reads as text; it
 * shows by its dash end with a heading right under it: text never ends so above a heading.
 * Such a unit becomes a heading. Works in place; returns the units for chaining.
 */
export function liftTextKickers(units: Unit[]): Unit[] {
  for (let i = 0; i + 1 < units.length; i++) {
    const unit = units[i]!;
    if (unit.kind !== "body" || unit.lines.length > MAX_TEXT_KICKER_LINES || units[i + 1]!.kind !== "heading") continue;
    if (DASH_END.test(unit.lines[unit.lines.length - 1]!.text) && !opensDateline(unit.lines[0]!)) unit.kind = "heading";
  }
  return units;
}

/**
 * Adds a unit to `out`; a heading unit printed as kicker, headline and subtitle on consecutive
 * lines is cut into its parts: after a line ending a kicker (`市妇联：`, `…斗争——`), before a
 * line opening a subtitle (`——访社区工作者和志愿者`).
 */
/** A line of nothing but dashes. */
const DASHES_ONLY = new RegExp(`^${DASH}+$`, "u");

function pushHeadingParts(unit: Unit, out: Unit[]): void {
  if (unit.kind !== "heading" || unit.lines.length < 2) return void out.push(unit);
  let start = 0;
  for (let i = 1; i <= unit.lines.length; i++) {
    // a line of dashes alone is the end of the kicker above it, wrapped (`众志成城 共克时艰` / `——`)
    const dashesAlone = i < unit.lines.length && DASHES_ONLY.test(unit.lines[i]!.text);
    const cut = i === unit.lines.length || KICKER_END.test(unit.lines[i - 1]!.text) || (SUBTITLE_START.test(unit.lines[i]!.text) && !dashesAlone);
    if (!cut) continue;
    if (start === 0 && i === unit.lines.length) return void pushKickerFirst(unit, out);
    pushKickerFirst(
      {
        kind: "heading",
        lines: unit.lines.slice(start, i),
        blankBefore: start === 0 ? unit.blankBefore : false,
        blankAfter: i === unit.lines.length ? unit.blankAfter : false,
      },
      out,
    );
    start = i;
  }
}

/** A kicker naming who speaks (`市卫健委：`) is short: a unit's name, a place. */
const MAX_SHORT_KICKER_CHARS = 8;

/**
 * True when the last of several heading lines is a short kicker (`市卫健委：`, `聚焦复工复产复市——`)
 * and the line above it ends no clause: a kicker the extractor printed under its headline (the larger type
 * came first), not the end of a wrapped line.
 */
function endsWithShortKicker(lines: readonly Line[]): boolean {
  if (lines.length < 2) return false;
  const last = lines[lines.length - 1]!.text;
  const above = lines[lines.length - 2]!.text;
  return isShortKicker(last) && !KICKER_END.test(above) && !/[，、,；;]$/u.test(above);
}

/**
 * A dash kicker is a phrase of at most this many characters before its dashes (聚焦复工复产复市——,
 * 众志成城 共克时艰——) with no clause mark inside: a long lead-in ending so (…让这场战疫斗争——)
 * wraps, and its last line keeps a comma or follows one.
 */
const MAX_SHORT_DASH_KICKER_CHARS = 10;

/** The phrase of a dash kicker: what comes before its closing dashes. */
const DASH_KICKER_PHRASE = new RegExp(`^(${DASH.replace("[", "[^")}.*?)${DASH}+$`, "u");

/** True for a short colon kicker (`市卫健委：`) or a short dash kicker (`聚焦复工复产复市——`). */
function isShortKicker(text: string): boolean {
  if (/[：:]$/u.test(text)) return Array.from(text).length <= MAX_SHORT_KICKER_CHARS;
  const phrase = DASH_KICKER_PHRASE.exec(text)?.[1];
  return phrase !== undefined && Array.from(phrase).length <= MAX_SHORT_DASH_KICKER_CHARS && !/[，、,；;。：:]/u.test(phrase);
}

/** Pushes a heading part; a short kicker printed under its headline is put back above it, in reading order. */
function pushKickerFirst(part: Unit, out: Unit[]): void {
  if (!endsWithShortKicker(part.lines)) return void out.push(part);
  const kicker = part.lines[part.lines.length - 1]!;
  out.push({ kind: "heading", lines: [kicker], blankBefore: part.blankBefore, blankAfter: false });
  out.push({ kind: "heading", lines: part.lines.slice(0, -1), blankBefore: false, blankAfter: part.blankAfter });
}

/**
 * True when the lines gathered at a block's top are a heading that `line` does not go on: a
 * heading's tail, or a one-line headline over a phrase, over wider text, or over an indent.
 */
function headsBlock(current: readonly Line[], line: Line, next: Line | undefined): boolean {
  if (endsWithHeadingTail(current, line)) return true;
  if (current.length !== 1) return false;
  const top = current[0]!;
  return isPhrasedHeadline(top, line) || isWideHeadingOver(top, line, next) || isHeadlineOverIndent(top, line, next);
}

function splitBlock(block: Line[], out: Unit[], unmarked: boolean): void {
  const pieces: Unit[] = [];
  const merged = splitMergedVerticalLines(block);
  block = merged.lines;
  for (const line of merged.headings) pieces.push({ kind: specialKind(line) ?? "heading", lines: [line], blankBefore: true, blankAfter: true });
  const sideBySide = splitSideBySideHeadlines(block);
  block = sideBySide.lines;
  for (const lines of sideBySide.headings) pieces.push({ kind: "heading", lines, blankBefore: true, blankAfter: true });
  // a block of text boxes holds one vertical headline at most; a dump that marks none, one per run of glyphs
  const verticals = unmarked ? singleCharRuns(block) : [block.filter(isSingleChar)].filter((run) => run.length >= MIN_VERTICAL_CHARS);
  let rest = block;
  if (block.length >= MIN_PAIR_ROWS && block.every(isVerticalRow) && countPairRows(block) >= MIN_PAIR_ROWS) {
    pieces.push({ kind: "vertical", lines: block, blankBefore: true, blankAfter: true });
    rest = [];
  } else if (verticals.length > 0) {
    const inVertical = new Set(verticals.flat());
    rest = block.filter((l) => !inVertical.has(l));
    for (const lines of verticals) pieces.push({ kind: "vertical", lines, blankBefore: true, blankAfter: true });
  }
  let current: Line[] = [];
  let runMax = 0;
  const emit = (kind: UnitKind) => {
    if (current.length > 0) pieces.push({ kind, lines: current, blankBefore: false, blankAfter: false });
    current = [];
    runMax = 0;
  };
  const besideLabel = new Set<Line>();
  if (unmarked) rest = splitLabelsBesideHeadings(rest, besideLabel);
  const inBracket = bracketedBylineLines(rest);
  let headingRun = 0;
  // the line right after a jump line (`（紧转第8版）`): it opens another story, in a dump that marks no text boxes
  let afterJump: Line | undefined;
  // lines of a subhead found in a column's run of text (one, or two when wrapped)
  let subheadLines = 0;
  for (let i = 0; i < rest.length; i++) {
    const line = rest[i]!;
    const parallel = !besideLabel.has(line) && unmarked && isParallelHeadlineLine(line);
    if (besideLabel.has(line) || parallel) {
      // a heading printed on one line with a column label: a heading of its own, the label next;
      // and a parallel headline, which no text line reads as. It opens a story as a dateline does:
      // the lines between the last sentence's end and it head a story too, as over a dateline
      const run = parallel ? current.splice(current.length - headingRunOverDateline(current)) : [];
      emit(classifyText(current));
      for (const piece of wrappedPieces(run)) {
        current = piece;
        emit(piece.every(isHeadingLike) || piece.every(isLoneHeading) ? "heading" : classifyText(piece));
      }
      current = [line];
      emit("heading");
      continue;
    }
    // a bracketed byline cut by a narrow column runs on with the text it opens
    if (inBracket !== null && inBracket.has(line) && current.length > 0) {
      current.push(line);
      if (line.width > runMax) runMax = line.width;
      continue;
    }
    const special = inBracket?.has(line) ? null : specialKind(line);
    if (special && !endsWrappedHeading(special, current, line) && !opensParallelHeading(special, current, rest, i)) {
      if (unmarked && special === "byline" && isHeadlineOverByline(current)) {
        const headline = current.pop()!;
        emit(classifyText(current));
        current = [headline];
        emit("heading");
      }
      emit(classifyText(current));
      current = [line];
      emit(special);
      if (unmarked && special === "jump") afterJump = rest[i + 1];
      continue;
    }
    if (current.length === 1 && current[0] === rest[0] && isHeadlineOverSubtitle(current[0]!, line, rest[i + 1], rest[i + 2])) {
      // the headline and its subtitle, printed right on top of the text: one heading unit (cut in two when pushed)
      current.push(line);
      emit("heading");
      continue;
    }
    const [next, afterNext] = [rest[i + 1], rest[i + 2]];
    const headsAfterJump = current.length > 0 && current[0] === afterJump && isHeadingOverParagraph(current, line, next, afterNext);
    if (headsAfterJump || (current[0] === rest[0] && headsBlock(current, line, next))) {
      emit("heading");
      runMax = 0;
    } else if (opensLetterUnderHeading(current, line, rest[i + 1], rest[i + 2])) {
      // the salutation opens the letter's text: it and the text's first line start one unit
      emit("heading");
      current.push(line, rest[++i]!);
      runMax = Math.max(line.width, rest[i]!.width);
      continue;
    } else if (isHeadlineOverWiderText(current, line, rest[i + 1], unmarked)) {
      const headline = current.pop()!;
      emit(classifyText(current));
      current = [headline];
      emit("heading");
    } else if (unmarked && current.length > 0 && isDateLine(current[current.length - 1]!) && !isDateLine(line)) {
      // a date alone on its line closes a letter's sign-off (中共上海市委 / 上海市人民政府 / 2022年6月1日): what follows is another box
      emit(classifyText(current));
    } else if (unmarked && (subheadLines = isSubheadInColumn(current, runMax, line) ? 1 : isWrappedSubheadInColumn(current, runMax, line) ? 2 : 0) > 0) {
      const subhead = current.splice(current.length - subheadLines);
      emit(classifyText(current));
      current = subhead;
      emit("heading");
      runMax = 0;
    } else if (unmarked && areHeadingsOverWiderText(current, line, rest[i + 1])) {
      const headings = current.splice(current.length - 2);
      emit(classifyText(current));
      for (const piece of wrappedPieces(headings)) {
        current = piece;
        emit("heading");
      }
    } else if (opensDateline(line) && (headingRun = headingRunOverDateline(current)) > 0) {
      const run = current.splice(current.length - headingRun);
      emit(classifyText(current));
      for (const piece of wrappedPieces(run)) {
        current = piece;
        // a line with no sentence in it is a heading however wide (a subtitle across the columns), as alone between blank lines
        emit(piece.every(isHeadingLike) || piece.every(isLoneHeading) ? "heading" : classifyText(piece));
      }
    } else if (unmarked && isHeadlineInSentence(current, runMax, line)) {
      const headline = current.pop()!;
      emit(classifyText(current));
      current = [headline];
      emit("heading");
    } else if (unmarked && opensNarrowerHeading(current, line)) {
      const first = current.pop()!;
      emit("heading");
      current = [first];
      runMax = first.width;
    } else if (unmarked && opensDateline(line) && isHeadingGroup(current)) {
      // heading lines alone over a dateline: cut where one printed box ends (headline / subtitle)
      const group = current;
      for (const piece of wrappedPieces(group)) {
        current = piece;
        emit("heading");
      }
      runMax = 0;
    } else if (current.length > 0 && startsNewUnit(current, runMax, line, rest[i + 1], unmarked)) {
      const byline = unmarked ? namesUnderHeading(current) : null;
      emit(classifyText(current));
      if (byline !== null) {
        current = [byline];
        emit("byline");
      }
      runMax = 0;
    }
    current.push(line);
    if (line.width > runMax) runMax = line.width;
  }
  // a line standing alone between blank lines with no sentence in it is a heading however wide
  // (a subtitle across the columns); text cut off at a column foot is given back by the fragments stage
  emit(rest.length === 1 && current.length === 1 && isLoneHeading(current[0]!) ? "heading" : classifyText(current));
  // order pieces by their first line, and mark the blank lines around the block
  pieces.sort((a, b) => a.lines[0]!.index - b.lines[0]!.index);
  splitSideBySideHeadingPieces(pieces);
  pieces.forEach((p, k) => {
    p.blankBefore = k === 0 || p.kind === "vertical" || pieces[k - 1]!.kind === "vertical";
    p.blankAfter = k === pieces.length - 1 || p.kind === "vertical" || pieces[k + 1]!.kind === "vertical";
    pushHeadingParts(p, out);
  });
}

/**
 * Decides whether `line` starts a new unit after the lines gathered so far.
 * @param unmarked the dump marks no text boxes with blank lines (see {@link boxesUnmarked})
 */
function startsNewUnit(current: Line[], runWidth: number, line: Line, next: Line | undefined, unmarked: boolean): boolean {
  if (opensDateline(line)) return true;
  const prev = current[current.length - 1]!;
  if (trailingByline(prev.raw) !== null) return true;
  // heading lines directly above wider body text (a line opening a dateline, `本报讯 “现在我们`,
  // is the story's first line however short, not a heading)
  // where no blank line marks the heading's box, the text under it may open with a paragraph's
  // first line, an indent narrower than its column: the next line gives the column's width
  const indent = next === undefined ? 0 : next.width - line.width;
  const textWidth = unmarked && indent >= INDENT_MIN && indent <= INDENT_MAX ? next!.width : line.width;
  if (current.length <= MAX_HEADING_LINES && !opensDateline(current[0]!) && current.every(isHeadingLike) && textWidth > runWidth + HEADING_NARROWER_BY) {
    return current.length < 2 || !endsSentence(line.text);
  }
  // a narrower run of text starts after a paragraph end (a new story in a narrower column)
  // a wider column (the story goes on in a wider box, or a new one starts)
  const wider = line.width > runWidth + RUN_WIDTH_CHANGE && (next === undefined || next.width > runWidth + RUN_WIDTH_CHANGE);
  if (wider && current.length >= 2) return true;
  // a narrower run of text starts after a paragraph end (a new story in a narrower column)
  const prevEndsParagraph = endsSentence(prev.text) || prev.width < runWidth - RUN_WIDTH_CHANGE;
  if (prevEndsParagraph && current.length >= 2) {
    const narrower = line.width < runWidth - RUN_WIDTH_CHANGE && (next === undefined || next.width < runWidth - RUN_WIDTH_CHANGE);
    if (narrower) return true;
  }
  return false;
}

/**
 * True when the last of `current` is the headline of the story whose dateline comes next, printed
 * with no blank line after the text before it (`…保障就业和民生。` / `广州举行重点项目集中签约仪式` /
 * `本报讯（记者 李华）…`): a line that reads as a heading (no sentence in it, no clause mark,
 * narrow) after a sentence's end. A dateline opens a story, so a heading right above it is no
 * paragraph's last line.
 */
function isHeadlineOverDateline(current: readonly Line[]): boolean {
  if (current.length < 2) return false;
  const last = current[current.length - 1]!;
  // a bracketed line (`（完）`, `（本报记者）`) closes the text above it
  return readsAsHeadline(last) && !/^[（(].*[）)]$/u.test(last.text) && endsSentence(current[current.length - 2]!.text);
}

/**
 * True when the last of `current` is the headline of the story whose byline comes next, in a dump
 * that marks no text boxes (`…链的竞争力和韧性。` / `发扬英模精神，助力打赢大上海保卫战` / `记者 邬林桦`):
 * one line that could be a heading (clause marks allowed: a headline's comma) right after a
 * sentence's end. A story's last paragraph ends a sentence; a line with none standing alone
 * between that end and a byline is no paragraph of it but the head the byline is printed under.
 */
function isHeadlineOverByline(current: readonly Line[]): boolean {
  if (current.length < 2) return false;
  const last = current[current.length - 1]!;
  // a bracketed line (`（完）`) closes the text above it
  if (!isHeadingLike(last) || opensDateline(last) || /^[（(].*[）)]$/u.test(last.text)) return false;
  return endsSentence(current[current.length - 2]!.text);
}

/**
 * Most lines printed between a story's end and the next story's dateline with no blank line among
 * them that are taken for the next story's headings: a headline, a subtitle and a deck of two
 * points, each wrapped once.
 */
const MAX_HEADING_RUN = 6;

/**
 * How many of the last lines of `current` head the story whose dateline comes next, printed with
 * no blank line around them (extractors that mark no text boxes, pdf.js among them, print a whole
 * page that way): the lines after the last sentence's end, when there are at least two of them
 * and the first reads as a headline (no sentence, no clause mark). A dateline opens a story, so
 * nothing between the text's last sentence and it is that text's (bylines and credits were
 * split off already). One line, {@link isHeadlineOverDateline}. 0 when there is no such run.
 */
function headingRunOverDateline(current: readonly Line[]): number {
  if (isHeadlineOverDateline(current)) return 1;
  const last = current.length - 1;
  let first = last;
  while (first > 0 && last - first + 1 < MAX_HEADING_RUN && !endsSentence(current[first - 1]!.text)) first--;
  if (first === 0 || first === last || !endsSentence(current[first - 1]!.text)) return 0;
  const headline = current[first]!;
  if (!readsAsHeadline(headline) && !isNarrowHeadlineOverDeck(headline, current[first + 1]!)) return 0;
  // a line the next one goes on from (as wide, the next no wider) is a wrapped sentence of the
  // text's column, and one an indent narrower than the next opens a paragraph: neither is a headline
  const indent = current[first + 1]!.width - headline.width;
  if (indent >= INDENT_MIN && indent <= INDENT_MAX) return 0;
  return wrappedPieces(current.slice(first, first + 2)).length === 2 || isWrappedHeadline(current.slice(first)) ? last - first + 1 : 0;
}

/**
 * True when `headline`, first of the lines between a sentence's end and a dateline, is a headline
 * with a clause mark (`助企纾困，加快恢复经济社会发展活力`) over the lines of a deck: a heading line
 * narrower than the line under it by more than a run's wobble. A wrapped sentence's first line is
 * as wide as its column, and a paragraph's first line only an indent narrower.
 */
function isNarrowHeadlineOverDeck(headline: Line, next: Line): boolean {
  return isHeadingLike(headline) && !opensDateline(headline) && next.width > headline.width + RUN_WIDTH_CHANGE;
}

/**
 * True for two heading lines whose second is shorter and ends no sentence (`单日核酸检测能力850` /
 * `万管以上`): a headline wrapped once. Text wraps so too only when its paragraph ends with no mark,
 * which a paragraph right above a dateline does not do.
 */
function isWrappedHeadline(run: readonly Line[]): boolean {
  if (run.length !== 2) return false;
  const [first, second] = run as [Line, Line];
  return isHeadingLike(second) && second.width < first.width - WIDTH_WOBBLE;
}

/**
 * True when the lines gathered since a jump line (`（紧转第8版）`: a story's cut end, so another
 * story opens after it) are its heading, `line` opening its text's first paragraph (`打通物流堵点，政`
 * / `策扶持要明确细则` / `“现在我们的` / `客户还是比较着急`): at most {@link MAX_HEADING_LINES} lines
 * that hold no sentence and open no dateline, over a line a paragraph's indent narrower than the line
 * of text under it, that one as wide as the line after it (the column). A paragraph ends with a sentence's end, so lines ending none right above a paragraph's
 * first line are no text of it.
 */
function isHeadingOverParagraph(current: readonly Line[], line: Line, next: Line | undefined, after: Line | undefined): boolean {
  if (next === undefined || after === undefined || current.length > MAX_HEADING_LINES || opensDateline(current[0]!) || !current.every(isHeadingLike)) return false;
  // the column's width, as wide as the line after it: not a heading's lines of other widths (`这场战疫斗争——` / `不仅有“力度”更有“温度”`)
  if (Math.abs(after.width - next.width) > WIDTH_WOBBLE) return false;
  const indent = next.width - line.width;
  // a dateline under a wrapped headline's short last line (`防疫同行` / `本报讯 今年12月4`) opens the text
  // itself, and a byline under a subtitle's (`的报道` / `本报记者 顾杰`) is no text at all
  return indent >= INDENT_MIN && indent <= INDENT_MAX && !opensDateline(line) && !opensDateline(next) && specialKind(next) === null;
}

/**
 * True when `line` is the salutation that opens a letter (`亲爱的市民朋友们：`), printed right under
 * its headline (no blank line between, in any dump: a letter's heading and text can be one box with
 * blank lines around it, as on synth_s20_21 and synth_s21_10): a short line ending in a full-width colon after
 * heading lines only (narrower than the text), over a column of text (the next two lines as wide
 * as each other, the first maybe an indent narrower, and wider than it). A kicker's colon ends the
 * first line of a heading group, not its last.
 */
function opensLetterUnderHeading(current: readonly Line[], line: Line, next: Line | undefined, after: Line | undefined): boolean {
  if (current.length === 0 || next === undefined || after === undefined || !line.text.endsWith("：")) return false;
  // the text's first line as wide as its column, or an indent narrower: the column's width is the line after it then
  const indent = after.width - next.width;
  const indented = indent >= INDENT_MIN && indent <= INDENT_MAX;
  if (!indented && Math.abs(indent) > WIDTH_WOBBLE) return false;
  const column = indented ? after.width : next.width;
  // heading lines over the text: narrower than its column (a line as wide is the text's own)
  if (!isHeadingLike(line) || !current.every((l) => isHeadingLike(l) && l.width < column - RUN_WIDTH_CHANGE)) return false;
  return column > line.width + RUN_WIDTH_CHANGE;
}

/**
 * Fewest lines gathered (text and headline) before a headline is looked for over wider text. Where
 * blank lines mark boxes, a box's text is at least two lines; where none does, a story's last line
 * alone is cut off its column when it is short (`市领导诸葛宇杰参加检查。`), so the headline under it
 * is the second line gathered.
 */
const MIN_LINES_OVER_WIDER_TEXT = 3;
const MIN_LINES_OVER_WIDER_TEXT_UNMARKED = 2;

/**
 * True when the last of `current` is a headline printed between a story's last sentence and a
 * wider box of text (a deck, the next story's first column), no blank line around it: it reads as
 * a headline (no sentence, no clause mark), the line before it ends a sentence, and the next two
 * lines are wider than it and than the text before it by more than a run's wobble.
 * @param unmarked the dump marks no text boxes with blank lines (see {@link boxesUnmarked})
 */
function isHeadlineOverWiderText(current: readonly Line[], line: Line, next: Line | undefined, unmarked: boolean): boolean {
  if (current.length < (unmarked ? MIN_LINES_OVER_WIDER_TEXT_UNMARKED : MIN_LINES_OVER_WIDER_TEXT) || next === undefined) return false;
  const headline = current[current.length - 1]!;
  // where no blank line marks boxes, a headline's comma is allowed (保持不动摇不放松，就一定能战胜疫情):
  // its narrowness under wider text tells it from a wrapped sentence's line
  if (!(unmarked ? isHeadingLike(headline) && !opensDateline(headline) : readsAsHeadline(headline))) return false;
  if (!endsSentence(current[current.length - 2]!.text)) return false;
  let textWidth = 0;
  for (let k = 0; k < current.length - 1; k++) textWidth = Math.max(textWidth, current[k]!.width);
  const wider = Math.max(textWidth, headline.width) + RUN_WIDTH_CHANGE;
  return line.width > wider && next.width > wider;
}

/** True for several lines that are a heading as a whole ({@link classifyText}). */
function isHeadingGroup(current: Line[]): boolean {
  return current.length >= 2 && classifyText(current) === "heading";
}

/** True for a line that is a date and nothing else (`2022年6月1日`), as a letter's sign-off ends. */
function isDateLine(line: Line): boolean {
  return RUNNING_HEAD_DATE.exec(line.text)?.[0] === line.text;
}

/**
 * True when the last of `current` is a subhead printed in its column between two paragraphs, in a
 * dump that marks no text boxes (`…保障物资运送通畅。”` / `增强政策可操作性` / `随着封控时间延长，…`):
 * it reads as a headline (no sentence, no clause mark), the line before it ends a sentence, it is
 * narrower than the column by more than a run's wobble, and `line` opens a paragraph of the column
 * (as wide, or an indent narrower). A paragraph's last line ends its sentence; one line with none
 * standing alone between paragraphs is a heading.
 */
function isSubheadInColumn(current: readonly Line[], columnWidth: number, line: Line): boolean {
  if (current.length < 2) return false;
  const subhead = current[current.length - 1]!;
  if (!readsAsHeadline(subhead) || !endsSentence(current[current.length - 2]!.text)) return false;
  const opensParagraph = line.width >= columnWidth - INDENT_MAX - WIDTH_WOBBLE && line.width <= columnWidth + WIDTH_WOBBLE;
  if (subhead.width < columnWidth - RUN_WIDTH_CHANGE && opensParagraph && !opensDateline(line)) return true;
  // as wide as a paragraph's first line, or wider, over a line of text (a clause mark in it) a first
  // line's indent narrower than the column: a paragraph of its own that ends no sentence, so no
  // paragraph. Not over a line with no clause mark (a paragraph's second line may read so: 希望广大市民 /
  // 继续做好个人防; or a wrapped heading's: 迅速释放潜能 / 提升保供能力), nor when the text runs on across
  // the break (a word across it, 支持企 / 业复工; a number's unit, 首批1518 / 人): widths of proportional
  // digits and quotes wobble, so the line under a first line may measure an indent short
  const indent = columnWidth - line.width;
  if (indent < INDENT_MIN || indent > INDENT_MAX || subhead.width > columnWidth + WIDTH_WOBBLE) return false;
  // a line spaced out character by character is justified to the column's full width: its glyphs measure short
  // and a paragraph's last line (a sentence's end) is short by where its text ends, not by an indent
  if (opensDateline(line) || readsAsHeadline(line) || isSpacedOut(line.raw) || endsSentence(line.text)) return false;
  return !/[0-9０-９A-Za-z]$/u.test(subhead.text) && !wordAcross(subhead.text, line.text);
}

/**
 * True when the last two of `current` are a subhead wrapped in its column between two paragraphs, in
 * a dump that marks no text boxes (`…强大合力。` / `迅速释放潜能提升保` / `供能力` / `抗击疫情是一场物`):
 * both read as a headline (no sentence, no clause mark), the line before them ends a sentence, the
 * second is narrower than the first and than the column by more than a run's wobble, and `line` opens
 * a paragraph, a first line's indent narrower than the column. A paragraph's last line ends its
 * sentence, so a short line ending none right over a paragraph's first line ends no text: with the
 * line it wraps from, it is a heading. {@link isSubheadInColumn} for one line.
 */
function isWrappedSubheadInColumn(current: readonly Line[], columnWidth: number, line: Line): boolean {
  const n = current.length;
  if (n < 3) return false;
  const first = current[n - 2]!;
  const last = current[n - 1]!;
  if (!readsAsHeadline(first) || !readsAsHeadline(last) || !endsSentence(current[n - 3]!.text)) return false;
  const indent = columnWidth - line.width;
  const opensParagraph = indent >= INDENT_MIN && indent <= INDENT_MAX && !opensDateline(line);
  return last.width < first.width - RUN_WIDTH_CHANGE && last.width < columnWidth - RUN_WIDTH_CHANGE && opensParagraph;
}

/**
 * True when the last two of `current` are heading lines printed between a story's last sentence and
 * a wider box of text, in a dump that marks no text boxes (`…销售保供物资。` / `在“控得住”前提下加快经济恢复重振`
 * / `发扬“店小二”精神` / a deck across the columns): the first reads as a headline, the second could
 * be a heading, the line before them ends a sentence, and the next two lines are wider than them
 * and than the text before them by more than a run's wobble. {@link isHeadlineOverWiderText} for one line.
 */
function areHeadingsOverWiderText(current: readonly Line[], line: Line, next: Line | undefined): boolean {
  const n = current.length;
  if (n < 3 || next === undefined) return false;
  const [first, second] = [current[n - 2]!, current[n - 1]!];
  if (!readsAsHeadline(first) || !isHeadingLike(second) || opensDateline(second) || !endsSentence(current[n - 3]!.text)) return false;
  let width = Math.max(first.width, second.width);
  for (let k = 0; k < n - 2; k++) width = Math.max(width, current[k]!.width);
  const wider = width + RUN_WIDTH_CHANGE;
  return line.width > wider && next.width > wider;
}

/**
 * Lines printed one after another without blank lines, cut where one printed box ends: a line
 * goes on the line before it when that one is as wide as the widest of its piece so far (it was
 * wrapped) and this one is no wider (a wrapped line's rest is not wider than its first line).
 */
function wrappedPieces(lines: readonly Line[]): Line[][] {
  const pieces: Line[][] = [];
  let piece: Line[] = [];
  let widest = 0;
  for (const line of lines) {
    const prev = piece[piece.length - 1];
    if (prev !== undefined && (prev.width < widest - WIDTH_WOBBLE || line.width > prev.width + WIDTH_WOBBLE)) {
      pieces.push(piece);
      piece = [];
      widest = 0;
    }
    piece.push(line);
    widest = Math.max(widest, line.width);
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/**
 * True when the last of `current` is a headline printed inside a sentence of the text around it,
 * in a dump that marks no text boxes (`查，在国内最大的船用大功率低速发动` / `助企纾困，加快恢复经济社会发展活力`
 * / `机生产车间听取企业复工复产…`): the line before it stops short of its column in mid-word (no
 * punctuation at its end: its box ended there), it reads as a heading narrower than the column, and
 * `line` goes on at the column's full width. Text never leaves a line short without a mark but at the
 * end of its box, so the line between is another box: the headline set into the column.
 */
function isHeadlineInSentence(current: readonly Line[], runWidth: number, line: Line): boolean {
  if (current.length < 3) return false;
  const headline = current[current.length - 1]!;
  const cut = current[current.length - 2]!;
  if (!isHeadingLike(headline) || opensDateline(headline) || headline.width >= runWidth - RUN_WIDTH_CHANGE) return false;
  if (cut.width >= runWidth - RUN_WIDTH_CHANGE || !/[\p{L}\p{N}]$/u.test(cut.text)) return false;
  return line.width > runWidth - RUN_WIDTH_CHANGE;
}

/**
 * True when the last of heading lines (`在“控得住”前提下加快经济恢复重振` / `加快经济恢`) is narrower than
 * the line before it and about as wide as `line` (`复全力稳住`), both heading-like: only the last line
 * of a wrapped heading is narrower than its first, so a narrow line with another as narrow under it
 * is the first line of a narrower heading, not the end of the wider one.
 */
function opensNarrowerHeading(current: readonly Line[], line: Line): boolean {
  if (current.length < 2 || current.length > MAX_HEADING_LINES || !isHeadingLike(line) || opensDateline(line) || !current.every(isHeadingLike)) return false;
  const narrow = current[current.length - 1]!;
  return narrow.width < current[current.length - 2]!.width - WIDTH_WOBBLE && Math.abs(line.width - narrow.width) <= WIDTH_WOBBLE;
}

/** Text lines of a column are at least this wide (ems): a shorter line under a headline is the headline's wrapped end (`信心`). */
const MIN_TEXT_COLUMN = 5;

/**
 * True when `heading`, the first line of a block, is a headline printed right on top of the column
 * of text it heads (`上海民营企业结对社区保供显身手` / `和2934个封控小区，` / `建立了民营企业突击`),
 * no blank line between: no clause mark in it (a wrapped subtitle's line `障，共同守护…` has one),
 * wider than the next two lines by more than a run's wobble, and those two lines one column's (as
 * wide, or the first indented), not the rest of a wrapped headline. Without this the headline and
 * the column's first line were taken for one unit and the line was cut off the rest of its column.
 */
function isWideHeadingOver(heading: Line, line: Line, next: Line | undefined): boolean {
  if (next === undefined || !readsAsHeadline(heading)) return false;
  if (line.width >= heading.width - RUN_WIDTH_CHANGE || next.width >= heading.width - RUN_WIDTH_CHANGE) return false;
  if (line.width < MIN_TEXT_COLUMN || next.width < MIN_TEXT_COLUMN) return false;
  const indent = next.width - line.width;
  return Math.abs(indent) <= WIDTH_WOBBLE || (indent >= INDENT_MIN && indent <= INDENT_MAX);
}

/**
 * True when `heading`, the first line of a block, is a headline or subhead set as wide as the column
 * it heads, printed right on top of it (`集中隔离在当前形势下是必要的` / `梁万年表示，坚持无症状感` /
 * `染者、轻症患者集中隔离，这是`): the line under it is indented by a paragraph's indent from the
 * line after, so a paragraph starts there, and text printed before a paragraph start ends its own
 * paragraph with a sentence's end, which a line with no clause mark and no sentence in it lacks. A
 * line short by an indent itself is left alone (a paragraph's first line, cut off by a blank line).
 */
function isHeadlineOverIndent(heading: Line, line: Line, next: Line | undefined): boolean {
  if (next === undefined || !readsAsHeadline(heading) || opensDateline(line) || line.width < MIN_TEXT_COLUMN) return false;
  // the two lines under it are text (a clause or a sentence in them), not a wrapped kicker and its headline
  if (!readsAsText(line) && !readsAsText(next)) return false;
  // a paragraph's indented first line goes on in the next one: a short line closing a sentence ends one
  if (endsSentence(line.text)) return false;
  const indent = next.width - line.width;
  return indent >= INDENT_MIN && indent <= INDENT_MAX && heading.width >= next.width - WIDTH_WOBBLE;
}

/**
 * True when `headline`, the first line of a block, and `subtitle` (`——…`) under it are a story's
 * headline and subtitle printed right on top of its text, no blank line between: both could be
 * headings, and the line after them opens the story (a dateline, or a paragraph's first line, an
 * indent narrower than the line after it), not the subtitle's wrapped end or text going on.
 */
function isHeadlineOverSubtitle(headline: Line, subtitle: Line, text: Line | undefined, textNext: Line | undefined): boolean {
  if (text === undefined || textNext === undefined) return false;
  if (!isHeadingLike(headline) || opensDateline(headline) || !SUBTITLE_START.test(subtitle.text) || !isHeadingLike(subtitle)) return false;
  if (SUBTITLE_START.test(text.text) || text.width < MIN_TEXT_COLUMN) return false;
  if (opensDateline(text)) return true;
  const indent = textNext.width - text.width;
  return indent >= INDENT_MIN && indent <= INDENT_MAX;
}

/** True for a line of running text: a sentence in it, or a clause mark. */
const readsAsText = (line: Line): boolean => !isHeadingLike(line) || /[，、,]/u.test(line.text);

/** A line standing alone this wide or wider is text even without a sentence end (ems). */
const MAX_LONE_HEADING_WIDTH = 60;

/**
 * True for a line alone in its block that reads as a heading: no sentence in it, not text-wide,
 * not a caption closed by its photo credit (a caption need not end a sentence).
 */
function isLoneHeading(line: Line): boolean {
  return readsAsHeading(line, MAX_LONE_HEADING_WIDTH) && !opensDateline(line) && !closesWithPhotoCredit(line.raw);
}


/**
 * True for a line opening a block that is a headline of spaced phrases (`人人参与 人人受益`,
 * `闻令动 显真情 铸忠诚`) printed right above its text (`next`): justified text spaces every
 * character or none, never phrases, and a byline or dateline is told apart before this.
 */
function isPhrasedHeadline(line: Line, next: Line): boolean {
  // the line under it is text (punctuated), not the rest of a wrapped headline (`转预期`)
  const textBelow = !isHeadingLike(next) || /[，、,]/u.test(next.text);
  return textBelow && !opensDateline(line) && SPACED_PHRASES.test(collapseSpaces(line.raw));
}

/** A headline wrapped onto a last line of one character has at most this many lines. */
const MAX_TAILED_HEADING_LINES = 3;

/**
 * True when the lines opening a block are a headline whose last line holds one character
 * (`用为民情怀，做好“送上门”的群众工` / `作`) and `line` is text: set as wide as the text under
 * it, such a headline shows only by its one-character tail, which no text line has without
 * punctuation. Lines opening with a dateline (`本报讯（记者 龚勇…` / `…的依` / `靠`) are a story's
 * first paragraph, however short its last line.
 */
function endsWithHeadingTail(current: readonly Line[], line: Line): boolean {
  if (current.length < 2 || current.length > MAX_TAILED_HEADING_LINES || opensDateline(current[0]!)) return false;
  const tail = current[current.length - 1]!;
  if (!isSingleChar(tail) || !/^\p{L}$/u.test(tail.text) || line.width <= tail.width + HEADING_NARROWER_BY) return false;
  return current.every(isHeadingLike);
}

/**
 * A paragraph set in a column, as no wrapped heading is: its first line short by an indent, the
 * lines after it (two or more) all of one width, the column's (`对不少企业来说，物流` /
 * `畅通是开展生产经营的必备` / `前提之一，作为园区运营方` / `负责人，赵丽佳的感受更深`, cut at the
 * column's foot mid-sentence). A wrapped heading is set full on its first line and shorter after.
 */
function hasParagraphShape(lines: readonly Line[]): boolean {
  if (lines.length < MIN_PARAGRAPH_SHAPE_LINES) return false;
  const [first, ...rest] = lines as [Line, ...Line[]];
  const width = rest[0]!.width;
  if (rest.some((l) => Math.abs(l.width - width) > WIDTH_WOBBLE / 2)) return false;
  const shortBy = width - first.width;
  return shortBy >= INDENT_MIN && shortBy <= INDENT_MAX;
}

/** An indented line and two full ones: fewer lines show no column. */
const MIN_PARAGRAPH_SHAPE_LINES = 3;

/** Body text or heading, from the shape of the lines. */
function classifyText(lines: Line[]): UnitKind {
  if (lines.length === 0) return "body";
  if (opensDateline(lines[0]!)) return "body";
  // a caption closed by its photo credit need not end a sentence: still text
  if (closesWithPhotoCredit(lines[lines.length - 1]!.raw)) return "body";
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  if ((lines.length <= MAX_HEADING_LINES || chars <= MAX_HEADING_CHARS) && lines.every(isHeadingLike) && !hasParagraphShape(lines)) return "heading";
  // a subtitle (`——…`) on one line wider than a column, with no sentence in it
  if (lines.length === 1 && SUBTITLE_START.test(lines[0]!.text) && isLoneHeading(lines[0]!)) return "heading";
  return "body";
}


/** A byline in brackets cut by a narrow column closes within this many lines. */
const MAX_BRACKETED_BYLINE_LINES = 4;

/**
 * The lines of a bracketed byline a narrow column cut (`本报讯` / `（记者 侍佳妮` / `通讯员 马红` /
 * `佳）在昨天举`) after its first: they go on in one unit with the dateline and the text the
 * bracket closes on, not as byline lines of their own. Null when the block has none (most blocks).
 */
function bracketedBylineLines(block: readonly Line[]): Set<Line> | null {
  let held: Set<Line> | null = null;
  for (let i = 0; i < block.length; i++) {
    const text = block[i]!.text;
    // most lines hold no bracket: `indexOf` rules them out in compiled code, where `lastIndexOf` goes to the runtime for every line
    const open = text.indexOf("（") < 0 ? -1 : text.lastIndexOf("（");
    if (open < 0 || text.indexOf("）", open) >= 0) continue;
    for (let j = i + 1; j < block.length && j - i < MAX_BRACKETED_BYLINE_LINES; j++) {
      const close = block[j]!.text.indexOf("）");
      if (close < 0) continue;
      // the bracket closes on a line that goes on with the story's text
      if (close + 1 < block[j]!.text.length && isNamingByline(text.slice(open) + block.slice(i + 1, j).map((l) => l.text).join("") + block[j]!.text.slice(0, close + 1))) {
        held ??= new Set();
        for (let k = i + 1; k <= j; k++) held.add(block[k]!);
        // the bracket's first line too, when the dateline stands alone on the line above (`本报讯`)
        if (i > 0 && !opensDateline(block[i]!) && opensDateline(block[i - 1]!)) held.add(block[i]!);
      }
      break;
    }
  }
  return held;
}

/**
 * A short last line right under heading lines is the end of a wrapped headline (`推动惠企政策落`
 * / `地落实增强企业` / `信心`), even when it could read as a bare name.
 */
function endsWrappedHeading(kind: UnitKind, current: readonly Line[], line: Line): boolean {
  if (kind !== "byline" || current.length === 0 || !isBareNames(line.raw)) return false;
  return current.length <= MAX_HEADING_LINES && current.every(isHeadingLike) && !/\s/u.test(line.raw.trim());
}

/**
 * A bare name on the first line of a parallel headline is its first phrase (`闻令动` / `显真情` /
 * `铸忠诚`: 闻 is a surname), when the lines under it are phrases of the same length.
 */
function opensParallelHeading(kind: UnitKind, current: readonly Line[], rest: readonly Line[], i: number): boolean {
  if (kind !== "byline" || current.length > 0 || i + 1 >= rest.length) return false;
  const first = rest[i]!;
  if (rest[i + 1]!.text.length !== first.text.length || !isBareNames(first.raw) || /\s/u.test(first.raw.trim())) return false;
  let end = i + 1;
  while (end < rest.length && end - i < PARALLEL_MAX_PHRASES && rest[end]!.text.length === first.text.length) end++;
  return isParallelHeading(rest.slice(i, end));
}

/**
 * Inside a vertical headline, the extractor may print one of its glyphs and a neighbouring
 * heading on one line (`家 单日核酸检测能力850万管以上` between `市` and `园`). Such a line is cut
 * in two: the glyph stays in the vertical run, the rest becomes a heading of its own.
 */
function splitMergedVerticalLines(block: Line[]): { lines: Line[]; headings: Line[] } {
  const headings: Line[] = [];
  // the block itself when no line is cut (the usual case): no copy
  let lines: Line[] | null = null;
  for (let i = 1; i + 1 < block.length; i++) {
    const line = block[i]!;
    // between two one-character lines: the glyph first (the cheap test first)
    if (isSingleChar(block[i - 1]!) && isSingleChar(block[i + 1]!)) {
      const m = GLYPH_AND_HEADING.exec(line.raw);
      if (!m) continue;
      const glyphStart = m[1]!.length;
      headings.push(subLine(line, line.raw.length - m[3]!.length, line.raw.length));
      lines ??= block.slice();
      lines[i] = subLine(line, glyphStart, glyphStart + m[2]!.length);
      continue;
    }
    // between rows of a headline set in two columns (`可以` / `（紧转第16版） 通` / `过公`): the glyph last
    if (!isVerticalRow(block[i - 1]!) || !isVerticalRow(block[i + 1]!)) continue;
    const m = HEADING_AND_GLYPH.exec(line.raw);
    if (!m) continue;
    const textStart = m[1]!.length;
    headings.push(subLine(line, textStart, textStart + m[2]!.length));
    lines ??= block.slice();
    lines[i] = subLine(line, line.raw.length - m[3]!.length - (line.raw.length - line.raw.trimEnd().length), line.raw.trimEnd().length);
  }
  return { lines: lines ?? block, headings };
}

/**
 * Two headlines printed side by side come out on one line with a space between (`打通物流堵点，
 * 政策扶持要明确细则 推动惠企政策落地落实增强企业信心`); the phrases of one spaced headline
 * (`人人参与 人人受益`, `展现积极姿态 迅速扭转预期`) are short. Each side has at least this many characters.
 */
const MIN_SIDE_BY_SIDE_CHARS = 10;
/**
 * The halves of one headline set apart by a space are parallel phrases of about one length
 * (人人参与 人人受益, 展现积极姿态 迅速扭转预期): a long run beside one at most half as long, and
 * not too short to be a headline, is two headlines (…提升基层治理能力 长三角一家人).
 */
const MIN_SHORT_HEADLINE_CHARS = 5;
const HEADLINE_LENGTH_RATIO = 2;

/** True when two runs of a heading line, of these lengths, are two headlines side by side. */
function areTwoHeadlines(left: number, right: number): boolean {
  const [short, long] = left <= right ? [left, right] : [right, left];
  if (short >= MIN_SIDE_BY_SIDE_CHARS) return true;
  return long >= MIN_SIDE_BY_SIDE_CHARS && short >= MIN_SHORT_HEADLINE_CHARS && long >= HEADLINE_LENGTH_RATIO * short;
}


/**
 * In a block of heading lines, a line holding two headlines side by side is cut in two, each a
 * heading of its own (with exact offsets), so each can go to the story whose words it shares.
 */
function splitSideBySideHeadlines(block: Line[]): { lines: Line[]; headings: Line[][] } {
  if (block.length > MAX_HEADING_LINES || !block.every(isHeadingLike)) return { lines: block, headings: [] };
  const headings: Line[][] = [];
  const lines: Line[] = [];
  for (let i = 0; i < block.length; i++) {
    const halves = sideBySideHalves(block[i]!);
    if (halves === null) {
      lines.push(block[i]!);
      continue;
    }
    const [left, right] = halves;
    // both wrapped ends printed under the pair, the left one's first (a single one may be either's)
    const ends = block.slice(i + 1, i + 3);
    if (ends.length === 2 && ends.every((l) => isWrappedEnd(l, left, right))) {
      headings.push([left, ends[0]!], [right, ends[1]!]);
      i += 2;
    } else headings.push([left], [right]);
  }
  return headings.length === 0 ? { lines: block, headings } : { lines, headings };
}

/**
 * Headlines set side by side in columns of one width wrap their last characters onto a line of
 * their own (`助企纾困，加快恢复经济社会发展 上海民营企业结对社区保供显身` / `活力` / `手`): a
 * line at most a third as wide as the narrower headline, no kicker (`：`, `——`) nor label, is such
 * an end. Two such lines under the pair are the left one's then the right one's; one alone may be
 * either's (synth_s20_17: the right one's), so it is left as printed.
 */
function isWrappedEnd(line: Line, left: Line, right: Line): boolean {
  return line.width <= WRAPPED_END_MAX_SHARE * Math.min(left.width, right.width) && !KICKER_END.test(line.text) && specialKind(line) === null;
}

/** A headline's wrapped end is at most this share of the headline's width (the rest fills a column). */
const WRAPPED_END_MAX_SHARE = 1 / 3;


/**
 * A one-line heading cut off a block of text, right above a line opening a dateline (two headlines
 * side by side printed on top of the text, `保障供应，大型商超拿起数字化工具 助企纾困，加快恢复经济社会发展活力`
 * / `本报讯（记者 X）…`), is cut in two like a line of a heading block, so each headline can go to
 * its own story. Above any other text the line may be a subhead run into the first line of its
 * paragraph (`加快恢复正常秩序是重中之重 当前疫情防控形势持续` / `向好，…`), so it stays whole.
 * `pieces` are in the order of their lines.
 */
function splitSideBySideHeadingPieces(pieces: Unit[]): void {
  for (let k = pieces.length - 2; k >= 0; k--) {
    const piece = pieces[k]!;
    if (piece.kind !== "heading" || piece.lines.length !== 1 || !opensDateline(pieces[k + 1]!.lines[0]!)) continue;
    const halves = sideBySideHalves(piece.lines[0]!);
    if (halves === null) continue;
    pieces.splice(k, 1, ...halves.map((line): Unit => ({ kind: "heading", lines: [line], blankBefore: true, blankAfter: true })));
  }
}

/** The two headlines of a line holding two side by side, or null. */
function sideBySideHalves(line: Line): [Line, Line] | null {
  const m = TWO_RUNS.exec(line.raw);
  if (!m) return besideParallelPhrases(line);
  if (!areTwoHeadlines(Array.from(m[2]!).length, Array.from(m[4]!).length)) return null;
  const leftStart = m[1]!.length;
  const rightStart = leftStart + m[2]!.length + m[3]!.length;
  return [subLine(line, leftStart, leftStart + m[2]!.length), subLine(line, rightStart, rightStart + m[4]!.length)];
}

/**
 * A headline beside one of spaced parallel phrases (`加大为企服务加快经济恢复重振 闻令动 显真情 铸忠诚`,
 * or the other way round): a run of at least MIN_SIDE_BY_SIDE_CHARS and, on one side of it, two to
 * four phrases of one length of a few ideographs (what a parallel headline is made of). Cut between
 * them, the phrases kept together with their spaces.
 */
function besideParallelPhrases(line: Line): [Line, Line] | null {
  const runs = [...line.raw.matchAll(/\S+/gu)];
  if (runs.length < 3) return null;
  const end = (r: RegExpMatchArray) => r.index! + r[0].length;
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  if (Array.from(first[0]).length >= MIN_SIDE_BY_SIDE_CHARS && areParallelPhrases(runs.slice(1).map((r) => r[0]))) {
    return [subLine(line, first.index!, end(first)), subLine(line, runs[1]!.index!, end(last))];
  }
  if (Array.from(last[0]).length >= MIN_SIDE_BY_SIDE_CHARS && areParallelPhrases(runs.slice(0, -1).map((r) => r[0]))) {
    return [subLine(line, first.index!, end(runs[runs.length - 2]!)), subLine(line, last.index!, end(last))];
  }
  return null;
}

/**
 * Lines holding a heading and, after a space, a column label (`推动惠企政策落地落实增强企业信心 简 讯`:
 * a headline and the label of the next story set beside it) or its writers' names (`苦战梦花街 茅冠隽
 * 唐烨`) cut in two, in printed order, each a line of its own with exact offsets; the heading halves
 * are added to `headings`. A label or a byline stands beside headings, never beside text: the first
 * half must read as a heading. The block itself when no line is cut (the usual case).
 */
function splitLabelsBesideHeadings(block: Line[], headings: Set<Line>): Line[] {
  let out: Line[] | null = null;
  for (let i = 0; i < block.length; i++) {
    const halves = headingAndLabel(block[i]!) ?? headingAndNames(block[i]!) ?? headingAndOpening(block[i]!);
    if (halves === null) {
      out?.push(block[i]!);
      continue;
    }
    out ??= block.slice(0, i);
    out.push(...halves);
    headings.add(halves[0]);
  }
  return out ?? block;
}

/** A heading before a column label is at least this many characters (a headline, not a word). */
const MIN_HEADING_BESIDE_LABEL_CHARS = 5;

/** The heading and the column label of a line holding both (heading first), or null. */
function headingAndLabel(line: Line): [Line, Line] | null {
  const raw = line.raw;
  if (raw.length > MAX_SPECIAL_CHARS * 2) return null;
  // the label is the line's end after a space: try each space, leftmost first (`简 讯` is spaced itself)
  for (let k = raw.search(/\S\s/u) + 1; k > 0 && k < raw.length; k = nextSpace(raw, k + 1)) {
    const tail = raw.slice(k).trim();
    if (tail === "" || !isColumnLabel(tail)) continue;
    const head = subLine(line, 0, k);
    if (Array.from(head.text).length < MIN_HEADING_BESIDE_LABEL_CHARS || !isHeadingLike(head)) return null;
    const start = k + (raw.length - k - raw.slice(k).trimStart().length);
    return [head, subLine(line, start, raw.trimEnd().length)];
  }
  return null;
}

/** Most names a byline printed beside its headline holds (`苦战梦花街 茅冠隽 唐烨`). */
const MAX_NAMES_BESIDE_HEADING = 4;

/**
 * True for a line printed as a parallel headline's phrases, a space between them (`闻令动 显真情
 * 铸忠诚`, `人人参与 人人受益`): two to four phrases of the same few ideographs. Text never reads so:
 * a line of text spaced out is spaced character by character, and pdf.js prints no space inside a
 * run of ideographs of one text item. Names (`唐乙隽 洪敏帆`) and a dateline's words (`本报讯 市委副`)
 * are not one.
 */
function isParallelHeadlineLine(line: Line): boolean {
  if (!/\s/u.test(line.raw.trim())) return false;
  return areParallelPhrases(line.raw.trim().split(/\s+/u)) && !opensDateline(line) && specialKind(line) === null;
}

/**
 * The heading and the byline of a line holding a headline and, after it, its writers' bare names
 * (`苦战梦花街 茅冠隽 唐烨`), or null: the first run reads as a heading of at least
 * {@link MIN_HEADING_BESIDE_LABEL_CHARS} characters, every other run is a name (not a word of the
 * language). A parallel headline's phrases (`闻令动 显真情 铸忠诚`) are shorter than that first run.
 */
function headingAndNames(line: Line): [Line, Line] | null {
  const runs = [...line.raw.matchAll(/\S+/gu)];
  if (runs.length < 2 || runs.length > MAX_NAMES_BESIDE_HEADING + 1) return null;
  const [first, ...names] = runs as [RegExpMatchArray, ...RegExpMatchArray[]];
  if (!names.every((r) => isBareNames(r[0]) && !isCommonWord(r[0]))) return null;
  const head = subLine(line, first.index!, first.index! + first[0].length);
  if (Array.from(head.text).length < MIN_HEADING_BESIDE_LABEL_CHARS || !isHeadingLike(head) || opensDateline(head)) return null;
  const last = names[names.length - 1]!;
  return [head, subLine(line, names[0]!.index!, last.index! + last[0].length)];
}

/**
 * The heading and the story's opening of a line holding a headline and, after a space, the
 * dateline or the reporters' byline that opens its story (`长三角一家人 本报讯 本轮疫情中，有杭州的`,
 * `长三角一家人 记者 唐乙隽 通讯员 洪敏帆`), or null. pdf.js ends no line between them when the
 * headline's last glyph and the text's first share a baseline. The heading is the line up to the
 * first space after which a dateline or a role byline (not a photo credit) starts; it reads as a
 * heading of at least {@link MIN_HEADING_BESIDE_LABEL_CHARS} characters and is no line spaced out
 * character by character (a justified line of text: `本 报 讯 （ 记 者 颜 睿`), each of its runs two
 * characters or more (a parallel headline's phrases: `展现积极姿态 迅速扭转预期 本报讯…`).
 */
function headingAndOpening(line: Line): [Line, Line] | null {
  const raw = line.raw;
  // a byline's roles and names (`记者 唐乙隽 通讯员 郝帆浩`) are no heading with a byline after it
  if (isBylineText(raw)) return null;
  for (let k = raw.search(/\S\s/u) + 1; k > 0 && k < raw.length; k = nextSpace(raw, k + 1)) {
    const start = k + (raw.length - k - raw.slice(k).trimStart().length);
    if (start >= raw.trimEnd().length) return null;
    const tail = subLine(line, start, raw.trimEnd().length);
    if (!opensDateline(tail) && !(ROLE_BYLINE.test(tail.text) && !isPhotoCredit(tail.text))) continue;
    const head = subLine(line, raw.length - raw.trimStart().length, k);
    const runs = head.raw.trim().split(/\s+/u);
    if (runs.some((r) => Array.from(r).length < 2)) return null;
    if (Array.from(head.text).length < MIN_HEADING_BESIDE_LABEL_CHARS || !isHeadingLike(head) || opensDateline(head) || isBylineText(head.raw)) return null;
    return [head, tail];
  }
  return null;
}

/** Parts printed inside body lines: a byline closing the last line, a jump line, a dateline. */
import { collapseSpaces, isBareNames, isBylineText, isPhotoCredit } from "./byline.js";
import type { Unit } from "./units.js";
import { CLOSING_BRACKET, DATELINE, JUMP_CONTINUED_ON, JUMP_LINE, mayEndWithJump, ROLE_BYLINE } from "./patterns.js";

/** A closing byline is at most this many characters after its space. */
const MAX_TRAILING_BYLINE = 42;

/** A space, tab or ideographic space; global, so that a search can start at `lastIndex`. */
const SPACE_FROM = /[ \t\u3000]/gu;

/**
 * True when `text` holds a space, tab or ideographic space at or after `from` (no copy of the tail).
 * A regex search from `lastIndex`: a loop of charCodeAt over a line (a slice of the dump) took
 * several times its instructions.
 */
function hasSpaceFrom(text: string, from: number): boolean {
  SPACE_FROM.lastIndex = Math.max(0, from);
  return SPACE_FROM.test(text);
}

/** What a body line ends with, split off: the text before and the byline. */
export interface TrailingByline {
  text: string;
  byline: string;
}

/**
 * A byline closing the last line of a story after a space: `…安全感。 何永航`,
 * `…的责任担当。 记者 武跃林`.
 * @param raw the line as printed (its spaces matter here)
 */
export function trailingByline(raw: string): TrailingByline | null {
  const trimmed = raw.trimEnd();
  const bracketed = closingBracketedByline(trimmed);
  if (bracketed) return bracketed;
  // a byline is short, so a space must sit near the end of the line
  if (!hasSpaceFrom(trimmed, trimmed.length - MAX_TRAILING_BYLINE)) return null;
  const m = /^(.*[。！？”…）)!?])[ \t\u3000]+(\S.{0,40})$/u.exec(trimmed);
  const byline = m ? collapseSpaces(m[2] ?? "") : "";
  if (m && isBylineText(byline)) return { text: m[1] ?? "", byline };
  return trailingPhotoCredit(trimmed);
}

/** Last characters of a photo credit: `摄`, `摄影`, `摄影报道`, `资料图片`, `新华社发`, `供图`, or a closing bracket. */
const CREDIT_LAST_CHARS = new Set(["摄", "影", "道", "片", "发", "图", "）", ")"]);

/**
 * A photo credit closing a caption after a space, where the caption need not end a sentence
 * (`…抓生产、谋发展 记者 马飞宇 摄`): `摄` and the source credits say what it is.
 */
function trailingPhotoCredit(line: string): TrailingByline | null {
  if (!CREDIT_LAST_CHARS.has(line.at(-1) ?? "")) return null;
  const from = Math.max(0, line.length - MAX_TRAILING_BYLINE);
  // the longest credit first: split at the first space of the line's end
  for (const space of line.slice(from).matchAll(/[ \t\u3000]+/gu)) {
    const at = from + space.index;
    const credit = collapseSpaces(line.slice(at + space[0].length));
    if (at > 0 && isPhotoCredit(credit)) return { text: line.slice(0, at), byline: credit };
  }
  return null;
}

/**
 * A byline in brackets right after the last sentence (`…勃勃。（记者 倪佳萱）`). Without a space
 * to set it apart, only a bracket holding a role and names, or names alone, is a byline (an
 * aside such as `（上海市）` is not).
 */
function closingBracketedByline(line: string): TrailingByline | null {
  // the last code unit read directly: `endsWith` cost some 200 instructions a call here, and every line is asked
  const last = line.charCodeAt(line.length - 1);
  if (last !== 0xff09 && last !== 0x29) return null;
  const m = CLOSING_BRACKET.exec(line);
  if (!m) return null;
  const bracket = collapseSpaces(m[2]!);
  const inner = bracket.slice(1, -1).trim();
  if (!ROLE_BYLINE.test(bracket) && !(inner.includes(" ") && isBareNames(inner))) return null;
  return { text: m[1]!, byline: bracket };
}

/** True when the unit's last line closes with a byline or credit (`…安全感。 何永航`, `…勃勃。（记者 X）`). */
export function signedAtEnd(unit: Unit): boolean {
  return trailingByline(unit.lines[unit.lines.length - 1]!.raw) !== null;
}

/** True when the unit's last line closes with a photo credit (`…谋发展 记者 X 摄`): a caption. */
export function creditedAtEnd(unit: Unit): boolean {
  return closesWithPhotoCredit(unit.lines[unit.lines.length - 1]!.raw);
}

/** True when a line closes with a photo credit after its text (`…更好满足各类企业不同发展需求 通讯员 陈华 摄`). */
export function closesWithPhotoCredit(raw: string): boolean {
  const closing = trailingByline(raw);
  return closing !== null && isPhotoCredit(closing.byline);
}

/** A jump line found at the end of a line. */
export interface InlineJump {
  text: string;
  jump: string;
  direction: "continuedOn" | "continuedFrom";
  page: number | null;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The Chinese digits of a year, one by one (`二〇二二`). */
const YEAR_DIGITS: Record<string, number> = { 〇: 0, 零: 0, ...CHINESE_DIGITS };

/**
 * Reads a printed date (`2022年6月1日`, `２０２２年６月１日`, `二〇二二年十二月一日`) as
 * `YYYY-MM-DD`, or null when it is no calendar date.
 */
export function readPrintedDate(year: string, month: string, day: string): string | null {
  const ascii = year.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const y = /^\d{4}$/.test(ascii) ? Number(ascii) : Array.from(ascii).reduce((n, c) => (YEAR_DIGITS[c] === undefined || YEAR_DIGITS[c] > 9 ? NaN : n * 10 + YEAR_DIGITS[c]), 0);
  const m = readPageNumber(month);
  const d = readPageNumber(day);
  if (!Number.isInteger(y) || m === null || d === null || m > 12 || d > 31) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Reads a page number written in Arabic, full-width or Chinese digits (up to 99). */
export function readPageNumber(text: string): number | null {
  const ascii = text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii) || null;
  if (ascii === "十") return 10;
  const tens = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(ascii);
  if (tens) return (tens[1] ? CHINESE_DIGITS[tens[1]]! : 1) * 10 + (tens[2] ? CHINESE_DIGITS[tens[2]]! : 0);
  return CHINESE_DIGITS[ascii] ?? null;
}

/** Splits a jump line (`（下转第3版）`) off the end of a line. */
export function inlineJump(raw: string): InlineJump | null {
  const t = raw.trimEnd();
  const m = mayEndWithJump(t) ? JUMP_LINE.exec(t) : null;
  if (!m) return null;
  return {
    text: t.slice(0, m.index).trimEnd(),
    jump: m[0],
    direction: JUMP_CONTINUED_ON.has(m[1] ?? "") ? "continuedOn" : "continuedFrom",
    page: readPageNumber(m[2] ?? ""),
  };
}

/** A dateline split off the start of a first paragraph. */
export interface LeadingDateline {
  dateline: string;
  /** The bracketed byline after the dateline, if any (`记者 X 通讯员 Y`). */
  byline: string | null;
  /** Length of the matched prefix in the given text. */
  length: number;
}

/**
 * Finds a dateline at the start of the text: `本报讯（记者 武跃林）…` gives dateline `本报讯` and
 * byline `记者 武跃林`. A bracket that is not a byline stays in the text; lenticular brackets
 * around the dateline (`【本报讯】`) are not part of it.
 */
export function leadingDateline(text: string): LeadingDateline | null {
  const m = DATELINE.exec(text);
  if (!m?.groups) return null;
  const { head = "", dateline = "", byline, reported } = m.groups;
  // a bracket that names nobody (`本报讯（通讯稿）`) is the text's: the dateline ends before it
  if (byline !== undefined && !isBylineText(byline)) return { dateline, byline: null, length: head.length };
  const names = byline ?? reported;
  return { dateline, byline: names === undefined ? null : collapseSpaces(names), length: m[0].length };
}

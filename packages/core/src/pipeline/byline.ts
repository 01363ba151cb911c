/** Bylines: recognising them, and sorting their names by role. */
import type { Byline } from "../schema.js";
import { isCollapsed } from "../text/chars.js";
import { firstChar } from "../text/normalize.js";
import {
  ANONYMOUS_BYLINE,
  ANONYMOUS_BYLINE_ENDS,
  SIGNED_BY_THE_PAPER,
  BRACKETED_NAMES,
  COMMENTATOR_BYLINE,
  AUTHOR_ROLE_START,
  BYLINE_BULLET,
  COMPOUND_SURNAMES,
  CORRESPONDENT_ROLE_START,
  CREDIT_MARK,
  EDITOR_ROLES,
  MEDIUM_NAME,
  PHOTO_CREDIT,
  REPORTER_ROLE_START,
  ROLE_BYLINE,
  ROLE_MARK,
  ROLE_WORD,
  SLASH_MARK,
  SLASHED_BYLINE,
  SLASH_MARKED_NAMES,
  SOURCE_CREDIT,
  SURNAMES,
} from "./patterns.js";

/** Longest personal name we accept in a bare byline (compound surname + 2). */
const MAX_NAME_CHARS = 4;
/** More bare names than this on one line is a list, not a byline. */
const MAX_BARE_NAMES = 5;

/** Collapses whitespace runs to one space and trims. */
export function collapseSpaces(text: string): string {
  // most texts have no white space, or are collapsed already (bylines are collapsed more than once)
  return isCollapsed(text) ? text : text.replace(/[\s\u3000]+/gu, " ").trim();
}

/** True for a string that looks like a Chinese personal name (surname first, 2-4 ideographs). */
export function isProbablyName(token: string): boolean {
  // UTF-16 length first: a name of at most 4 characters has at most 8 units (tokens are often whole headings)
  if (token.length < 2 || token.length > 2 * MAX_NAME_CHARS) return false;
  const length = codePointCount(token);
  if (length < 2 || length > MAX_NAME_CHARS) return false;
  if (!/^[\p{Script=Han}·]+$/u.test(token)) return false;
  if (COMPOUND_SURNAMES.some((s) => token.startsWith(s))) return true;
  return SURNAMES.has(firstChar(token)) && length <= 3;
}

/** Number of characters (code points) of a string. */
function codePointCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // a high surrogate followed by a low one is one character
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    n++;
  }
  return n;
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** A line of bare names (`何永航`, `茅冠隽 唐烨`) with nothing else. */
export function isBareNames(text: string): boolean {
  return areBareNames(collapseSpaces(text));
}

/** {@link isBareNames} of a text collapsed already ({@link collapseSpaces}). */
function areBareNames(t: string): boolean {
  // the tokens between single spaces, walked without splitting: most lines fail on their first
  let count = 0;
  for (let start = 0; start <= t.length; count++) {
    const space = t.indexOf(" ", start);
    const end = space < 0 ? t.length : space;
    if (count === MAX_BARE_NAMES || !isProbablyName(t.slice(start, end))) return false;
    start = end + 1;
  }
  return true;
}

/**
 * True when a whole line (or bracketed aside) is a byline or photo credit.
 * @param text the line with its original spaces
 */
export function isBylineText(text: string): boolean {
  return isPhotoCredit(text) || isNamingByline(text);
}

/**
 * True when a whole line is a byline that names its authors (`记者 X`, `（X Y）`, bare names)
 * or is `本通`: {@link isBylineText} without the photo and source credits, for callers that
 * have tested those already.
 * @param text the line with its original spaces
 */
export function isNamingByline(text: string): boolean {
  const t = withoutBullet(collapseSpaces(text));
  if (t === "") return false;
  // the role patterns only for a line holding a role word's mark: a cheap test first
  return (
    (ROLE_MARK.test(t) && ROLE_BYLINE.test(t)) ||
    (SLASH_MARK.test(t) && (SLASHED_BYLINE.test(t) || SLASH_MARKED_NAMES.test(t))) ||
    BRACKETED_NAMES.test(t) ||
    (ANONYMOUS_BYLINE_ENDS.has(t.charCodeAt(t.length - 1)) && ANONYMOUS_BYLINE.test(t)) ||
    // collapsed already (a bullet is taken off with the spaces after it)
    areBareNames(t)
  );
}

/** The text without a bullet before it (`■本报记者 X`). */
function withoutBullet(text: string): string {
  return BYLINE_BULLET.test(text) ? text.replace(BYLINE_BULLET, "") : text;
}

/** True for a byline that names the paper's commentators, not a person (`本报评论员`), spaces aside. */
export const isCommentatorByline = (text: string): boolean => COMMENTATOR_BYLINE.test(text.replace(/\s/gu, ""));

/** True for a photo credit (`X 摄`, `资料图片`): it closes a caption. */
export function isPhotoCredit(text: string): boolean {
  // most lines hold no credit's mark: a cheap test first
  if (!CREDIT_MARK.test(text)) return false;
  const t = collapseSpaces(text);
  if (SOURCE_CREDIT.test(t)) return true;
  return PHOTO_CREDIT.test(t) && !opensWithCaptionWords(t);
}

/** {@link ROLE_WORD} without its global flag, for a stateless test. */
const HAS_ROLE_WORD = new RegExp(ROLE_WORD.source, "u");

/**
 * True for `针对性 刘泽鸣 摄` and `信心、稳预期 记者 李涵兰 摄`: the caption's last words and its
 * credit on one line (the caption keeps them). Without a role word, a first "name" that is no name
 * tells; before a role word, punctuation does (roles come before names; an agency before its role,
 * `新华社记者`, has none).
 */
function opensWithCaptionWords(credit: string): boolean {
  const role = HAS_ROLE_WORD.exec(credit);
  if (role !== null) {
    const before = credit.slice(0, role.index);
    // before a role word a credit names people or a medium; other words end the caption (`…会在` / `不久后到来 通讯员 张骏 摄`)
    return CAPTION_PUNCTUATION.test(before) || before.split(/\s+/u).some((t) => Array.from(t).length >= MIN_CAPTION_WORD && !isProbablyName(t) && !MEDIUM_NAME.test(t));
  }
  const tokens = credit.replace(/[（()）]|\/?摄影?$/gu, "").split(/[ 、，,]+/u).filter((t) => t !== "");
  return tokens.length >= 2 && !isProbablyName(tokens[0]!);
}

/** `报道` closing a byline, with the place reported from glued to it (`北京报道`), or `发自北京`. */
const REPORTED_FROM = /(?:\s+\p{Script=Han}{1,6}报道|\s*报道|\s+发自\p{Script=Han}{1,6})$/u;

/** A name with its role marked after it: `王小明/文` (writer), `李华/图` (photographer). */
const NAME_THEN_MARK = /^([\p{Script=Han}·]{2,5})\/(文|图|文图|摄)$/u;

/** Caption words before a credit's role word are two characters or more: one alone is the tail of a word cut by the line break (`本` / `报记者 杨娜 摄`). */
const MIN_CAPTION_WORD = 2;

/** Punctuation of running text, which no byline prints before its role word. */
const CAPTION_PUNCTUATION = /[、，,。；！？]/u;

type Role = keyof Omit<Byline, "raw">;

/** Role words at the start of a byline token, and the role of the names after them. */
const ROLE_STARTS: ReadonlyArray<readonly [RegExp, Role]> = [
  [new RegExp(`^(?:${EDITOR_ROLES.join("|")})`, "u"), "editors"],
  [/^摄影\/?/u, "photographers"],
  [/^(?:文\/图|文·图|图文)\/?/u, "authors"],
  [/^(?:文字|文)\//u, "authors"],
  [/^图\//u, "photographers"],
  [REPORTER_ROLE_START, "reporters"],
  [CORRESPONDENT_ROLE_START, "correspondents"],
  [AUTHOR_ROLE_START, "authors"],
];

/** The role word a token opens with and the role it gives, if any. */
function roleAtStart(token: string): { word: string; role: Role } | null {
  for (const [pattern, role] of ROLE_STARTS) {
    const m = pattern.exec(token);
    if (m) return { word: m[0], role };
  }
  return null;
}

/**
 * Parses a byline into names by role: 记者 → reporters, 通讯员 → correspondents, `X 摄` →
 * photographers, 编辑 → editors, bare or bracketed names → authors. `本通` names nobody.
 * @param text the byline as printed
 * @returns the byline with `raw` (brackets removed, spaces collapsed)
 */
export function parseByline(text: string): Byline {
  let raw = withoutBullet(collapseSpaces(text));
  const bracketed = /^[（(](.*)[）)]$/u.exec(raw);
  if (bracketed) raw = collapseSpaces(bracketed[1] ?? "");
  const byline: Byline = { raw, reporters: [], correspondents: [], photographers: [], editors: [], authors: [] };
  // a full-width slash (`文／X`) marks a role as the ASCII one does
  let rest = raw.replace(/／/gu, "/");
  let photo = false;
  const photoSuffix = /\s*(?:\/\s*)?摄影?(?:报道)?$/u.exec(rest);
  if (photoSuffix && !/^摄影/u.test(rest)) {
    photo = true;
    rest = rest.slice(0, photoSuffix.index);
  }
  // `记者 X 报道`, `记者 X 北京报道`, `记者 X 发自北京`: the report's words (and its place) name nobody
  if (!photo) rest = rest.replace(REPORTED_FROM, "");
  if (SOURCE_CREDIT.test(raw) || rest === "") return byline;
  let role: Role = photo ? "photographers" : "authors";
  // a role word glued to the name before it (`孟群舒通讯员`, joined from a wrapped line) still starts a role
  const tokens = rest
    .replace(ROLE_WORD, " $1")
    .split(/[ 、，,：:]+/u)
    .filter((t) => t !== "");
  for (let token of tokens) {
    if (SIGNED_BY_THE_PAPER.test(token)) continue;
    const roleWord = roleAtStart(token);
    if (roleWord) {
      role = photo && roleWord.role !== "editors" ? "photographers" : roleWord.role;
      token = token.slice(roleWord.word.length);
      if (token === "") continue;
    }
    // a role marked after the name (`王小明/文`, `李华/图`): the writer keeps the role before it
    const marked = NAME_THEN_MARK.exec(token);
    if (marked) {
      byline[marked[2] === "文" ? (role === "reporters" ? "reporters" : "authors") : "photographers"].push(marked[1]!);
      continue;
    }
    if (/^[\p{Script=Han}·]{2,5}$/u.test(token)) byline[role].push(...splitRunTogetherNames(token));
  }
  return byline;
}

/**
 * A run of this many ideographs in a byline is two two-character names run together (`覃浩` +
 * `何远`, where a wrapped line lost the space between them), unless it opens with a two-character
 * surname (诸葛宇杰): Chinese names are two or three characters.
 */
const TWO_NAMES_LENGTH = 4;

/**
 * A run of this many ideographs is a two- and a three-character name run together (`陈抒怡刘萍`,
 * `罗国韦静文`) when exactly one cut leaves a common surname at the head of both names.
 */
const TWO_OR_THREE_NAMES_LENGTH = 5;

/** A name token as one name, or as the two names run together in it. */
function splitRunTogetherNames(token: string): string[] {
  const chars = Array.from(token);
  if (token.includes("·") || COMPOUND_SURNAMES.some((s) => token.startsWith(s))) return [token];
  if (chars.length === TWO_NAMES_LENGTH) return [chars.slice(0, 2).join(""), chars.slice(2).join("")];
  if (chars.length !== TWO_OR_THREE_NAMES_LENGTH || !SURNAMES.has(chars[0]!)) return [token];
  const cuts = [2, 3].filter((at) => SURNAMES.has(chars[at]!));
  return cuts.length === 1 ? [chars.slice(0, cuts[0]).join(""), chars.slice(cuts[0]).join("")] : [token];
}

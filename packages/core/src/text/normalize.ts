/** Text clean-up: spaces added by extractors, and joining hard-wrapped lines. */
import { isCjkChar, isLatinOrDigit, isWideChar } from "./chars.js";

const WHITESPACE_RUN = /[ \t\u00A0\u3000]+/gu;

/**
 * Removes the spaces an extractor puts between characters of a justified line and around
 * half-width numbers in Chinese text (`奋 战 在`, `11 月 30 日`), and keeps the spaces between
 * two Latin words or numbers (`COVID 19`, `Windows 10`).
 * @param line one line of text
 * @returns the line with its spaces cleaned, trimmed
 */
export function removeExtractorSpaces(line: string): string {
  if (!/[ \t\u00A0\u3000]/u.test(line)) return line;
  const parts = line.trim().split(WHITESPACE_RUN);
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i++) {
    const next = parts[i] ?? "";
    if (next === "") continue;
    const before = lastChar(out);
    const after = firstChar(next);
    out += keepSpaceBetween(before, after) ? " " + next : next;
  }
  return out;
}

/** A space is real only between two half-width letters or digits. */
function keepSpaceBetween(before: string, after: string): boolean {
  return isLatinOrDigit(before) && isLatinOrDigit(after);
}

/** Last character (code point) of a string, without splitting the whole string. */
export function lastChar(s: string): string {
  if (s.length === 0) return "";
  const low = s.charCodeAt(s.length - 1);
  return low >= 0xdc00 && low <= 0xdfff && s.length >= 2 ? s.slice(-2) : s.slice(-1);
}

/** First character (code point) of a string. */
export function firstChar(s: string): string {
  if (s.length === 0) return "";
  const high = s.charCodeAt(0);
  return high >= 0xd800 && high <= 0xdbff && s.length >= 2 ? s.slice(0, 2) : s.slice(0, 1);
}

/**
 * Joins the lines of one paragraph: CJK text joins with no space, two Latin words with one,
 * a number cut at the line end (`17:` / `25`) with none.
 * @param lines cleaned lines of one paragraph
 */
export function joinWrappedLines(lines: readonly string[]): string {
  let out = "";
  for (const line of lines) {
    if (line === "") continue;
    if (out === "") {
      out = line;
      continue;
    }
    const before = lastChar(out);
    const after = firstChar(line);
    const bothLetters = /[A-Za-z]/.test(before) && /[A-Za-z]/.test(after);
    out += bothLetters ? " " + line : line;
  }
  return out;
}

/**
 * Normalises a heading (headline, kicker, label): collapses space runs; a heading spaced out
 * character by character (`短 评`) loses its spaces, while spaces between multi-character
 * phrases (`闻令动 显真情 铸忠诚`) are real and kept.
 */
export function normalizeHeading(text: string): string {
  const tokens = text.trim().split(WHITESPACE_RUN).filter((t) => t !== "");
  if (tokens.length <= 1) return tokens[0] ?? "";
  const spacedOut = tokens.every((t) => Array.from(t).length === 1 && isWideChar(t));
  if (spacedOut) return tokens.join("");
  let out = tokens[0] ?? "";
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    const before = lastChar(out);
    const after = firstChar(t);
    // a lone character beside a phrase is a justified gap (`奋 战`), and so is a space next to punctuation
    const prevToken = tokens[i - 1] ?? "";
    const gap =
      (Array.from(t).length === 1 && isWideChar(t)) ||
      (Array.from(prevToken).length === 1 && isWideChar(prevToken)) ||
      (!isCjkChar(before) && isWideChar(before)) ||
      (!isCjkChar(after) && isWideChar(after)) ||
      (isCjkChar(before) && isLatinOrDigit(after)) ||
      (isLatinOrDigit(before) && isCjkChar(after));
    out += gap ? t : " " + t;
  }
  return out;
}

/**
 * The searchable characters of a text, shared by indexing, query parsing and snippets so that
 * all three agree on what matches what.
 *
 * A *unit* is one letter, digit or mark (Unicode L, N, M), folded with NFKC and lower case, so
 * full-width `ＡＢ１` matches `ab1`. Whitespace is skipped without effect: page dumps print
 * `11 月 30 日`, and a search for `11月30日` must find it. Punctuation and symbols end a *chain*
 * of units: a phrase never matches across `，` or `。`, nor across a paragraph boundary.
 */

/** One searchable character and the range of the original text it came from. */
export interface Unit {
  /** The folded character (one code point, possibly two UTF-16 code units). */
  char: string;
  /** UTF-16 offset of the original character in the text. */
  start: number;
  /** UTF-16 offset just after the original character. */
  end: number;
  /** Units with the same chain number are adjacent in the text with only whitespace between. */
  chain: number;
}

const UNIT_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const SPACE_CHAR = /^\s$/u;

/** What one source character becomes: units, a chain break, or nothing (whitespace). */
type Folded = { kind: "units"; chars: string[] } | { kind: "break" } | { kind: "space" };

function foldChar(ch: string): Folded {
  const code = ch.codePointAt(0)!;
  // Fast paths: CJK unified ideographs and ASCII need no normalisation table.
  if (code >= 0x4e00 && code <= 0x9fff) return { kind: "units", chars: [ch] };
  if (code < 0x80) {
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) return { kind: "units", chars: [ch] };
    if (code >= 0x41 && code <= 0x5a) return { kind: "units", chars: [String.fromCharCode(code + 32)] };
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? { kind: "space" } : { kind: "break" };
  }
  if (SPACE_CHAR.test(ch)) return { kind: "space" };
  const folded = ch.normalize("NFKC").toLowerCase();
  const chars: string[] = [];
  for (const c of folded) {
    if (UNIT_CHAR.test(c)) chars.push(c);
    else if (!SPACE_CHAR.test(c)) return chars.length > 0 ? { kind: "units", chars } : { kind: "break" };
  }
  return chars.length > 0 ? { kind: "units", chars } : { kind: "space" };
}

/**
 * Splits a text into its searchable units.
 * @param text any text
 * @param firstChain chain number to start from, so several texts can share one numbering
 * @returns the units in text order; chain numbers increase at every break
 */
export function textUnits(text: string, firstChain = 0): Unit[] {
  const units: Unit[] = [];
  let chain = firstChain;
  let chainUsed = false;
  let offset = 0;
  for (const ch of text) {
    const start = offset;
    offset += ch.length;
    const folded = foldChar(ch);
    if (folded.kind === "space") continue;
    if (folded.kind === "break") {
      if (chainUsed) {
        chain++;
        chainUsed = false;
      }
      continue;
    }
    for (const c of folded.chars) units.push({ char: c, start, end: offset, chain });
    chainUsed = true;
  }
  return units;
}

/**
 * The chains of a text as arrays of folded characters, without offsets (for indexing and queries).
 * @param text any text
 */
export function textChains(text: string): string[][] {
  const chains: string[][] = [];
  let current: string[] = [];
  for (const ch of text) {
    const folded = foldChar(ch);
    if (folded.kind === "space") continue;
    if (folded.kind === "break") {
      if (current.length > 0) chains.push(current);
      current = [];
      continue;
    }
    for (const c of folded.chars) current.push(c);
  }
  if (current.length > 0) chains.push(current);
  return chains;
}

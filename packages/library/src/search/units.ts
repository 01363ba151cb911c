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

/** What one source character becomes: units, a chain break, or nothing (whitespace). Shared: never modified. */
type Folded = { kind: "units"; chars: readonly string[] } | { kind: "break" } | { kind: "space" };

/**
 * What characters off the fast paths fold to, kept once found: NFKC normalisation and the
 * Unicode property tests cost a microsecond or so a character, and a text repeats its
 * punctuation and its few non-CJK letters. Bounded by the characters a process meets.
 */
const foldedChars = new Map<string, Folded>();
/** The same for characters of the Basic Multilingual Plane, by code (no string to hash). */
const foldedBmp: Array<Folded | undefined> = new Array<Folded | undefined>(0x10000);

/** What the BMP character `code` folds to (off the fast paths), found once. */
function foldBmp(code: number): Folded {
  let folded = foldedBmp[code];
  if (folded === undefined) {
    folded = foldChar(String.fromCharCode(code));
    foldedBmp[code] = folded;
  }
  return folded;
}

function foldChar(ch: string): Folded {
  const code = ch.codePointAt(0)!;
  // Fast paths: CJK unified ideographs and ASCII need no normalisation table.
  if (code >= 0x4e00 && code <= 0x9fff) return { kind: "units", chars: [ch] };
  if (code < 0x80) {
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) return { kind: "units", chars: [ch] };
    if (code >= 0x41 && code <= 0x5a) return { kind: "units", chars: [String.fromCharCode(code + 32)] };
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? { kind: "space" } : { kind: "break" };
  }
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    folded = foldSlowly(ch);
    foldedChars.set(ch, folded);
  }
  return folded;
}

function foldSlowly(ch: string): Folded {
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
 * A text folded for finding phrases in it: its units' folded characters in one string, with
 * {@link CHAIN_BREAK} wherever a chain ends, so that a phrase is found with `indexOf` exactly
 * where {@link textUnits} has it (consecutive units of one chain).
 */
export interface FoldedText {
  /** The folded characters, chains separated by {@link CHAIN_BREAK}. */
  folded: string;
  /** Per UTF-16 offset of `folded`: offset in the text of the character it came from. */
  start: Int32Array;
  /** Per UTF-16 offset of `folded`: offset in the text just after the character it came from. */
  end: Int32Array;
}

/** Stands between two chains in {@link FoldedText.folded}: a control character, never a unit. */
export const CHAIN_BREAK = "\u0000";

/**
 * A text folded into shared buffers (see {@link foldInto}): the code units of
 * {@link FoldedText.folded} and their `start`/`end` offsets, valid for `length` entries.
 */
export interface FoldBuffers {
  units: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  length: number;
}

/**
 * The buffers {@link foldInto} writes, kept between calls: a snippet folds twenty article texts
 * per search, and allocating the offset arrays anew cost as much as the folding itself.
 * Grown as needed, never shrunk (a text is at most a few hundred KB).
 */
const buffers: FoldBuffers = { units: new Uint16Array(4096), start: new Int32Array(4096), end: new Int32Array(4096), length: 0 };

/** Makes room for `size` entries in {@link buffers}, keeping the first `kept`. */
function reserve(size: number, kept: number): void {
  if (size <= buffers.units.length) return;
  const units = new Uint16Array(size);
  const start = new Int32Array(size);
  const end = new Int32Array(size);
  units.set(buffers.units.subarray(0, kept));
  start.set(buffers.start.subarray(0, kept));
  end.set(buffers.end.subarray(0, kept));
  buffers.units = units;
  buffers.start = start;
  buffers.end = end;
}

/**
 * Folds a text for finding phrases into shared buffers, without building a string: what
 * {@link foldText} returns, as code units. The result is overwritten by the next call (in the
 * same thread): read it at once.
 * @param text any text
 */
export function foldInto(text: string): FoldBuffers {
  const n = text.length;
  // Room for one folded code unit per code unit of the text still to read, plus a chain break
  // (whose character was read before): only a character NFKC makes longer (㎞ → km) can need more.
  reserve(n + 1, 0);
  let { units, start, end } = buffers;
  let length = 0;
  // A chain break is written only once another chain follows it: where, in the text.
  let breakFrom = -1;
  let breakTo = -1;
  let seenUnit = false;
  let offset = 0;
  while (offset < n) {
    const code = text.charCodeAt(offset);
    const from = offset;
    // Fast path: CJK ideographs, ASCII lower case and digits fold to themselves.
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      offset++;
      if (breakFrom >= 0) {
        units[length] = 0; // CHAIN_BREAK
        start[length] = breakFrom;
        end[length] = breakTo;
        length++;
        breakFrom = -1;
      }
      seenUnit = true;
      units[length] = code;
      start[length] = from;
      end[length] = offset;
      length++;
      continue;
    }
    const point = text.codePointAt(offset)!;
    let folded: Folded;
    if (point <= 0xffff) {
      offset++;
      folded = foldBmp(point);
    } else {
      offset += 2;
      folded = foldChar(String.fromCodePoint(point));
    }
    if (folded.kind !== "units") {
      if (folded.kind === "break" && seenUnit && breakFrom < 0) {
        breakFrom = from;
        breakTo = offset;
      }
      continue;
    }
    let width = 0;
    for (const c of folded.chars) width += c.length;
    if (length + width + (n - offset) + 1 > units.length) {
      reserve(2 * (length + width + (n - offset) + 1), length);
      ({ units, start, end } = buffers);
    }
    if (breakFrom >= 0) {
      units[length] = 0; // CHAIN_BREAK
      start[length] = breakFrom;
      end[length] = breakTo;
      length++;
      breakFrom = -1;
    }
    seenUnit = true;
    for (const c of folded.chars) {
      for (let k = 0; k < c.length; k++) {
        units[length] = c.charCodeAt(k);
        start[length] = from;
        end[length] = offset;
        length++;
      }
    }
  }
  buffers.length = length;
  return buffers;
}

/** Code units turned into a string at a time (an argument list, well below engines' limits). */
const STRING_CHUNK = 8192;

/**
 * Folds a text for finding phrases (see {@link FoldedText}): {@link foldInto}, copied out.
 * @param text any text
 */
export function foldText(text: string): FoldedText {
  const { units, start, end, length } = foldInto(text);
  let folded = "";
  for (let i = 0; i < length; i += STRING_CHUNK) {
    folded += String.fromCharCode(...units.subarray(i, Math.min(length, i + STRING_CHUNK)));
  }
  return { folded, start: start.slice(0, length), end: end.slice(0, length) };
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

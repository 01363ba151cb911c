/**
 * Character bigrams, the page's stand-in for words (Chinese has no spaces), as numbers (two word
 * characters), interned into one flat typed-array hash table per page: counting allocates no
 * strings and no `Map` entries. The lexicon (over stories) and the cohesion (over units) read the
 * same table, and a unit's bigrams are found once for both (see {@link PageGrams}).
 */
import type { Unit } from "./units.js";

/**
 * Small id of a word character (CJK ideograph, extension A, ASCII letter or digit), or -1.
 * Ids stay below {@link WORD_IDS} so a pair of them is a small integer, which V8 keeps unboxed.
 */
export function wordId(c: number): number {
  if (c >= 0x4e00 && c <= 0x9fff) return c - 0x4e00;
  if (c >= 0x3400 && c <= 0x4dbf) return 0x5200 + (c - 0x3400);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 0x6bc0 + c;
  return -1;
}
export const WORD_IDS = 0x6c40;

/** Distinct bigrams of the CJK ideographs, Latin letters and digits of a text (other characters skipped). */
export function bigrams(text: string): Set<number> {
  const grams = new Int32Array(text.length);
  const n = bigramsInto(text, grams);
  const out = new Set<number>();
  for (let k = 0; k < n; k++) out.add(grams[k]!);
  return out;
}

/**
 * Writes the bigrams of {@link bigrams} into `out`, in order, repeats included (a text has fewer
 * than it has characters: `out` needs room for `text.length`); returns how many. A character that
 * is no word character is skipped: the pair is taken across it.
 */
export function bigramsInto(text: string, out: Int32Array): number {
  let n = 0;
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = wordId(text.charCodeAt(i));
    if (c < 0) continue;
    if (prev >= 0) out[n++] = prev * WORD_IDS + c;
    prev = c;
  }
  return n;
}

/** Marks a free slot of {@link GramTable}: bigrams are never negative. */
const EMPTY = -1;
/** A table is doubled when it is more than this full, which keeps probe sequences short. */
const MAX_LOAD = 0.5;
/** Smallest table: a few lines of text. */
const MIN_CAPACITY = 64;
/**
 * Distinct bigrams a table is first sized for, at most: a large page has some 10,000 characters.
 * An input of many pages (a whole issue in one file) repeats most of its bigrams, and tables
 * sized by its characters (millions) would be spread over more memory than the caches hold:
 * counting the pairs of 600 pages in one file took a fifth of its parse. The tables grow past it.
 */
export const MAX_EXPECTED_GRAMS = 1 << 15;
/**
 * The slot a bigram's probe starts at, by Fibonacci hashing: the multiplier 0x9e3779b1 (2^32 / the
 * golden ratio) spreads consecutive ids over the table. Written as a literal, not a module constant:
 * a number above 2^30 is a boxed double, which compiled code loaded and converted on every probe.
 */
const homeSlot = (gram: number, shift: number): number => Math.imul(gram, 0x9e3779b1) >>> shift;

/**
 * Bigram → dense index (0, 1, 2… in order of first insertion), by open addressing with linear
 * probing over typed arrays: no boxing, no per-entry allocation.
 */
export class GramTable {
  private keys: Int32Array;
  private slots: Int32Array;
  private shift: number;
  /** The size past which the table is doubled ({@link MAX_LOAD} of its slots), kept as an integer for the test after each insert. */
  private limit: number;
  /** Number of distinct bigrams, which is also the next index. */
  size = 0;

  constructor(expected: number) {
    let capacity = MIN_CAPACITY;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.slots = new Int32Array(capacity);
    this.shift = 32 - Math.log2(capacity);
    this.limit = Math.floor(capacity * MAX_LOAD);
  }

  /** Index of `gram`, or -1 when absent. */
  get(gram: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let at = homeSlot(gram, this.shift); ; at = (at + 1) & mask) {
      const key = keys[at]!;
      if (key === gram) return this.slots[at]!;
      if (key === EMPTY) return -1;
    }
  }

  /** Index of `gram`, given the next free index when new. */
  intern(gram: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let at = homeSlot(gram, this.shift); ; at = (at + 1) & mask) {
      const key = keys[at]!;
      if (key === gram) return this.slots[at]!;
      if (key === EMPTY) return this.insert(at, gram);
    }
  }

  /** Puts `gram` into the free slot `at`; returns its new index. */
  private insert(at: number, gram: number): number {
    const index = this.size++;
    this.keys[at] = gram;
    this.slots[at] = index;
    if (this.size > this.limit) this.grow();
    return index;
  }

  private grow(): void {
    const { keys, slots } = this;
    this.keys = new Int32Array(keys.length * 2).fill(EMPTY);
    this.slots = new Int32Array(keys.length * 2);
    this.shift--;
    this.limit = Math.floor(this.keys.length * MAX_LOAD);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      const gram = keys[i]!;
      if (gram === EMPTY) continue;
      let at = homeSlot(gram, this.shift);
      while (this.keys[at] !== EMPTY) at = (at + 1) & mask;
      this.keys[at] = gram;
      this.slots[at] = slots[i]!;
    }
  }
}

/** A growable array of integers (counts, indexed by {@link GramTable} index; or lists of indexes). */
export class Counts {
  values = new Int32Array(MIN_CAPACITY);

  /** The counts, with room for indexes below `size` (new entries are 0). */
  upTo(size: number): Int32Array {
    if (size <= this.values.length) return this.values;
    let length = this.values.length * 2;
    while (length < size) length *= 2;
    const grown = new Int32Array(length);
    grown.set(this.values);
    this.values = grown;
    return grown;
  }
}

/** Distinct bigrams a page's table is first sized for when its size is not known (it grows past it). */
const DEFAULT_EXPECTED_GRAMS = 4096;

/** The bigrams of one unit's text: its lines run together (a word may run across a line break). */
export interface UnitGrams {
  /** Its distinct bigrams, as {@link GramTable} indexes, in order of first occurrence. */
  grams: Int32Array;
  /** {@link wordId} of its first word character (-1 when it has none). */
  firstWord: number;
  /** {@link wordId} of its last word character (-1 when it has none). */
  lastWord: number;
}

/**
 * The bigram table of one page, with the bigrams of each unit found once: the cohesion weighs
 * units by them and the lexicon puts its stories together from them (a story's bigrams are its
 * units' and those across the joins of its units), so the page's text is interned once.
 */
export class PageGrams {
  readonly table: GramTable;
  private readonly ofUnit = new Map<Unit, UnitGrams>();
  /** Last unit (+1) that found each bigram: dedupes within one unit. */
  private readonly lastUnit = new Counts();
  /** Room for one unit's bigram indexes while they are found. */
  private readonly scratch = new Counts();

  constructor(expected = DEFAULT_EXPECTED_GRAMS) {
    this.table = new GramTable(expected);
  }

  /** The bigrams of `unit`, found on first use (units are not changed once their bigrams are asked for). */
  of(unit: Unit): UnitGrams {
    const known = this.ofUnit.get(unit);
    if (known !== undefined) return known;
    const stamp = this.ofUnit.size + 1;
    let found: Int32Array = this.scratch.values;
    let n = 0;
    let first = -1;
    let prev = -1;
    // room for every bigram of the unit to be new, taken once rather than asked for each line or bigram
    let chars = 0;
    for (const line of unit.lines) chars += line.text.length;
    const table = this.table;
    const last = this.lastUnit.upTo(table.size + chars);
    if (chars > found.length) found = this.scratch.upTo(chars);
    // the lines run together (a word may run across a line break), each read where it is
    for (const line of unit.lines) {
      const text = line.text;
      for (let i = 0; i < text.length; i++) {
        const c = wordId(text.charCodeAt(i));
        if (c < 0) continue;
        if (prev < 0) first = c;
        else {
          const g = table.intern(prev * WORD_IDS + c);
          if (last[g] !== stamp) {
            last[g] = stamp;
            found[n++] = g;
          }
        }
        prev = c;
      }
    }
    const result = { grams: found.slice(0, n), firstWord: first, lastWord: prev };
    this.ofUnit.set(unit, result);
    return result;
  }
}

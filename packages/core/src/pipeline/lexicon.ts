/**
 * Word evidence: which story shares a heading's words. Character bigrams stand in for words
 * (Chinese has no spaces); bigrams found in many stories of the page weigh less (idf).
 * Bigrams are numbers (two UTF-16 units), so counting allocates no strings, and they are
 * counted in flat typed-array hash tables rather than `Map`s: this runs over every line of
 * every page.
 */

/**
 * Small id of a word character (CJK ideograph, extension A, ASCII letter or digit), or -1.
 * Ids stay below {@link WORD_IDS} so a pair of them is a small integer, which V8 keeps unboxed.
 */
function wordId(c: number): number {
  if (c >= 0x4e00 && c <= 0x9fff) return c - 0x4e00;
  if (c >= 0x3400 && c <= 0x4dbf) return 0x5200 + (c - 0x3400);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 0x6bc0 + c;
  return -1;
}
const WORD_IDS = 0x6c40;

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

/** Occurrences of `pair` in `text`, overlapping ones included (`aaa` holds `aa` twice). */
function occurrences(text: string, pair: string): number {
  let n = 0;
  for (let at = text.indexOf(pair); at >= 0; at = text.indexOf(pair, at + 1)) n++;
  return n;
}

/** Joins line texts for {@link occurrences}: a line break is no word character, so no pair spans two lines. */
const LINE_JOINER = "\n";

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
const MAX_EXPECTED_GRAMS = 1 << 15;
/** Fibonacci hashing multiplier (2^32 / golden ratio): spreads consecutive ids over the table. */
const HASH_MULTIPLIER = 0x9e3779b1;

/**
 * Bigram → dense index (0, 1, 2… in order of first insertion), by open addressing with linear
 * probing over typed arrays: no boxing, no per-entry allocation.
 */
export class GramTable {
  private keys: Int32Array;
  private slots: Int32Array;
  private shift: number;
  /** Number of distinct bigrams, which is also the next index. */
  size = 0;

  constructor(expected: number) {
    let capacity = MIN_CAPACITY;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.slots = new Int32Array(capacity);
    this.shift = 32 - Math.log2(capacity);
  }

  /** Index of `gram`, or -1 when absent. */
  get(gram: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let at = Math.imul(gram, HASH_MULTIPLIER) >>> this.shift; ; at = (at + 1) & mask) {
      const key = keys[at]!;
      if (key === gram) return this.slots[at]!;
      if (key === EMPTY) return -1;
    }
  }

  /** Index of `gram`, given the next free index when new. */
  intern(gram: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let at = Math.imul(gram, HASH_MULTIPLIER) >>> this.shift; ; at = (at + 1) & mask) {
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
    if (this.size > this.keys.length * MAX_LOAD) this.grow();
    return index;
  }

  private grow(): void {
    const { keys, slots } = this;
    this.keys = new Int32Array(keys.length * 2).fill(EMPTY);
    this.slots = new Int32Array(keys.length * 2);
    this.shift--;
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      const gram = keys[i]!;
      if (gram === EMPTY) continue;
      let at = Math.imul(gram, HASH_MULTIPLIER) >>> this.shift;
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

/** The heading bigrams of one heading, weighed for a given number of stories. */
interface WeighedHeading {
  /** Distinct bigrams in order of first occurrence. */
  grams: readonly number[];
  /** Number of stories the weights below were computed for. */
  docCount: number;
  /** Story-table index of each weighed bigram (-1: in no story), in `grams` order. */
  slots: number[];
  /** The idf weight of each bigram in `slots` (only those above 0). */
  weights: number[];
  /** Sum of `weights`, added in order. */
  total: number;
}

/**
 * Questions about junctions a page may ask before its pairs are all counted. A page asks about a
 * handful (a fragment or a continuation to check): scanning the page's lines for one pair is
 * cheaper than counting every pair of the page, until about this many questions.
 */
const PAIR_SCANS_BEFORE_COUNTING = 16;

/** Bigram sets of the stories of a page, with document frequencies. */
export class PageLexicon {
  /** The texts of the page's lines. */
  private readonly lineTexts: readonly string[];
  /** Junction questions answered by scanning the lines, before the pairs are counted. */
  private pairScans = 0;
  /** The lines joined by {@link LINE_JOINER}, made for the first junction question. */
  private joinedLines: string | null = null;
  /** Adjacent word-character pairs inside lines → index into `pairCounts`; built when first needed. */
  private pairs: GramTable | null = null;
  private readonly pairCounts = new Counts();
  /** Bigrams of the stories → dense index into `df`, `lastDoc` and the postings. */
  private readonly grams: GramTable;
  /** Number of stories holding each bigram. */
  private readonly df = new Counts();
  /** Last story that counted each bigram (+1; 0 = none): dedupes within one story. */
  private readonly lastDoc = new Counts();
  /** The distinct bigram indexes of every story, story after story. */
  private readonly members = new Counts();
  /** Where each story's bigrams start in `members`; one entry more than there are stories. */
  private readonly memberStarts: number[] = [0];
  /**
   * The stories holding each bigram, in story order: those of bigram i at
   * `postings[postingStarts[i]]` up to `postings[postingStarts[i + 1]]`. Built from `members`
   * when first needed after a story was added. Memory grows with the text, not with stories ×
   * bigrams (a bit set per story would, which a whole issue in one file makes quadratic).
   */
  private postings: Int32Array | null = null;
  private postingStarts = new Int32Array(1);
  private readonly headings = new Map<string, WeighedHeading>();
  /** Distinct bigrams the tables are first sized for: the page's characters, up to {@link MAX_EXPECTED_GRAMS}. */
  private readonly expectedGrams: number;

  /** A lexicon of the page whose lines are `lineTexts` (for {@link junctionCount}). */
  constructor(lineTexts: readonly string[]) {
    this.lineTexts = [...lineTexts];
    let chars = 0;
    for (const text of lineTexts) chars += text.length;
    // stories are made of the page's lines: room for as many bigrams as the lines have characters,
    // up to a large page's worth (the tables grow past that)
    this.expectedGrams = Math.min(chars, MAX_EXPECTED_GRAMS);
    this.grams = new GramTable(this.expectedGrams);
    this.df.upTo(this.expectedGrams);
    this.lastDoc.upTo(this.expectedGrams);
  }

  /** How often word character `a` is directly followed by word character `b` inside a line of the page. */
  junctionCount(a: string, b: string): number {
    if (a.length !== 1 || b.length !== 1) return 0;
    const ia = wordId(a.charCodeAt(0));
    const ib = wordId(b.charCodeAt(0));
    if (ia < 0 || ib < 0) return 0;
    if (this.pairs === null && this.pairScans < PAIR_SCANS_BEFORE_COUNTING) {
      this.pairScans++;
      this.joinedLines ??= this.lineTexts.join(LINE_JOINER);
      return occurrences(this.joinedLines, a + b);
    }
    const pairs = (this.pairs ??= this.countPairs());
    const slot = pairs.get(ia * WORD_IDS + ib);
    return slot < 0 ? 0 : this.pairCounts.values[slot]!;
  }

  /** Counts how often each pair of adjacent word characters occurs inside the page's lines. */
  private countPairs(): GramTable {
    const pairs = new GramTable(this.expectedGrams);
    let counts = this.pairCounts.upTo(this.expectedGrams);
    for (const text of this.lineTexts) {
      let prev = -1;
      for (let i = 0; i < text.length; i++) {
        const c = wordId(text.charCodeAt(i));
        if (c >= 0 && prev >= 0) {
          const slot = pairs.intern(prev * WORD_IDS + c);
          if (slot >= counts.length) counts = this.pairCounts.upTo(slot + 1);
          counts[slot]!++;
        }
        prev = c;
      }
    }
    return pairs;
  }

  /**
   * Registers a story's text; returns its document index. Its bigrams are those of
   * {@link bigrams}: word characters, pairs taken across the other characters.
   */
  addDocument(text: string): number {
    const doc = this.memberStarts.length - 1;
    const stamp = doc + 1;
    const grams = this.grams;
    let lastDoc = this.lastDoc.upTo(grams.size);
    let df = this.df.upTo(grams.size);
    let members: Int32Array = this.members.values;
    let count = this.memberStarts[doc]!;
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const c = wordId(text.charCodeAt(i));
      if (c < 0) continue;
      if (prev >= 0) {
        const slot = grams.intern(prev * WORD_IDS + c);
        if (slot >= df.length) {
          lastDoc = this.lastDoc.upTo(slot + 1);
          df = this.df.upTo(slot + 1);
        }
        if (lastDoc[slot] !== stamp) {
          lastDoc[slot] = stamp;
          df[slot]!++;
          if (count === members.length) members = this.members.upTo(count + 1);
          members[count++] = slot;
        }
      }
      prev = c;
    }
    this.memberStarts.push(count);
    this.postings = null;
    return doc;
  }

  /** Number of stories added. */
  get docCount(): number {
    return this.memberStarts.length - 1;
  }

  /** The postings of every bigram (see {@link postings}), by counting sort of the stories' members. */
  private buildPostings(): Int32Array {
    const size = this.grams.size;
    const df = this.df.values;
    const starts = new Int32Array(size + 1);
    for (let slot = 0; slot < size; slot++) starts[slot + 1] = starts[slot]! + df[slot]!;
    const postings = new Int32Array(starts[size]!);
    const next = starts.slice(0, size);
    const members = this.members.values;
    for (let doc = 0; doc < this.memberStarts.length - 1; doc++) {
      for (let k = this.memberStarts[doc]!; k < this.memberStarts[doc + 1]!; k++) postings[next[members[k]!]!++] = doc;
    }
    this.postingStarts = starts;
    return (this.postings = postings);
  }

  /** First position in the postings of `slot` whose story is `doc` or later (the end when none is). */
  private firstPostingFrom(postings: Int32Array, slot: number, doc: number): number {
    let lo = this.postingStarts[slot]!;
    let hi = this.postingStarts[slot + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (postings[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Share (0..1, idf-weighted) of the heading's bigrams that the story contains.
   * @param heading text of a heading or kicker
   * @param doc index from {@link addDocument}
   */
  similarity(heading: string, doc: number): number {
    return this.similarities(heading, doc, doc)[0] ?? 0;
  }

  /**
   * {@link similarity} of the heading to each story from `first` to `last` (inclusive, clamped
   * to the stories added): entry k is the share of story `first + k`. Costs the heading's
   * postings within that range, not one test per story and bigram.
   */
  similarities(heading: string, first: number, last: number): Float64Array {
    const from = Math.max(0, first);
    const to = Math.min(this.docCount - 1, last);
    const shares = new Float64Array(Math.max(0, to - from + 1));
    if (shares.length === 0) return shares;
    const weighed = this.weigh(heading);
    if (weighed.total === 0) return shares;
    const postings = this.postings ?? this.buildPostings();
    const { slots, weights } = weighed;
    for (let k = 0; k < slots.length; k++) {
      const slot = slots[k]!;
      if (slot < 0) continue;
      const end = this.postingStarts[slot + 1]!;
      for (let at = this.firstPostingFrom(postings, slot, from); at < end && postings[at]! <= to; at++) shares[postings[at]! - from]! += weights[k]!;
    }
    for (let k = 0; k < shares.length; k++) shares[k]! /= weighed.total;
    return shares;
  }

  /** The heading's bigrams with their idf weights for the stories registered so far (cached). */
  private weigh(heading: string): WeighedHeading {
    let weighed = this.headings.get(heading);
    if (!weighed) {
      weighed = { grams: [...bigrams(heading)], docCount: -1, slots: [], weights: [], total: 0 };
      this.headings.set(heading, weighed);
    }
    const n = this.docCount;
    if (weighed.docCount === n) return weighed;
    weighed.docCount = n;
    weighed.slots = [];
    weighed.weights = [];
    let total = 0;
    for (const g of weighed.grams) {
      const slot = this.grams.get(g);
      const weight = Math.log((n + 1) / ((slot < 0 ? 0 : (this.df.values[slot] ?? 0)) + 0.5));
      if (weight <= 0) continue;
      total += weight;
      weighed.slots.push(slot);
      weighed.weights.push(weight);
    }
    weighed.total = total;
    return weighed;
  }
}

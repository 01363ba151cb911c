/**
 * Word evidence: which story shares a heading's words. Character bigrams stand in for words
 * (Chinese has no spaces); bigrams found in many stories of the page weigh less (idf).
 * Bigrams are numbers (two UTF-16 units), so counting allocates no strings, and they are
 * counted in flat typed-array hash tables rather than `Map`s: this runs over every line of
 * every page.
 */

import { bigrams, Counts, GramTable, MAX_EXPECTED_GRAMS, PageGrams, WORD_IDS, wordId } from "./grams.js";
import type { Unit } from "./units.js";

/** Occurrences of `pair` in `text`, overlapping ones included (`aaa` holds `aa` twice). */
function occurrences(text: string, pair: string): number {
  let n = 0;
  for (let at = text.indexOf(pair); at >= 0; at = text.indexOf(pair, at + 1)) n++;
  return n;
}

/** Joins line texts for {@link occurrences}: a line break is no word character, so no pair spans two lines. */
const LINE_JOINER = "\n";

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

/**
 * Counts in `counts` (by index in `pairs`) each pair of adjacent word characters of one line.
 * @param counts room for every pair of the line to be new
 */
function countLinePairs(text: string, pairs: GramTable, counts: Int32Array): void {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = wordId(text.charCodeAt(i));
    if (c >= 0 && prev >= 0) counts[pairs.intern(prev * WORD_IDS + c)]!++;
    prev = c;
  }
}

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
  /** The page's bigrams, by unit: the cohesion of the page's units reads them too. */
  readonly pageGrams: PageGrams;
  /** Bigrams of the page (`pageGrams`' table) → dense index into `df`, `lastDoc` and the postings. */
  private readonly grams: GramTable;
  /** Number of stories holding each bigram. */
  private readonly df = new Counts();
  /** Last story that counted each bigram (+1; 0 = none): dedupes within one story. */
  private readonly lastDoc = new Counts();
  /** The distinct bigram indexes of every story, story after story. */
  private readonly members = new Counts();
  /** How many of `members` are taken. */
  private memberCount = 0;
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
    this.pageGrams = new PageGrams(this.expectedGrams);
    this.grams = this.pageGrams.table;
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
    // line by line: a loop run once a page stays in baseline code for hundreds of pages, where
    // a function called for every line is soon optimized
    for (const text of this.lineTexts) countLinePairs(text, pairs, this.pairCounts.upTo(pairs.size + text.length));
    return pairs;
  }

  /**
   * Registers a story's text; returns its document index. Its bigrams are those of
   * {@link bigrams}: word characters, pairs taken across the other characters.
   */
  addDocument(text: string): number {
    const stamp = this.docCount + 1;
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const c = wordId(text.charCodeAt(i));
      if (c < 0) continue;
      if (prev >= 0) this.addMember(this.grams.intern(prev * WORD_IDS + c), stamp);
      prev = c;
    }
    return this.closeDocument();
  }

  /**
   * Registers a story made of `units` and returns its document index: the same as
   * {@link addDocument} of their texts run together, put together from the bigrams of each unit
   * ({@link PageGrams}, found once a page) and the bigram across each join of two units, so the
   * story's text is not read again.
   */
  addUnits(units: readonly Unit[]): number {
    const stamp = this.docCount + 1;
    let prevWord = -1;
    for (const unit of units) {
      const { grams, firstWord, lastWord } = this.pageGrams.of(unit);
      // a unit without a word character adds no bigram: the pair is taken across it
      if (firstWord < 0) continue;
      if (prevWord >= 0) this.addMember(this.grams.intern(prevWord * WORD_IDS + firstWord), stamp);
      this.addMembers(grams, stamp);
      prevWord = lastWord;
    }
    return this.closeDocument();
  }

  /** Counts bigram `slot` for the story being added (story `stamp - 1`), once per story. */
  private addMember(slot: number, stamp: number): void {
    const lastDoc = this.lastDoc.upTo(slot + 1);
    if (lastDoc[slot] === stamp) return;
    lastDoc[slot] = stamp;
    this.df.upTo(slot + 1)[slot]!++;
    this.members.upTo(this.memberCount + 1)[this.memberCount++] = slot;
  }

  /** {@link addMember} of each of `slots` (bigrams in the table already), the arrays sized once for them all. */
  private addMembers(slots: Int32Array, stamp: number): void {
    const size = this.grams.size;
    const lastDoc = this.lastDoc.upTo(size);
    const df = this.df.upTo(size);
    const members = this.members.upTo(this.memberCount + slots.length);
    let count = this.memberCount;
    for (let k = 0; k < slots.length; k++) {
      const slot = slots[k]!;
      if (lastDoc[slot] === stamp) continue;
      lastDoc[slot] = stamp;
      df[slot]!++;
      members[count++] = slot;
    }
    this.memberCount = count;
  }

  /** Ends the story being added; returns its document index. */
  private closeDocument(): number {
    this.memberStarts.push(this.memberCount);
    this.postings = null;
    return this.docCount - 1;
  }

  /** Number of stories added. */
  get docCount(): number {
    return this.memberStarts.length - 1;
  }

  /** The postings of every bigram (see {@link postings}), by counting sort of the stories' members. */
  private buildPostings(): Int32Array {
    const size = this.grams.size;
    // the table is the page's: it may hold bigrams of no story, which the counts never reached
    const df = this.df.upTo(size);
    const starts = new Int32Array(size + 1);
    for (let slot = 0; slot < size; slot++) starts[slot + 1] = starts[slot]! + df[slot]!;
    const postings = new Int32Array(starts[size]!);
    const next = starts.slice(0, size);
    const members = this.members.values;
    // locals: read through `this`, the bounds were loaded again for each member
    const memberStarts = this.memberStarts;
    const docs = memberStarts.length - 1;
    for (let doc = 0; doc < docs; doc++) {
      const end = memberStarts[doc + 1]!;
      for (let k = memberStarts[doc]!; k < end; k++) postings[next[members[k]!]!++] = doc;
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
      // (a bigram of no story: none, or one put in the page's table after the postings were built)
      if (slot < 0 || slot >= this.postingStarts.length - 1) continue;
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

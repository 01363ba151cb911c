/**
 * Lexical cohesion: text that goes on with a story repeats the story's words (its names, places,
 * terms), where the text of a neighbouring story on the same page shares only the page's common
 * words. Character bigrams stand in for words; a bigram printed in many units of the page weighs
 * less (idf), and one in more than half of them not at all.
 *
 * Counted in typed arrays (the page's bigram table, which the lexicon shares), not sets: this runs
 * for every page.
 */
import { Counts, PageGrams } from "./grams.js";
import type { Unit } from "./units.js";

/** A bigram in more than this share of the page's body units is a common word of the page: no evidence. */
const MAX_COMMON_SHARE = 0.5;
/** A bigram in only one unit is shared with no other: no evidence either way. */
const MIN_UNITS_HOLDING = 2;

/** The bigrams of a unit that weigh anything, and the sum of their weights. */
interface Weighed {
  grams: Int32Array;
  total: number;
}

/** Bigram weights of the body text of one page, counted on first use. */
export class Cohesion {
  private readonly units: readonly Unit[];
  /** The page's bigrams, by unit. */
  private readonly grams: PageGrams;
  /** How many of the page's body units print each bigram (by table index). */
  private readonly holding = new Counts();
  /** Marks of the context's bigrams for one question (by table index). */
  private readonly marks = new Counts();
  private unitCount = 0;
  private question = 0;
  /** The weight of each bigram counted (by table index); null until the page is counted. */
  private weights: Float64Array | null = null;
  /** The context units whose bigrams carry the current question's mark. */
  private context: readonly Unit[] = [];
  /** The weighed bigrams of each unit asked about. */
  private readonly weighed = new Map<Unit, Weighed>();

  /** @param grams the page's bigram table (shared with the page's lexicon) */
  constructor(units: readonly Unit[], grams: PageGrams = new PageGrams()) {
    this.units = units;
    this.grams = grams;
  }

  /**
   * Share (0..1, idf-weighted) of the bigrams of `unit` that the units of `context` print too: how
   * much `unit` reads as going on with that text. 0 when `unit` has no weighed bigram.
   */
  share(unit: Unit, context: readonly Unit[]): number {
    this.count();
    const marks = this.marks.upTo(this.grams.table.size);
    // the links ask about one end against many starts in turn: its bigrams are marked once
    if (!this.sameContext(context)) {
      const question = ++this.question;
      for (const u of context) for (const g of this.weighedOf(u).grams) marks[g] = question;
      this.context = [...context];
    }
    const question = this.question;
    const { grams, total } = this.weighedOf(unit);
    if (total === 0) return 0;
    const weights = this.weights!;
    let shared = 0;
    for (const g of grams) if (marks[g] === question) shared += weights[g]!;
    return shared / total;
  }

  /** True when `context` holds the units whose bigrams the last question marked, in order. */
  private sameContext(context: readonly Unit[]): boolean {
    const last = this.context;
    if (last.length !== context.length) return false;
    for (let k = 0; k < last.length; k++) if (last[k] !== context[k]) return false;
    return last.length > 0;
  }

  /** The idf weight of a bigram printed in `count` body units: the log of the units over `count` (0 for a unique or common one). */
  private weight(count: number): number {
    return count < MIN_UNITS_HOLDING || count > this.unitCount * MAX_COMMON_SHARE ? 0 : Math.log(this.unitCount / count);
  }

  /**
   * The bigrams of `unit` that weigh anything (most bigrams of a page are printed in one unit
   * only, and weigh nothing), with the sum of their weights; worked out once per unit.
   */
  private weighedOf(unit: Unit): Weighed {
    const known = this.weighed.get(unit);
    if (known !== undefined) return known;
    const weights = this.weights!;
    const all = this.grams.of(unit).grams;
    const grams: number[] = [];
    let total = 0;
    for (const g of all) {
      // a bigram first seen after the count (in a unit the flow made) is in no counted unit: it weighs nothing
      const weight = g < weights.length ? weights[g]! : 0;
      if (weight === 0) continue;
      grams.push(g);
      total += weight;
    }
    const result = { grams: Int32Array.from(grams), total };
    this.weighed.set(unit, result);
    return result;
  }

  /** Counts the bigrams of every body unit of the page, once. */
  private count(): void {
    if (this.weights !== null) return;
    for (const unit of this.units) {
      if (unit.kind !== "body") continue;
      this.unitCount++;
      const grams = this.grams.of(unit).grams;
      const holding = this.holding.upTo(this.grams.table.size);
      for (const g of grams) holding[g]!++;
    }
    const holding = this.holding.upTo(this.grams.table.size);
    // a weight depends on the count alone: one logarithm per count, not one per bigram
    const byCount = new Float64Array(this.unitCount + 1);
    for (let count = 0; count <= this.unitCount; count++) byCount[count] = this.weight(count);
    const weights = new Float64Array(this.grams.table.size);
    for (let g = 0; g < weights.length; g++) weights[g] = byCount[holding[g]!]!;
    this.weights = weights;
  }
}

/**
 * Lexical cohesion: text that goes on with a story repeats the story's words (its names, places,
 * terms), where the text of a neighbouring story on the same page shares only the page's common
 * words. Character bigrams stand in for words; a bigram printed in many units of the page weighs
 * less (idf), and one in more than half of them not at all.
 */
import { bigrams } from "./lexicon.js";
import type { Unit } from "./units.js";

/** A bigram in more than this share of the page's body units is a common word of the page: no evidence. */
const MAX_COMMON_SHARE = 0.5;
/** A bigram in only one unit is shared with no other: no evidence either way. */
const MIN_UNITS_HOLDING = 2;

/** Bigram weights of the body text of one page, built on first use. */
export class Cohesion {
  private readonly units: readonly Unit[];
  private gramsOf: Map<Unit, Set<number>> | null = null;
  private weightOf: Map<number, number> | null = null;

  constructor(units: readonly Unit[]) {
    this.units = units;
  }

  /**
   * Share (0..1, idf-weighted) of the bigrams of `unit` that the units of `context` print too: how
   * much `unit` reads as going on with that text. 0 when `unit` has no weighed bigram.
   */
  share(unit: Unit, context: readonly Unit[]): number {
    const grams = this.gramsOfUnit(unit);
    const weights = this.weights();
    const contextGrams = context.map((u) => this.gramsOfUnit(u));
    let total = 0;
    let shared = 0;
    for (const gram of grams) {
      const weight = weights.get(gram) ?? 0;
      if (weight === 0) continue;
      total += weight;
      if (contextGrams.some((g) => g.has(gram))) shared += weight;
    }
    return total === 0 ? 0 : shared / total;
  }

  private gramsOfUnit(unit: Unit): Set<number> {
    const known = this.grams().get(unit);
    if (known !== undefined) return known;
    // a unit the flow made (a joined heading) is not among the page's body units: weighed alike
    const grams = bigrams(unitText(unit));
    this.grams().set(unit, grams);
    return grams;
  }

  /** The bigrams of every body unit of the page, counted once. */
  private grams(): Map<Unit, Set<number>> {
    if (this.gramsOf === null) {
      this.gramsOf = new Map();
      for (const unit of this.units) if (unit.kind === "body") this.gramsOf.set(unit, bigrams(unitText(unit)));
    }
    return this.gramsOf;
  }

  /** The idf weight of each bigram of the page's body units (log of units over units holding it). */
  private weights(): Map<number, number> {
    if (this.weightOf !== null) return this.weightOf;
    const held = new Map<number, number>();
    let n = 0;
    for (const grams of this.grams().values()) {
      n++;
      for (const gram of grams) held.set(gram, (held.get(gram) ?? 0) + 1);
    }
    const weights = new Map<number, number>();
    for (const [gram, count] of held) weights.set(gram, count < MIN_UNITS_HOLDING || count > n * MAX_COMMON_SHARE ? 0 : Math.log(n / count));
    this.weightOf = weights;
    return weights;
  }
}

function unitText(unit: Unit): string {
  let text = "";
  for (const line of unit.lines) text += line.text;
  return text;
}

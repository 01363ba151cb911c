/**
 * ALTO (v2, v3, v4; any of their namespaces, or none) → the layout model. Reads
 * `MeasurementUnit`, `TextStyle` font sizes referenced by `STYLEREFS` on blocks, lines and
 * strings, `TextBlock` / `TextLine` / `String CONTENT` / `SP`, hyphenation (`HYP`,
 * `SUBS_TYPE` + `SUBS_CONTENT`, joined once), `ComposedBlock` (flattened, children keep its id),
 * and the reading order (`ReadingOrder` groups, else `IDNEXT` chains).
 */
import type { Box, LayoutBlock, LayoutDocument, LayoutLine, LayoutPage, LayoutWord, SourceRef } from "./model.js";
import { LayoutInputError, walkXml, type XmlElement } from "./xml.js";

/** ALTO `MeasurementUnit` values → the model's unit names. */
const UNITS: Record<string, string> = { pixel: "px", mm10: "mm10", inch1200: "in1200" };

interface PendingWord extends LayoutWord {
  styleRefs: string[];
  /** `HypPart1`, `HypPart2` or null. */
  subsType: string | null;
  /** True when the text is the `SUBS_CONTENT` of a hyphenated word (the whole word). */
  whole: boolean;
}

interface PendingLine {
  words: PendingWord[];
  box: Box;
  styleRefs: string[];
  source: SourceRef;
  vertical: boolean;
  /** The line ends with a `HYP` element: its last word goes on at the start of the next line. */
  endsWithHyphen: boolean;
  /** The line has `SP` elements: its spaces are explicit (else they are told from the words' scripts). */
  hasSpaces: boolean;
}

interface PendingBlock {
  id: string;
  lines: PendingLine[];
  box: Box;
  styleRefs: string[];
  source: SourceRef;
  parentIds: string[];
  idNext: string | null;
}

interface PendingPage {
  pageNumber: number;
  width: number;
  height: number;
  blocks: PendingBlock[];
  problems: { code: string; message: string }[];
}

const num = (v: string | undefined): number | null => {
  if (v === undefined || v.trim() === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

const refsOf = (v: string | undefined): string[] => (v ? v.trim().split(/\s+/u) : []);

/**
 * Reads an ALTO file.
 * @param text the decoded XML
 * @param sourceName the file name, for error messages
 * @returns the pages with their blocks, lines and words
 * @throws LayoutInputError for malformed or malicious XML, or a file that is not ALTO
 */
export function readAlto(text: string, sourceName: string): LayoutDocument {
  const fontSizes = new Map<string, number>();
  const pages: PendingPage[] = [];
  const order: string[] = [];
  let unit = "px";
  let sawRoot = false;
  let inUnit = false;
  let unitText = "";
  let page: PendingPage | null = null;
  const composed: string[] = [];
  let block: PendingBlock | null = null;
  let line: PendingLine | null = null;
  let spacePending = false;

  const boxOf = (el: XmlElement, problems: { code: string; message: string }[] | null): Box => {
    const x = num(el.attrs.HPOS);
    const y = num(el.attrs.VPOS);
    const w = num(el.attrs.WIDTH);
    const h = num(el.attrs.HEIGHT);
    if (x === null || y === null || w === null || h === null) {
      problems?.push({ code: "alto-missing-position", message: `${el.name} at line ${el.line} has no complete HPOS/VPOS/WIDTH/HEIGHT` });
      return [x ?? 0, y ?? 0, (x ?? 0) + (w ?? 0), (y ?? 0) + (h ?? 0)];
    }
    return [x, y, x + w, y + h];
  };
  const ref = (el: XmlElement, end = el.start): SourceRef => ({ start: el.start, end, line: el.line });

  walkXml(text, sourceName, {
    open(el) {
      switch (el.name) {
        case "alto":
          sawRoot = true;
          break;
        case "MeasurementUnit":
          inUnit = true;
          unitText = "";
          break;
        case "TextStyle": {
          const size = num(el.attrs.FONTSIZE);
          if (el.attrs.ID && size !== null && size > 0) fontSizes.set(el.attrs.ID, size);
          break;
        }
        case "ElementRef":
          if (el.attrs.REF) order.push(el.attrs.REF);
          break;
        case "Page":
          page = {
            pageNumber: num(el.attrs.PHYSICAL_IMG_NR) ?? pages.length + 1,
            width: num(el.attrs.WIDTH) ?? 0,
            height: num(el.attrs.HEIGHT) ?? 0,
            blocks: [],
            problems: [],
          };
          if (!Number.isInteger(page.pageNumber) || page.pageNumber < 1) page.pageNumber = pages.length + 1;
          pages.push(page);
          break;
        case "ComposedBlock":
          composed.push(el.attrs.ID ?? `composed-${el.start}`);
          break;
        case "TextBlock":
          if (!page) throw new LayoutInputError(sourceName, el.line, "TextBlock outside a Page");
          block = {
            id: el.attrs.ID ?? `block-${page.pageNumber}-${page.blocks.length + 1}`,
            lines: [],
            box: boxOf(el, page.problems),
            styleRefs: refsOf(el.attrs.STYLEREFS),
            source: ref(el),
            parentIds: [...composed],
            idNext: el.attrs.IDNEXT ?? null,
          };
          break;
        case "TextLine":
          if (!block) throw new LayoutInputError(sourceName, el.line, "TextLine outside a TextBlock");
          line = {
            words: [],
            box: boxOf(el, page!.problems),
            styleRefs: refsOf(el.attrs.STYLEREFS),
            source: ref(el),
            vertical: isVertical(el.attrs.ROTATION),
            endsWithHyphen: false,
            hasSpaces: false,
          };
          spacePending = false;
          break;
        case "String": {
          if (!line) throw new LayoutInputError(sourceName, el.line, "String outside a TextLine");
          const subsType = el.attrs.SUBS_TYPE ?? null;
          const content = el.attrs.CONTENT ?? "";
          const whole = subsType === "HypPart1" && (el.attrs.SUBS_CONTENT ?? "") !== "";
          const word: PendingWord = {
            text: whole ? el.attrs.SUBS_CONTENT! : content,
            whole,
            box: boxOf(el, null),
            spaceBefore: spacePending,
            source: ref(el),
            styleRefs: refsOf(el.attrs.STYLEREFS),
            subsType,
          };
          spacePending = false;
          line.words.push(word);
          break;
        }
        case "SP":
          spacePending = true;
          if (line) line.hasSpaces = true;
          break;
        case "HYP":
          if (line) line.endsWithHyphen = true;
          break;
      }
    },
    text(t) {
      if (inUnit) unitText += t;
    },
    close(el, end) {
      switch (el.name) {
        case "MeasurementUnit":
          inUnit = false;
          unit = UNITS[unitText.trim()] ?? unit;
          break;
        case "ComposedBlock":
          composed.pop();
          break;
        case "TextBlock":
          if (block && page) {
            block.source.end = end;
            page.blocks.push(block);
          }
          block = null;
          break;
        case "TextLine":
          if (line && block) {
            line.source.end = end;
            block.lines.push(line);
          }
          line = null;
          break;
        case "String": {
          const w = line?.words[line.words.length - 1];
          if (w) w.source.end = end;
          break;
        }
      }
    },
  });
  if (!sawRoot) throw new LayoutInputError(sourceName, null, "not an ALTO file (no <alto> root element)");
  return { format: "alto", pages: pages.map((p) => finishPage(p, unit, fontSizes, order)) };
}

/** ALTO `ROTATION` of 90 or 270 degrees sets text vertically. */
function isVertical(rotation: string | undefined): boolean {
  const r = num(rotation);
  return r !== null && Math.abs(Math.abs(r % 180) - 90) < 1;
}

function sizeOf(refs: readonly string[], fontSizes: ReadonlyMap<string, number>): number | null {
  for (const r of refs) {
    const size = fontSizes.get(r);
    if (size !== undefined) return size;
  }
  return null;
}

function finishPage(p: PendingPage, unit: string, fontSizes: ReadonlyMap<string, number>, order: readonly string[]): LayoutPage {
  const blocks: LayoutBlock[] = p.blocks.map((b) => {
    const blockSize = sizeOf(b.styleRefs, fontSizes);
    for (const l of b.lines) if (!l.hasSpaces) inferSpaces(l.words);
    joinHyphenation(b.lines);
    const lines: LayoutLine[] = b.lines
      .filter((l) => l.words.length > 0)
      .map((l) => ({
        words: l.words.map(({ text, box, spaceBefore, source }) => ({ text, box, spaceBefore, source })),
        box: l.box,
        fontSize: sizeOf(l.styleRefs, fontSizes) ?? wordsSize(l.words, fontSizes) ?? blockSize,
        vertical: l.vertical,
        source: l.source,
      }));
    const out: LayoutBlock = { id: b.id, lines, box: b.box, source: b.source };
    if (b.parentIds.length > 0) out.parentIds = b.parentIds;
    return out;
  });
  const { ordered, explicit } = readingOrder(p.blocks, blocks, order);
  return {
    pageNumber: p.pageNumber,
    width: p.width,
    height: p.height,
    unit,
    blocks: ordered,
    explicitOrder: explicit,
    problems: p.problems,
  };
}

/** The font size most of a line's characters are set in, from the strings' styles. */
function wordsSize(words: readonly PendingWord[], fontSizes: ReadonlyMap<string, number>): number | null {
  const byChars = new Map<number, number>();
  for (const w of words) {
    const size = sizeOf(w.styleRefs, fontSizes);
    if (size !== null) byChars.set(size, (byChars.get(size) ?? 0) + w.text.length);
  }
  let best: number | null = null;
  let most = 0;
  for (const [size, n] of byChars) if (n > most) [best, most] = [size, n];
  return best;
}

/**
 * Characters set without spaces between words: CJK ideographs, kana, hangul, and CJK and
 * full-width punctuation. Two Strings meeting at one of them are one run of text.
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Spaces of a line without `SP` elements (Tesseract and other engines leave them out): each
 * `String` is a word, so two of them are spaced unless they meet at a CJK character or
 * full-width punctuation, which is set without spaces.
 */
function inferSpaces(words: PendingWord[]): void {
  for (let i = 1; i < words.length; i++) {
    const before = words[i - 1]!.text.at(-1) ?? "";
    const after = words[i]!.text[0] ?? "";
    if (before !== "" && after !== "" && !UNSPACED.test(before) && !UNSPACED.test(after)) words[i]!.spaceBefore = true;
  }
}

/**
 * A line-final word broken with a plain hyphen in its CONTENT (no `HYP` element, as Tesseract
 * writes it): a letter, then `-`, at the end of the line, and a lower-case letter starting the
 * next. `Kapuziner-` / `kloster` is `Kapuzinerkloster`; `braucht-` / `Auch` stays as printed.
 */
const LINE_END_HYPHEN = /\p{Ll}[-\u00ad]$/u;
const LOWER_START = /^\p{Ll}/u;

/**
 * Joins hyphenated words once: with `SUBS_CONTENT` the first part already holds the whole word
 * and the second part is dropped; without it (or after a bare `HYP`), the second part is
 * appended to the first.
 */
function joinHyphenation(lines: PendingLine[]): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const last = line.words[line.words.length - 1];
    const next = lines[i + 1]!;
    const first = next.words[0];
    if (!last || !first) continue;
    const hyphenated = last.subsType === "HypPart1" || (line.endsWithHyphen && last.subsType === null);
    if (!hyphenated) {
      // a plain hyphen left in the CONTENT: the word goes on, the hyphen is no letter of it
      if (last.subsType === null && first.subsType === null && !line.endsWithHyphen && LINE_END_HYPHEN.test(last.text) && LOWER_START.test(first.text)) {
        last.text = last.text.slice(0, -1) + first.text;
        next.words.shift();
        if (next.words[0]) next.words[0].spaceBefore = false;
      }
      continue;
    }
    if (!last.whole) last.text += first.text;
    next.words.shift();
    if (next.words[0]) next.words[0].spaceBefore = false;
  }
}

/** Blocks in the order of `ReadingOrder` refs (a ComposedBlock ref stands for its children), else of `IDNEXT` chains. */
function readingOrder(pending: readonly PendingBlock[], blocks: LayoutBlock[], refs: readonly string[]): { ordered: LayoutBlock[]; explicit: boolean } {
  const index = new Map<string, number[]>();
  pending.forEach((b, i) => {
    for (const id of [b.id, ...b.parentIds]) index.set(id, [...(index.get(id) ?? []), i]);
  });
  const taken = new Set<number>();
  const ordered: LayoutBlock[] = [];
  for (const r of refs) {
    for (const i of index.get(r) ?? []) {
      if (taken.has(i)) continue;
      taken.add(i);
      ordered.push(blocks[i]!);
    }
  }
  if (ordered.length > 0) {
    blocks.forEach((b, i) => {
      if (!taken.has(i)) ordered.push(b);
    });
    return { ordered, explicit: true };
  }
  if (!pending.some((b) => b.idNext !== null)) return { ordered: blocks, explicit: false };
  const byId = new Map(pending.map((b, i) => [b.id, i]));
  const hasPredecessor = new Set(pending.map((b) => (b.idNext === null ? -1 : (byId.get(b.idNext) ?? -1))));
  for (let i = 0; i < pending.length; i++) {
    if (taken.has(i) || hasPredecessor.has(i)) continue;
    for (let k: number | undefined = i; k !== undefined && !taken.has(k); k = byId.get(pending[k]!.idNext ?? "")) {
      taken.add(k);
      ordered.push(blocks[k]!);
    }
  }
  blocks.forEach((b, i) => {
    if (!taken.has(i)) ordered.push(b);
  });
  return { ordered, explicit: true };
}

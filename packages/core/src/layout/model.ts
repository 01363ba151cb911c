/**
 * The layout model: what every layout input (PDF, ALTO, hOCR) is read into before articles are
 * assembled. Readers only fill this model; one assembly turns it into a Page, so PDF, ALTO and
 * hOCR share all evidence rules (font size, position, reading order).
 */

/** `[x0, y0, x1, y1]`: left, top, right, bottom, in the page's units (y grows downwards). */
export type Box = [number, number, number, number];

/** Where a piece of layout text came from in the source file. */
export interface SourceRef {
  /** Offset of the element in the decoded source text (UTF-16 units); for PDF, 0 and 0. */
  start: number;
  /** Offset just past the element. */
  end: number;
  /** 1-based line of `start` in the source text (for PDF, the page number). */
  line: number;
}

/** One word (ALTO `String`, hOCR `ocrx_word`, a PDF text item or a piece of one). */
export interface LayoutWord {
  /** The text, look-alike glyphs already mapped back (see the PDF reader). */
  text: string;
  box: Box;
  /** True when the source puts a space before this word (ALTO `SP`, a gap in the PDF). */
  spaceBefore: boolean;
  source: SourceRef;
}

/** One printed line: words in reading order. */
export interface LayoutLine {
  words: LayoutWord[];
  box: Box;
  /** Font size in points when the source gives it (ALTO `TextStyle`, hOCR `x_fsize`, PDF transform). */
  fontSize: number | null;
  /** True for text set vertically (one glyph per line, read top to bottom). */
  vertical: boolean;
  source: SourceRef;
}

/** A block of lines the source (or the geometry) groups together. */
export interface LayoutBlock {
  /** The source's id for it (ALTO `ID`, hOCR `id`), or a generated one. */
  id: string;
  lines: LayoutLine[];
  box: Box;
  source: SourceRef;
  /** Ids of the groups the block sits in, outermost first (ALTO `ComposedBlock`), so METS areas naming a group reach its blocks. */
  parentIds?: string[];
}

/** One page of a layout input. */
export interface LayoutPage {
  /** 1-based page number in the source file. */
  pageNumber: number;
  /** Page width and height in the page's units. */
  width: number;
  height: number;
  /** Unit of every box on this page: `pt` (PDF), `px` (hOCR, ALTO pixel), `mm10` (ALTO), `in1200` (ALTO). */
  unit: string;
  /** Blocks in reading order when the source gives one (ALTO `ReadingOrder`), else in source order. */
  blocks: LayoutBlock[];
  /** True when the source's reading order is explicit (so geometry must not reorder it). */
  explicitOrder: boolean;
  /** Problems found while reading (bad attribute, unmapped font…), for the Page's diagnostics. */
  problems: { code: string; message: string }[];
}

/** A whole layout file: one or more pages. */
export interface LayoutDocument {
  /** `pdf`, `alto` or `hocr`. */
  format: "pdf" | "alto" | "hocr";
  pages: LayoutPage[];
  /** Logical articles when the source gives them (METS structMap): lists of block ids per article. */
  articles?: { id: string; blockIds: string[] }[];
}

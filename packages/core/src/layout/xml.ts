/**
 * Safe XML reading for layout files (ALTO, hOCR, METS): a streaming parser (saxes) that never
 * loads external entities nor expands declared ones, a size limit, and one error type whose
 * message names the file and the line.
 */
import { createRequire } from "node:module";
import type { SaxesTagNS } from "saxes";

/**
 * saxes, loaded when the first layout file is read: most runs parse text dumps only, and every
 * thread that imports the parser would otherwise load it (with its Unicode tables) for nothing.
 * A CommonJS package, so it loads synchronously here.
 */
let saxes: typeof import("saxes") | null = null;
const loadSaxes = (): typeof import("saxes") => (saxes ??= createRequire(import.meta.url)("saxes") as typeof import("saxes"));

/** Layout files larger than this (UTF-16 units of the decoded text) are refused: a page's ALTO is a few MB. */
export const MAX_LAYOUT_CHARS = 64 * 1024 * 1024;

/** A layout file that cannot be read: malformed, malicious or too big. The message names the file and the line. */
export class LayoutInputError extends Error {
  /** Name of the file the error is about. */
  readonly sourceName: string;
  /** 1-based line of the problem, or null when it concerns the whole file. */
  readonly line: number | null;

  constructor(sourceName: string, line: number | null, problem: string) {
    super(line === null ? `${sourceName}: ${problem}` : `${sourceName}:${line}: ${problem}`);
    this.name = "LayoutInputError";
    this.sourceName = sourceName;
    this.line = line;
  }
}

/** An element as the walker reports it. */
export interface XmlElement {
  /** Local name (no prefix). */
  name: string;
  /** Namespace URI, or "" when none. */
  uri: string;
  /** Attributes by local name. */
  attrs: Record<string, string>;
  /** Offset of the `<` of the start tag in the text. */
  start: number;
  /** 1-based line of `start`. */
  line: number;
}

/** Callbacks of {@link walkXml}. */
export interface XmlHandlers {
  /** Character names the format uses besides XML's five (XHTML's `&nbsp;` in hOCR): fixed text, never expanded further. */
  characterNames?: Readonly<Record<string, string>>;
  open?(el: XmlElement): void;
  /** Called at the end tag (or the end of an empty element); `end` is the offset just past it. */
  close?(el: XmlElement, end: number): void;
  text?(text: string): void;
}

/** Offsets of line starts, to turn an offset into a 1-based line. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** A DOCTYPE may name an external DTD (XHTML hOCR does) but never declare entities. */
const ENTITY_DECLARATION = /<!ENTITY/iu;

/**
 * Walks an XML text element by element.
 * @param text the decoded file
 * @param sourceName file name for error messages
 * @param handlers element callbacks
 * @throws LayoutInputError when the text is too big, declares entities, or is not well-formed
 */
export function walkXml(text: string, sourceName: string, handlers: XmlHandlers): void {
  if (text.length > MAX_LAYOUT_CHARS) {
    throw new LayoutInputError(sourceName, null, `file too large (${text.length} characters, the limit is ${MAX_LAYOUT_CHARS})`);
  }
  const lines = new LineIndex(text);
  const parser = new (loadSaxes().SaxesParser)({ xmlns: true, position: true, fileName: sourceName });
  if (handlers.characterNames) Object.assign(parser.ENTITIES, handlers.characterNames);
  const stack: XmlElement[] = [];
  let problem: LayoutInputError | null = null;
  const fail = (message: string): never => {
    throw new LayoutInputError(sourceName, parser.line, message);
  };
  parser.on("error", (error) => {
    // saxes prefixes the file name and position; keep only its message
    const message = error.message.replace(/^.*?:\d+:\d+: /u, "");
    fail(`malformed XML: ${message}`);
  });
  parser.on("doctype", (doctype) => {
    if (ENTITY_DECLARATION.test(doctype)) fail("the DOCTYPE declares entities; refused (entity expansion and external entities are not allowed)");
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const tagStart = text.lastIndexOf("<", parser.position - 1);
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) attrs[attr.local] = attr.value;
    const el: XmlElement = { name: tag.local, uri: tag.uri, attrs, start: tagStart, line: lines.lineOf(tagStart) };
    handlers.open?.(el);
    if (tag.isSelfClosing) handlers.close?.(el, parser.position);
    else stack.push(el);
  });
  parser.on("closetag", (tag: SaxesTagNS) => {
    if (tag.isSelfClosing) return;
    const el = stack.pop();
    if (el) handlers.close?.(el, parser.position);
  });
  if (handlers.text) {
    const onText = handlers.text;
    parser.on("text", (t) => onText(t));
    parser.on("cdata", (t) => onText(t));
  }
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof LayoutInputError) problem = error;
    else throw new LayoutInputError(sourceName, parser.line, `malformed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (problem) throw problem;
}

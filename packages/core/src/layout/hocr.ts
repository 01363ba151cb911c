/**
 * hOCR (XHTML) → the layout model: `ocr_page` pages, `ocr_carea` blocks (else `ocr_par`, else
 * one block per page), `ocr_line` (and the other line classes) lines, `ocrx_word` words, from the
 * `title` properties `bbox`, `x_fsize` and `textangle`.
 */
import type { Box, LayoutBlock, LayoutDocument, LayoutLine, LayoutPage, SourceRef } from "./model.js";
import { LayoutInputError, walkXml, type XmlElement } from "./xml.js";

/** XHTML character names hOCR writers use (HTML has more; these are the spaces, dashes and quotes of text). */
const XHTML_CHARACTERS: Readonly<Record<string, string>> = {
  nbsp: "\u00a0",
  ensp: "\u2002",
  emsp: "\u2003",
  thinsp: "\u2009",
  shy: "\u00ad",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  middot: "\u00b7",
};

/** hOCR classes of a text line. */
const LINE_CLASSES = new Set(["ocr_line", "ocrx_line", "ocr_header", "ocr_caption", "ocr_textfloat"]);

/** The `title` properties of an hOCR element: `bbox 0 0 10 10; x_fsize 9` → `{ bbox: "0 0 10 10", x_fsize: "9" }`. */
export function titleProperties(title: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (title ?? "").split(";")) {
    const m = /^\s*(\S+)\s*(.*?)\s*$/u.exec(part);
    if (m?.[1]) out[m[1]] = m[2] ?? "";
  }
  return out;
}

function bboxOf(props: Record<string, string>): Box | null {
  const parts = (props.bbox ?? "").split(/\s+/u).map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  return [parts[0]!, parts[1]!, parts[2]!, parts[3]!];
}

const classesOf = (el: XmlElement): string[] => (el.attrs.class ?? "").split(/\s+/u).filter((c) => c !== "");

interface Open {
  kind: "page" | "carea" | "par" | "line" | "word" | "other";
  el: XmlElement;
}

/**
 * Reads an hOCR file.
 * @param text the decoded XHTML
 * @param sourceName the file name, for error messages
 * @throws LayoutInputError for malformed or malicious XML, or a file without `ocr_page`
 */
export function readHocr(text: string, sourceName: string): LayoutDocument {
  const pages: LayoutPage[] = [];
  const stack: Open[] = [];
  let page: LayoutPage | null = null;
  let block: LayoutBlock | null = null;
  /** Which class made the current block: a carea holds pars, which then do not start blocks. */
  let blockKind: "carea" | "par" | "page" | null = null;
  let line: LayoutLine | null = null;
  let wordText = "";
  let lineText = "";
  let spaceSeen = false;
  const ref = (el: XmlElement): SourceRef => ({ start: el.start, end: el.start, line: el.line });
  const bad = (el: XmlElement, what: string) => page?.problems.push({ code: "hocr-missing-bbox", message: `${what} at line ${el.line} has no bbox` });

  const startBlock = (el: XmlElement, kind: "carea" | "par" | "page", box: Box) => {
    block = { id: el.attrs.id ?? `block-${page!.pageNumber}-${page!.blocks.length + 1}`, lines: [], box, source: ref(el) };
    blockKind = kind;
    page!.blocks.push(block);
  };

  walkXml(text, sourceName, {
    characterNames: XHTML_CHARACTERS,
    open(el) {
      const classes = classesOf(el);
      const props = titleProperties(el.attrs.title);
      let kind: Open["kind"] = "other";
      if (classes.includes("ocr_page")) {
        kind = "page";
        const box = bboxOf(props) ?? [0, 0, 0, 0];
        const pageNo = Number((props.ppageno ?? "").trim());
        page = {
          pageNumber: Number.isInteger(pageNo) && pageNo >= 0 ? pageNo + 1 : pages.length + 1,
          width: box[2],
          height: box[3],
          unit: "px",
          blocks: [],
          explicitOrder: false,
          problems: [],
        };
        if (pages.some((p) => p.pageNumber === page!.pageNumber)) page.pageNumber = pages.length + 1;
        pages.push(page);
        block = null;
        blockKind = null;
      } else if (classes.includes("ocr_carea") && page) {
        kind = "carea";
        const box = bboxOf(props);
        if (!box) bad(el, "ocr_carea");
        startBlock(el, "carea", box ?? [0, 0, 0, 0]);
      } else if (classes.includes("ocr_par") && page) {
        kind = "par";
        if (blockKind !== "carea") startBlock(el, "par", bboxOf(props) ?? [0, 0, 0, 0]);
      } else if (classes.some((c) => LINE_CLASSES.has(c)) && page) {
        kind = "line";
        if (!block) startBlock(el, "page", [0, 0, page.width, page.height]);
        const box = bboxOf(props);
        if (!box) bad(el, "ocr_line");
        const size = Number((props.x_fsize ?? "").trim());
        const angle = Number((props.textangle ?? "").trim());
        line = {
          words: [],
          box: box ?? [0, 0, 0, 0],
          fontSize: props.x_fsize !== undefined && Number.isFinite(size) && size > 0 ? size : null,
          vertical: Number.isFinite(angle) && Math.abs(Math.abs(angle % 180) - 90) < 1,
          source: ref(el),
        };
        spaceSeen = false;
        lineText = "";
      } else if (classes.includes("ocrx_word") && line) {
        kind = "word";
        wordText = "";
        const box = bboxOf(props);
        if (!box) bad(el, "ocrx_word");
        line.words.push({ text: "", box: box ?? line.box, spaceBefore: spaceSeen && line.words.length > 0, source: ref(el) });
        spaceSeen = false;
      }
      stack.push({ kind, el });
    },
    text(t) {
      const inWord = stack.some((o) => o.kind === "word");
      if (inWord) wordText += t;
      else if (line) {
        lineText += t;
        if (/\s/u.test(t)) spaceSeen = true;
      }
    },
    close(el, end) {
      const open = stack.pop();
      if (!open) return;
      switch (open.kind) {
        case "word": {
          const w = line?.words[line.words.length - 1];
          if (w) {
            w.text = wordText.trim();
            w.source.end = end;
            if (w.text === "") line!.words.pop();
          }
          break;
        }
        case "line":
          if (line && block) {
            line.source.end = end;
            // a line without word elements: its text is one word
            if (line.words.length === 0 && lineText.trim() !== "") {
              line.words.push({ text: lineText.trim(), box: line.box, spaceBefore: false, source: { ...line.source } });
            }
            if (line.words.length > 0) (block as LayoutBlock).lines.push(line);
          }
          line = null;
          break;
        case "par":
          if (blockKind === "par" && block) {
            (block as LayoutBlock).source.end = end;
            block = null;
            blockKind = null;
          }
          break;
        case "carea":
          if (block) (block as LayoutBlock).source.end = end;
          block = null;
          blockKind = null;
          break;
        case "page":
          if (page) {
            page.blocks = page.blocks.filter((b) => b.lines.length > 0);
            for (const b of page.blocks) if (b.source.end === b.source.start) b.source.end = end;
          }
          page = null;
          block = null;
          blockKind = null;
          break;
        default:
          break;
      }
      void el;
    },
  });
  if (pages.length === 0) throw new LayoutInputError(sourceName, null, "not an hOCR file (no element of class ocr_page)");
  return { format: "hocr", pages };
}

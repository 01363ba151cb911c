/**
 * Writes small PDFs for the reader's tests, byte by byte, so every case (fonts with and without
 * a Unicode map, a predefined CJK CMap, rotated text, many pages, encryption) is built in the test
 * and nothing binary is checked in.
 */

/** Fonts of the fixtures. */
export type FixtureFont =
  /** Helvetica (a standard font), WinAnsi: ASCII text only. */
  | "latin"
  /** A CID font with Identity-H codes and a ToUnicode map: any text. */
  | "cjk"
  /** The same codes with no ToUnicode and no font program: glyph ids only, no letters. */
  | "nounicode"
  /** STSong-Light with the predefined UniGB-UCS2-H CMap (not embedded): needs pdf.js's bundled CMaps. */
  | "gb";

/** One text run: `text` set from (x, y) in PDF coordinates (y up), `size` points. */
export interface FixtureRun {
  text: string;
  x: number;
  y: number;
  size: number;
  font?: FixtureFont;
  /** Set the run rotated 90° clockwise: read top to bottom. */
  rotate?: boolean;
}

export interface FixturePage {
  width?: number;
  height?: number;
  runs: FixtureRun[];
}

export interface FixtureOptions {
  /** Add an /Encrypt dictionary whose password check fails (a PDF that needs a password). */
  encrypted?: boolean;
}

const FONT_NAMES: Record<FixtureFont, string> = { latin: "F1", cjk: "F2", nounicode: "F3", gb: "F4" };

/** Builds a PDF of the given pages. */
export function buildPdf(pages: readonly FixturePage[], options: FixtureOptions = {}): Uint8Array {
  // CIDs of the Identity-H fonts: one per distinct character, from 1
  const cids = new Map<string, number>();
  for (const page of pages) {
    for (const run of page.runs) {
      if (run.font !== "cjk" && run.font !== "nounicode") continue;
      for (const ch of run.text) if (!cids.has(ch)) cids.set(ch, cids.size + 1);
    }
  }
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const stream = (dict: string, data: string) => `<< ${dict} /Length ${data.length} >>\nstream\n${data}\nendstream`;

  const catalog = add("CATALOG");
  const pagesObj = add("PAGES");
  const latin = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const descriptor = add("<< /Type /FontDescriptor /FontName /FixtureSans /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>");
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FixtureSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`);
  const toUnicode = add(stream("", toUnicodeCMap(cids)));
  const cjk = add(`<< /Type /Font /Subtype /Type0 /BaseFont /FixtureSans /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const noUnicode = add(`<< /Type /Font /Subtype /Type0 /BaseFont /FixtureSans /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] >>`);
  const gbDescriptor = add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
  const gbCid = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${gbDescriptor} 0 R /DW 1000 >>`);
  const gb = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${gbCid} 0 R] >>`);
  const fonts = `<< /F1 ${latin} 0 R /F2 ${cjk} 0 R /F3 ${noUnicode} 0 R /F4 ${gb} 0 R >>`;

  const kids: number[] = [];
  for (const page of pages) {
    const width = page.width ?? 595;
    const height = page.height ?? 842;
    const content = page.runs.map((run) => runOperators(run, cids)).join("\n");
    const contents = add(stream("", content));
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font ${fonts} >> /Contents ${contents} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let encrypt = "";
  if (options.encrypted) {
    const e = add(`<< /Filter /Standard /V 1 /R 2 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> /P -4 >>`);
    encrypt = ` /Encrypt ${e} 0 R /ID [<${"01".repeat(16)}> <${"01".repeat(16)}>]`;
  }

  let out = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

function runOperators(run: FixtureRun, cids: ReadonlyMap<string, number>): string {
  const font = run.font ?? "latin";
  const matrix = run.rotate ? `0 -1 1 0 ${run.x} ${run.y}` : `1 0 0 1 ${run.x} ${run.y}`;
  let shown: string;
  if (font === "latin") {
    shown = `(${run.text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  } else if (font === "gb") {
    shown = `<${[...run.text].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, "0")).join("")}>`;
  } else {
    shown = `<${[...run.text].map((ch) => cids.get(ch)!.toString(16).padStart(4, "0")).join("")}>`;
  }
  return `BT /${FONT_NAMES[font]} ${run.size} Tf ${matrix} Tm ${shown} Tj ET`;
}

/** A ToUnicode CMap: each CID to its character (UTF-16BE). */
function toUnicodeCMap(cids: ReadonlyMap<string, number>): string {
  const entries = [...cids].map(([ch, cid]) => {
    const utf16 = [...ch.split("")].map((u) => u.charCodeAt(0).toString(16).padStart(4, "0")).join("");
    return `<${cid.toString(16).padStart(4, "0")}> <${utf16}>`;
  });
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Fixture-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange",
    "<0000> <FFFF>",
    "endcodespacerange",
    ...chunks,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}

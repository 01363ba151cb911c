/**
 * Hand-made ALTO pages with known coordinates for the layout tests: blocks of lines at given
 * positions and type sizes, one String per line (or per glyph for vertical text).
 */
import { displayWidth } from "../../src/text/chars.js";

/** Pixels per em at 10 pt (300 dpi: 10 pt = 41.7 px). */
export const EM = 42;

export interface BlockSpec {
  id: string;
  x: number;
  y: number;
  /** Type size in points; lines are EM × size / 10 high. */
  size: number;
  /** Lines as printed; a leading "  " indents the line by two ems; a trailing ">" right-aligns it in `width`. */
  lines: string[];
  /** Column width (px) for right-aligned lines. */
  width?: number;
  /** One glyph per line, stacked (vertical text). */
  vertical?: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** An ALTO v4 page of the given blocks, with a TextStyle per size. */
export function altoPage(blocks: readonly BlockSpec[], page = { width: 4000, height: 5600 }): string {
  const sizes = [...new Set(blocks.map((b) => b.size))];
  const styles = sizes.map((s) => `<TextStyle ID="font_${s}" FONTSIZE="${s}"/>`).join("\n    ");
  const body = blocks
    .map((b) => {
      const em = (EM * b.size) / 10;
      const pitch = Math.round(em * 1.6);
      const lines = b.lines.map((raw, i) => {
        const indent = raw.startsWith("  ") ? 2 * em : 0;
        const right = raw.endsWith(">");
        const text = raw.trim().replace(/>$/u, "");
        const w = Math.round(displayWidth(text.replace(/\s/gu, "")) * em);
        const x = b.vertical ? b.x : right ? b.x + (b.width ?? w) - w : b.x + indent;
        const y = b.y + i * (b.vertical ? Math.round(em * 1.1) : pitch);
        const h = Math.round(em);
        const words = text.split(" ");
        let wx = x;
        const strings = words
          .map((word, k) => {
            const ww = Math.round(displayWidth(word) * em);
            const s = `${k > 0 ? `<SP WIDTH="${Math.round(em / 2)}"/>` : ""}<String CONTENT="${esc(word)}" HPOS="${wx}" VPOS="${y}" WIDTH="${ww}" HEIGHT="${h}"/>`;
            wx += ww + Math.round(em / 2);
            return s;
          })
          .join("");
        return { x, y, w: wx - x - Math.round(em / 2), h, strings };
      });
      const x0 = Math.min(...lines.map((l) => l.x));
      const y0 = lines[0]!.y;
      const x1 = Math.max(...lines.map((l) => l.x + l.w));
      const y1 = lines[lines.length - 1]!.y + lines[lines.length - 1]!.h;
      const textLines = lines.map((l) => `<TextLine HPOS="${l.x}" VPOS="${l.y}" WIDTH="${l.w}" HEIGHT="${l.h}">${l.strings}</TextLine>`).join("\n          ");
      return `<TextBlock ID="${b.id}" HPOS="${x0}" VPOS="${y0}" WIDTH="${x1 - x0}" HEIGHT="${y1 - y0}" STYLEREFS="font_${b.size}">\n          ${textLines}\n        </TextBlock>`;
    })
    .join("\n        ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
  <Description><MeasurementUnit>pixel</MeasurementUnit></Description>
  <Styles>
    ${styles}
  </Styles>
  <Layout>
    <Page ID="page_1" WIDTH="${page.width}" HEIGHT="${page.height}" PHYSICAL_IMG_NR="1">
      <PrintSpace HPOS="0" VPOS="0" WIDTH="${page.width}" HEIGHT="${page.height}">
        ${body}
      </PrintSpace>
    </Page>
  </Layout>
</alto>`;
}

/**
 * Wraps paragraphs into justified lines of `perLine` characters: each paragraph's first line is
 * indented by two (and so holds two fewer), its last line is as long as what is left.
 */
export function wrap(paragraphs: readonly string[], perLine: number): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const chars = Array.from(p);
    let first = true;
    while (chars.length > 0) {
      const n = first ? perLine - 2 : perLine;
      out.push((first ? "  " : "") + chars.splice(0, n).join(""));
      first = false;
    }
  }
  return out;
}

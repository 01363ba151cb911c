// Writes the text layer of each NAME.pdf of a directory as NAME.alto.xml (ALTO v4): the PDF read by
// dubao's own PDF reader (pdf.js), its blocks, lines and words with their boxes in 300 dpi pixels,
// a TextStyle per font size (to 0.5 pt), SP where the reader saw a space, ROTATION="90" on
// vertical lines. For an eval set of layout pages small enough to keep in the repo (a Chromium PDF
// embeds its fonts: ~1 MB a page, its ALTO ~70 KB).
//
//   cd packages/core && npx tsx ../../tools/synth/pdf-to-alto.mts --in DIR --out DIR
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { openPdf } from "../../packages/core/src/layout/pdf-reader.js";
import type { Box, LayoutPage } from "../../packages/core/src/layout/model.js";

/** PDF points to the 300 dpi pixels the dev ALTO files use. */
const PIXELS_PER_POINT = 300 / 72;

const { values } = parseArgs({ options: { in: { type: "string" }, out: { type: "string" } } });
if (!values.in || !values.out) {
  console.error("usage: pdf-to-alto.mts --in DIR --out DIR");
  process.exit(2);
}
const inDir = resolve(values.in);
const outDir = resolve(values.out);
mkdirSync(outDir, { recursive: true });

const esc = (s: string) => s.replace(/&/gu, "&amp;").replace(/"/gu, "&quot;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
const px = (v: number) => Math.round(v * PIXELS_PER_POINT);
const position = (b: Box) => `HPOS="${px(b[0])}" VPOS="${px(b[1])}" WIDTH="${px(b[2] - b[0])}" HEIGHT="${px(b[3] - b[1])}"`;
const styleOf = (size: number | null) => (size === null ? null : `font_${(Math.round(size * 2) / 2).toFixed(1)}`);

function altoOf(page: LayoutPage, name: string): string {
  const styles = new Set<string>();
  const blocks = page.blocks.map((block, b) => {
    const lines = block.lines.map((line) => {
      const style = styleOf(line.fontSize);
      if (style) styles.add(style);
      const words = line.words.map((w, k) => `${k > 0 && w.spaceBefore ? "<SP/>" : ""}<String CONTENT="${esc(w.text)}" ${position(w.box)}/>`).join("");
      const attrs = `${position(line.box)}${style ? ` STYLEREFS="${style}"` : ""}${line.vertical ? ' ROTATION="90"' : ""}`;
      return `        <TextLine ${attrs}>${words}</TextLine>`;
    });
    return `      <TextBlock ID="block_${b + 1}" ${position(block.box)}>\n${lines.join("\n")}\n      </TextBlock>`;
  });
  const styleLines = [...styles].sort().map((s) => `    <TextStyle ID="${s}" FONTSIZE="${s.slice("font_".length)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
  <Description>
    <MeasurementUnit>pixel</MeasurementUnit>
    <sourceImageInformation><fileName>${esc(name)}</fileName></sourceImageInformation>
  </Description>
  <Styles>
${styleLines.join("\n")}
  </Styles>
  <Layout>
    <Page ID="page_${page.pageNumber}" WIDTH="${px(page.width)}" HEIGHT="${px(page.height)}" PHYSICAL_IMG_NR="${page.pageNumber}">
    <PrintSpace HPOS="0" VPOS="0" WIDTH="${px(page.width)}" HEIGHT="${px(page.height)}">
${blocks.join("\n")}
    </PrintSpace>
    </Page>
  </Layout>
</alto>
`;
}

for (const f of readdirSync(inDir).filter((x) => x.endsWith(".pdf")).sort()) {
  const pdf = await openPdf(new Uint8Array(readFileSync(join(inDir, f))));
  for await (const page of pdf.pages()) {
    if (page.unit !== "pt") throw new Error(`${f}: page unit ${page.unit}, expected pt`);
    const target = join(outDir, f.replace(/\.pdf$/u, pdf.numPages > 1 ? `-p${page.pageNumber}.alto.xml` : ".alto.xml"));
    writeFileSync(`${target}.tmp`, altoOf(page, f));
    renameSync(`${target}.tmp`, target);
  }
}

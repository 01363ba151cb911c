import { describe, expect, it } from "vitest";
import { readAlto } from "../../src/layout/alto.js";
import { readHocr, titleProperties } from "../../src/layout/hocr.js";
import { readMets } from "../../src/layout/mets.js";
import type { LayoutLine } from "../../src/layout/model.js";

const lineText = (l: LayoutLine) => l.words.map((w, i) => (i > 0 && w.spaceBefore ? " " : "") + w.text).join("");

const ALTO_NS = {
  v2: "http://www.loc.gov/standards/alto/ns-v2#",
  v3: "http://www.loc.gov/standards/alto/ns-v3#",
  v4: "http://www.loc.gov/standards/alto/ns-v4#",
};

/** A small ALTO page: a headline block and a body block with a hyphenated word. */
const altoPage = (ns: string, unit: string) => `<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="${ns}">
  <Description><MeasurementUnit>${unit}</MeasurementUnit></Description>
  <Styles>
    <TextStyle ID="big" FONTSIZE="24"/>
    <TextStyle ID="body" FONTSIZE="10.5"/>
    <TextStyle ID="small" FONTSIZE="9"/>
  </Styles>
  <Layout>
    <Page ID="p1" WIDTH="2000" HEIGHT="3000" PHYSICAL_IMG_NR="3">
      <PrintSpace>
        <TextBlock ID="b1" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="100" STYLEREFS="big">
          <TextLine HPOS="100" VPOS="100" WIDTH="800" HEIGHT="100">
            <String CONTENT="上海公布" HPOS="100" VPOS="100" WIDTH="400" HEIGHT="100"/>
            <String CONTENT="“50条”" HPOS="500" VPOS="100" WIDTH="400" HEIGHT="100"/>
          </TextLine>
        </TextBlock>
        <TextBlock ID="b2" HPOS="100" VPOS="300" WIDTH="800" HEIGHT="100" STYLEREFS="body">
          <TextLine HPOS="100" VPOS="300" WIDTH="800" HEIGHT="45">
            <String CONTENT="Shanghai" HPOS="100" VPOS="300" WIDTH="300" HEIGHT="45"/>
            <SP WIDTH="20"/>
            <String CONTENT="publi" SUBS_TYPE="HypPart1" SUBS_CONTENT="published" HPOS="420" VPOS="300" WIDTH="200" HEIGHT="45"/>
            <HYP CONTENT="-"/>
          </TextLine>
          <TextLine HPOS="100" VPOS="355" WIDTH="800" HEIGHT="45" STYLEREFS="small">
            <String CONTENT="shed" SUBS_TYPE="HypPart2" SUBS_CONTENT="published" HPOS="100" VPOS="355" WIDTH="150" HEIGHT="45"/>
            <SP/>
            <String CONTENT="rules" HPOS="270" VPOS="355" WIDTH="150" HEIGHT="45" STYLEREFS="body"/>
          </TextLine>
        </TextBlock>
      </PrintSpace>
    </Page>
  </Layout>
</alto>`;

describe("readAlto", () => {
  it.each(Object.entries(ALTO_NS))("reads ALTO %s: pages, blocks, lines, words with boxes and font sizes", (_v, ns) => {
    const doc = readAlto(altoPage(ns, "pixel"), "p.alto.xml");
    expect(doc.format).toBe("alto");
    const page = doc.pages[0]!;
    expect(page).toMatchObject({ pageNumber: 3, width: 2000, height: 3000, unit: "px", explicitOrder: false });
    expect(page.blocks.map((b) => b.id)).toEqual(["b1", "b2"]);
    const [head, body] = page.blocks;
    expect(head!.lines[0]!.fontSize).toBe(24);
    expect(head!.box).toEqual([100, 100, 900, 200]);
    expect(head!.lines[0]!.words[1]!.box).toEqual([500, 100, 900, 200]);
    // the line style wins over the block style
    expect(body!.lines.map((l) => l.fontSize)).toEqual([10.5, 9]);
  });

  it("joins a hyphenated word once, from SUBS_CONTENT, and keeps SP as spaces", () => {
    const body = readAlto(altoPage(ALTO_NS.v4, "pixel"), "p.alto.xml").pages[0]!.blocks[1]!;
    expect(body.lines.map(lineText)).toEqual(["Shanghai published", "rules"]);
    // the second part was dropped, so its next word has no space before it
    expect(body.lines[1]!.words[0]!.spaceBefore).toBe(false);
  });

  it("joins a bare HYP without SUBS_CONTENT by appending the next line's first word", () => {
    const xml = altoPage(ALTO_NS.v3, "pixel").replace(' SUBS_TYPE="HypPart1" SUBS_CONTENT="published"', "").replace(' SUBS_TYPE="HypPart2" SUBS_CONTENT="published"', "");
    const body = readAlto(xml, "p.alto.xml").pages[0]!.blocks[1]!;
    expect(body.lines.map(lineText)).toEqual(["Shanghai published", "rules"]);
  });

  it.each([
    ["mm10", "mm10"],
    ["inch1200", "in1200"],
    ["pixel", "px"],
  ])("records MeasurementUnit %s as %s", (unit, expected) => {
    expect(readAlto(altoPage(ALTO_NS.v2, unit), "p.alto.xml").pages[0]!.unit).toBe(expected);
  });

  it("records each element's offsets and line in the source", () => {
    const xml = altoPage(ALTO_NS.v4, "pixel");
    const word = readAlto(xml, "p.alto.xml").pages[0]!.blocks[0]!.lines[0]!.words[0]!;
    expect(xml.slice(word.source.start, word.source.end)).toBe('<String CONTENT="上海公布" HPOS="100" VPOS="100" WIDTH="400" HEIGHT="100"/>');
    expect(xml.split("\n")[word.source.line - 1]).toContain('CONTENT="上海公布"');
    const block = readAlto(xml, "p.alto.xml").pages[0]!.blocks[1]!;
    expect(xml.slice(block.source.start, block.source.end)).toMatch(/^<TextBlock ID="b2"[\s\S]*<\/TextBlock>$/u);
  });

  it("flattens ComposedBlock (children keep its id) and follows ReadingOrder, a group standing for its blocks", () => {
    const xml = `<alto xmlns="${ALTO_NS.v4}"><Styles><TextStyle ID="s" FONTSIZE="10"/></Styles>
      <ReadingOrder><OrderedGroup ID="ro"><ElementRef ID="r1" REF="c1"/><ElementRef ID="r2" REF="a"/></OrderedGroup></ReadingOrder>
      <Layout><Page ID="p" WIDTH="100" HEIGHT="100"><PrintSpace>
        <TextBlock ID="a" HPOS="0" VPOS="0" WIDTH="10" HEIGHT="10" STYLEREFS="s"><TextLine HPOS="0" VPOS="0" WIDTH="10" HEIGHT="10"><String CONTENT="甲" HPOS="0" VPOS="0" WIDTH="10" HEIGHT="10"/></TextLine></TextBlock>
        <ComposedBlock ID="c1" HPOS="0" VPOS="20" WIDTH="10" HEIGHT="20">
          <TextBlock ID="b" HPOS="0" VPOS="20" WIDTH="10" HEIGHT="10"><TextLine HPOS="0" VPOS="20" WIDTH="10" HEIGHT="10"><String CONTENT="乙" HPOS="0" VPOS="20" WIDTH="10" HEIGHT="10"/></TextLine></TextBlock>
          <TextBlock ID="c" HPOS="0" VPOS="30" WIDTH="10" HEIGHT="10"><TextLine HPOS="0" VPOS="30" WIDTH="10" HEIGHT="10"><String CONTENT="丙" HPOS="0" VPOS="30" WIDTH="10" HEIGHT="10"/></TextLine></TextBlock>
        </ComposedBlock>
        <TextBlock ID="d" HPOS="0" VPOS="50" WIDTH="10" HEIGHT="10"><TextLine HPOS="0" VPOS="50" WIDTH="10" HEIGHT="10"><String CONTENT="丁" HPOS="0" VPOS="50" WIDTH="10" HEIGHT="10"/></TextLine></TextBlock>
      </PrintSpace></Page></Layout></alto>`;
    const page = readAlto(xml, "c.alto.xml").pages[0]!;
    expect(page.explicitOrder).toBe(true);
    expect(page.blocks.map((b) => b.id)).toEqual(["b", "c", "a", "d"]);
    expect(page.blocks[0]!.parentIds).toEqual(["c1"]);
    expect(page.blocks[3]!.parentIds).toBeUndefined();
    expect(page.blocks[0]!.lines[0]!.fontSize).toBeNull();
    expect(page.blocks[2]!.lines[0]!.fontSize).toBe(10);
  });

  it("follows IDNEXT chains when there is no ReadingOrder", () => {
    const block = (id: string, next: string | null, text: string) =>
      `<TextBlock ID="${id}"${next ? ` IDNEXT="${next}"` : ""} HPOS="0" VPOS="0" WIDTH="10" HEIGHT="10"><TextLine HPOS="0" VPOS="0" WIDTH="10" HEIGHT="10"><String CONTENT="${text}" HPOS="0" VPOS="0" WIDTH="10" HEIGHT="10"/></TextLine></TextBlock>`;
    const xml = `<alto><Layout><Page WIDTH="100" HEIGHT="100"><PrintSpace>${block("x", "z", "一")}${block("y", null, "二")}${block("z", "y", "三")}</PrintSpace></Page></Layout></alto>`;
    const page = readAlto(xml, "n.alto.xml").pages[0]!;
    expect(page.explicitOrder).toBe(true);
    expect(page.blocks.map((b) => b.id)).toEqual(["x", "z", "y"]);
  });

  it("refuses a file that is not ALTO", () => {
    expect(() => readAlto("<html><body/></html>", "x.xml")).toThrow(/x\.xml: not an ALTO file/u);
  });
});

const HOCR = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>
 <div class="ocr_page" id="page_1" title="bbox 0 0 4000 5000; ppageno 1">
  <div class="ocr_carea" id="block_1" title="bbox 100 100 900 300">
   <p class="ocr_par" id="par_1" title="bbox 100 100 900 300">
    <span class="ocr_line" id="line_1" title="bbox 100 100 900 150; x_size 50; x_fsize 11"><span class="ocrx_word" id="w1" title="bbox 100 100 300 150">2022年</span> <span class="ocrx_word" id="w2" title="bbox 320 100 500 150">第<strong>2</strong>版</span><span class="ocrx_word" id="w3" title="bbox 500 100 600 150">要闻</span></span>
    <span class="ocr_line" id="line_2" title="bbox 100 200 150 250; textangle 90">竖</span>
   </p>
  </div>
  <div class="ocr_carea" id="block_2" title="bbox 100 400 900 500">
   <p class="ocr_par" title="bbox 100 400 900 450"><span class="ocr_line" title="bbox 100 400 900 450"><span class="ocrx_word" title="bbox 100 400 900 450">正文&amp;</span></span></p>
   <p class="ocr_par" title="bbox 100 450 900 500"><span class="ocr_line" title="bbox 100 450 900 500"><span class="ocrx_word" title="bbox 100 450 900 500">续</span></span></p>
  </div>
 </div>
</body></html>`;

describe("readHocr", () => {
  it("reads pages, careas as blocks, lines, words, bbox and x_fsize; spaces between word elements", () => {
    const doc = readHocr(HOCR, "p.hocr");
    expect(doc.format).toBe("hocr");
    const page = doc.pages[0]!;
    expect(page).toMatchObject({ pageNumber: 2, width: 4000, height: 5000, unit: "px", explicitOrder: false });
    expect(page.blocks.map((b) => b.id)).toEqual(["block_1", "block_2"]);
    const [first, vertical] = page.blocks[0]!.lines;
    expect(lineText(first!)).toBe("2022年 第2版要闻");
    expect(first!.fontSize).toBe(11);
    expect(first!.box).toEqual([100, 100, 900, 150]);
    expect(first!.words[1]!.box).toEqual([320, 100, 500, 150]);
    // a line without word elements is one word; textangle 90 sets it vertically
    expect(lineText(vertical!)).toBe("竖");
    expect(vertical!.vertical).toBe(true);
    expect(vertical!.fontSize).toBeNull();
    // paragraphs inside a carea do not start blocks of their own
    expect(page.blocks[1]!.lines.map(lineText)).toEqual(["正文&", "续"]);
  });

  it("records each word's offsets in the source", () => {
    const w = readHocr(HOCR, "p.hocr").pages[0]!.blocks[0]!.lines[0]!.words[1]!;
    expect(HOCR.slice(w.source.start, w.source.end)).toBe('<span class="ocrx_word" id="w2" title="bbox 320 100 500 150">第<strong>2</strong>版</span>');
  });

  it("parses title properties", () => {
    expect(titleProperties("bbox 1 2 3 4; x_fsize 9.5;x_size 40")).toEqual({ bbox: "1 2 3 4", x_fsize: "9.5", x_size: "40" });
  });

  it("refuses a file without ocr_page", () => {
    expect(() => readHocr("<html><body><p>x</p></body></html>", "a.html")).toThrow(/a\.html: not an hOCR file/u);
  });
});

describe("readMets", () => {
  it("gives the ALTO block ids of each logical article, in order", () => {
    const mets = `<?xml version="1.0"?>
<mets:mets xmlns:mets="http://www.loc.gov/METS/">
  <mets:structMap TYPE="PHYSICAL"><mets:div TYPE="ARTICLE" ID="phys"><mets:fptr><mets:area BEGIN="zz"/></mets:fptr></mets:div></mets:structMap>
  <mets:structMap TYPE="LOGICAL">
    <mets:div TYPE="Newspaper"><mets:div TYPE="ARTICLE" ID="art1">
      <mets:div TYPE="HEADLINE"><mets:fptr><mets:area FILEID="alto1" BETYPE="IDREF" BEGIN="b1"/></mets:fptr></mets:div>
      <mets:div TYPE="BODY"><mets:fptr><mets:seq><mets:area BEGIN="b3"/><mets:area BEGIN="b2"/></mets:seq></mets:fptr></mets:div>
    </mets:div>
    <mets:div TYPE="article" ID="art2"><mets:fptr><mets:area BEGIN="c1"/></mets:fptr></mets:div>
    <mets:div TYPE="ARTICLE" ID="empty"/></mets:div>
  </mets:structMap>
</mets:mets>`;
    expect(readMets(mets, "m.xml")).toEqual([
      { id: "art1", blockIds: ["b1", "b3", "b2"] },
      { id: "art2", blockIds: ["c1"] },
    ]);
  });

  it("refuses a METS file without a logical structMap", () => {
    expect(() => readMets('<mets xmlns="http://www.loc.gov/METS/"><structMap TYPE="PHYSICAL"/></mets>', "m.xml")).toThrow(/m\.xml: no logical structMap/u);
  });
});

describe("readHocr character names", () => {
  it("reads XHTML's common character names (&nbsp;, &mdash;…) as their characters", () => {
    const xml = `<html><body><div class="ocr_page" title="bbox 0 0 10 10"><span class="ocr_line" title="bbox 0 0 10 10"><span class="ocrx_word" title="bbox 0 0 5 10">甲&mdash;乙&ldquo;丙&rdquo;</span></span></div></body></html>`;
    expect(readHocr(xml, "n.hocr").pages[0]!.blocks[0]!.lines[0]!.words[0]!.text).toBe("甲—乙“丙”");
  });
});

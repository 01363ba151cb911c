#!/usr/bin/env node
// Prints a PDF's text as pdf.js gives it to a program that does not place it (`getTextContent`):
// text items in the content stream's order, a line feed after each item that ends a line, a blank
// line between pages. No blank lines between text boxes (pdftotext's default mode prints them),
// and the look-alike glyphs the PDF's fonts map CJK characters to (`⽉` for `月`) are kept.
// Made the corpus/dev-pdfjs dumps: a second extractor's output of the dev pages, scored
// against the same gold.
//
//   node tools/eval/pdfjs-dump.mjs IN.pdf > OUT.txt
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../../packages/core/package.json", import.meta.url));
const pdfjs = await import(require.resolve("pdfjs-dist/legacy/build/pdf.mjs"));
const cMapUrl = require.resolve("pdfjs-dist/package.json").replace(/package\.json$/, "cmaps/");

const file = process.argv[2];
if (!file) {
  console.error("usage: node tools/eval/pdfjs-dump.mjs IN.pdf > OUT.txt");
  process.exit(2);
}
const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), cMapUrl, cMapPacked: true, verbosity: 0 }).promise;
let out = "";
for (let n = 1; n <= doc.numPages; n++) {
  const { items } = await (await doc.getPage(n)).getTextContent();
  for (const item of items) {
    if (!("str" in item)) continue;
    out += item.str;
    if (item.hasEOL) out += "\n";
  }
  out += "\n";
}
process.stdout.write(out);
await doc.destroy();

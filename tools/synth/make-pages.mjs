#!/usr/bin/env node
// Makes synthetic newspaper pages of layouts other than the dev corpus's family B, with gold:
//
//   node tools/synth/make-pages.mjs --out DIR --pages N --seed S [--keep-html]
//
// Per page: NAME.pdf (headless Chromium), NAME.txt (`pdftotext -enc UTF-8 NAME.pdf NAME.txt`, as
// corpus/dev) and NAME.gold.json (corpus format). The same seed gives the same text and gold.
// Exits 1, naming the page and text, if a dump lacks a gold text or a page overflows.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadPool, makeRng } from "./content.mjs";
import { fitPage } from "./fit.mjs";
import { buildGold, checkDump } from "./gold.mjs";
import { renderHtml } from "./html.mjs";
import { planPage } from "./plan.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
/** Plans tried per page before the page is reported as unsound. */
const MAX_ATTEMPTS = 12;
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** playwright-core from the workspace (a root devDependency, or the web app's). */
function loadPlaywright() {
  for (const from of [root, path.join(root, "apps/web"), path.join(root, "tests")]) {
    try {
      return createRequire(path.join(from, "package.json"))("playwright-core");
    } catch {
      // try the next workspace package
    }
  }
  throw new Error("playwright-core not found: run `pnpm install` at the repo root");
}

function writeAtomic(file, data) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

async function main() {
  const { values } = parseArgs({
    options: { out: { type: "string" }, pages: { type: "string", default: "24" }, seed: { type: "string", default: "1" }, "keep-html": { type: "boolean", default: false } },
  });
  if (!values.out) {
    console.error("usage: make-pages.mjs --out DIR --pages N --seed S [--keep-html]");
    process.exit(2);
  }
  const pages = Number(values.pages), seed = Number(values.seed);
  if (!Number.isInteger(pages) || pages < 1 || !Number.isInteger(seed)) {
    console.error("make-pages: --pages must be a positive integer and --seed an integer");
    process.exit(2);
  }
  const out = path.resolve(values.out);
  fs.mkdirSync(out, { recursive: true });
  const pool = loadPool([path.join(root, "corpus/dev"), path.join(root, "corpus/seed")]);
  const { chromium } = loadPlaywright();
  // playwright gives the browser a fresh temporary profile of its own
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const problems = [];
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "dubao-synth-"));
  try {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.emulateMedia({ media: "print" });
    for (let i = 0; i < pages; i++) {
      const name = `synth_s${seed}_${String(i + 1).padStart(2, "0")}`;
      // a layout whose dump runs two texts together (pdftotext joins lines across narrow gaps)
      // cannot have a truthful gold: such a page is planned again, up to MAX_ATTEMPTS times
      let result;
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const rng = makeRng(seed * 100003 + i * 7919 + attempt * 104729 + 17);
        const plan = planPage(rng, pool, i);
        await page.setViewportSize({ width: Math.round((plan.widthMm * 96) / 25.4), height: Math.round((plan.heightMm * 96) / 25.4) });
        await page.setContent(renderHtml(plan), { waitUntil: "load" });
        await page.evaluate(() => document.fonts.ready);
        const fit = await page.evaluate(fitPage);
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        const pdfTmp = path.join(tmpDir, "page.pdf"), txtTmp = path.join(tmpDir, "page.txt");
        fs.writeFileSync(pdfTmp, pdf);
        execFileSync("pdftotext", ["-enc", "UTF-8", pdfTmp, txtTmp]);
        const txt = fs.readFileSync(txtTmp, "utf8");
        const gold = buildGold(plan, fit, name, seed, i, attempt);
        const check = checkDump(gold, txt);
        const bad = [...check.problems, ...fit.overflow.map((o) => `overflows the page: ${o}`)];
        result = { plan, fit, pdf, txt, gold, bad, attempt, split: check.split, html: values["keep-html"] ? await page.content() : null };
        if (!bad.length) break;
      }
      const { plan, fit, pdf, txt, gold, bad, attempt } = result;
      writeAtomic(path.join(out, `${name}.pdf`), pdf);
      writeAtomic(path.join(out, `${name}.txt`), txt);
      writeAtomic(path.join(out, `${name}.gold.json`), JSON.stringify(gold, null, 1) + "\n");
      if (result.html) writeAtomic(path.join(out, `${name}.html`), result.html);
      for (const b of bad) problems.push(`${name}: ${b}`);
      console.log(`${name}: ${gold.articles.length} articles, ${plan.cols} cols, ${plan.bodyPt}pt, ${plan.widthMm}x${plan.heightMm}mm, spare ${(fit.spare * 25.4 / 96).toFixed(0)}mm${fit.droppedBands ? `, ${fit.droppedBands} band(s) dropped` : ""}${attempt ? `, attempt ${attempt}` : ""}, ${result.split} text(s) split by the dump${bad.length ? `, ${bad.length} problem(s)` : ""}`);
    }
  } finally {
    await browser.close();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  if (problems.length) {
    for (const p of problems) console.error(p);
    console.error(`make-pages: ${problems.length} problem(s); the gold of these pages is not trustworthy`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(`make-pages: ${e.message}`);
  process.exit(1);
});

// `pnpm bench`, PDF part: pages per second of `dubao parse` on PDF input, for one PDF of many
// pages (an issue) and for a directory of one-page PDFs. The pages are the 12 dev pages (typeset
// by Chromium, every glyph run in an embedded font subset of its own: pdf.js parses some 100 to
// 200 fonts a page, more than a typesetter's PDF has). Numbers depend on the machine and its load.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { CLI, fmt, MB, printTable, REPO, timeCli } from "./measure.mjs";

/** Pages of the issue PDF: the dev pages over and over, as many as two weeks of an 8-page daily's front sections. */
const ISSUE_PAGES = 48;

const work = await mkdtemp(path.join(os.tmpdir(), "dubao-pdf-bench-"));
try {
  const devDir = path.join(REPO, "corpus/dev");
  const devPdfs = (await readdir(devDir)).filter((f) => f.endsWith(".pdf")).sort();
  if (devPdfs.length === 0) throw new Error(`no PDFs in ${devDir}`);

  // a directory of the one-page dev PDFs, and one issue of ISSUE_PAGES pages made of them
  const singles = path.join(work, "pages");
  await mkdir(singles);
  const issue = await PDFDocument.create();
  const sources = [];
  for (const f of devPdfs) {
    const bytes = await readFile(path.join(devDir, f));
    await writeFile(path.join(singles, f), bytes);
    sources.push(await PDFDocument.load(bytes));
  }
  for (let i = 0; i < ISSUE_PAGES; i++) {
    const [page] = await issue.copyPages(/** @type {PDFDocument} */ (sources[i % sources.length]), [0]);
    issue.addPage(page);
  }
  const issueFile = path.join(work, "issue.pdf");
  const issueBytes = await issue.save();
  await writeFile(issueFile, issueBytes);
  const singlesMB = (await Promise.all(devPdfs.map(async (f) => (await readFile(path.join(singles, f))).length))).reduce((a, b) => a + b, 0) / MB;

  console.log(`\ndubao PDF bench — node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)}`);
  const rows = [];
  for (const [label, args, pages, mb] of /** @type {const} */ ([
    [`${devPdfs.length} one-page PDFs, -j 1`, ["parse", singles, "--input-format", "pdf", "--out", path.join(work, "out-singles-1"), "--quiet", "-j", "1"], devPdfs.length, singlesMB],
    [`${devPdfs.length} one-page PDFs, -j 2`, ["parse", singles, "--input-format", "pdf", "--out", path.join(work, "out-singles-2"), "--quiet", "-j", "2"], devPdfs.length, singlesMB],
    [`one PDF of ${ISSUE_PAGES} pages`, ["parse", issueFile, "--out", path.join(work, "out-issue"), "--quiet"], ISSUE_PAGES, issueBytes.length / MB],
  ])) {
    const out = /** @type {string} */ (args[args.indexOf("--out") + 1]);
    const { seconds, peakRssMB } = await timeCli([...args], `${out}.rss`);
    const written = (await readdir(out)).filter((f) => f.endsWith(".json")).length;
    if (written !== pages) throw new Error(`dubao parse wrote ${written} files for ${pages} PDF pages`);
    rows.push([label, fmt(mb, 1), fmt(seconds, 1), fmt(pages / seconds, 2), peakRssMB === null ? "n/a (no GNU time)" : `${fmt(peakRssMB, 0)} MB`]);
  }
  console.log("`dubao parse` on PDF input (wall time, including Node start-up and loading pdf.js)");
  printTable(["input", "MB", "seconds", "pages/s", "peak RSS"], rows);
  console.log(`(the CLI is ${path.relative(REPO, CLI)})`);
} finally {
  await rm(work, { recursive: true, force: true });
}

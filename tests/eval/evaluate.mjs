// Parses a gold-annotated corpus set with @dubao/core and scores it with tools/eval/score.mjs.
// Shared by `pnpm eval` (run-eval.mjs) and the floor test (eval.test.ts).
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { decodeInput, InputError, parseInput, parseText } from "@dubao/core";

const run = promisify(execFile);

/** The repository root. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The scorer that defines the metrics; never re-implemented here. */
export const SCORER = path.join(REPO, "tools/eval/score.mjs");
/** The gold-annotated sets, by name. */
export const SETS = {
  seed: path.join(REPO, "corpus/seed"),
  dev: path.join(REPO, "corpus/dev"),
  synth: path.join(REPO, "corpus/synth"),
  // the dev pages as pdf.js prints their PDFs' text: no blank lines between boxes, radicals for some ideographs
  "dev-pdfjs": path.join(REPO, "corpus/dev-pdfjs"),
  // the dev pages as `pdftotext -layout` prints them: the columns side by side on every line
  "dev-layout": path.join(REPO, "corpus/dev-layout"),
};
/** Gold pages read from layout files (ALTO, hOCR) instead of a text dump, by name. */
export const LAYOUT_SETS = {
  "dev-alto": { dir: path.join(REPO, "corpus/dev"), ext: ".alto.xml" },
  "dev-hocr": { dir: path.join(REPO, "corpus/dev"), ext: ".hocr" },
  // 24 synthetic pages of other layouts (tools/synth, seed 4), their PDFs' text layer as ALTO
  "synth-alto": { dir: path.join(REPO, "corpus/synth-alto"), ext: ".alto.xml" },
};

/**
 * @typedef {object} Summary what score.mjs prints under `summary` with --json
 * @property {number} pages
 * @property {number} missingPredictions
 * @property {number} goldArticles
 * @property {number} predArticles
 * @property {number | null} perfectArticlesPct
 * @property {number} segmentationF1
 * @property {number | null} headlinePct
 * @property {number | null} kickerPct
 * @property {number | null} bylineNamesPct
 * @property {number | null} bodyCERpct
 * @property {number} paragraphF1
 * @property {number | null} lostChars
 */

/**
 * Parses every `NAME.txt` (or `NAME` + `ext`) of a set that has a `NAME.gold.json` into
 * `NAME.json` in a temp directory, runs the scorer on it, and removes the directory. Text dumps
 * go through parseText, layout files (ALTO, hOCR) through parseInput.
 * @param {string} setDir e.g. corpus/dev
 * @param {string} [ext] the input files' extension, `.txt` by default
 * @returns {Promise<{ summary: Summary, parsed: number, problems: string[] }>}
 */
export async function evaluateSet(setDir, ext = ".txt") {
  const names = (await readdir(setDir)).filter((f) => f.endsWith(".gold.json")).map((f) => f.slice(0, -".gold.json".length)).sort();
  const pred = await mkdtemp(path.join(os.tmpdir(), "dubao-eval-"));
  try {
    /** @type {string[]} */
    const problems = [];
    let parsed = 0;
    for (const name of names) {
      const file = path.join(setDir, `${name}${ext}`);
      /** @type {ReturnType<typeof parseText> | undefined} */
      let page;
      if (ext === ".txt") {
        const decoded = decodeInput(await readFile(file));
        if (!decoded.ok) {
          problems.push(`${file}: ${decoded.problem}`);
          continue;
        }
        page = parseText(decoded.text, { sourceName: `${name}.txt`, encoding: decoded.encoding });
      } else {
        try {
          const pages = await parseInput(await readFile(file), { sourceName: `${name}${ext}` });
          if (pages.length !== 1) {
            problems.push(`${file}: ${pages.length} pages, the gold has one`);
            continue;
          }
          page = pages[0];
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          problems.push(error.message);
          continue;
        }
      }
      await writeFile(path.join(pred, `${name}.json`), `${JSON.stringify(page, null, 2)}\n`);
      parsed++;
    }
    const { stdout } = await run(process.execPath, [SCORER, "--gold", setDir, "--pred", pred, "--json"], { maxBuffer: 64 * 1024 * 1024 });
    return { summary: JSON.parse(stdout).summary, parsed, problems };
  } finally {
    await rm(pred, { recursive: true, force: true });
  }
}

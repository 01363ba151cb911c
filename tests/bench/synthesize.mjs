// A synthetic year of a daily newspaper, made from the corpus pages by deterministic changes.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** Pages in one issue of the synthetic daily: 8 pages a day makes about 3,000 pages a year. */
export const PAGES_PER_ISSUE = 8;
/** First issue date (UTC). */
const FIRST_DAY = Date.UTC(2023, 0, 1);
const WEEKDAYS = "日一二三四五六";

/**
 * The text of every `.txt` page dump of the given corpus directories, sorted by name.
 * @param {string[]} dirs
 * @returns {Promise<{ name: string, text: string }[]>}
 */
export async function readCorpusPages(dirs) {
  const pages = [];
  for (const dir of dirs) {
    for (const file of (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort()) {
      pages.push({ name: file, text: await readFile(path.join(dir, file), "utf8") });
    }
  }
  return pages;
}

/**
 * Page `index` of the synthetic year: corpus page `index mod n`, with a running head naming the
 * issue's date and page number, and every ASCII digit shifted by the day number mod 10, so no
 * two pages are the same text (and their hashes differ) while the layout stays that of a real page.
 * @param {{ text: string }[]} corpus
 * @param {number} index 0-based page of the year
 * @returns {{ file: string, text: string }} `file` is `YYYY-MM/YYYY-MM-DD-pN.txt`
 */
export function syntheticPage(corpus, index) {
  const day = Math.floor(index / PAGES_PER_ISSUE);
  const pageNumber = (index % PAGES_PER_ISSUE) + 1;
  const date = new Date(FIRST_DAY + day * 86_400_000);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const shift = day % 10;
  const base = corpus[index % corpus.length]?.text ?? "";
  const body = shift === 0 ? base : base.replace(/[0-9]/g, (c) => String((Number(c) + shift) % 10));
  const head = `${y}年${m}月${d}日 星期${WEEKDAYS[date.getUTCDay()]} 第${pageNumber}版\n`;
  return { file: `${iso.slice(0, 7)}/${iso}-p${pageNumber}.txt`, text: head + body };
}

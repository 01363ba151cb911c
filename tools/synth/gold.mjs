// Gold annotation of a rendered page, in the corpus format (corpus/dev/*.gold.json), built from the
// plan and from what the fitting step left on the page; and the check that the pdftotext dump
// really holds every gold text.

const strip = (s) => (s ?? "").replace(/\s+/gu, "");

function articleGold(item, fitted) {
  const by = item.byline;
  // an end byline (or end bracket) is lost with the paragraphs a cut article drops
  const endStyle = by.style === "endLine" || by.style === "startEndParen";
  const keepBy = !endStyle || fitted.endByline;
  const paragraphs = fitted.kept.map((k) => {
    const p = item.src.paragraphs[k];
    return p.role === "subhead" ? { text: p.text, role: "subhead" } : { text: p.text };
  });
  return {
    kind: item.kind,
    kicker: item.kicker,
    headline: item.headline,
    subheadline: item.subheadline,
    column: item.column,
    dateline: by.dateline,
    byline: keepBy ? by.byline : null,
    people: keepBy ? by.people : {},
    paragraphs,
  };
}

function photoGold(item) {
  return {
    kind: "photo", kicker: null, headline: null, subheadline: null, column: null, dateline: null,
    byline: item.credit,
    people: item.photographers.length ? { photographers: item.photographers } : {},
    paragraphs: [{ text: item.caption }],
  };
}

/** Layout summary of an item for the notes field. */
function describe(item, fitted) {
  if (item.type === "photo") return `photo/${item.creditInline ? "credit-inline" : "credit-line"}`;
  return [item.headPos, item.kind, item.byline.style, item.kicker ? "kicker" : "", item.subheadline ? "subtitle" : "", item.column ? "label" : "", fitted.cut ? "cut" : ""].filter(Boolean).join("/");
}

/** The gold JSON of a page. `fit` is what fitPage() returned. */
export function buildGold(plan, fit, name, seed, index, attempt) {
  const flat = plan.bands.flatMap((b) => b.items);
  const fittedByIdx = new Map(fit.items.map((x) => [x.idx, x]));
  const articles = [];
  const layout = [];
  flat.forEach((item, idx) => {
    const fitted = fittedByIdx.get(idx);
    if (!fitted) return; // its band did not fit
    articles.push(item.type === "photo" ? photoGold(item) : articleGold(item, fitted));
    layout.push(describe(item, fitted));
  });
  const page = {};
  if (plan.banner) page.banner = plan.banner;
  Object.assign(page, { header: plan.header, date: plan.date.iso, pageNumber: plan.pageNumber, pageName: plan.pageName });
  return {
    source: `${name}.txt`,
    notes: `Synthetic page (tools/synth, seed ${seed}, page ${index + 1}, attempt ${attempt}; a held-out layout family, not family B): ${plan.widthMm}x${plan.heightMm}mm, ${plan.cols} grid columns, body ${plan.bodyPt}pt, running head style ${plan.headerStyle}. Text is real article text from corpus/dev and corpus/seed golds, recombined; kickers, subtitles, column labels, bylines and datelines are generated. Paragraph text has all whitespace removed. Cut articles end with a jump line that is not gold text. Layout (head position/kind/byline style/...): ${layout.join("; ")}.`,
    page,
    articles,
  };
}

/**
 * A dump may break a text into pieces (a paragraph running into the next column comes after
 * whatever pdftotext reads in between; the dev corpus has such pages too), but more pieces than
 * this means the text is scrambled beyond what a parser can be asked to undo.
 */
const MAX_PIECES = 3;

/** How many contiguous pieces of the (whitespace-free) dump spell `text`, or null if it cannot. */
function pieces(text, dump) {
  let n = 0;
  for (let at = 0; at < text.length; n++) {
    let len = 0;
    while (at + len < text.length && dump.includes(text.slice(at, at + len + 1))) len++;
    if (len === 0) return null;
    at += len;
  }
  return n;
}

function charCounts(s) {
  const m = new Map();
  for (const c of s) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

/**
 * Checks a page's gold against its pdftotext dump (whitespace ignored): every gold character must
 * be in the dump (nothing clipped or lost), and every gold text must read as at most MAX_PIECES
 * runs of it. Returns the problems (empty when sound) and how many texts the dump splits.
 */
export function checkDump(gold, dump) {
  const text = strip(dump);
  const problems = [];
  let split = 0;
  const need = [];
  gold.articles.forEach((a, i) => {
    const tag = `article ${i + 1} (${a.headline ?? "photo"})`;
    for (const k of ["headline", "kicker", "subheadline", "column", "dateline", "byline"]) if (a[k] && a[k] !== "?") need.push([`${tag} ${k}`, a[k]]);
    for (const p of a.paragraphs) need.push([`${tag} paragraph`, p.text]);
  });
  if (gold.page.banner) need.push(["banner", gold.page.banner]);
  const have = charCounts(text);
  const want = charCounts(need.map(([, t]) => strip(t)).join(""));
  const lost = [...want].filter(([c, n]) => (have.get(c) ?? 0) < n).map(([c]) => c);
  if (lost.length) problems.push(`characters of the gold missing from the dump: ${lost.slice(0, 20).join("")}`);
  for (const [what, t] of need) {
    const n = pieces(strip(t), text);
    if (n == null || n > MAX_PIECES) problems.push(`${what} is not in the dump in ${MAX_PIECES} pieces or fewer: ${t.slice(0, 40)}`);
    else if (n > 1) split++;
  }
  return { problems, split };
}

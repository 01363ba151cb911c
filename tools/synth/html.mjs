// Renders a page plan (plan.mjs) as one HTML document sized in millimetres for Chromium's PDF
// printer. Articles carry data attributes the fitting step (fit.mjs) reads back.
const esc = (s) => String(s).replace(/[&<>"]/gu, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

const SERIF = `"Noto Serif CJK SC", serif`;
const SANS = `"Noto Sans CJK SC", sans-serif`;
const PT_PER_MM = 2.8346;

function css(plan) {
  const { widthMm, heightMm, bodyPt, gapMm, lineHeight, ruleColor } = plan;
  return `
@page { size: ${widthMm}mm ${heightMm}mm; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { width: ${widthMm}mm; height: ${heightMm}mm; overflow: hidden; font-family: ${SERIF}; font-size: ${bodyPt}pt; line-height: ${lineHeight}; color: #111; }
.page { position: relative; width: 100%; height: 100%; padding: 12mm 11mm 10mm; display: flex; flex-direction: column; }
.runhead { font-family: ${SANS}; font-size: 9pt; line-height: 1.3; display: flex; align-items: flex-end; justify-content: space-between; padding-bottom: 1.5mm; border-bottom: 2.2pt double ${ruleColor}; margin-bottom: 3mm; }
.runhead .pn { font-size: 22pt; font-weight: 700; color: ${ruleColor}; letter-spacing: 0.1em; }
.runhead.s1 { flex-direction: row-reverse; }
.runhead.s2 .pn { border: 1.2pt solid ${ruleColor}; padding: 0 2mm; font-size: 18pt; }
.runhead .meta span { margin-right: 3mm; }
.banner { font-family: ${SANS}; font-weight: 900; color: #b00; font-size: 30pt; text-align: center; letter-spacing: 0.3em; line-height: 1.2; padding: 1mm 0 3mm; border-bottom: 0.8pt solid #b00; margin-bottom: 3mm; }
.grid { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; }
.band { flex: 0 0 auto; display: flex; align-items: stretch; border-top: 0.9pt solid ${ruleColor}; padding-top: 2.5mm; margin-top: 2mm; }
.band:first-child { border-top: none; padding-top: 0; margin-top: 0; }
.item { flex: 0 0 auto; padding: 0 ${gapMm / 2}mm; border-left: 0.5pt solid #777; }
.item:first-child { border-left: none; padding-left: 0; }
.item:last-child { padding-right: 0; }
.art { display: flex; flex-direction: column; }
.art.domafter { flex-direction: column-reverse; justify-content: flex-end; }
.art.left, .art.vertical { flex-direction: row; align-items: flex-start; }
.art.vertical.right { flex-direction: row-reverse; }
.head { margin-bottom: 2mm; }
.art.left > .head { flex: 0 0 auto; margin: 0 ${gapMm}mm 0 0; padding-right: ${gapMm / 2}mm; }
.art.vertical > .head { flex: 0 0 auto; writing-mode: vertical-rl; margin: 0 ${gapMm * 0.8}mm 0 0; }
.art.vertical.right > .head { margin: 0 0 0 ${gapMm * 0.8}mm; }
.art.left > .bodywrap, .art.vertical > .bodywrap { flex: 1 1 0; min-width: 0; }
.hl { font-family: ${SANS}; font-weight: 700; line-height: 1.25; margin: 0.5mm 0; }
.kicker, .subtitle { font-family: ${SERIF}; font-size: ${Math.max(bodyPt + 1.5, 11)}pt; line-height: 1.35; }
.subtitle { margin-top: 1mm; }
.collabel { display: inline-block; font-family: ${SANS}; font-weight: 700; font-size: ${bodyPt + 1}pt; line-height: 1.3; margin-bottom: 1.5mm; }
.collabel.box { border: 1pt solid ${ruleColor}; padding: 0.3mm 1.5mm; }
.collabel.inverse { background: ${ruleColor}; color: #fff; padding: 0.4mm 2mm; }
.byline-before { font-family: ${SANS}; font-size: ${bodyPt - 0.5}pt; margin: 0 0 1.5mm; }
.body { column-fill: balance; text-align: justify; orphans: 1; widows: 1; }
.body p { margin: 0; text-indent: 2em; }
.body p.sub { text-indent: 0; text-align: ${plan.subheadAlign}; font-family: ${SANS}; font-weight: 700; font-size: ${(bodyPt * plan.subheadScale).toFixed(2)}pt; margin: ${plan.subheadSpace}em 0; break-after: avoid; }
.body .dl { font-family: ${SANS}; font-weight: 700; }
.body .byend, .body .jump { text-indent: 0; text-align: right; }
.body .jump { font-family: ${SANS}; font-size: ${bodyPt - 1}pt; }
.photo { display: flex; flex-direction: column; }
.photo .img { flex: 0 0 auto; border: 0.5pt solid #555; margin-bottom: 1.5mm; }
.photo .cap { font-family: ${SANS}; font-size: ${bodyPt - 1}pt; line-height: 1.45; text-align: justify; margin: 0; text-indent: 2em; }
.photo .credit { font-family: ${SANS}; font-size: ${bodyPt - 1}pt; text-align: right; margin: 0; }
.photo .cap .credit-inline { margin-left: 1em; }
`;
}

function runningHead(plan) {
  const pn = `<div class="pn">${esc(plan.pageName)}</div>`;
  const metaParts = [`${plan.date.text} ${plan.date.weekday}`, `第${plan.pageNumber}版`, `责任编辑 ${plan.editor}`];
  if (plan.designer) metaParts.push(`美术编辑 ${plan.designer}`);
  const meta = `<div class="meta">${metaParts.map((m) => `<span>${esc(m)}</span>`).join("")}</div>`;
  return `<div class="runhead s${plan.headerStyle}">${pn}${meta}</div>`;
}

function headlinePt(plan, item, widthMm, vertical) {
  const len = [...item.headline].length + 1;
  const max = item.lead ? 34 : item.span >= 4 ? 26 : 21;
  if (vertical) return Math.min(max, 22);
  return Math.max(14, Math.min(max, (widthMm * PT_PER_MM) / len));
}

function columnLabel(item) {
  if (!item.column) return "";
  const text = item.columnLabelStyle === "bracket" ? `【${item.column}】` : item.column;
  const cls = item.columnLabelStyle === "bracket" ? "" : item.columnLabelStyle;
  return `<div><span class="collabel ${cls}">${esc(text)}</span></div>`;
}

function head(plan, item, widthMm) {
  const vertical = item.headPos === "vertical";
  const pt = headlinePt(plan, item, widthMm, vertical);
  const align = item.headPos === "left" || vertical ? "left" : item.headAlign;
  const parts = [];
  if (!vertical) parts.push(columnLabel(item));
  if (item.kicker) parts.push(`<div class="kicker">${esc(item.kicker)}</div>`);
  parts.push(`<div class="hl"${/ /u.test(item.headline) ? " data-oneline" : ""} style="font-size:${pt.toFixed(1)}pt">${esc(item.headline).replace(/ /gu, "&#x3000;")}</div>`);
  if (item.subheadline) parts.push(`<div class="subtitle">${esc(item.subheadline)}</div>`);
  return `<div class="head" style="text-align:${align}">${parts.join("")}</div>`;
}

function body(plan, item, innerCols, label = "") {
  const by = item.byline;
  const out = [];
  let first = true;
  const paras = item.src.paragraphs;
  paras.forEach((p, k) => {
    if (p.role === "subhead") {
      out.push(`<p class="sub" data-k="${k}">${esc(p.text)}</p>`);
      return;
    }
    let html = esc(p.text);
    if (first && (by.style === "start" || by.style === "startEndParen")) {
      const paren = by.paren ? `（${esc(by.paren)}）` : "";
      html = `<span class="dl">${esc(by.prefix)}</span>${paren}${paren ? "" : "　"}${html}`;
    }
    if (k === paras.length - 1 && by.style === "startEndParen") html += `<span class="byend">（${esc(by.endParen)}）</span>`;
    first = false;
    out.push(`<p class="para" data-k="${k}">${html}</p>`);
  });
  if (by.style === "endLine") out.push(`<p class="byend">${esc(by.printed)}</p>`);
  const before = by.style === "lineBefore" ? `<div class="byline-before">${esc(by.printed)}</div>` : "";
  const jump = esc(`（${item.jumpText.replace("{n}", item.jumpPage)}）`);
  return `<div class="bodywrap">${label}${before}<div class="body" data-jump="${jump}" style="column-count:${innerCols};column-gap:${plan.gapMm.toFixed(2)}mm">${out.join("")}</div></div>`;
}

function article(plan, item, idx, colMm) {
  const widthMm = colMm * item.span;
  let cls = item.headPos, innerCols = item.span, h;
  if (item.headPos === "left") {
    innerCols = item.span - 1;
    h = head(plan, item, colMm * 1.1).replace('class="head"', `class="head" style="width:${(colMm * 1.1).toFixed(1)}mm"`);
  } else if (item.headPos === "vertical") {
    cls += " " + item.verticalSide;
    h = head(plan, item, widthMm);
    // a vertical head takes about a quarter of a column; keep the body's columns readable
    if (colMm < 40) innerCols = Math.max(1, item.span - 1);
  } else h = head(plan, item, widthMm);
  // a label inside a vertical head would turn too: it sits above the body instead
  const b = body(plan, item, innerCols, item.headPos === "vertical" ? columnLabel(item) : "");
  const inner = item.headPos === "domafter" ? b + h : h + b;
  return `<div class="item art ${cls}" data-idx="${idx}" style="width:${(100 * item.span / plan.cols).toFixed(4)}%">${inner}</div>`;
}

function photo(plan, item, idx, colMm) {
  const minMm = colMm * item.span * item.ratio;
  const g = item.shade;
  const img = `<div class="img" style="height:${minMm.toFixed(1)}mm;background:linear-gradient(135deg, rgb(${g},${g},${g}) 0%, rgb(${g - 60},${g - 50},${g - 40}) 100%)"></div>`;
  const cap = item.creditInline
    ? `<p class="cap">${esc(item.caption)}<span class="credit-inline">${esc(item.credit)}</span></p>`
    : `<p class="cap">${esc(item.caption)}</p><p class="credit">${esc(item.credit)}</p>`;
  return `<div class="item photo" data-idx="${idx}" data-minmm="${minMm.toFixed(1)}" style="width:${(100 * item.span / plan.cols).toFixed(4)}%">${img}${cap}</div>`;
}

/** The HTML document of a page plan. Items are numbered in band order (`data-idx`). */
export function renderHtml(plan) {
  const colMm = (plan.widthMm - 22) / plan.cols;
  let idx = 0;
  const bands = plan.bands.map((b) => `<div class="band">${b.items.map((it) => (it.type === "photo" ? photo(plan, it, idx++, colMm) : article(plan, it, idx++, colMm))).join("")}</div>`);
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>synthetic page</title><style>${css(plan)}</style></head>
<body><div class="page">${runningHead(plan)}${plan.banner ? `<div class="banner">${esc(plan.banner)}</div>` : ""}<div class="grid">${bands.join("")}</div></div></body></html>`;
  return html;
}

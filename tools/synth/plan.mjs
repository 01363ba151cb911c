// Plans one synthetic page: size, grid, running head, and bands of articles and photos, each
// article with its head layout, heads, byline style and paragraphs. Everything the gold needs is
// decided here; the browser only decides how many paragraphs fit (see fit.mjs).
import { CITIES, makeKicker, makeSubtitle, people } from "./content.mjs";

const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
const PAGE_NAMES = ["综合新闻", "城市", "经济", "社会", "区域新闻", "民生", "观察"];
const COMMENTARY_LABELS = ["短评", "评论员文章", "观点", "时评", "今日谈"];
const BRIEF_LABELS = ["简讯", "快讯", "新闻速览"];
const FEATURE_LABELS = ["一线传真", "记者观察", "特别关注", "基层直击"];
const BANNERS = ["坚决打赢大上海保卫战", "守护家园 共迎春天", "众志成城 共克时艰", "高效统筹疫情防控和经济社会发展", "全力以赴稳住经济大盘"];
const CREDIT_FREE = ["资料图片", "新华社发", "本报资料图片"];

/** A newspaper date between 2022-05-16 and 2022-06-14. */
function pickDate(rng) {
  const d = new Date(Date.UTC(2022, 4, 16 + rng.int(0, 29)));
  const iso = d.toISOString().slice(0, 10);
  const text = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return { iso, text, weekday: WEEKDAYS[d.getUTCDay()], month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Byline and dateline of an article: how they are printed and what the gold says. */
function planByline(rng, pool, kind, src, date) {
  const srcReporters = src.people?.reporters ?? [];
  const reporters = (n) => (srcReporters.length && rng.chance(0.4) ? srcReporters.slice(0, n) : people(rng, pool, n));
  const none = { style: "none", dateline: null, byline: null, people: {} };
  if (kind === "commentary") {
    const k = rng.int(0, 9);
    if (k < 4) return none;
    if (k < 7) {
      const a = people(rng, pool, 1);
      return { style: "endLine", printed: a.join(" "), dateline: null, byline: a.join(" "), people: { authors: a } };
    }
    return { style: "lineBefore", printed: "本报评论员", dateline: null, byline: "本报评论员", people: {} };
  }
  const k = rng.int(0, 99);
  if (k < 30 || kind === "brief") {
    if (kind === "brief" && rng.chance(0.4)) return { style: "start", prefix: "本报讯", paren: null, dateline: "本报讯", byline: null, people: {} };
    const r = reporters(rng.chance(0.3) ? 2 : 1);
    const c = rng.chance(0.4) ? people(rng, pool, 1) : [];
    const by = `记者 ${r.join(" ")}${c.length ? ` 通讯员 ${c.join(" ")}` : ""}`;
    return { style: "start", prefix: "本报讯", paren: by, dateline: "本报讯", byline: by, people: c.length ? { reporters: r, correspondents: c } : { reporters: r } };
  }
  if (k < 40) {
    const dl = `${rng.chance(0.7) ? "本报" : "新华社"}${rng.pick(CITIES)}${date.month}月${date.day - rng.int(0, 1) || 1}日电`;
    const r = reporters(rng.chance(0.3) ? 2 : 1);
    return { style: "start", prefix: dl, paren: `记者 ${r.join(" ")}`, dateline: dl, byline: `记者 ${r.join(" ")}`, people: { reporters: r } };
  }
  if (k < 50) {
    const r = reporters(1);
    return { style: "startEndParen", prefix: "本报讯", endParen: `记者 ${r[0]}`, dateline: "本报讯", byline: `记者 ${r[0]}`, people: { reporters: r } };
  }
  if (k < 65) {
    const r = reporters(rng.int(1, 3));
    const by = `本报记者 ${r.join(" ")}`;
    return { style: "lineBefore", printed: by, dateline: null, byline: by, people: { reporters: r } };
  }
  if (k < 73) {
    const r = reporters(1);
    const c = people(rng, pool, rng.int(1, 2));
    const by = `记者 ${r.join(" ")} 通讯员 ${c.join(" ")}`;
    return { style: "lineBefore", printed: by, dateline: null, byline: by, people: { reporters: r, correspondents: c } };
  }
  if (k < 83) {
    const r = reporters(rng.chance(0.3) ? 2 : 1);
    const by = `本报记者 ${r.join(" ")}`;
    return { style: "endLine", printed: by, dateline: null, byline: by, people: { reporters: r } };
  }
  if (k < 90) {
    const a = people(rng, pool, rng.int(1, 2));
    return { style: "endLine", printed: a.join(" "), dateline: null, byline: a.join(" "), people: { authors: a } };
  }
  return { style: "start", prefix: "本报讯", paren: null, dateline: "本报讯", byline: null, people: {} };
}

/** Column label and kind of an article. */
function planColumn(rng, src) {
  if (src.sourceKind === "commentary") return { kind: "commentary", column: rng.pick(COMMENTARY_LABELS) };
  if (src.paragraphs.length <= 5 && src.size < 900 && rng.chance(0.25)) return { kind: "brief", column: rng.pick(BRIEF_LABELS) };
  if (rng.chance(0.12)) return { kind: "news", column: rng.pick(FEATURE_LABELS) };
  return { kind: "news", column: null };
}

/** Splits `cols` grid columns into `n` spans, each at least `min`. */
function splitSpans(rng, cols, n, min) {
  const spans = Array(n).fill(min);
  for (let left = cols - n * min; left > 0; left--) spans[rng.int(0, n - 1)]++;
  return spans;
}

function planArticle(rng, pool, src, span, date, pageNumber, lead) {
  const { kind, column } = planColumn(rng, src);
  const kicker = src.kicker ?? (kind === "news" && rng.chance(0.3) ? makeKicker(rng) : null);
  const subheadline = src.subheadline ? "——" + src.subheadline : kind === "news" && rng.chance(0.2) ? makeSubtitle(rng) : null;
  const hlen = [...src.headline].length;
  const positions = ["top", "top", "domafter"];
  if (span >= 3) positions.push("left", "left");
  if (hlen <= 14 && !kicker && !subheadline) positions.push("vertical", "vertical");
  const headPos = lead && rng.chance(0.6) ? "top" : rng.pick(positions);
  return {
    type: "article",
    span,
    lead,
    src,
    kind,
    column,
    kicker,
    headline: src.headline,
    subheadline,
    headPos,
    headAlign: rng.pick(["center", "left", "center"]),
    verticalSide: rng.pick(["right", "left"]),
    columnLabelStyle: rng.pick(["box", "inverse", "bracket"]),
    byline: planByline(rng, pool, kind, src, date),
    jumpPage: pageNumber + rng.int(1, 7),
    jumpText: rng.pick(["下转第{n}版", "转第{n}版", "紧转第{n}版"]),
  };
}

function planPhoto(rng, pool, span, captionPool) {
  const caption = captionPool.length ? captionPool.pop() : null;
  if (!caption) return null;
  const k = rng.int(0, 9);
  let credit, photographers = [];
  if (k < 6) {
    photographers = people(rng, pool, 1);
    credit = `${rng.pick(["记者 ", "本报记者 ", ""])}${photographers[0]} 摄`;
  } else if (k < 8) {
    photographers = people(rng, pool, 1);
    credit = `通讯员 ${photographers[0]} 摄`;
  } else credit = rng.pick(CREDIT_FREE);
  return { type: "photo", span, caption, credit, photographers, creditInline: rng.chance(0.5), ratio: rng.range(0.45, 0.75), shade: rng.int(150, 200) };
}

/** The plan of page number `index` (0-based) of seed `seed`. */
export function planPage(rng, pool, index) {
  const tabloid = rng.chance(0.3);
  const widthMm = tabloid ? rng.int(255, 280) : rng.int(325, 350);
  const heightMm = tabloid ? rng.int(365, 395) : rng.int(465, 495);
  const cols = tabloid ? rng.int(4, 6) : rng.int(5, 8);
  const bodyPt = rng.pick(tabloid ? [9.5, 10, 10.5, 11] : [9, 9.5, 10, 10.5]);
  // pdftotext (default mode) runs columns together unless the gap is about two characters wide
  const gapMm = bodyPt * 0.3528 * rng.range(2.4, 3.0);
  const date = pickDate(rng);
  const pageNumber = rng.chance(0.25) ? 1 : rng.int(2, 16);
  const pageName = pageNumber === 1 ? "要闻" : rng.pick(PAGE_NAMES);
  const [editor, designerName] = people(rng, pool, 2);
  const designer = rng.chance(0.5) ? designerName : null;
  const banner = pageNumber === 1 && rng.chance(0.6) ? rng.pick(BANNERS) : null;
  const headerStyle = rng.int(0, 2);

  const articles = rng.shuffle(pool.articles);
  const capacity = (widthMm * heightMm) / ((bodyPt * 0.3528) ** 2 * 1.7); // characters a page of body text holds
  const chosen = [];
  let chars = 0;
  // the pool's stories are short (300-1500 characters): a page takes as many as it has room for
  const nMax = tabloid ? rng.int(3, 6) : 7;
  for (const a of articles) {
    if (chosen.length >= nMax || (chosen.length >= 3 && chars > capacity * 0.95)) break;
    chosen.push(a);
    chars += a.size;
  }
  const onPage = new Set(chosen.flatMap((a) => a.paragraphs.map((p) => p.text)));
  const captionPool = rng.shuffle([
    ...pool.captions,
    ...articles.filter((a) => !chosen.includes(a)).flatMap((a) => a.paragraphs.filter((p) => p.role === "body" && p.text.length >= 30 && p.text.length <= 110).map((p) => p.text)),
  ]).filter((c) => !onPage.has(c));
  const nPhotos = chars < capacity * 0.6 ? rng.int(2, 3) : chars < capacity * 0.85 ? rng.int(1, 2) : rng.int(0, 1);

  // bands: the lead story first, then rows of two or three items
  const items = [...chosen.map((a) => ({ a })), ...Array.from({ length: nPhotos }, () => ({ photo: true }))];
  const lead = items.shift();
  const rest = rng.shuffle(items);
  const bands = [];
  const leadSplit = rng.chance(0.45) && rest.length > 0;
  if (leadSplit) {
    const second = rest.shift();
    const leadSpan = rng.int(Math.ceil(cols / 2), cols - 2);
    bands.push([[lead, leadSpan], [second, cols - leadSpan]]);
  } else bands.push([[lead, cols]]);
  while (rest.length) {
    const n = Math.min(rest.length, cols >= 6 && rng.chance(0.4) ? 3 : rest.length === 1 ? 1 : 2);
    const spans = splitSpans(rng, cols, n, 2);
    bands.push(rest.splice(0, n).map((it, i) => [it, spans[i]]));
  }
  const plannedBands = bands.map((band, bi) => ({
    items: band
      .map(([it, span]) => (it.photo ? planPhoto(rng, pool, span, captionPool) : planArticle(rng, pool, it.a, span, date, pageNumber, bi === 0 && it === lead)))
      .filter(Boolean),
  })).filter((b) => b.items.length);
  for (const b of plannedBands) {
    // spans must fill the row even if a photo found no caption
    const used = b.items.reduce((s, it) => s + it.span, 0);
    b.items[b.items.length - 1].span += cols - used;
  }
  const header = `${date.text} ${date.weekday} 第${pageNumber}版 ${pageName} 责任编辑 ${editor}${designer ? ` 美术编辑 ${designer}` : ""}`;
  return {
    widthMm, heightMm, cols, bodyPt, gapMm, lineHeight: rng.pick([1.45, 1.5, 1.55, 1.6]), tabloid, headerStyle,
    date, pageNumber, pageName, editor, designer, banner, header,
    ruleColor: rng.pick(["#000", "#333", "#8b0000"]),
    // subheads (小标题): bold, a little larger than body text, with some space around them
    subheadScale: rng.pick([1.05, 1.12, 1.2]),
    subheadSpace: rng.pick([0.4, 0.6, 0.8]),
    subheadAlign: rng.pick(["center", "left"]),
    bands: plannedBands,
  };
}

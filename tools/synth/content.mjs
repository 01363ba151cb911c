// Text for synthetic pages: articles and photo captions taken from the gold files of corpus/dev
// and corpus/seed, plus a seeded random source and generated people for bylines.
import fs from "node:fs";
import path from "node:path";

/** Seeded PRNG (mulberry32): the same seed gives the same pages. */
export function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
    range: (lo, hi) => lo + next() * (hi - lo),
    shuffle: (xs) => {
      const a2 = [...xs];
      for (let i = a2.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a2[i], a2[j]] = [a2[j], a2[i]];
      }
      return a2;
    },
  };
  return rng;
}

const strip = (s) => (s ?? "").replace(/\s+/gu, "");

/**
 * Loads every headed, non-photo article of the gold files (one version per headline: the one with
 * the most text, since dev pages carry cut copies) and every photo caption.
 */
export function loadPool(roots) {
  const byHeadline = new Map();
  const captions = new Set();
  const names = new Set();
  for (const dir of roots) {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".gold.json")).sort()) {
      const gold = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
      for (const a of gold.articles) {
        for (const list of Object.values(a.people ?? {})) for (const n of list) names.add(n);
        if (a.kind === "photo") {
          for (const p of a.paragraphs) if (strip(p.text).length >= 20) captions.add(strip(p.text));
          continue;
        }
        if (!a.headline || a.headline === "?") continue;
        const paragraphs = a.paragraphs
          .map((p) => ({ text: strip(p.text), role: p.role === "subhead" ? "subhead" : "body" }))
          .filter((p) => p.text);
        const size = paragraphs.reduce((s, p) => s + p.text.length, 0);
        const old = byHeadline.get(a.headline);
        if (old && old.size >= size) continue;
        byHeadline.set(a.headline, {
          headline: a.headline,
          kicker: a.kicker ?? null,
          subheadline: a.subheadline ?? null,
          sourceKind: a.kind,
          people: a.people ?? {},
          paragraphs,
          size,
        });
      }
    }
  }
  const articles = [...byHeadline.values()].sort((x, y) => (x.headline < y.headline ? -1 : 1));
  return { articles, captions: [...captions].sort(), names: [...names].sort() };
}

// Generated people, so bylines are not only the few dev names a parser may have seen.
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂焦向柳邢岳齐";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲兰飞斌宇浩凯健俊帆帅旭宁晨阳佳琳雪梅莉婷婧欣怡悦博文涵睿轩泽昊然思远晓鸣春秋海波立新建国志红卫东云鹏振宇子豪梓萱雨欣梦洁嘉怡冰清晶晶晗璐瑶琪";

/** A person's name: two or three characters, about half of them from the dev/seed bylines. */
export function personName(rng, pool) {
  if (pool.names.length && rng.chance(0.35)) return rng.pick(pool.names);
  const s = rng.pick([...SURNAMES]);
  const g = [...GIVEN];
  return rng.chance(0.6) ? s + rng.pick(g) + rng.pick(g) : s + rng.pick(g);
}

/** `n` distinct names. */
export function people(rng, pool, n) {
  const out = [];
  for (let guard = 0; out.length < n && guard < 50; guard++) {
    const x = personName(rng, pool);
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

export const DISTRICTS = ["浦东新区", "闵行区", "徐汇区", "静安区", "黄浦区", "宝山区", "嘉定区", "松江区", "青浦区", "奉贤区", "金山区", "崇明区", "杨浦区", "虹口区", "长宁区", "朔城区", "平鲁区", "怀仁市", "山阴县", "应县", "右玉县"];
export const CITIES = ["北京", "上海", "南京", "杭州", "合肥", "武汉", "广州", "成都", "西安", "太原"];

/** Kickers (引题) ending with ： or —— as printed above a headline. */
export function makeKicker(rng) {
  const k = rng.int(0, 3);
  if (k === 0) return rng.pick(DISTRICTS) + "：";
  if (k === 1) return rng.pick(["市商务委", "市卫健委", "市交通委", "市教委", "区市场监管局", "市妇联", "团市委", "市总工会"]) + "：";
  return rng.pick([
    "统筹疫情防控和经济社会发展——",
    "聚焦复工复产复市——",
    "众志成城 共克时艰——",
    "一手抓防控 一手抓发展——",
    "守护城市烟火气——",
    "基层一线直击——",
    "奋战在抗疫一线的人们——",
    "精准施策助企纾困 多措并举稳住大盘——",
  ]);
}

/** Subtitles (副题) printed below a headline, starting with ——. */
export function makeSubtitle(rng) {
  return "——" + rng.pick([
    "写在全面恢复正常生产生活秩序之际",
    "来自基层防控一线的报道",
    "本市推进复工复产复市工作综述",
    "访社区工作者和志愿者",
    "一线观察之三",
    "记者蹲点社区见闻",
    "本市多措并举保障市民生活物资供应",
    "各区加快推动经济恢复重振",
  ]);
}

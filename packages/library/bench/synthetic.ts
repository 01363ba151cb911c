/**
 * Synthetic newspaper archive for the reader benchmarks: realistic Chinese text, many topics.
 *
 * Text: sentences of the real articles in the corpus gold files (76 articles, ~1,000 sentences).
 * Reused as is, every common word of that corpus (all pandemic news of 2022) would sit in most of
 * the 100,000 articles, unlike any real archive. So each article belongs to one of
 * {@link TOPICS} topics, and a topic is the corpus with its content characters permuted (one
 * fixed permutation per topic; topic 0 is the original text). The most common characters of
 * general Chinese ({@link FUNCTION_CHARS}) are left alone in every topic, so function words stay
 * as frequent as in real text while a content word such as 核酸 is confined to its topic the way
 * real words are confined to their era and beat. Article lengths follow the corpus (3–8
 * paragraphs of 1–3 sentences, about 600 characters).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ARTICLE_KINDS, SCHEMA_VERSION, type Article, type Page } from "@dubao/core";

/** Number of topics (see the module comment). */
export const TOPICS = 20;

/** Articles per synthetic page: a broadsheet page carries 5 to 10; 10 keeps pages realistic. */
export const ARTICLES_PER_PAGE = 10;

/** Pages per synthetic issue. */
const PAGES_PER_ISSUE = 8;

/**
 * The most frequent characters of general written Chinese (the head of the well-known
 * character frequency lists), kept unpermuted in every topic.
 */
const FUNCTION_CHARS =
  "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从";

const PUBLICATIONS = ["合成日报", "合成晚报", "合成商报", "合成青年报"];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国文斌宇浩凯健俊帆帅旭宁婷晨欣怡佳悦雪琳晶";

/** A deterministic pseudo-random generator (mulberry32), so every run builds the same archive. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CorpusText {
  sentences: string[];
  headlines: string[];
  chars: string[];
}

/** Sentences and headlines of the corpus gold files. */
function readCorpus(corpusDir: string): CorpusText {
  const files = [
    ...readdirSync(path.join(corpusDir, "dev")).map((f) => path.join(corpusDir, "dev", f)),
    ...readdirSync(path.join(corpusDir, "seed")).map((f) => path.join(corpusDir, "seed", f)),
  ].filter((f) => f.endsWith(".gold.json"));
  const sentences: string[] = [];
  const headlines: string[] = [];
  const chars = new Set<string>();
  for (const file of files.sort()) {
    const gold = JSON.parse(readFileSync(file, "utf8")) as {
      articles: Array<{ headline: string | null; paragraphs: Array<{ text: string }> }>;
    };
    for (const a of gold.articles) {
      if (a.headline && a.headline !== "?") headlines.push(a.headline);
      for (const p of a.paragraphs) {
        for (const s of p.text.split(/(?<=[。！？])/u)) if (Array.from(s).length > 3) sentences.push(s);
        for (const c of p.text) if (/\p{Script=Han}/u.test(c)) chars.add(c);
      }
    }
  }
  return { sentences, headlines, chars: [...chars].sort() };
}

/** One permutation of the content characters per topic; topic 0 is the identity. */
function topicMaps(chars: readonly string[], rnd: () => number): Array<Map<string, string>> {
  const content = chars.filter((c) => !FUNCTION_CHARS.includes(c));
  const maps: Array<Map<string, string>> = [new Map()];
  for (let t = 1; t < TOPICS; t++) {
    const shuffled = [...content];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    maps.push(new Map(content.map((c, i) => [c, shuffled[i]!])));
  }
  return maps;
}

/**
 * Generates the pages of a synthetic archive, {@link ARTICLES_PER_PAGE} articles each.
 * @param articleCount total articles (a multiple of ARTICLES_PER_PAGE is exact)
 * @param corpusDir the repository's `corpus/` folder
 * @param seed generator seed
 */
export function* syntheticPages(articleCount: number, corpusDir: string, seed = 20240305): Generator<Page> {
  const rnd = random(seed);
  const corpus = readCorpus(corpusDir);
  const maps = topicMaps(corpus.chars, rnd);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const translate = (text: string, map: Map<string, string>): string => {
    let out = "";
    for (const c of text) out += map.get(c) ?? c;
    return out;
  };
  const people = Array.from({ length: 3000 }, () => pick(Array.from(SURNAMES)) + pick(Array.from(GIVEN)) + (rnd() < 0.5 ? pick(Array.from(GIVEN)) : ""));
  const startDay = Date.UTC(2015, 0, 1);

  const pageCount = Math.ceil(articleCount / ARTICLES_PER_PAGE);
  for (let p = 0; p < pageCount; p++) {
    const issue = Math.floor(p / PAGES_PER_ISSUE);
    const publication = PUBLICATIONS[issue % PUBLICATIONS.length]!;
    const date = new Date(startDay + Math.floor(issue / PUBLICATIONS.length) * 86_400_000).toISOString().slice(0, 10);
    const articles: Article[] = [];
    const n = Math.min(ARTICLES_PER_PAGE, articleCount - p * ARTICLES_PER_PAGE);
    for (let i = 0; i < n; i++) {
      const map = maps[Math.floor(rnd() * TOPICS)]!;
      const paragraphCount = 3 + Math.floor(rnd() * 6);
      const paragraphs = Array.from({ length: paragraphCount }, (_, k) => {
        const sentences = 1 + Math.floor(rnd() * 3);
        let text = "";
        for (let s = 0; s < sentences; s++) text += pick(corpus.sentences);
        return { text: translate(text, map), role: k > 0 && rnd() < 0.08 ? ("subhead" as const) : ("body" as const), spans: [] };
      });
      const reporters = rnd() < 0.8 ? [pick(people), ...(rnd() < 0.3 ? [pick(people)] : [])] : [];
      articles.push({
        id: `a${i + 1}`,
        kind: rnd() < 0.85 ? "news" : pick(ARTICLE_KINDS),
        column: null,
        kicker: null,
        headline: translate(pick(corpus.headlines), map),
        subheadline: null,
        dateline: rnd() < 0.5 ? "本报讯" : null,
        byline:
          reporters.length > 0
            ? { raw: `本报记者 ${reporters.join(" ")}`, reporters, correspondents: [], photographers: [], editors: [], authors: [] }
            : null,
        paragraphs,
        jumps: [],
        spans: [],
      });
    }
    const sha256 = createHash("sha256").update(`synthetic page ${seed} ${p}`).digest("hex");
    yield {
      schemaVersion: SCHEMA_VERSION,
      id: `page-${sha256.slice(0, 16)}`,
      source: { name: `synthetic-${p + 1}.txt`, format: "text", sha256, encoding: "utf-8" },
      page: { publication, date, pageNumber: (p % PAGES_PER_ISSUE) + 1 },
      articles,
      unassigned: [],
      diagnostics: [],
    };
  }
}

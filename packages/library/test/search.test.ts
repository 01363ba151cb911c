import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Library, makeSnippet, parseQuery, RANK_WINDOW, snippetText, textChains } from "../src/index.js";
import { makePage } from "./helpers.js";

const BODIES = [
  "全市核酸检测能力大幅提高。",
  "核酸，检测点位已经设置完成。", // 核酸 and 检测 split by punctuation
  "“无疫小区”创建名单公布，居民小区有序活动。",
  "小区无疫情，核查完成。",
  "11 月 30 日 16 时许，民警巡逻。",
  "酸奶与核桃。",
  "COVID-19 疫苗接种 Ｆｕｌｌ－ｗｉｄｔｈ ｔｅｘｔ。",
  "𠀀字在扩展区。",
];

let library: Library;

beforeAll(() => {
  library = Library.open(":memory:");
  library.importPage(
    makePage(
      BODIES.map((body, i) => ({ headline: `第${i + 1}篇`, paragraphs: [body] })),
      { info: { publication: "测试日报", date: "2024-03-05", pageNumber: 1 } },
    ),
    null,
  );
});
afterAll(() => library.close());

/** Every body whose folded chains contain the query's chain as consecutive units: the truth. */
function expected(query: string): string[] {
  const q = textChains(query)[0]!.join("");
  return BODIES.filter((b) => textChains(b).some((c) => c.join("").includes(q)));
}

function found(query: string): string[] {
  const r = library.search({ query, limit: 100 });
  return r.hits.map((h) => BODIES[Number(/\d+/.exec(h.headline!)![0]) - 1]!);
}

describe("search finds every article that contains the query, and only those", () => {
  for (const q of ["核酸", "核酸检测", "无疫小区", "小区", "核", "酸", "检测", "11月30日", "民警", "covid", "19", "full", "𠀀字", "字", "无疫情"]) {
    it(q, () => {
      expect(found(q).sort()).toEqual(expected(q).sort());
    });
  }

  it("does not match across punctuation", () => {
    expect(found("核酸检测")).toEqual([BODIES[0]]);
  });

  it("requires all words (AND)", () => {
    expect(found("核酸 完成").sort()).toEqual([BODIES[1]]);
  });

  it("finds words across the whitespace of a dump", () => {
    expect(found("30日16时")).toEqual([BODIES[4]]);
  });

  it("marks the hits in the snippet", () => {
    const hit = library.search({ query: "无疫小区" }).hits[0]!;
    expect(hit.snippet.segments.filter((s) => s.hit).map((s) => s.text)).toEqual(["无疫小区"]);
    const { text, marks } = snippetText(hit.snippet);
    expect(marks.map(([s, e]) => text.slice(s, e))).toEqual(["无疫小区"]);
  });

  it("marks full-width text hit by a half-width query", () => {
    const hit = library.search({ query: "full" }).hits[0]!;
    expect(hit.snippet.segments.filter((s) => s.hit).map((s) => s.text)).toEqual(["Ｆｕｌｌ"]);
  });
});

describe("no query string causes an error", () => {
  it("for FTS5 syntax and odd characters", () => {
    for (const q of ['"', '""', "AND", "OR NOT", "NEAR(核酸 检测)", "核*", "^核", "-核酸", "col:核", "{a b}: c", "'; DROP TABLE articles; --", "\u0000", "\ud800", "🙂", "a".repeat(10_000)]) {
      expect(() => library.search({ query: q })).not.toThrow();
    }
  });

  it("for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (q) => {
        const r = library.search({ query: q });
        expect(r.total).toBeGreaterThanOrEqual(r.hits.length);
      }),
      { numRuns: 300 },
    );
  });

  it("for odd paging and filters", () => {
    expect(() => library.search({ query: "核酸", offset: -5, limit: 1e9, from: "x", to: "'", kind: "?", person: "", publication: '"' })).not.toThrow();
    expect(library.search({ query: "核酸", offset: Number.NaN, limit: Number.NaN }).limit).toBe(20);
  });
});

describe("ranking and filters", () => {
  let lib: Library;
  beforeAll(() => {
    lib = Library.open(":memory:");
    lib.importPage(
      makePage(
        [
          { headline: "城市新闻", paragraphs: ["今天天气很好。防控工作有序。"], reporters: ["张骏"] },
          { headline: "防控工作新进展", paragraphs: ["各区推进。"], reporters: ["孟群舒"], kind: "news" },
          { headline: "短评", paragraphs: ["防控工作，防控工作，还是防控工作。"], authors: ["张骏"], kind: "commentary" },
        ],
        { info: { publication: "甲报", date: "2022-05-28" } },
      ),
      null,
    );
    lib.importPage(
      makePage([{ headline: "乙报消息", paragraphs: ["防控工作部署。"], reporters: ["张 骏"] }], { info: { publication: "乙报", date: "2022-06-01" } }),
      null,
    );
  });
  afterAll(() => lib.close());

  it("ranks a headline hit first", () => {
    expect(lib.search({ query: "防控工作" }).hits[0]!.headline).toBe("防控工作新进展");
  });

  it("counts all matches and pages through them", () => {
    const all = lib.search({ query: "防控工作" });
    expect(all.total).toBe(4);
    const pages = [0, 1, 2, 3].map((offset) => lib.search({ query: "防控工作", offset, limit: 1 }).hits[0]!.id);
    expect(new Set(pages).size).toBe(4);
    expect(pages).toEqual(all.hits.map((h) => h.id));
  });

  it("filters by publication, date range, person and kind", () => {
    expect(lib.search({ query: "防控工作", publication: "乙报" }).hits.map((h) => h.headline)).toEqual(["乙报消息"]);
    expect(lib.search({ query: "防控工作", from: "2022-06-01" }).total).toBe(1);
    expect(lib.search({ query: "防控工作", to: "2022-05-31" }).total).toBe(3);
    expect(lib.search({ query: "防控工作", person: "张骏" }).total).toBe(3); // "张 骏" is filed as 张骏
    expect(lib.search({ query: "防控工作", kind: "commentary" }).hits.map((h) => h.headline)).toEqual(["短评"]);
  });

  it("lists filtered articles newest first without a query", () => {
    const r = lib.search({ person: "张骏" });
    expect(r.order).toBe("date");
    expect(r.hits.map((h) => h.date)).toEqual(["2022-06-01", "2022-05-28", "2022-05-28"]);
  });

  it("returns nothing for an empty query without filters", () => {
    expect(lib.search({ query: "  " })).toMatchObject({ total: 0, hits: [] });
  });
});

describe("ranking in windows", () => {
  /** A library of `n` articles that all contain 社区, the oldest with it in the headline. */
  function libraryOf(n: number): Library {
    const lib = Library.open(":memory:");
    const specs = Array.from({ length: n }, (_, i) => ({ headline: i === 0 ? "社区新闻" : `消息${i}`, paragraphs: [`第${i}号，社区。`] }));
    lib.importPage(makePage(specs), null);
    return lib;
  }

  it("counts every match whether or not they fill the first window, from any offset", () => {
    for (const n of [1, RANK_WINDOW - 1, RANK_WINDOW, RANK_WINDOW + 1]) {
      const lib = libraryOf(n);
      for (const offset of [0, n - 1, n, n + 5, RANK_WINDOW + 3]) {
        const r = lib.search({ query: "社区", offset, limit: 10 });
        expect(r.total).toBe(n);
        expect(r.hits).toHaveLength(Math.max(0, Math.min(10, n - offset)));
      }
      lib.close();
    }
  });

  it("ranks all matches together when they fit one window (the oldest, with a headline hit, first)", () => {
    const lib = libraryOf(RANK_WINDOW - 1);
    expect(lib.search({ query: "社区" }).hits[0]!.headline).toBe("社区新闻");
    lib.close();
  });

  it("returns every match exactly once across pages when matches exceed one window", () => {
    const lib = Library.open(":memory:");
    const n = RANK_WINDOW + 150;
    const specs = Array.from({ length: n }, (_, i) => ({
      headline: i % 500 === 0 ? "社区团购" : `消息${i}`,
      paragraphs: [i % 3 === 0 ? "社区社区社区。" : `第${i}号，社区。`],
    }));
    lib.importPage(makePage(specs), null);
    const seen = new Set<string>();
    let total = 0;
    for (let offset = 0; ; offset += 100) {
      const r = lib.search({ query: "社区", offset, limit: 100 });
      total = r.total;
      if (r.hits.length === 0) break;
      for (const h of r.hits) seen.add(h.id);
    }
    expect(total).toBe(n);
    expect(seen.size).toBe(n);
    lib.close();
  });
});

describe("compactSearchIndex", () => {
  it("merges the index into one segment and leaves every search's answer as it was", () => {
    const lib = Library.open(":memory:");
    // Many small pages, each its own transaction: an index of many segments, as imports build it.
    for (let p = 0; p < 40; p++) {
      const specs = BODIES.map((body, i) => ({ headline: `第${p}页${i}篇${i % 3 === 0 ? "核酸" : ""}`, paragraphs: [body, `社区${p}号。`] }));
      lib.importPage(makePage(specs, { info: { publication: "测试日报", date: `2024-03-${String(1 + (p % 28)).padStart(2, "0")}`, pageNumber: 1 + p } }), null);
    }
    const segments = () => (lib.db.prepare("SELECT count(DISTINCT segid) FROM article_fts_idx").raw().get() as [number])[0];
    expect(segments()).toBeGreaterThan(1);
    const queries = ["核酸", "核酸检测", "核", "小区", "社区", "11月30日", "full", "𠀀字", "核酸 完成", "不存在"];
    const answers = (l: Library) => queries.map((query) => [0, 7].map((offset) => l.search({ query, offset, limit: 30 })));
    const before = answers(lib);
    lib.compactSearchIndex();
    expect(segments()).toBe(1);
    expect(answers(lib)).toEqual(before);
    // The library takes imports as before, and finds them.
    lib.importPage(makePage([{ headline: "蔚蓝鲸鱼", paragraphs: ["近海出现蔚蓝鲸鱼。"] }]), null);
    expect(lib.search({ query: "蔚蓝鲸鱼" }).total).toBe(1);
    lib.close();
  });
});

describe("snippets of long bodies", () => {
  it("are the whole body's snippet, whether the body is cut after the phrase's first plain occurrence or not", () => {
    const lib = Library.open(":memory:");
    const bodies = [
      // the phrase far in: the body is cut a snippet's length past it
      "全市居民有序出行。".repeat(40) + "核酸检测能力大幅提高。" + "社区工作有序开展。".repeat(40),
      // an earlier hit across a line break: the first plain occurrence comes later
      "全市居民有序出行，核酸\n检测点位已经设置。".repeat(3) + "社区工作有序开展。".repeat(20) + "核酸检测完成。" + "居民小区。".repeat(50),
      // beyond the Basic Multilingual Plane, and near the end: not cut
      "𠀀字".repeat(100) + "核酸检测𠀀字。",
      // only in the headline
      "社区工作有序开展。".repeat(30),
    ];
    lib.importPage(makePage(bodies.map((body, i) => ({ headline: `第${i + 1}篇核酸检测`, paragraphs: body.split("\n") }))), null);
    for (const query of ["核酸检测", "核酸", "检测", "𠀀字", "社区"]) {
      const { phrases } = parseQuery(query);
      for (const hit of lib.search({ query, limit: 100 }).hits) {
        const body = bodies[Number(/\d+/.exec(hit.headline!)![0]) - 1]!;
        expect(hit.snippet).toEqual(makeSnippet(body, phrases));
      }
    }
    lib.close();
  });
});

describe("totals of one-term searches", () => {
  it("equal a count of the index's matches, before and after the terms are counted again, with imports in between", () => {
    const lib = Library.open(":memory:");
    const importPages = (from: number, to: number) => {
      for (let p = from; p < to; p++) {
        const specs = Array.from({ length: 12 }, (_, i) => ({
          headline: i % 5 === 0 ? `核酸${p}` : `第${p}页${i}篇`,
          paragraphs: [BODIES[(p + i) % BODIES.length]!, `社区${p % 7}号。`],
        }));
        lib.importPage(makePage(specs, { info: { publication: "测试日报", pageNumber: 1 + p } }), null);
      }
    };
    const queries = ["核酸", "检测", "社区", "小区", "核", "区", "号", "1", "19", "𠀀字", "字", "不存"];
    const countAll = lib.db.prepare("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?").raw();
    const check = () => {
      for (const query of queries) {
        const expected = (countAll.get(parseQuery(query).match) as [number])[0];
        expect(lib.search({ query }).total, query).toBe(expected);
        expect(lib.search({ query, offset: 40 }).total, query).toBe(expected);
      }
    };
    importPages(0, 20);
    check(); // counted at no article: every match is counted from the index
    lib.compactSearchIndex();
    const counted = lib.db.prepare("SELECT docs FROM term_docs WHERE term = ?").raw();
    expect((counted.get("社区") as [number])[0]).toBeGreaterThan(RANK_WINDOW);
    check();
    importPages(20, 45); // imported after the count: added from the end of each term's list
    check();
    expect((countAll.get(parseQuery("社区").match) as [number])[0]).toBeGreaterThan((counted.get("社区") as [number])[0]);
    lib.compactSearchIndex();
    check();
    lib.close();
  });
});

describe("a search's read transaction", () => {
  it("is its own on an idle connection, read-only ones too, and the caller's inside a transaction", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dubao-search-"));
    const file = path.join(dir, "lib.db");
    const writer = Library.open(file);
    writer.importPage(makePage([{ headline: "核酸检测", paragraphs: ["核酸检测点位。"] }]), null);
    const reader = Library.open(file, { readonly: true });
    expect(reader.search({ query: "核酸" }).total).toBe(1);
    expect(reader.db.inTransaction).toBe(false);
    // Inside the caller's transaction the search sees the caller's snapshot, and leaves it open.
    reader.db.exec("BEGIN");
    expect(reader.search({ query: "检测" }).total).toBe(1);
    writer.importPage(makePage([{ headline: "检测站", paragraphs: ["检测站开放。"] }]), null);
    expect(reader.search({ query: "检测" }).total).toBe(1);
    expect(reader.db.inTransaction).toBe(true);
    reader.db.exec("COMMIT");
    expect(reader.search({ query: "检测" }).total).toBe(2);
    expect(reader.db.inTransaction).toBe(false);
    reader.close();
    writer.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { parseText } from "@dubao/core";
import { Library } from "@dubao/library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerSearchApi, apiSearchKey, parseSearchApi } from "./search-api";

const SEED = path.resolve(import.meta.dirname, "../../../../corpus/seed/000_0c30f1900352050f.txt");

let library: Library;

beforeAll(() => {
  library = Library.open(":memory:");
  const raw = readFileSync(SEED, "utf8");
  library.importPage(parseText(raw, { sourceName: "seed.txt" }), raw, { publication: "测试日报", date: "2022-11-30", pageNumber: 1 });
});
afterAll(() => library.close());

/** Ways of writing the same words: spaces around and inside, quotes, full width, upper case. */
function spellings(words: string): string[] {
  const fullWidth = words.replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return [words, ` ${words} `, `“${words}”`, `"${words}"`, Array.from(words).join(" "), words.toUpperCase(), fullWidth];
}

/** Ways of asking for the same page: parameters in another order, defaults written out. */
function requests(q: string, rest: string): string[] {
  const query = `q=${encodeURIComponent(q)}`;
  return [`${query}${rest}`, `${rest.slice(1)}${rest ? "&" : ""}${query}`, `${query}${rest}&offset=0`, `${query}&limit=20${rest}`.replace(/&limit=20(.*&limit=)/, "$1")];
}

describe("the key of a search API request", () => {
  it("is the same for requests that get the same answer, and tells apart those that do not", () => {
    const byKey = new Map<string, { query: string; body: string }>();
    let shared = 0;
    const words = ["核酸", "核酸检测", "北京", "11月30日", "2022", "a", "的", "核酸 检测", "检测 核酸", "不存在的词"];
    for (const w of words) {
      for (const rest of ["", "&limit=5", "&offset=3&limit=7", "&kind=news", "&from=2022-11-30&to=2022-12-01", "&publication=测试日报"]) {
        for (const variant of spellings(w)) {
          for (const query of requests(variant, rest)) {
            const params = parseSearchApi(new URLSearchParams(query));
            expect(params.ok, query).toBe(true);
            if (!params.ok) continue;
            const body = JSON.stringify(answerSearchApi(library, new URLSearchParams(query)).body);
            const earlier = byKey.get(params.key);
            if (earlier) {
              shared++;
              expect(body, `${query} and ${earlier.query}`).toBe(earlier.body);
            } else byKey.set(params.key, { query, body });
          }
        }
      }
    }
    // The test means something only if many requests share a key and the answers are many.
    expect(shared).toBeGreaterThan(1000);
    expect(new Set([...byKey.values()].map((v) => v.body)).size).toBeGreaterThan(words.length * 3);
  });

  it("changes with each filter, the offset and the limit", () => {
    const base = { query: "核酸", offset: 0, limit: 20 };
    const keys = [base, { ...base, offset: 1 }, { ...base, limit: 21 }, { ...base, kind: "news" }, { ...base, from: "2022-01-01" }, { ...base, to: "2022-01-01" }, { ...base, publication: "测试日报" }, { ...base, person: "张三" }, { ...base, query: "检测" }].map(apiSearchKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("is not made for bad parameters, which get the same 400 answer as the route's", () => {
    for (const query of ["q=a&limit=x", "q=a&offset=-1", "q=a&kind=nope", "from=2022-13-45", `q=${"a".repeat(1001)}`]) {
      const params = parseSearchApi(new URLSearchParams(query));
      expect(params.ok, query).toBe(false);
      expect(params, query).toEqual({ ok: false, ...answerSearchApi(library, new URLSearchParams(query)) });
    }
  });
});

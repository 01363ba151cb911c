/**
 * The reader as a person uses it, in headless Chromium: home, search, article, Traditional
 * characters, EPUB download, page view, upload, API. Expected values come from the database
 * (never from hard-coded parser output), so the tests hold while the parser improves.
 * Screenshots go to test-artifacts/e2e/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ArticleSchema, parseText } from "@dubao/core";
import { Library } from "@dubao/library";
import { Converter } from "opencc-js/cn2t";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");
const artifacts = inject("artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PHONE = { width: 390, height: 844 };
const PAGE_VIEW_HEIGHT = 900;
const toTraditional = Converter({ from: "cn", to: "tw" });

let browser: Browser;
let context: BrowserContext;
let library: Library;
/** Browser console errors and page errors (a CSP violation shows up here). */
const consoleErrors: string[] = [];

async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage });
}

async function apiTotal(q: string): Promise<number> {
  const r = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent(q)}`);
  return ((await r.json()) as { total: number }).total;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  context = await browser.newContext({ acceptDownloads: true, locale: "zh-CN" });
  library = Library.open(inject("dbPath"));
});

afterAll(async () => {
  await browser?.close();
  library?.close();
});

describe("home", () => {
  it("shows the library, the latest issues and a search box, with a CSP", async () => {
    const page = await newPage();
    const response = await page.goto(baseUrl);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(await page.getAttribute("html", "lang")).toBe("zh-Hans");
    await expect(page.locator("h1").textContent()).resolves.toBe("读报");
    const stats = library.stats();
    expect(await page.locator(".hero .muted").textContent()).toContain(`${stats.articles} 篇文章`);
    expect(await page.locator("#issues-title + ul > li").count()).toBe(Math.min(12, stats.issues));
    await shot(page, "01-home");
    await page.setViewportSize(PHONE);
    await shot(page, "02-home-phone");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.close();
  });

  it("starts keyboard navigation at the skip link", async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("跳到正文");
    await page.close();
  });
});

describe("search", () => {
  for (const [query, file] of [
    ["核酸", "03-search-hesuan"],
    ["无疫小区", "04-search-wuyixiaoqu"],
  ] as const) {
    it(`finds ${query}, counts the results and marks every snippet`, async () => {
      const page = await newPage();
      await page.goto(baseUrl);
      await page.locator("#q-home").fill(query);
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/search\?q=/);
      const total = await apiTotal(query);
      expect(total).toBeGreaterThan(0);
      expect(total).toBe(library.search({ query }).total);
      await expect(page.locator(".result-count").textContent()).resolves.toContain(`共找到 ${total} 篇文章`);
      const results = page.locator(".result");
      expect(await results.count()).toBe(Math.min(total, 20));
      for (let i = 0; i < (await results.count()); i++) {
        const marks = await results.nth(i).locator("mark").allTextContents();
        expect(marks.length).toBeGreaterThan(0);
        for (const m of marks) expect(m.replace(/\s/g, "")).toContain(query);
      }
      await shot(page, file);
      await page.close();
    });
  }

  it("keeps any query from causing an error", async () => {
    for (const q of ['"', "AND (", "NEAR(核酸", "*", "\u0000", "<script>alert(1)</script>"]) {
      const r = await fetch(`${baseUrl}/search?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      const body = await r.text();
      expect(body).not.toContain("<script>alert(1)</script>");
      const api = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent(q)}`);
      expect(api.status).toBe(200);
    }
  });

  it("filters by kind and date and pages through results", async () => {
    const page = await newPage();
    const all = library.search({ query: "疫情" });
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent("疫情")}`);
    await expect(page.locator(".result-count").textContent()).resolves.toContain(`${all.total}`);
    if (all.total > 20) {
      await page.locator('.pagination a[rel="next"]').click();
      await page.waitForURL(/page=2/);
      expect(await page.locator(".result").count()).toBe(Math.min(20, all.total - 20));
    }
    const dated = all.hits.find((h) => h.date !== null)!;
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent("疫情")}&from=${dated.date}&to=${dated.date}`);
    const filtered = library.search({ query: "疫情", from: dated.date!, to: dated.date! }).total;
    await expect(page.locator(".result-count").textContent()).resolves.toContain(`${filtered}`);
    await page.goto(`${baseUrl}/search?q=x&from=not-a-date`);
    expect(await page.locator(".problems").textContent()).toContain("不是有效日期");
    await page.close();
  });
});

describe("article", () => {
  it("opens from the results and matches the database; switches to Traditional; downloads the EPUB", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent("核酸")}`);
    // The first result on the page whose byline the library has people for.
    const links = page.locator(".result h3 a");
    let id: string | null = null;
    for (let i = 0; i < (await links.count()); i++) {
      const href = (await links.nth(i).getAttribute("href"))!;
      const candidate = href.split("/").pop()!;
      if ((library.article(candidate)?.people.length ?? 0) > 0) {
        id = candidate;
        await links.nth(i).click();
        break;
      }
    }
    expect(id, "a result for 核酸 with a byline").not.toBeNull();
    await page.waitForURL(new RegExp(`/articles/${id}$`));
    const stored = library.article(id!)!;

    expect(await page.locator("h1#headline").textContent()).toBe(stored.article.headline ?? "（无标题）");
    const bylineLinks = await page.locator(".byline a").allTextContents();
    expect(bylineLinks).toEqual(stored.people.map((p) => p.name));
    const paragraphs = stored.article.paragraphs.filter((p) => p.role !== "subhead").length;
    expect(await page.locator(".article-body p:not(.jump)").count()).toBe(paragraphs);
    const indent = await page.locator(".article-body p").first().evaluate((el) => getComputedStyle(el).textIndent);
    const fontSize = await page.locator(".article-body p").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(parseFloat(indent)).toBeCloseTo(2 * fontSize, 0);
    await shot(page, "05-article");

    const api = await (await fetch(`${baseUrl}/api/articles/${id}`)).json();
    expect(ArticleSchema.parse(api)).toEqual(stored.article);

    await page.getByRole("link", { name: "繁體" }).click();
    await page.waitForURL(/script=hant/);
    expect(await page.getAttribute("article.article", "lang")).toBe("zh-Hant");
    expect(await page.locator("h1#headline").textContent()).toBe(toTraditional(stored.article.headline ?? "（无标题）"));
    await shot(page, "06-article-traditional");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "EPUB" }).click()]);
    const epub = path.join(artifacts, download.suggestedFilename());
    await download.saveAs(epub);
    const bytes = readFileSync(epub);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.subarray(30, 58).toString("latin1")).toBe("mimetypeapplication/epub+zip");
    if (existsSync("/usr/bin/epubcheck")) {
      execFileSync("java", ["-jar", "/usr/bin/epubcheck", epub], { stdio: "pipe" });
    }

    await page.setViewportSize(PHONE);
    await page.goto(`${baseUrl}/articles/${id}`);
    await shot(page, "07-article-phone");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.close();
  });

  it("downloads Markdown and JSON of the article", async () => {
    const hit = library.search({ query: "核酸" }).hits[0]!;
    const md = await fetch(`${baseUrl}/articles/${hit.id}/download/md`);
    expect(md.headers.get("content-type")).toMatch(/text\/markdown/);
    expect(await md.text()).toContain(hit.headline ?? "");
    const json = await (await fetch(`${baseUrl}/articles/${hit.id}/download/json`)).json();
    expect(json.articles).toHaveLength(1);
  });

  it("is a 404 when it does not exist", async () => {
    expect((await fetch(`${baseUrl}/articles/0000000000000000-1`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/api/articles/nope`)).status).toBe(404);
  });
});

describe("article page cache", () => {
  /** The header telling whether an article page came from the reader's cache. */
  const CACHE = "x-dubao-cache";
  const SECURITY_HEADERS = ["x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy", "vary", "cache-control", "content-type"];
  const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];

  /**
   * Imports a new one-article page (written by this process, as `dubao import` would be) and
   * returns its article. Any write empties the reader's cache, so its first request is rendered.
   */
  function importArticle(): { url: string; key: string; json: string } {
    const text = `缓存测试消息\n本报记者 测试员\n这是用于检查文章页缓存的一段正文，讲述社区志愿者的故事（${Date.now()}-${Math.random()}）。\n`;
    const imported = library.importPage(parseText(text, { sourceName: "cache-e2e.txt" }), text, { publication: "缓存测试" });
    expect(imported.status).toBe("imported");
    const row = library.db.prepare("SELECT key, article_json FROM articles ORDER BY id DESC LIMIT 1").get() as { key: string; article_json: string };
    return { url: `${baseUrl}/articles/${row.key}`, key: row.key, json: row.article_json };
  }

  it("serves a page read before from memory with a fresh nonce and the same headers, and it runs in the browser", async () => {
    const { url } = importArticle();
    const first = await fetch(url);
    const firstBody = await first.text();
    const second = await fetch(url);
    const secondBody = await second.text();
    expect(first.headers.get(CACHE)).toBe("miss");
    expect(second.headers.get(CACHE)).toBe("hit");
    const [n1, n2] = [nonceOf(first), nonceOf(second)];
    expect(n1).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(n2).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(n2).not.toBe(n1);
    expect(second.headers.get("content-security-policy")).toBe(first.headers.get("content-security-policy")!.replaceAll(n1!, n2!));
    for (const h of SECURITY_HEADERS) expect(second.headers.get(h), h).toBe(first.headers.get(h));
    expect(secondBody).toBe(firstBody.replaceAll(n1!, n2!));
    // Next.js renders another document for crawlers that read HTML only: never the browsers' copy
    const crawler = { "user-agent": "Twitterbot/1.0" };
    expect((await fetch(url, { headers: crawler })).headers.get(CACHE)).toBe("miss");
    expect((await fetch(url, { headers: crawler })).headers.get(CACHE)).toBe("hit");

    // In Chromium the cached copy's scripts run under its CSP: the script switch is a client-side navigation.
    const page = await newPage();
    const response = await page.goto(url);
    expect(response?.headers()[CACHE]).toBe("hit");
    await page.evaluate(() => Object.assign(window, { dubaoSameDocument: true }));
    await page.getByRole("link", { name: "繁體" }).click();
    await page.waitForURL(/script=hant/);
    expect(await page.getAttribute("article.article", "lang")).toBe("zh-Hant");
    expect(await page.evaluate(() => (window as unknown as { dubaoSameDocument?: boolean }).dubaoSameDocument)).toBe(true);
    await page.close();
  });

  it("never serves a stale page: after the library changes, the page shows the new data", async () => {
    const { url, key, json } = importArticle();
    await fetch(url);
    expect((await fetch(url)).headers.get(CACHE)).toBe("hit");
    const changed = { ...(JSON.parse(json) as { headline: string | null }), headline: `更正后的标题${Date.now()}` };
    const update = library.db.prepare("UPDATE articles SET article_json = ? WHERE key = ?");
    try {
      // written by this process, as `dubao import` would be
      update.run(JSON.stringify(changed), key);
      const after = await fetch(url);
      expect(after.headers.get(CACHE)).toBe("miss");
      expect(await after.text()).toContain(changed.headline);
    } finally {
      update.run(json, key);
    }
    const restored = await fetch(url);
    expect(restored.headers.get(CACHE)).toBe("miss");
    expect(await restored.text()).not.toContain(changed.headline);

    // an import of another page renders the cached page again too
    expect((await fetch(url)).headers.get(CACHE)).toBe("hit");
    importArticle();
    expect((await fetch(url)).headers.get(CACHE)).toBe("miss");
  });
});

describe("page view", () => {
  it("highlights the source lines of the selected article", async () => {
    const hit = library.search({ query: "无疫小区" }).hits[0]!;
    const view = library.page(hit.pageId)!;
    const article = view.articles.find((a) => a.id === hit.id)!;
    const expected = new Set<number>();
    for (const s of article.spans) for (let n = s.line; n <= s.endLine; n++) expected.add(n);
    const page = await newPage();
    await page.goto(`${baseUrl}/pages/${hit.pageId}`);
    await page.locator(`.page-articles a[href*="article=${hit.id}"]`).click();
    await page.waitForURL(new RegExp(`article=${hit.id}`));
    const lit = await page.locator(".source .line.hl").evaluateAll((els) => els.map((e) => Number(e.id.slice(1))));
    expect(new Set(lit)).toEqual(expected);
    // The link jumps (smoothly) to the first highlighted line: wait until it is in view.
    for (let last = -1; ; ) {
      await page.waitForTimeout(250);
      const y = await page.evaluate(() => window.scrollY);
      if (y === last) break;
      last = y;
    }
    const top = await page.locator(".source .line.hl").first().evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(PAGE_VIEW_HEIGHT / 2);
    await shot(page, "08-page-view", false);
    await page.close();
  });

  it("links each person to their articles", async () => {
    const person = library.db.prepare("SELECT name FROM people ORDER BY name LIMIT 1").get() as { name: string };
    const page = await newPage();
    await page.goto(`${baseUrl}/people/${encodeURIComponent(person.name)}`);
    expect(await page.locator("h1").textContent()).toBe(person.name);
    expect(await page.locator(".result").count()).toBe(library.person(person.name)!.articles.length);
    await shot(page, "09-person");
    await page.close();
  });
});

describe("upload", () => {
  it("previews a pasted page, saves it once, and refuses a binary file", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/upload`);
    const dump = "晚报消息\n本报记者 测试员\n这是用于端到端测试的一段新闻正文，讲述社区志愿者的故事。\n\n";
    const unique = `${dump}（${Date.now()}）\n`;
    await page.locator("#text").fill(unique);
    await page.getByRole("button", { name: "解析预览" }).click();
    await page.locator("#preview-title").waitFor();
    await shot(page, "10-upload-preview");
    const before = library.stats().pages;
    const cached = `${baseUrl}/articles/${library.search({ query: "核酸" }).hits[0]!.id}`;
    await fetch(cached);
    expect((await fetch(cached)).headers.get("x-dubao-cache")).toBe("hit");
    await page.getByRole("button", { name: "保存到文库" }).click();
    await page.locator("#saved-title").waitFor();
    // saved through the reader's own connection: the article page read before is rendered again
    expect((await fetch(cached)).headers.get("x-dubao-cache")).toBe("miss");
    expect(await page.locator("#saved-title").textContent()).toBe("已保存到文库");
    expect(library.stats().pages).toBe(before + 1);
    await page.getByRole("button", { name: "保存到文库" }).click();
    await page.getByText("这个版面已经在文库里了").waitFor();
    expect(library.stats().pages).toBe(before + 1);

    const huge = path.join(artifacts, "huge.txt");
    writeFileSync(huge, Buffer.alloc(20 * 1024 * 1024 + 1, 0x61));
    await page.locator("#file").setInputFiles(huge);
    await page.getByRole("alert").filter({ hasText: "超过 20 MB" }).waitFor();
    rmSync(huge);

    const binary = path.join(artifacts, "binary.bin");
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    await page.locator("#text").fill("");
    await page.locator("#file").setInputFiles(binary);
    await page.getByRole("button", { name: "解析预览" }).click();
    await page.getByRole("alert").filter({ hasText: "二进制" }).waitFor();
    await shot(page, "11-upload-refused");
    expect(library.stats().pages).toBe(before + 1);
    await page.close();
  });
});

describe("upload of several pages", () => {
  it("previews each page of a dump with form feeds and saves them together, numbered on from the given page", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/upload`);
    const stamp = Date.now();
    const pageText = (n: number) => `第${n}版新闻\n本报记者 测试员\n这是多页上传测试的第${n}版正文，讲述社区志愿者的故事。（${stamp}）\n\n`;
    const dump = path.join(artifacts, "two-pages.txt");
    writeFileSync(dump, `${pageText(1)}\f${pageText(2)}`);
    await page.locator("#file").setInputFiles(dump);
    await page.locator("#page").fill("7");
    await page.getByRole("button", { name: "解析预览" }).click();
    await page.locator("#preview-title").waitFor();
    expect(await page.locator("#preview-title").textContent()).toBe("解析结果：2 个版面，共 2 篇文章");
    expect(await page.locator(".preview-page h3").allTextContents()).toEqual(["第 1 页：1 篇文章", "第 2 页：1 篇文章"]);
    expect(await page.locator(".preview-page > p").allTextContents()).toEqual([expect.stringContaining("第7版"), expect.stringContaining("第8版")]);
    await shot(page, "12-upload-two-pages");
    const before = library.stats().pages;
    await page.getByRole("button", { name: "保存到文库" }).click();
    await page.locator("#saved-title").waitFor();
    expect(await page.locator("#saved-title").textContent()).toBe("已保存 2 个版面到文库");
    expect(library.stats().pages).toBe(before + 2);
    const links = await page.locator(".saved-pages a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const numbers = links.map((href) => library.page(Number(href!.split("/").pop()))!.pageNumber);
    expect(numbers).toEqual([7, 8]);
    await page.getByRole("button", { name: "保存到文库" }).click();
    await page.getByText("这些版面已经在文库里了").waitFor();
    expect(library.stats().pages).toBe(before + 2);
    rmSync(dump);
    await page.close();
  });

  it("previews a PDF page by page", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/upload`);
    await page.locator("#file").setInputFiles(path.resolve(import.meta.dirname, "../../../corpus/dev/cnki_101.pdf"));
    await page.getByRole("button", { name: "解析预览" }).click();
    await page.locator("#preview-title").waitFor({ timeout: 30_000 });
    expect(await page.locator("#preview-title").textContent()).toMatch(/^解析结果：[1-9]\d* 篇文章$/);
    expect(await page.locator(".preview .muted").first().textContent()).toContain("cnki_101.pdf · 编码 binary");
    await shot(page, "13-upload-pdf");
    await page.close();
  });
});

describe("the browser", () => {
  it("reported no console errors or CSP violations", () => {
    expect(consoleErrors).toEqual([]);
  });
});

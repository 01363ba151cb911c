/** The identity of a stored page: its source, and its place in a source of several pages. */
import { createHash } from "node:crypto";
import type { Page } from "@dubao/core";

/** A Page id naming one page of a source of several (a PDF's page N): `<first 16 hex of the source hash>-p<N>`. */
const SOURCE_PAGE_ID = /^([0-9a-f]{16})-p([1-9]\d*)$/;

/**
 * The page of its source a Page is, when the source has several (a PDF issue): `N` of its id
 * `<hash>-pN`; `null` for a source of one page.
 * @param page a parsed page
 */
export function sourcePageOf(page: Page): number | null {
  const m = SOURCE_PAGE_ID.exec(page.id);
  return m && page.source.sha256.startsWith(m[1]!) ? Number(m[2]) : null;
}

/**
 * The key a page is stored under (`pages.source_key`), which makes importing idempotent: the
 * SHA-256 of its source, or, for page N of a source of several pages, the SHA-256 of
 * `<source SHA-256>#pN`, so each page of a PDF is stored once and apart from the others.
 * Article ids start with its first 16 hex digits.
 * @param page a parsed page
 */
export function pageSourceKey(page: Page): string {
  const n = sourcePageOf(page);
  return n === null ? page.source.sha256 : createHash("sha256").update(`${page.source.sha256}#p${n}`, "utf8").digest("hex");
}

import path from "node:path";
import type { Page } from "@dubao/core";
import { LibraryError } from "../errors.js";
import { sourcePageOf } from "./page-key.js";

/** Publication, date and page number given by the user; each wins over what the page says. */
export interface PageMetaOverrides {
  publication?: string | undefined;
  /** ISO date `YYYY-MM-DD`. */
  date?: string | undefined;
  pageNumber?: number | undefined;
}

/**
 * Where a page's publication, date and page number were found: `source-page` is the page's place
 * in a source of several pages (page 3 of a PDF issue).
 */
export type MetaSource = "option" | "page" | "file-name" | "source-page" | "none";

/** What a page is filed under in the library. */
export interface ResolvedPageMeta {
  /** '' when nothing named the publication. */
  publication: string;
  /** `YYYY-MM-DD`, or '' when unknown. */
  date: string;
  pageNumber: number | null;
  pageName: string | null;
  from: { publication: MetaSource; date: MetaSource; pageNumber: MetaSource };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const PAGE_TOKEN = /^(?:p|page|第)?(\d{1,3})(?:版)?$/i;

/**
 * Whether a string is a real calendar date written `YYYY-MM-DD`.
 * @param value the string to check
 */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1800 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Reads publication, date and page number from a file name that follows dubao's convention:
 * `[PUBLICATION_]DATE[_PAGE].ext`, fields separated by `_`, where DATE is `YYYY-MM-DD` or
 * `YYYYMMDD` and PAGE is `N`, `pN` or `第N版`; e.g. `人民日报_2024-03-05_p4.txt`,
 * `2024-03-05_第4版.txt`, `申报_19350102_12.json`. A name without a date says nothing, so that
 * names such as `cnki_102.txt` are not misread.
 * @param fileName a file name or path
 */
export function metaFromFileName(fileName: string): PageMetaOverrides {
  const base = path.basename(fileName).replace(/\.[^.]+$/, "");
  const parts = base.split("_").filter((p) => p !== "");
  const dateIndex = parts.findIndex((p) => toIsoDate(p) !== null);
  if (dateIndex < 0) return {};
  const result: PageMetaOverrides = { date: toIsoDate(parts[dateIndex]!)! };
  const publication = parts.slice(0, dateIndex).join("_").trim();
  if (publication !== "") result.publication = publication;
  const after = parts[dateIndex + 1];
  const page = after === undefined ? null : PAGE_TOKEN.exec(after);
  if (page && Number(page[1]) > 0) result.pageNumber = Number(page[1]);
  return result;
}

function toIsoDate(token: string): string | null {
  if (isIsoDate(token)) return token;
  const m = COMPACT_DATE.exec(token);
  if (m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return `${m[1]}-${m[2]}-${m[3]}`;
  return null;
}

/**
 * Decides what a page is filed under: the user's options first, then the page's own running
 * head (as the parser read it), then the file-name convention of {@link metaFromFileName}; a
 * page of a source of several pages (a PDF issue) without a page number is filed by its place in it.
 * @param page the parsed page
 * @param overrides what the user gave (`--publication`, `--date`, `--page`)
 * @throws LibraryError when an override is malformed
 */
export function resolvePageMeta(page: Page, overrides: PageMetaOverrides = {}): ResolvedPageMeta {
  if (overrides.date !== undefined && !isIsoDate(overrides.date)) {
    throw new LibraryError(`date "${overrides.date}" is not a calendar date written YYYY-MM-DD`);
  }
  if (overrides.pageNumber !== undefined && !(Number.isInteger(overrides.pageNumber) && overrides.pageNumber > 0)) {
    throw new LibraryError(`page number "${overrides.pageNumber}" is not a positive whole number`);
  }
  const fromName = metaFromFileName(page.source.name);
  const info = page.page;
  const pageDate = info.date !== undefined && isIsoDate(info.date) ? info.date : undefined;

  const pick = <T>(option: T | undefined, fromPage: T | undefined, fromFile: T | undefined): [T | undefined, MetaSource] =>
    option !== undefined ? [option, "option"] : fromPage !== undefined ? [fromPage, "page"] : fromFile !== undefined ? [fromFile, "file-name"] : [undefined, "none"];

  const [publication, pubFrom] = pick(clean(overrides.publication), clean(info.publication), clean(fromName.publication));
  const [date, dateFrom] = pick(overrides.date, pageDate, fromName.date);
  const [printedNumber, printedFrom] = pick(overrides.pageNumber, info.pageNumber, fromName.pageNumber);
  const sourcePage = sourcePageOf(page);
  const [pageNumber, numFrom]: [number | undefined, MetaSource] = printedNumber === undefined && sourcePage !== null ? [sourcePage, "source-page"] : [printedNumber, printedFrom];
  return {
    publication: publication ?? "",
    date: date ?? "",
    pageNumber: pageNumber ?? null,
    pageName: clean(info.pageName) ?? null,
    from: { publication: pubFrom, date: dateFrom, pageNumber: numFrom },
  };
}

function clean(value: string | undefined): string | undefined {
  const v = value?.replace(/\s+/g, " ").trim();
  return v ? v : undefined;
}

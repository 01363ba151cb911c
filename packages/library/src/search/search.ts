import { cached, cachedRaw } from "../store/cached.js";
import type { Db } from "../store/database.js";
import { utf8CharsEnd, utf8Text } from "../store/utf8.js";
import { parseQuery, singleTerm, type ParsedQuery } from "./query.js";
import { makePrefixSnippet, makeSnippet, markText, SNIPPET_CHARS, type Segment, type Snippet } from "./snippet.js";

/** Narrowing a search down; every field is optional. */
export interface SearchFilters {
  /** Earliest issue date, `YYYY-MM-DD`, inclusive. Articles of undated issues are then left out. */
  from?: string | undefined;
  /** Latest issue date, `YYYY-MM-DD`, inclusive. */
  to?: string | undefined;
  /** Publication name, exactly as listed. */
  publication?: string | undefined;
  /** Name of someone in the byline (any role). */
  person?: string | undefined;
  /** Article kind: news, commentary, photo, brief, notice, other. */
  kind?: string | undefined;
}

/** A search: words to find (optional when a filter is given), filters and the page of results. */
export interface SearchRequest extends SearchFilters {
  query?: string | undefined;
  /** Results to skip (default 0). */
  offset?: number | undefined;
  /** Results to return, 1 to {@link MAX_SEARCH_LIMIT} (default {@link DEFAULT_SEARCH_LIMIT}). */
  limit?: number | undefined;
}

/** One article found. */
export interface SearchHit {
  /** Public article id. */
  id: string;
  headline: string | null;
  /** The headline with hits marked (empty when there is no headline). */
  headlineSegments: Segment[];
  snippet: Snippet;
  kind: string;
  byline: string | null;
  /** Issue date `YYYY-MM-DD`, or `null` when unknown. */
  date: string | null;
  /** Publication name, or `null` when unknown. */
  publication: string | null;
  pageId: number;
  pageNumber: number | null;
}

/** A page of search results. */
export interface SearchResponse {
  /** All matching articles, not just this page. */
  total: number;
  hits: SearchHit[];
  offset: number;
  limit: number;
  query: ParsedQuery;
  /** `relevance` when words were searched, `date` (newest first) for filters alone. */
  order: "relevance" | "date";
}

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 100;

/**
 * How many matches are ranked together. FTS5's bm25 costs about a microsecond per matching
 * article (and a pass over all matches for the weights of the words), so ranking all 90,000
 * articles that contain a common word would take far longer than the reader's 50 ms, a budget
 * that 20 readers searching at once share (some 2.5 ms each on one core). Matches are therefore
 * ranked by bm25 in windows of this many, taken newest import first: every match is found and
 * counted, and within each window the most relevant come first. A query with fewer matches is
 * ranked as a whole (the case of most queries of 3 or more characters).
 */
export const RANK_WINDOW = 200;

/** Weight of a hit in kicker/headline/subtitle against one in the body, in bm25. */
const HEAD_WEIGHT = 4;

/** Deepest result offset served; beyond it a reader should narrow the search. */
export const MAX_SEARCH_OFFSET = 10_000;

interface Where {
  joins: boolean;
  sql: string;
  params: unknown[];
}

function filterClause(filters: SearchFilters): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filters.from) {
    parts.push("a.date >= ? AND a.date <> ''");
    params.push(filters.from);
  }
  if (filters.to) {
    parts.push("a.date <= ? AND a.date <> ''");
    params.push(filters.to);
  }
  if (filters.publication !== undefined && filters.publication !== "") {
    parts.push("a.publication_id = (SELECT id FROM publications WHERE name = ?)");
    params.push(filters.publication);
  }
  if (filters.kind) {
    parts.push("a.kind = ?");
    params.push(filters.kind);
  }
  if (filters.person) {
    parts.push("a.id IN (SELECT ap.article_id FROM article_people ap JOIN people pe ON pe.id = ap.person_id WHERE pe.name = ?)");
    params.push(filters.person);
  }
  return { joins: parts.length > 0, sql: parts.map((p) => ` AND ${p}`).join(""), params };
}

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/**
 * Searches the library. Any string is a valid query: nothing searchable in it gives no results.
 * @param db an open library database
 * @param request words, filters and which page of results
 */
export function search(db: Db, request: SearchRequest): SearchResponse {
  if (db.inTransaction) return searchInTransaction(db, request);
  // One read transaction for the search's few statements: the total, the ranking and the hits
  // come from one state of the library even while an import commits, and SQLite takes and
  // releases its read locks (system calls) once instead of once a statement.
  cached(db, "BEGIN").run();
  try {
    return searchInTransaction(db, request);
  } finally {
    cached(db, "COMMIT").run();
  }
}

function searchInTransaction(db: Db, request: SearchRequest): SearchResponse {
  const query = parseQuery(request.query ?? "");
  const limit = clampInt(request.limit, 1, MAX_SEARCH_LIMIT, DEFAULT_SEARCH_LIMIT);
  const offset = clampInt(request.offset, 0, MAX_SEARCH_OFFSET, 0);
  const where = filterClause(request);
  if (query.match === null) {
    if (!where.joins) return { total: 0, hits: [], offset, limit, query, order: "date" };
    const total = (cachedRaw(db, `SELECT count(*) FROM articles a WHERE 1${where.sql}`).get(...where.params) as [number])[0];
    const ids = (
      cachedRaw(db, `SELECT a.id FROM articles a WHERE 1${where.sql} ORDER BY a.date DESC, a.id DESC LIMIT ? OFFSET ?`)
        .all(...where.params, limit, offset) as Array<[number]>
    ).map((r) => r[0]);
    return { total, hits: hydrate(db, ids, query), offset, limit, query, order: "date" };
  }

  const from = where.joins ? "article_fts JOIN articles a ON a.id = article_fts.rowid" : "article_fts";
  // One window of matches, newest first, ranked: how many matches the window holds, and the ids of
  // one stretch of it in rank order as a JSON array (one row: libsql costs about a microsecond a row).
  const ranked = cachedRaw(db, `
    WITH win AS MATERIALIZED (
      SELECT article_fts.rowid AS id, bm25(article_fts, ${HEAD_WEIGHT}, 1, ${HEAD_WEIGHT}, 1) AS score
      FROM ${from} WHERE article_fts MATCH ?${where.sql}
      ORDER BY article_fts.rowid DESC LIMIT ? OFFSET ?
    )
    SELECT (SELECT count(*) FROM win),
           (SELECT json_group_array(id ORDER BY score, id DESC) FROM (SELECT id, score FROM win ORDER BY score, id DESC LIMIT ? OFFSET ?))`);
  const rankWindow = (window: number, skip: number, take: number) => {
    const [matches, idsJson] = ranked.get(query.match, ...where.params, RANK_WINDOW, window * RANK_WINDOW, take, skip) as [number, string];
    return { matches, ids: JSON.parse(idsJson) as number[] };
  };

  const ids: number[] = [];
  let window = Math.floor(offset / RANK_WINDOW);
  const first = rankWindow(window, offset - window * RANK_WINDOW, limit);
  ids.push(...first.ids);
  // When the first window is not full it holds every match: no need to count them again.
  const total = window === 0 && first.matches < RANK_WINDOW ? first.matches : countMatches(db, query, where, from);
  window++;
  while (ids.length < limit && window * RANK_WINDOW < total) {
    ids.push(...rankWindow(window, 0, limit - ids.length).ids);
    window++;
  }
  return { total, hits: hydrate(db, ids, query), offset, limit, query, order: "relevance" };
}

/**
 * How many articles match a query's FTS5 expression (and filters). A query of one index term
 * without filters starts from the term's count when terms were last counted (`term_docs`, see
 * recountTerms) and counts only the articles imported since, at the end of the term's list: one
 * lookup and a short read instead of reading the whole list (a 2-character word is often in
 * thousands of articles).
 */
function countMatches(db: Db, query: ParsedQuery, where: Where, from: string): number {
  const match = query.match;
  const term = where.joins ? null : singleTerm(query);
  if (term !== null) {
    return (
      cachedRaw(db, `
        SELECT coalesce((SELECT docs FROM term_docs WHERE term = ?), 0)
             + (SELECT count(*) FROM (SELECT article_fts.rowid FROM article_fts WHERE article_fts MATCH ? AND article_fts.rowid > u.last_rowid
                                      ORDER BY article_fts.rowid DESC)) -- read from the end of the list: a fifth cheaper
        FROM term_docs_upto u WHERE u.id = 1`).get(term, match) as [number]
    )[0];
  }
  return (cachedRaw(db, `SELECT count(*) FROM ${from} WHERE article_fts MATCH ?${where.sql}`).get(match, ...where.params) as [number])[0];
}

/**
 * For a one-phrase query, where to cut an article body (its UTF-8 bytes) for the snippet, or
 * `null` to take it whole; `null` for other queries. A one-phrase snippet starts at the phrase's
 * first hit, which is at or before its first plain occurrence: the body is decoded up to a little
 * beyond that, not whole (turning a body's UTF-8 into a JavaScript string cost more than the
 * snippet made from it). The occurrence is found in the bytes (UTF-8 matches only at character
 * starts), which cost less than asking SQLite for it (instr, length and substr each walk the text).
 */
function bodyCut(query: ParsedQuery): ((body: Uint8Array) => number | null) | null {
  if (query.phrases.length !== 1) return null;
  const chars = query.phrases[0]!.chars;
  const phrase = Buffer.from(chars.join(""));
  // the phrase and a snippet's length after its first character, and some slack
  const keep = chars.length + SNIPPET_CHARS + PREFIX_SLACK_CHARS;
  return (body) => {
    const at = Buffer.from(body.buffer, body.byteOffset, body.byteLength).indexOf(phrase);
    return at < 0 ? null : utf8CharsEnd(body, at, keep);
  };
}

/**
 * Characters of an article body read for a one-phrase snippet beyond the start of the phrase's
 * first plain occurrence: a snippet and a phrase, and room for a few spaces or line breaks.
 */
const PREFIX_SLACK_CHARS = 48;

/**
 * A row of the hit query: id, key, headline, kind, byline, body as UTF-8 bytes (see
 * {@link utf8Text}), date, publication, page_id, page_number.
 */
type HitRow = [number, string, string | null, string, string | null, Uint8Array, string, string, number, number | null];

function hydrate(db: Db, ids: readonly number[], query: ParsedQuery): SearchHit[] {
  if (ids.length === 0) return [];
  const list = ids.map(() => "?").join(",");
  // raw: arrays, not an object per row with a property per column (a fifth of the query's cost).
  // The page number comes from its own index (SQLite would read it from the page's wide row, a
  // leaf page per hit: 3 µs each).
  const rows = cachedRaw(db, `
      SELECT a.id, a.key, a.headline, a.kind, a.byline, CAST(a.body_text AS BLOB), a.date, pub.name AS publication, a.page_id, p.page_number
      FROM articles a JOIN pages p INDEXED BY pages_page_number ON p.id = a.page_id JOIN publications pub ON pub.id = a.publication_id
      WHERE a.id IN (${list})`).all(...ids) as HitRow[];
  const cut = bodyCut(query);
  const byId = new Map(rows.map((r) => [r[0], r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const [, key, headline, kind, byline, bodyBytes, date, publication, pageId, pageNumber] = r;
    const end = cut === null ? null : cut(bodyBytes);
    const snippet =
      (end !== null ? makePrefixSnippet(utf8Text(bodyBytes.subarray(0, end)), query.phrases) : null) ??
      // the start was too short to be sure of the snippet (rare: spaces or line breaks in a hit): all of it
      makeSnippet(utf8Text(bodyBytes), query.phrases);
    return [
      {
        id: key,
        headline,
        headlineSegments: headline ? markText(headline, query.phrases) : [],
        snippet,
        kind,
        byline,
        date: date === "" ? null : date,
        publication: publication === "" ? null : publication,
        pageId,
        pageNumber,
      },
    ];
  });
}

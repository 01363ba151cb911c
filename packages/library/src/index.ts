export { Library } from "./library.js";
export { LibraryError } from "./errors.js";
export { openDatabase, resolveDbPath, DEFAULT_DB_PATH, type Db, type OpenOptions } from "./store/database.js";
export { MIGRATIONS, SCHEMA_VERSION, currentVersion, migrate, type Migration } from "./store/migrations.js";
export {
  importPage,
  importPages,
  overridesForPage,
  articleKey,
  personName,
  headTexts,
  bodyTexts,
  PERSON_ROLES,
  type ImportResult,
  type PageToImport,
  type PersonRole,
} from "./import/import-page.js";
export {
  resolvePageMeta,
  metaFromFileName,
  isIsoDate,
  type PageMetaOverrides,
  type ResolvedPageMeta,
  type MetaSource,
} from "./import/page-meta.js";
export {
  loadPageInput,
  loadPageInputs,
  readPageFile,
  readPageInputs,
  MAX_PAGE_INPUT_BYTES,
  MAX_PDF_INPUT_BYTES,
  type LoadedPage,
  type LoadOptions,
  type LoadInputsOptions,
} from "./import/load-input.js";
export { pageSourceKey, sourcePageOf } from "./import/page-key.js";
export {
  search,
  RANK_WINDOW,
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_OFFSET,
  type SearchFilters,
  type SearchRequest,
  type SearchResponse,
  type SearchHit,
} from "./search/search.js";
export { parseQuery, MAX_QUERY_CHARS, MAX_QUERY_PHRASES, type ParsedQuery, type QueryPhrase } from "./search/query.js";
export { findHits, markText, makeSnippet, snippetText, SNIPPET_CHARS, type Segment, type Snippet } from "./search/snippet.js";
export { indexTerms, chainPhrase, type IndexTerms } from "./search/index-terms.js";
export { textUnits, textChains, type Unit } from "./search/units.js";
export {
  getIssue,
  latestIssues,
  libraryStats,
  listPublications,
  type ArticleLink,
  type IssueSummary,
  type IssueView,
  type LibraryStats,
  type PublicationSummary,
} from "./read/browse.js";
export {
  getArticle,
  getArticlePage,
  getPage,
  getPerson,
  type ArticleView,
  type PageView,
  type PersonArticle,
  type PersonView,
  type Placement,
} from "./read/article.js";

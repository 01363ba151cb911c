/** What the upload form shows after each action (plain data, sent from server to browser). */

/** One article as the preview lists it. */
export interface PreviewArticle {
  kind: string;
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  byline: string | null;
  paragraphs: number;
  excerpt: string;
}

/** One page of an upload as the preview shows it, filed where saving would file it. */
export interface PreviewPage {
  publication: string | null;
  date: string | null;
  pageNumber: number | null;
  pageName: string | null;
  unassigned: number;
  diagnostics: number;
  articles: PreviewArticle[];
}

/** The parse of an upload, before saving: one page, or several (a dump with form feeds, a PDF issue). */
export interface UploadPreview {
  sourceName: string;
  encoding: string;
  /** Characters of the decoded text dump; null for Page JSON, PDF, ALTO and hOCR. */
  characters: number | null;
  pages: PreviewPage[];
}

/** One saved page of an upload. */
export interface SavedPage {
  pageId: number;
  articleCount: number;
  /** The page was in the library already; nothing changed. */
  duplicate: boolean;
}

/** The state of the upload form. */
export type UploadState =
  | { status: "idle" }
  | { status: "error"; message: string }
  | { status: "preview"; preview: UploadPreview }
  | { status: "saved"; sourceName: string; pages: SavedPage[] };

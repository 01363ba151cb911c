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

/** The parse of an upload, before saving. */
export interface UploadPreview {
  sourceName: string;
  encoding: string;
  characters: number | null;
  publication: string | null;
  date: string | null;
  pageNumber: number | null;
  pageName: string | null;
  unassigned: number;
  diagnostics: number;
  articles: PreviewArticle[];
}

/** The state of the upload form. */
export type UploadState =
  | { status: "idle" }
  | { status: "error"; message: string }
  | { status: "preview"; preview: UploadPreview }
  | { status: "saved"; duplicate: boolean; pageId: number; articleCount: number; sourceName: string };

import { z } from "zod";

import { SCHEMA_VERSION } from "./schema-version.js";

export { SCHEMA_VERSION };

/** `$id` of the published JSON Schema (shipped as `@dubao/core/page.schema.json`). */
export const PAGE_SCHEMA_ID = "https://dubao.dev/schema/page-1.0.json" as const;

/**
 * A range of the original input. `start` and `end` are offsets in UTF-16 code units
 * (JavaScript string indices) into the decoded input text, `end` exclusive, so
 * `input.slice(start, end)` is the source of the string that carries the span.
 * `line` and `endLine` are the 1-based lines of `start` and of the last character.
 * Layout inputs (PDF, ALTO, hOCR) add the page and a box in that page's units.
 */
export const SpanSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    line: z.number().int().positive(),
    endLine: z.number().int().positive(),
    page: z.number().int().positive().optional(),
    bbox: z
      .tuple([z.number(), z.number(), z.number(), z.number()])
      .optional()
      .describe("[x0, y0, x1, y1] on the page, in the source's units"),
  })
  .describe("A range of the original input: UTF-16 offsets, end exclusive, and 1-based lines");
/** A range of the original input; see {@link SpanSchema}. */
export type Span = z.infer<typeof SpanSchema>;

/**
 * What an article is. The text parser gives `commentary` to articles under a commentary column
 * label (such as 短评), `brief` under a briefs label, `photo` to a headline-less picture caption with
 * a photo credit, and `news` to the rest; `notice` and `other` are for other inputs and editors.
 */
export const ARTICLE_KINDS = ["news", "commentary", "photo", "brief", "notice", "other"] as const;
/** One of {@link ARTICLE_KINDS}. */
export const ArticleKindSchema = z.enum(ARTICLE_KINDS);
/** One of {@link ARTICLE_KINDS}. */
export type ArticleKind = z.infer<typeof ArticleKindSchema>;

/**
 * What a paragraph is in its article: `body` text or a `subhead` (小标题) inside the text, the two
 * roles the text parser gives; `caption` (a picture caption) and `lead` (导语) are for other inputs.
 */
export const PARAGRAPH_ROLES = ["body", "subhead", "caption", "lead"] as const;
/** One of {@link PARAGRAPH_ROLES}. */
export const ParagraphRoleSchema = z.enum(PARAGRAPH_ROLES);
/** One of {@link PARAGRAPH_ROLES}. */
export type ParagraphRole = z.infer<typeof ParagraphRoleSchema>;

/** A paragraph of an article: its text (its lines joined, the extractor's wrap spaces removed), role and source spans. */
export const ParagraphSchema = z.object({
  text: z.string(),
  role: ParagraphRoleSchema,
  spans: z.array(SpanSchema),
});
/** A paragraph of an article; see {@link ParagraphSchema}. */
export type Paragraph = z.infer<typeof ParagraphSchema>;

/** Who signed an article, sorted by role. `raw` is the byline as printed (spaces normalised). */
export const BylineSchema = z.object({
  raw: z.string(),
  reporters: z.array(z.string()),
  correspondents: z.array(z.string()),
  photographers: z.array(z.string()),
  editors: z.array(z.string()),
  authors: z.array(z.string()),
});
/** Who signed an article; see {@link BylineSchema}. */
export type Byline = z.infer<typeof BylineSchema>;

/** A jump line: the article goes on (`continuedOn`) or comes from (`continuedFrom`) another page. */
export const JumpSchema = z.object({
  direction: z.enum(["continuedOn", "continuedFrom"]),
  page: z.number().int().positive().nullable(),
  raw: z.string(),
  spans: z.array(SpanSchema),
});
/** A jump line; see {@link JumpSchema}. */
export type Jump = z.infer<typeof JumpSchema>;

/**
 * One article of a page: its heads (column label, kicker, headline, subheadline), dateline,
 * byline, paragraphs and jump lines, and the spans of the input it was built from. `id` is the
 * page id, a dash and the article's two-digit position on the page. A field the page does not
 * print is `null`.
 */
export const ArticleSchema = z.object({
  id: z.string(),
  kind: ArticleKindSchema,
  column: z.string().nullable().describe("Column label (栏目) such as 短评"),
  kicker: z.string().nullable().describe("Kicker (引题) printed above the headline"),
  headline: z.string().nullable(),
  subheadline: z.string().nullable().describe("Subtitle (副题) printed below the headline"),
  dateline: z.string().nullable().describe("Dateline (电头) such as 本报讯"),
  byline: BylineSchema.nullable(),
  paragraphs: z.array(ParagraphSchema),
  jumps: z.array(JumpSchema),
  spans: z.array(SpanSchema).describe("Every range of the input this article was built from"),
});
/** One article of a page; see {@link ArticleSchema}. */
export type Article = z.infer<typeof ArticleSchema>;

/** Formats a page can be parsed from, recorded in `source.format`. */
export const SOURCE_FORMATS = ["text", "pdf", "alto", "hocr", "json"] as const;

/**
 * Where a page came from: file `name`, input `format`, the SHA-256 of the decoded text (as UTF-8)
 * and the encoding it was decoded from.
 */
export const SourceSchema = z.object({
  name: z.string(),
  format: z.enum(SOURCE_FORMATS),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string().describe("Encoding the input was decoded from, e.g. utf-8, utf-16le, gb18030"),
});
/** Where a page came from; see {@link SourceSchema}. */
export type Source = z.infer<typeof SourceSchema>;

/** Page furniture: running heads and banners, kept out of article text. */
export const PageInfoSchema = z.object({
  publication: z.string().optional(),
  date: z.string().optional().describe("ISO date YYYY-MM-DD"),
  pageNumber: z.number().int().positive().optional(),
  pageName: z.string().optional(),
  banner: z.string().optional(),
  header: z.string().optional().describe("The running head as printed"),
  editors: z.array(z.string()).optional().describe("Page editors, e.g. 责任编辑 X, 视觉设计 Y, as printed"),
});
/** Page furniture; see {@link PageInfoSchema}. */
export type PageInfo = z.infer<typeof PageInfoSchema>;

/**
 * Input text the parser could not place in an article (a stray heading, a line whose letters no
 * field took), kept whole with the `reason` and its spans so nothing of the page is lost.
 */
export const UnassignedBlockSchema = z.object({
  text: z.string(),
  reason: z.string(),
  spans: z.array(SpanSchema),
});
/** Text no article took; see {@link UnassignedBlockSchema}. */
export type UnassignedBlock = z.infer<typeof UnassignedBlockSchema>;

/** Severities of a {@link Diagnostic}, most serious first. */
export const SEVERITIES = ["error", "warning", "info"] as const;
/**
 * Something the parser reports about a page: a stable machine `code` (such as `unplaced-text` or
 * `parser-error`), a `severity`, a one-line `message` and the span it is about (`null` for the
 * whole page).
 */
export const DiagnosticSchema = z.object({
  code: z.string(),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  span: SpanSchema.nullable(),
});
/** Something the parser reports about a page; see {@link DiagnosticSchema}. */
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/**
 * One newspaper page parsed into articles: the format version, an `id` (the first 16 hex digits
 * of the source's SHA-256), the source, page furniture, the articles in reading order, the text no
 * article took, and diagnostics. The contract between dubao's packages; published as JSON Schema
 * by {@link pageJsonSchema}.
 */
export const PageSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z.string(),
    source: SourceSchema,
    page: PageInfoSchema,
    articles: z.array(ArticleSchema),
    unassigned: z.array(UnassignedBlockSchema),
    diagnostics: z.array(DiagnosticSchema),
  })
  .describe("One newspaper page parsed into articles by dubao");
/** One newspaper page parsed into articles; see {@link PageSchema}. */
export type Page = z.infer<typeof PageSchema>;

/**
 * The JSON Schema (draft 2020-12) of a Page, generated from {@link PageSchema}.
 * @returns a plain object, ready for `JSON.stringify`.
 */
export function pageJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PageSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
  return { $id: PAGE_SCHEMA_ID, title: "dubao Page", ...schema };
}

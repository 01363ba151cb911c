/** Validation of the ids in URLs, so a malformed one is a 404 rather than an error. */

const ROW_ID = /^[1-9]\d{0,15}$/;
const ARTICLE_ID = /^[0-9a-f]{16}-[1-9]\d{0,5}$/;

/**
 * A numeric id from a URL segment.
 * @returns the id, or `null` when the segment is not a positive integer
 */
export function rowId(segment: string): number | null {
  return ROW_ID.test(segment) && Number.isSafeInteger(Number(segment)) ? Number(segment) : null;
}

/**
 * Whether a URL segment has the shape of a public article id (`<16 hex>-<n>`).
 * @param segment the decoded segment
 */
export function isArticleId(segment: string): boolean {
  return ARTICLE_ID.test(segment);
}

/**
 * Largest upload, in bytes: 20 MiB, the library's `MAX_PAGE_INPUT_BYTES` (kept here as a plain
 * number so the browser can check a file before sending it; a test keeps the two equal).
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Longest publication name accepted with an upload. */
export const MAX_PUBLICATION_CHARS = 100;

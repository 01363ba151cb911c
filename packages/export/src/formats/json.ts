import type { Page } from "@dubao/core";

/**
 * `json`: the Page, exactly as `dubao parse` writes it (two-space indentation, final newline).
 * @param page a parsed page
 */
export function pageToJson(page: Page): string {
  return `${JSON.stringify(page, null, 2)}\n`;
}

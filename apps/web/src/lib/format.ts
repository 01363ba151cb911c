/** Display labels and formats shared by the pages (pure functions, safe anywhere). */

/** Chinese names of the article kinds. */
export const KIND_LABELS: Readonly<Record<string, string>> = {
  news: "消息",
  commentary: "评论",
  photo: "图片",
  brief: "简讯",
  notice: "公告",
  other: "其他",
};

/** Chinese names of the byline roles. */
export const ROLE_LABELS: Readonly<Record<string, string>> = {
  reporter: "记者",
  correspondent: "通讯员",
  photographer: "摄影",
  editor: "编辑",
  author: "作者",
};

/** What an unnamed publication is shown as. */
export const UNNAMED_PUBLICATION = "未署名报刊";

/**
 * An ISO date as Chinese readers write it.
 * @param iso `YYYY-MM-DD` or null
 * @returns e.g. `2022年5月28日`, or `日期不详`
 */
export function formatDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return "日期不详";
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * A page's label: `第3版 要闻`, `第3版`, `要闻`, or `版次不详`.
 * @param pageNumber printed page number
 * @param pageName printed page name
 */
export function pageLabel(pageNumber: number | null, pageName: string | null): string {
  const parts = [pageNumber === null ? null : `第${pageNumber}版`, pageName].filter((p): p is string => p !== null && p !== "");
  return parts.length > 0 ? parts.join(" ") : "版次不详";
}

/** The kind's label, or the kind itself when unknown. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** A headline for lists: the headline, or a stand-in saying it has none. */
export function headlineOrPlaceholder(headline: string | null): string {
  return headline && headline.trim() !== "" ? headline : "（无标题）";
}

/** Thousands separators for counts. */
export function formatCount(n: number): string {
  return n.toLocaleString("zh-CN");
}

/**
 * URL of a person's page.
 * @param name the name as filed
 */
export function personHref(name: string): string {
  return `/people/${encodeURIComponent(name)}`;
}

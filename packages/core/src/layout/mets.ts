/**
 * METS → logical articles: every `div` of `TYPE` ARTICLE (any case) in a `structMap` of `TYPE`
 * LOGICAL, with the ALTO ids its `area` elements point to (`BEGIN`), in document order.
 */
import type { LayoutDocument } from "./model.js";
import { LayoutInputError, walkXml } from "./xml.js";

/** Logical articles of a METS file. */
export type MetsArticles = NonNullable<LayoutDocument["articles"]>;

/**
 * Reads the logical articles of a METS file.
 * @param text the decoded METS XML
 * @param sourceName the file name, for error messages
 * @returns one entry per article with the ids of its ALTO blocks (or block groups)
 * @throws LayoutInputError for malformed or malicious XML, or a file without a logical structMap
 */
export function readMets(text: string, sourceName: string): MetsArticles {
  const articles: MetsArticles = [];
  let logicalDepth = 0;
  let sawLogical = false;
  let article: { id: string; blockIds: string[]; depth: number } | null = null;
  let depth = 0;
  walkXml(text, sourceName, {
    open(el) {
      depth++;
      if (el.name === "structMap" && (el.attrs.TYPE ?? "").toUpperCase() === "LOGICAL") {
        logicalDepth = depth;
        sawLogical = true;
      }
      if (logicalDepth === 0) return;
      if (el.name === "div" && !article && (el.attrs.TYPE ?? "").toUpperCase() === "ARTICLE") {
        article = { id: el.attrs.ID ?? `article-${articles.length + 1}`, blockIds: [], depth };
      } else if (el.name === "area" && article && el.attrs.BEGIN) {
        if (!article.blockIds.includes(el.attrs.BEGIN)) article.blockIds.push(el.attrs.BEGIN);
      }
    },
    close(el) {
      if (article && el.name === "div" && depth === article.depth) {
        if (article.blockIds.length > 0) articles.push({ id: article.id, blockIds: article.blockIds });
        article = null;
      }
      if (el.name === "structMap" && depth === logicalDepth) logicalDepth = 0;
      depth--;
    },
  });
  if (!sawLogical) throw new LayoutInputError(sourceName, null, "no logical structMap (structMap TYPE=\"LOGICAL\") in this METS file");
  return articles;
}

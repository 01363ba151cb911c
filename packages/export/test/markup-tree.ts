import { parse, parseFragment } from "parse5";
import { SaxesParser } from "saxes";

/** An element of a parsed document: its local name, attributes, and all the text inside it. */
export interface ElementInfo {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

/**
 * Parses XML strictly (well-formedness errors throw) and lists its elements in document order.
 * @param xml a whole XML document
 */
export function xmlElements(xml: string): ElementInfo[] {
  const parser = new SaxesParser({ xmlns: true });
  const all: ElementInfo[] = [];
  const open: ElementInfo[] = [];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attributes[typeof a === "string" ? a : a.name] = typeof a === "string" ? a : a.value;
    const info = { name: tag.local ?? tag.name, attributes, text: "" };
    all.push(info);
    open.push(info);
  });
  const addText = (t: string) => {
    for (const e of open) e.text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    open.pop();
  });
  parser.write(xml).close();
  return all;
}

interface Parse5Node {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  content?: Parse5Node;
}

function collect(node: Parse5Node, all: ElementInfo[]): string {
  if (node.nodeName === "#text") return node.value ?? "";
  let text = "";
  let info: ElementInfo | undefined;
  if (!node.nodeName.startsWith("#")) {
    info = { name: node.nodeName, attributes: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])), text: "" };
    all.push(info);
  }
  for (const child of [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])]) text += collect(child, all);
  if (info) info.text = text;
  return text;
}

/**
 * Parses HTML as a browser does (HTML5 parsing) and lists its elements in document order.
 * @param html a whole document, or a fragment when `fragment` is set
 */
export function htmlElements(html: string, fragment = false): ElementInfo[] {
  const all: ElementInfo[] = [];
  collect((fragment ? parseFragment(html) : parse(html)) as unknown as Parse5Node, all);
  return all;
}

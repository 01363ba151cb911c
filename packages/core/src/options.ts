/** Options of {@link parseText}. */
export interface ParseOptions {
  /** Name of the source, usually its file name. Default `"input.txt"`. */
  sourceName?: string;
  /** Encoding the text was decoded from, recorded in `source.encoding`. Default `"utf-8"`. */
  encoding?: string;
}

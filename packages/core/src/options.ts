/** Options of {@link parseText}. */
export interface ParseOptions {
  /** Name of the source, usually its file name. Default `"input.txt"`. */
  sourceName?: string;
  /** Encoding the text was decoded from, recorded in `source.encoding`. Default `"utf-8"`. */
  encoding?: string;
  /**
   * SHA-256 (hex) of the source, when the caller has it already: recorded in `source.sha256` and
   * naming the page, instead of the hash of the text given. A page of a larger dump passes the
   * dump's (see `parseTextPages`), which spares hashing every page again.
   */
  sha256?: string;
}

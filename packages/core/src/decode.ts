/**
 * Turning the bytes of a page dump into text: which encoding it is in, and whether it is text at all.
 *
 * Encodings recognised, and the names recorded in `source.encoding`:
 * - `"utf-8"`: UTF-8, with or without a byte-order mark (the mark is stripped from the text);
 * - `"utf-16le"`, `"utf-16be"`: UTF-16 that starts with its byte-order mark (stripped);
 * - `"gb18030"`: bytes that are not valid UTF-8 but valid GB18030, which includes GBK and GB2312.
 *
 * Everything else is refused with a one-line problem: NUL bytes or many control characters
 * (a binary file), UTF-16 without a byte-order mark, UTF-32, or bytes valid in none of the above.
 * Decoding uses the platform's `TextDecoder` in fatal mode (Node's full ICU has GB18030).
 */
import { Buffer, isUtf8, transcode } from "node:buffer";

/** Name of an encoding that {@link decodeInput} recognises, as recorded in `source.encoding`. */
export type InputEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** What {@link decodeInput} returns: the text and its encoding, or why the bytes are not text. */
export type DecodeResult =
  | { ok: true; text: string; encoding: InputEncoding }
  | { ok: false; problem: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;
const UTF32LE_BOM = [0xff, 0xfe, 0x00, 0x00] as const;
const UTF32BE_BOM = [0x00, 0x00, 0xfe, 0xff] as const;

/**
 * Largest share of control characters (other than tab, line feed, carriage return and form feed)
 * that text may hold. Page dumps have none, but OCR and PDF extractors occasionally leak a stray
 * one; random binary data has about one in eight bytes in the C0 range, so 1% separates the two.
 */
export const MAX_CONTROL_CHAR_SHARE = 0.01;

/**
 * How many leading characters the control-character share is measured over. Binary files show
 * themselves within their first few kilobytes, and a bounded sample keeps the check cheap.
 */
const CONTROL_SAMPLE_CHARS = 64 * 1024;

/**
 * Decodes the bytes of a text dump, detecting its encoding.
 * @param bytes the whole file
 * @returns `{ ok: true, text, encoding }` with any byte-order mark stripped, or
 *   `{ ok: false, problem }` with a one-line reason such as `binary file (NUL bytes at offset 123)`
 */
export function decodeInput(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, UTF32LE_BOM) || startsWith(bytes, UTF32BE_BOM)) {
    return { ok: false, problem: "UTF-32 text is not supported (convert it to UTF-8)" };
  }
  if (startsWith(bytes, UTF16LE_BOM)) return decodeUtf16(bytes, "utf-16le");
  if (startsWith(bytes, UTF16BE_BOM)) return decodeUtf16(bytes, "utf-16be");

  const hasUtf8Bom = startsWith(bytes, UTF8_BOM);
  const body = hasUtf8Bom ? bytes.subarray(UTF8_BOM.length) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) {
    const offset = nul + (hasUtf8Bom ? UTF8_BOM.length : 0);
    if (!hasUtf8Bom && looksLikeUtf16WithoutBom(bytes)) {
      return { ok: false, problem: `UTF-16 text without a byte-order mark is not supported (NUL bytes at offset ${offset}; save it as UTF-8)` };
    }
    return { ok: false, problem: `binary file (NUL bytes at offset ${offset})` };
  }

  const utf8 = decodeUtf8(body);
  if (utf8 !== null) return checkText(utf8, "utf-8");
  if (hasUtf8Bom) {
    // A UTF-8 byte-order mark says the file means to be UTF-8: do not guess another encoding.
    const bad = firstInvalidUtf8Offset(body) + UTF8_BOM.length;
    return { ok: false, problem: `invalid UTF-8 (byte 0x${hex(bytes, bad)} at offset ${bad})` };
  }
  const gb = tryDecode("gb18030", body);
  if (gb !== null) return checkText(gb, "gb18030");
  const bad = firstInvalidUtf8Offset(body);
  return { ok: false, problem: `not UTF-8, UTF-16 or GB18030 text (invalid UTF-8 byte 0x${hex(body, bad)} at offset ${bad})` };
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): DecodeResult {
  const body = bytes.subarray(2);
  const label = encoding === "utf-16le" ? "UTF-16LE" : "UTF-16BE";
  if (body.length % 2 !== 0) return { ok: false, problem: `invalid ${label} (odd number of bytes after the byte-order mark)` };
  const text = tryDecode(encoding, body);
  if (text === null) return { ok: false, problem: `invalid ${label} (unpaired surrogate)` };
  const nul = text.indexOf("\u0000");
  // Each UTF-16 code unit is two bytes, after the two-byte mark.
  if (nul >= 0) return { ok: false, problem: `binary file (NUL character at offset ${2 + 2 * nul})` };
  return checkText(text, encoding);
}

function checkText(text: string, encoding: InputEncoding): DecodeResult {
  const sampleLength = Math.min(text.length, CONTROL_SAMPLE_CHARS);
  let controls = 0;
  for (let i = 0; i < sampleLength; i++) {
    if (isStrayControl(text.charCodeAt(i))) controls++;
  }
  if (sampleLength > 0 && controls / sampleLength > MAX_CONTROL_CHAR_SHARE) {
    const pct = ((100 * controls) / sampleLength).toFixed(1);
    return { ok: false, problem: `binary file (${pct}% control characters)` };
  }
  return { ok: true, text, encoding };
}

/** C0 and C1 control characters, except the whitespace that text dumps use: tab, LF, VT, FF, CR. */
function isStrayControl(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d;
  return code === 0x7f || (code >= 0x80 && code <= 0x9f);
}

/**
 * The bytes as UTF-8, or null when they are not valid UTF-8: what a fatal `TextDecoder` gives
 * (a mark inside the text is kept). Node's validator, then its UTF-8 to UTF-16 transcoder and a
 * copy into a string: on the CJK text of a page about six times faster than either
 * `TextDecoder` or `Buffer#toString("utf8")`, which decode character by character.
 */
function decodeUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  return transcode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "utf8", "utf16le").toString("utf16le");
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: marks were handled above; a mark inside the text is kept as text.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Most of a BOM-less UTF-16 file of CJK or Latin text has a NUL in every other byte
 * (Latin and digits have a zero high byte). At least a quarter of the sampled even or odd
 * positions being NUL, and almost none of the other parity, marks it.
 */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const half = n / 2;
  return (odd >= half / 4 && even <= odd / 50) || (even >= half / 4 && odd <= even / 50);
}

/** Offset of the first byte where `bytes` stops being valid UTF-8 (`bytes.length` when valid). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function hex(bytes: Uint8Array, offset: number): string {
  return (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
}

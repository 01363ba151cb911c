import { Buffer, isUtf8 } from "node:buffer";

/**
 * Longest text decoded by the loop below, in bytes; a longer one goes to Node's decoder. Covers
 * article bodies (some 2 KB of UTF-8 on average) while bounding the scratch array it keeps
 * (two bytes per UTF-8 byte at most: 256 KiB).
 */
const MAX_LOOP_BYTES = 128 * 1024;

/** Whether a Uint16Array's bytes are UTF-16LE here (they are on every platform Node ships for but s390x). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** UTF-16 code units of the text being decoded; grown on demand up to MAX_LOOP_BYTES units. */
let units = new Uint16Array(4096);

/**
 * The text of UTF-8 bytes read from SQLite as a BLOB, as `Buffer#toString("utf8")` gives it.
 *
 * Node 20's own UTF-8 decoding (also how libsql turns a TEXT column into a string) costs some
 * 9 ns a byte of Chinese text (12 µs for the 470 characters a snippet is cut from on average):
 * an eighth of the instructions of a search, over its 20 results. This loop takes a third of
 * that. Bytes that are not valid UTF-8 (never written by dubao, which stores JavaScript strings)
 * go to Node's decoder, which replaces the bad sequences.
 * @param bytes UTF-8 bytes
 */
export function utf8Text(bytes: Uint8Array): string {
  const n = bytes.length;
  if (!LITTLE_ENDIAN || n > MAX_LOOP_BYTES || !isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, n).toString("utf8");
  if (units.length < n) units = new Uint16Array(Math.max(n, units.length * 2));
  const out = units;
  let o = 0;
  // Valid UTF-8 (checked above): each lead byte says how many continuation bytes follow.
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out[o++] = b;
      i += 1;
    } else if (b < 0xe0) {
      out[o++] = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      out[o++] = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      i += 3;
    } else {
      const astral = (((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f)) - 0x10000;
      out[o++] = 0xd800 | (astral >> 10);
      out[o++] = 0xdc00 | (astral & 0x3ff);
      i += 4;
    }
  }
  return Buffer.from(out.buffer, 0, o * 2).toString("utf16le");
}

/**
 * Where the first `count` characters (code points) from byte `from` of some UTF-8 bytes end, as
 * SQLite counts characters (every byte that is not a continuation byte starts one), or `null`
 * when the bytes end before `count` characters and one more: the end would not cut anything off.
 * @param bytes UTF-8 bytes
 * @param from a byte offset at the start of a character
 * @param count characters to keep from `from`
 * @returns the byte offset just after those characters, before the end of `bytes`
 */
export function utf8CharsEnd(bytes: Uint8Array, from: number, count: number): number | null {
  const n = bytes.length;
  let at = from;
  for (let kept = 0; kept < count; kept++) {
    if (at >= n) return null;
    at++;
    while (at < n && (bytes[at]! & 0xc0) === 0x80) at++;
  }
  return at < n ? at : null;
}

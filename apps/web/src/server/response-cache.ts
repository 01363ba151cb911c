/**
 * Rendered pages kept in memory, with their CSP nonce cut out so that every response served from
 * the cache gets a fresh one, and tagged with the library revision they were rendered at.
 */
import { gzipChunks, gzipTemplate, type GzipTemplate } from "./gzip-template.js";

/** A text cut at every occurrence of the nonce it was rendered with. */
export type NonceTemplate<T> = readonly T[];

/** A response as stored: status, headers and body, each with the nonce cut out. */
export interface CachedResponse {
  status: number;
  /** Header names (lower case) and values cut at the nonce. */
  headers: ReadonlyArray<readonly [string, NonceTemplate<string>]>;
  /** The body cut at the nonce. */
  body: NonceTemplate<Buffer>;
  /** The body's pieces compressed once, for clients that take gzip. */
  gzip: GzipTemplate;
  /** Bytes the entry holds (body, its gzip copy and headers), for the cache's budget. */
  bytes: number;
}

/**
 * Cuts `body` at every occurrence of `nonce`.
 * @returns the pieces between the occurrences (one more than the occurrences)
 */
export function splitBuffer(body: Buffer, nonce: string): Buffer[] {
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

/**
 * The body of a stored response with `nonce` put back between its pieces, as buffers to write in
 * order (the stored pieces themselves, and the nonce: nothing is copied).
 */
export function bodyChunks(parts: NonceTemplate<Buffer>, nonce: Buffer): Buffer[] {
  const chunks: Buffer[] = [parts[0]!];
  for (let i = 1; i < parts.length; i++) chunks.push(nonce, parts[i]!);
  return chunks;
}

/** The body of a stored response with `nonce` put back between its pieces, in one buffer. */
export function fillBody(parts: NonceTemplate<Buffer>, nonce: string): Buffer {
  return Buffer.concat(bodyChunks(parts, Buffer.from(nonce)));
}

/** The gzip stream of a stored response's body with `nonce` put back, as buffers to write in order. */
export function gzipBodyChunks(response: CachedResponse, nonce: Buffer): Buffer[] {
  return gzipChunks(response.gzip, response.body, nonce);
}

/**
 * Makes a storable response out of a rendered one.
 * @param nonce the nonce the response was rendered with
 * @returns `null` when the nonce appears nowhere in the body (nothing to renew: not a page this
 *   cache understands)
 */
export function toCachedResponse(status: number, headers: ReadonlyArray<readonly [string, string]>, body: Buffer, nonce: string): CachedResponse | null {
  const bodyParts = splitBuffer(body, nonce);
  if (bodyParts.length < 2) return null;
  const headerParts = headers.map(([name, value]) => [name.toLowerCase(), value.split(nonce)] as const);
  const headerBytes = headers.reduce((n, [name, value]) => n + name.length + value.length, 0);
  // One copy of the pieces, so that the entry does not keep alive a larger buffer they were cut from.
  const own = Buffer.concat(bodyParts);
  let at = 0;
  const ownParts = bodyParts.map((p) => own.subarray(at, (at += p.length)));
  const gzip = gzipTemplate(ownParts, Buffer.byteLength(nonce));
  return { status, headers: headerParts, body: ownParts, gzip, bytes: body.length + gzip.bytes + headerBytes };
}

/**
 * A least-recently-used cache of responses within a byte budget, valid for one library revision:
 * a lookup at another revision empties it first. Rendered article pages by default; the search
 * answers too (see search-endpoint.ts).
 */
export class ResponseCache<T extends { readonly bytes: number } = CachedResponse> {
  private readonly entries = new Map<string, T>();
  private held = 0;
  private revisionOfEntries: number | null = null;

  /**
   * @param budgetBytes most bytes all entries may hold together
   * @param maxEntryBytes largest single response kept (a bigger one would push out many pages)
   */
  constructor(
    readonly budgetBytes: number,
    readonly maxEntryBytes: number,
  ) {}

  /** Bytes held by the entries. */
  get bytes(): number {
    return this.held;
  }

  /** Number of entries. */
  get size(): number {
    return this.entries.size;
  }

  /** The response stored for `key` at `revision`, or `undefined`. */
  get(key: string, revision: number): T | undefined {
    this.useRevision(revision);
    const entry = this.entries.get(key);
    if (entry) {
      // most recently used last
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * Stores a response rendered at `revision`. Ignored when the cache has since moved to a newer
   * revision or the response is over `maxEntryBytes`; the least recently used entries go to make room.
   */
  set(key: string, revision: number, response: T): void {
    if (this.revisionOfEntries !== null && revision !== this.revisionOfEntries) return;
    this.useRevision(revision);
    if (response.bytes > this.maxEntryBytes) return;
    this.delete(key);
    this.entries.set(key, response);
    this.held += response.bytes;
    for (const [oldest] of this.entries) {
      if (this.held <= this.budgetBytes) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.held -= old.bytes;
  }

  private useRevision(revision: number): void {
    if (revision === this.revisionOfEntries) return;
    this.entries.clear();
    this.held = 0;
    this.revisionOfEntries = revision;
  }
}

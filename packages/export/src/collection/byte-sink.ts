/**
 * Where a streamed export goes: a file, an HTTP response, a buffer. `write` may return a promise
 * to hold the writer back until the chunk is taken (back-pressure); the writer awaits it before
 * writing more, so only a page's worth of output is ever held in memory.
 */
export interface ByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

import { randomBytes } from "node:crypto";

/** Random bytes in a CSP nonce: 128 bits, as the CSP spec recommends. */
const NONCE_BYTES = 16;
/**
 * Nonces drawn from the system's random source at once: one call costs some 20 µs on this
 * machine's VM whatever the size, as much as the rest of serving a cached page; 256 at a time
 * make it negligible. Each nonce is still 16 fresh bytes of the CSPRNG, used once.
 */
const NONCES_PER_DRAW = 256;

let pool = Buffer.alloc(0);
let next = 0;

/** A fresh, unpredictable CSP nonce (base64 of 16 random bytes) for one response. */
export function newNonce(): string {
  if (next + NONCE_BYTES > pool.length) {
    pool = randomBytes(NONCE_BYTES * NONCES_PER_DRAW);
    next = 0;
  }
  const nonce = pool.toString("base64", next, next + NONCE_BYTES);
  next += NONCE_BYTES;
  return nonce;
}

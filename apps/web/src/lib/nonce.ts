/** Random bytes in a CSP nonce: 128 bits, as the CSP spec recommends. */
const NONCE_BYTES = 16;

/** A fresh, unpredictable CSP nonce (base64 of 16 random bytes) for one response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(NONCE_BYTES))).toString("base64");
}

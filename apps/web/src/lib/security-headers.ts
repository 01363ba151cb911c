/**
 * Response headers of every reader response (pages get their nonce CSP from the proxy on top),
 * and the policy of the JSON API, which never runs scripts or loads anything. Used by
 * next.config.ts and by the reader's server for the API answers it sends itself.
 */
export const COMMON_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

/** The Content-Security-Policy of `/api/*` answers. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

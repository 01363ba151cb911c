import type { NextConfig } from "next";

/**
 * Largest request body accepted by server actions and the proxy: an upload may be 20 MiB
 * (`MAX_PAGE_INPUT_BYTES`), plus room for the multipart envelope and the other form fields.
 * The exact 20 MiB limit is checked (with a clear message) by the upload action itself.
 */
const MAX_BODY = "21mb";

const config: NextConfig = {
  // libsql is a native module: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["libsql"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    serverActions: { bodySizeLimit: MAX_BODY },
    proxyClientMaxBodySize: MAX_BODY,
  },
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
    ];
    return [
      { source: "/:path*", headers: common },
      // JSON and downloads never run scripts or load anything (pages get a nonce CSP from the proxy).
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default config;

import type { NextConfig } from "next";
import { API_CSP, COMMON_HEADERS } from "./src/lib/security-headers";

/**
 * Largest request body accepted by server actions and the proxy: an upload may be 20 MiB
 * (`MAX_PAGE_INPUT_BYTES`), plus room for the multipart envelope and the other form fields.
 * The exact 20 MiB limit is checked (with a clear message) by the upload action itself.
 */
const MAX_BODY = "21mb";

const config: NextConfig = {
  // libsql is a native module: load it from node_modules at run time, never bundle it. So is
  // pdfjs-dist (for PDF uploads): @dubao/core finds its fonts and character maps beside the
  // installed package, and pdf.js loads its own worker module, neither of which a bundle has.
  serverExternalPackages: ["libsql", "pdfjs-dist"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    serverActions: { bodySizeLimit: MAX_BODY },
    proxyClientMaxBodySize: MAX_BODY,
  },
  async headers() {
    return [
      { source: "/:path*", headers: [...COMMON_HEADERS] },
      // JSON and downloads never run scripts or load anything (pages get a nonce CSP from the proxy).
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default config;

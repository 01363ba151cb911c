"use client";

import Link from "next/link";

/** Shown when rendering a page fails unexpectedly (details are in the server log, under the digest). */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <section className="notice notice--error" aria-labelledby="error-title">
      <h1 id="error-title">出错了</h1>
      <p>这个页面没能显示出来。可以重试一次，或回到首页。</p>
      {digest && (
        <p className="muted">
          错误编号：<code>{digest}</code>
        </p>
      )}
      <p className="actions">
        <button type="button" onClick={() => retry()}>
          重试
        </button>
        <Link href="/">回到首页</Link>
      </p>
    </section>
  );
}

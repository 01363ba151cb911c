"use client";

/** Last resort when even the root layout fails: a page of its own, with its own html and body. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="zh-Hans">
      <body>
        <main>
          <h1>出错了</h1>
          <p>读报暂时无法显示页面。</p>
          <button type="button" onClick={() => retry()}>
            重试
          </button>
        </main>
      </body>
    </html>
  );
}

import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SearchBox } from "@/components/search-box";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "读报 · dubao", template: "%s · 读报" },
  description: "浏览、阅读和检索解析后的报纸版面",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

/**
 * Every page is rendered per request: pages read the library, and each response carries a fresh
 * CSP nonce (see proxy.ts), which a page prerendered at build time could not have.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="zh-Hans">
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="site-name">
              读报 <span lang="en">dubao</span>
            </Link>
            <nav aria-label="主导航">
              <ul>
                <li>
                  <Link href="/">首页</Link>
                </li>
                <li>
                  <Link href="/search">检索</Link>
                </li>
                {env.DUBAO_UPLOAD === "on" && (
                  <li>
                    <Link href="/upload">上传版面</Link>
                  </li>
                )}
              </ul>
            </nav>
            <SearchBox />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            读报（dubao）把报纸版面的文本还原成结构化的文章。<Link href="/api/search?q=">JSON 接口</Link>
          </p>
        </footer>
      </body>
    </html>
  );
}

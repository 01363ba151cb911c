import Link from "next/link";
import { SearchBox } from "@/components/search-box";

export const metadata = { title: "找不到页面" };

/** Shown for unknown URLs and for issues, pages, articles or people that are not in the library. */
export default function NotFound() {
  return (
    <section className="notice" aria-labelledby="nf-title">
      <h1 id="nf-title">找不到这个页面</h1>
      <p>文库里没有这一期、这一版、这篇文章或这位作者。可以检索全文，或回到首页。</p>
      <SearchBox large />
      <p>
        <Link href="/">回到首页</Link>
      </p>
    </section>
  );
}

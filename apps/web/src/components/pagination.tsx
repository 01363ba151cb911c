import Link from "next/link";

/**
 * Previous/next and nearby page links.
 * @param page current page, 1-based
 * @param pages number of pages
 * @param href URL of a page
 */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const nearby: number[] = [];
  for (let p = Math.max(1, page - 3); p <= Math.min(pages, page + 3); p++) nearby.push(p);
  return (
    <nav className="pagination" aria-label="分页">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ‹ 上一页
        </Link>
      ) : (
        <span aria-disabled="true">‹ 上一页</span>
      )}
      <ol>
        {nearby[0]! > 1 && (
          <li>
            <Link href={href(1)}>1</Link>
            {nearby[0]! > 2 && <span aria-hidden="true"> …</span>}
          </li>
        )}
        {nearby.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page">{p}</span>
            ) : (
              <Link href={href(p)} aria-label={`第 ${p} 页`}>
                {p}
              </Link>
            )}
          </li>
        ))}
        {nearby[nearby.length - 1]! < pages && (
          <li>
            {nearby[nearby.length - 1]! < pages - 1 && <span aria-hidden="true">… </span>}
            <Link href={href(pages)}>{pages}</Link>
          </li>
        )}
      </ol>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          下一页 ›
        </Link>
      ) : (
        <span aria-disabled="true">下一页 ›</span>
      )}
    </nav>
  );
}

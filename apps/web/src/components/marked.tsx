import type { Segment } from "@dubao/library";

/** Text with the search hits marked; React escapes every piece. */
export function Marked({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

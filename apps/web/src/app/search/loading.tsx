/** Shown while a page's data loads. */
export default function Loading() {
  return (
    <div className="loading" role="status" aria-live="polite">
      正在载入……
    </div>
  );
}

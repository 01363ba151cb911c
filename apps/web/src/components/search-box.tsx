/** The one-line search form of the header and the home page (a plain GET form: works without JavaScript). */
export function SearchBox({ defaultValue = "", large = false }: { defaultValue?: string; large?: boolean }) {
  return (
    <form action="/search" method="get" role="search" className={large ? "search-box search-box--large" : "search-box"}>
      <label htmlFor={large ? "q-home" : "q-header"} className="visually-hidden">
        检索文章
      </label>
      <input
        id={large ? "q-home" : "q-header"}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder="检索全文，如：核酸、无疫小区"
        maxLength={200}
        autoComplete="off"
      />
      <button type="submit">检索</button>
    </form>
  );
}

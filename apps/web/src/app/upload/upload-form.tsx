"use client";

import Link from "next/link";
import { useActionState, useRef, useState, useTransition, type ChangeEvent, type FormEvent } from "react";
import { formatDate, headlineOrPlaceholder, kindLabel, pageLabel, UNNAMED_PUBLICATION } from "@/lib/format";
import { MAX_UPLOAD_BYTES } from "@/lib/upload-limits";
import { uploadAction } from "./actions";
import type { PreviewPage, SavedPage, UploadState } from "./upload-state";

const INITIAL: UploadState = { status: "idle" };

/** Where a previewed page would be filed, and what the parse left out of articles. */
function filing(page: PreviewPage) {
  return (
    <>
      {page.publication ?? UNNAMED_PUBLICATION} {formatDate(page.date)} {pageLabel(page.pageNumber, page.pageName)}
      {page.unassigned > 0 && <> · {page.unassigned} 段文字未归入文章</>}
    </>
  );
}

/** The articles of one previewed page. */
function ArticleList({ page }: { page: PreviewPage }) {
  return (
    <ol className="article-list">
      {page.articles.map((a, i) => (
        <li key={i}>
          {a.kicker && <span className="muted">{a.kicker} </span>}
          <strong>{headlineOrPlaceholder(a.headline)}</strong> <span className="tag">{kindLabel(a.kind)}</span>
          {a.subheadline && <span className="muted"> —— {a.subheadline}</span>}
          <br />
          <span className="muted small">
            {a.byline && <>{a.byline} · </>}
            {a.paragraphs} 段 · {a.excerpt}…
          </span>
        </li>
      ))}
    </ol>
  );
}

/** What saving did: one page, or each page of an input of several. */
function SavedNotice({ sourceName, pages }: { sourceName: string; pages: SavedPage[] }) {
  const duplicates = pages.filter((p) => p.duplicate).length;
  const articles = pages.reduce((sum, p) => sum + p.articleCount, 0);
  const title =
    duplicates === pages.length
      ? pages.length === 1
        ? "这个版面已经在文库里了"
        : "这些版面已经在文库里了"
      : pages.length === 1
        ? "已保存到文库"
        : `已保存 ${pages.length - duplicates} 个版面到文库`;
  return (
    <section className="notice notice--ok" role="status" aria-labelledby="saved-title">
      <h2 id="saved-title">{title}</h2>
      {pages.length === 1 ? (
        <p>
          {sourceName}：{articles} 篇文章。<Link href={`/pages/${pages[0]!.pageId}`}>查看这一版</Link>
        </p>
      ) : (
        <>
          <p>
            {sourceName}：{pages.length} 个版面，{articles} 篇文章{duplicates > 0 && duplicates < pages.length && <>（其中 {duplicates} 个版面已在文库里）</>}。
          </p>
          <ol className="saved-pages">
            {pages.map((p, i) => (
              <li key={p.pageId}>
                <Link href={`/pages/${p.pageId}`}>第 {i + 1} 页</Link>：{p.articleCount} 篇文章{p.duplicate && "（已在文库里）"}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/**
 * Paste or choose a page dump (or Page JSON, PDF, ALTO, hOCR), preview its parse, save it. The chosen file and the
 * pasted text are kept in state, so "save" after "preview" sends the same input again. Without
 * JavaScript the form still posts to the same action.
 */
export function UploadForm() {
  const [state, formAction, pending] = useActionState(uploadAction, INITIAL);
  const [, startTransition] = useTransition();
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setLocalError(null);
    if (chosen && chosen.size > MAX_UPLOAD_BYTES) {
      setLocalError(`${chosen.name}：文件超过 20 MB，不能上传`);
      event.target.value = "";
      setFile(null);
      return;
    }
    setFile(chosen);
  }

  function clearFile() {
    setFile(null);
    if (fileInput.current) fileInput.current.value = "";
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget);
    data.set("intent", submitter?.value === "save" ? "save" : "preview");
    data.delete("file");
    if (file) data.set("file", file);
    if (new Blob([text]).size > MAX_UPLOAD_BYTES) {
      setLocalError("粘贴的文本超过 20 MB，不能上传");
      return;
    }
    setLocalError(null);
    startTransition(() => formAction(data));
  }

  const error = localError ?? (state.status === "error" ? state.message : null);

  return (
    <>
      <form action={formAction} onSubmit={onSubmit} className="upload-form" aria-describedby="upload-help">
        <p id="upload-help" className="hint">
          支持 UTF-8、带 BOM 的 UTF-16 和 GB18030 编码的版面文本（多页文本以换页符分页），读报的 Page JSON（.json），PDF，ALTO 和 hOCR。文件不超过 20 MB。
        </p>
        <div className="field field--wide">
          <label htmlFor="file">版面文件</label>
          <input ref={fileInput} id="file" name="file" type="file" accept=".txt,.json,.pdf,.xml,.hocr,.html,text/plain,application/json,application/pdf" onChange={onFile} />
          {file && (
            <p className="hint">
              已选择 {file.name}（{(file.size / 1024).toFixed(1)} KB）{" "}
              <button type="button" className="link-button" onClick={clearFile}>
                取消选择
              </button>
            </p>
          )}
        </div>
        <div className="field field--wide">
          <label htmlFor="text">或粘贴版面文本</label>
          <textarea id="text" name="text" rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        </div>
        <fieldset className="field-row">
          <legend>归档信息（可不填，默认取版面自身的报头或文件名；多页时版次为第一页的，其后各页依次加一）</legend>
          <div className="field">
            <label htmlFor="publication">报刊</label>
            <input id="publication" name="publication" type="text" maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="date">日期</label>
            <input id="date" name="date" type="date" />
          </div>
          <div className="field">
            <label htmlFor="page">版次</label>
            <input id="page" name="page" type="number" min={1} max={999} inputMode="numeric" />
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" name="intent" value="preview" disabled={pending}>
            解析预览
          </button>
          <button type="submit" name="intent" value="save" disabled={pending} className="primary">
            保存到文库
          </button>
          {pending && (
            <span role="status" className="muted">
              正在处理……
            </span>
          )}
        </div>
      </form>

      {error && (
        <p className="problems" role="alert">
          {error}
        </p>
      )}

      {state.status === "saved" && <SavedNotice sourceName={state.sourceName} pages={state.pages} />}

      {state.status === "preview" && (
        <section className="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">
            解析结果：{state.preview.pages.length > 1 && <>{state.preview.pages.length} 个版面，共 </>}
            {state.preview.pages.reduce((sum, p) => sum + p.articles.length, 0)} 篇文章
          </h2>
          <p className="muted">
            {state.preview.sourceName} · 编码 {state.preview.encoding}
            {state.preview.characters !== null && <> · {state.preview.characters} 字符</>}
            {state.preview.pages.length === 1 && <> · 将归入：{filing(state.preview.pages[0]!)}</>}
          </p>
          {state.preview.pages.length === 1 ? (
            <ArticleList page={state.preview.pages[0]!} />
          ) : (
            state.preview.pages.map((page, i) => (
              <section key={i} className="preview-page" aria-labelledby={`preview-page-${i + 1}`}>
                <h3 id={`preview-page-${i + 1}`}>
                  第 {i + 1} 页：{page.articles.length} 篇文章
                </h3>
                <p className="muted">将归入：{filing(page)}</p>
                <ArticleList page={page} />
              </section>
            ))
          )}
          <p className="hint">确认无误后点“保存到文库”。</p>
        </section>
      )}
    </>
  );
}

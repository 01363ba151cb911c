/**
 * Chinese wording for the library's one-line input problems (which are English, for the CLI).
 * The original line is kept in parentheses for anyone who reports it.
 * @param problem the problem from `loadPageInputs`
 */
export function describeUploadProblem(problem: string): string {
  const rules: Array<[RegExp, string]> = [
    [/^file too large/, "文件超过 20 MB，不能上传"],
    [/^binary file/, "这是二进制文件，不是版面文本"],
    [/^UTF-16 text without a byte-order mark/, "这是没有字节顺序标记（BOM）的 UTF-16 文本，请另存为 UTF-8"],
    [/^UTF-32/, "不支持 UTF-32 文本，请另存为 UTF-8"],
    [/^(not UTF-8, UTF-16 or GB18030|invalid UTF-8|invalid UTF-16)/, "无法识别文本编码（支持 UTF-8、带 BOM 的 UTF-16 和 GB18030）"],
    [/^empty page dump/, "内容是空的"],
    [/^(not valid JSON|Page JSON is not valid UTF-8)/, "不是有效的 JSON"],
    [/^not a dubao Page JSON/, "JSON 不是读报的版面（Page）格式"],
    [/^not a PDF/, "文件名是 .pdf，内容却不是 PDF"],
    [/^a METS file's pages are in the ALTO files/, "METS 文件的版面在它列出的 ALTO 文件里，网页上传只能一次一个文件：请上传 ALTO 文件，或用命令行 dubao import 导入 METS"],
    [/^(no pages|the PDF has no pages)/, "没有找到任何版面"],
  ];
  const rule = rules.find(([re]) => re.test(problem));
  return rule ? `${rule[1]}（${problem}）` : `无法使用这个输入（${problem}）`;
}

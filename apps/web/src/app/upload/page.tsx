import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "上传版面" };

export default function UploadPage() {
  if (env.DUBAO_UPLOAD !== "on") notFound();
  return (
    <div className="upload-view">
      <h1>上传版面</h1>
      <p className="lede">粘贴版面文本，或上传版面文件（文本、PDF、ALTO、hOCR，可含多个版面），先看解析结果，再保存到文库。同一个版面只会保存一次。</p>
      <UploadForm />
    </div>
  );
}

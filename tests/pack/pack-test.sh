#!/usr/bin/env bash
# Installs the packed packages the way a user would, outside the workspace, and uses them:
# ESM import and CommonJS require of @dubao/core, the Page checked against the published JSON
# Schema (@dubao/core/page.schema.json, ajv draft 2020-12), and the installed `dubao` binary.
# Run after `pnpm build`. npm fetches the packages' registry dependencies (zod, citty, libsql…).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SEED="$ROOT/corpus/seed/000_0c30f1900352050f.txt"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/tarballs" "$WORK/project"

# pnpm pack turns workspace:* and catalog: into the real versions, as publishing does.
for dir in packages/core packages/export packages/library apps/cli; do
  (cd "$ROOT/$dir" && pnpm pack --pack-destination "$WORK/tarballs" >/dev/null)
done
if grep -q '"workspace:\|"catalog:' <(for t in "$WORK"/tarballs/*.tgz; do tar -xOzf "$t" package/package.json; done); then
  echo "pack-test: a packed package.json still holds workspace: or catalog: versions" >&2
  exit 1
fi

cd "$WORK/project"
printf '{ "name": "dubao-pack-test", "version": "0.0.0", "private": true }\n' > package.json
npm install --no-audit --no-fund --loglevel=error "$WORK"/tarballs/*.tgz ajv@^8.20.0 >/dev/null
cp "$SEED" page.txt

cat > check-esm.mjs <<'JS'
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseText, PageSchema } from "@dubao/core";
import Ajv2020 from "ajv/dist/2020.js";
const require = createRequire(import.meta.url);
const schema = require("@dubao/core/page.schema.json");
const page = parseText(readFileSync("page.txt", "utf8"), { sourceName: "page.txt" });
PageSchema.parse(page);
const validate = new Ajv2020({ strict: false }).compile(schema);
if (!validate(page)) throw new Error("ESM: Page fails page.schema.json: " + JSON.stringify(validate.errors));
if (schema.$id !== "https://dubao.dev/schema/page-1.0.json") throw new Error("unexpected $id " + schema.$id);
if (page.articles.length === 0) throw new Error("ESM: no articles parsed");
console.log(`esm: ${page.articles.length} articles, valid against ${schema.$id}`);
JS
node check-esm.mjs

cat > check-cjs.cjs <<'JS'
const { readFileSync } = require("node:fs");
const { parseText, PageSchema } = require("@dubao/core");
const Ajv2020 = require("ajv/dist/2020").default;
const schema = require("@dubao/core/page.schema.json");
const page = parseText(readFileSync("page.txt", "utf8"), { sourceName: "page.txt" });
PageSchema.parse(page);
const validate = new Ajv2020({ strict: false }).compile(schema);
if (!validate(page)) throw new Error("CJS: Page fails page.schema.json: " + JSON.stringify(validate.errors));
if (page.articles.length === 0) throw new Error("CJS: no articles parsed");
console.log(`cjs: ${page.articles.length} articles, valid against ${schema.$id}`);
JS
node check-cjs.cjs

npx --no-install dubao parse page.txt > cli-page.json
cat > check-cli.mjs <<'JS'
import { readFileSync } from "node:fs";
import { PageSchema } from "@dubao/core";
const page = PageSchema.parse(JSON.parse(readFileSync("cli-page.json", "utf8")));
if (page.articles.length === 0) throw new Error("dubao parse: no articles");
console.log(`cli: dubao parse printed a valid Page with ${page.articles.length} articles`);
JS
node check-cli.mjs
npx --no-install dubao --help >/dev/null

# PDF input from the installed packages: pdf.js finds its bundled CMaps in the installed pdfjs-dist
# (the fixture's CJK font is not embedded: without the CMaps it gives no text at all), from ESM,
# CommonJS and the binary, which also reads a real dev page.
cp "$ROOT/tests/pack/fixtures/cmap-page.pdf" cmap-page.pdf
cp "$ROOT/corpus/dev/cnki_104.pdf" dev-page.pdf
cat > check-pdf.mjs <<'JS'
import { readFileSync } from "node:fs";
import { parseInput, PageSchema } from "@dubao/core";
const [page] = await parseInput(readFileSync("cmap-page.pdf"), { sourceName: "cmap-page.pdf" });
PageSchema.parse(page);
if (page.source.format !== "pdf" || page.articles[0]?.headline !== "上海加快经济恢复") throw new Error("ESM PDF: " + JSON.stringify(page.articles));
console.log(`pdf esm: ${page.articles[0].headline} (text through the bundled CMaps)`);
JS
node check-pdf.mjs
cat > check-pdf.cjs <<'JS'
const { readFileSync } = require("node:fs");
const { parseInput } = require("@dubao/core");
parseInput(readFileSync("cmap-page.pdf"), { sourceName: "cmap-page.pdf" }).then(([page]) => {
  if (page.articles[0]?.headline !== "上海加快经济恢复") throw new Error("CJS PDF: " + JSON.stringify(page.articles));
  console.log(`pdf cjs: ${page.articles[0].headline}`);
});
JS
node check-pdf.cjs
npx --no-install dubao parse dev-page.pdf > cli-pdf.json
cat > check-cli-pdf.mjs <<'JS'
import { readFileSync } from "node:fs";
import { PageSchema } from "@dubao/core";
const page = PageSchema.parse(JSON.parse(readFileSync("cli-pdf.json", "utf8")));
if (page.source.format !== "pdf" || page.articles.length < 4) throw new Error(`dubao parse PDF: ${page.articles.length} articles`);
console.log(`cli pdf: dubao parse printed a valid Page with ${page.articles.length} articles`);
JS
node check-cli-pdf.mjs
echo "pack-test: ok ($(ls "$WORK"/tarballs | tr '\n' ' '))"

#!/usr/bin/env bash
# The main job on a fresh machine: install, build, parse the bundled sample page, put the sample
# newspaper into the library (data/dubao.db, or $DUBAO_DB) when the library is empty, and serve
# the reader on http://localhost:3000 ($PORT overrides). Ctrl-C stops the server.
# Writes data/parsed/000_0c30f1900352050f.json and prints the articles it found.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1
command -v pnpm >/dev/null 2>&1 || npm install -g pnpm@12.21.0
pnpm install --frozen-lockfile
pnpm build
pnpm --silent dubao parse corpus/seed/000_0c30f1900352050f.txt --out data/parsed
node -e '
const page = JSON.parse(require("fs").readFileSync("data/parsed/000_0c30f1900352050f.json", "utf8"));
console.log(`${page.source.name}: ${page.articles.length} articles, ${page.unassigned.length} unassigned blocks`);
for (const a of page.articles) {
  const by = a.byline ? `  — ${a.byline.raw}` : "";
  console.log(`  [${a.kind}] ${a.headline ?? "(no headline)"}${by}  (${a.paragraphs.length} paragraphs)`);
}
console.log("Page JSON: data/parsed/000_0c30f1900352050f.json");
'

# The library: create it and import the sample newspaper (the seed page and the dev pages) when empty.
DUBAO_DB="$(realpath -m "${DUBAO_DB:-data/dubao.db}")"
export DUBAO_DB
PORT="${PORT:-3000}"
pages=$(node --input-type=module -e '
const { Library } = await import("./packages/library/dist/index.js");
const library = Library.open(process.env.DUBAO_DB);
console.log(library.stats().pages);
library.close();
')
if [ "$pages" = "0" ]; then
  pnpm --silent dubao import --quiet corpus/seed/000_0c30f1900352050f.txt --publication "朔州日报（样张）"
  pnpm --silent dubao import --quiet corpus/dev/*.txt --publication "上海报纸（合成样张）"
fi
node --input-type=module -e '
const { Library } = await import("./packages/library/dist/index.js");
const library = Library.open(process.env.DUBAO_DB);
const s = library.stats();
console.log(`Library ${process.env.DUBAO_DB}: ${s.publications} publications, ${s.issues} issues, ${s.pages} pages, ${s.articles} articles`);
library.close();
'
echo "Reader: http://localhost:${PORT}  (Ctrl-C stops it)"
cd apps/web
# A bounded V8 heap keeps the server under 300 MB resident under load, plus at most 64 MB of
# cached article pages (see apps/web/bench and apps/web/server.ts).
exec node --max-old-space-size=256 dist/server.js -p "$PORT"

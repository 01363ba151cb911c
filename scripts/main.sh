#!/usr/bin/env bash
# The main job on a fresh machine: install, build, and parse the bundled sample page.
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

#!/usr/bin/env bash
# Lints the published packages as npm would ship them: publint --strict on each packed tarball,
# and @arethetypeswrong/cli on the libraries' type entries (ESM and CJS, node10/node16/bundler).
# Run after `pnpm build` (the tarballs hold dist/).
set -euo pipefail
cd "$(dirname "$0")/../.."
LIBRARIES=(packages/core packages/export packages/library)
for dir in "${LIBRARIES[@]}" apps/cli; do
  (cd "$dir" && pnpm exec publint --strict --pack pnpm)
done
for dir in "${LIBRARIES[@]}"; do
  (cd "$dir" && pnpm exec attw --pack . --format table-flipped)
done
# @dubao/cli is a command, not a library: its exports hold only ./package.json and it ships no
# types, so attw has nothing to check there (it reports "does not contain types"). The pack test
# (tests/pack/pack-test.sh) installs it and runs the `dubao` binary instead.

#!/usr/bin/env bash
# Builds FerretDB v1.24.2 from the Go module proxy into .tools/bin/ferretdb (once; cached).
# `go install ...@v1.24.2` alone gives a binary that panics at start: the module zip ships
# build/version/version.txt empty, so we build from a writable copy with the version filled in.
set -euo pipefail
VERSION="v1.24.2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${FERRETDB_BIN:-$ROOT/.tools/bin/ferretdb}"

if [ -x "$OUT" ] && "$OUT" --version >/dev/null 2>&1; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "Go is not installed: install Go 1.22+ (https://go.dev/dl) to build the embedded FerretDB, or set MONGODB_URI." >&2
  exit 3
fi

echo "Building FerretDB $VERSION from the Go module proxy (first time only, a few minutes)..." >&2
SRC="$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
WORK="$(mktemp -d)"
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
cp -r "$SRC/." "$WORK/"
chmod -R u+w "$WORK"
echo "$VERSION" > "$WORK/build/version/version.txt"
mkdir -p "$(dirname "$OUT")"
(cd "$WORK" && CGO_ENABLED=0 go build -buildvcs=false -trimpath -o "$OUT.tmp" ./cmd/ferretdb)
mv "$OUT.tmp" "$OUT"
"$OUT" --version >&2

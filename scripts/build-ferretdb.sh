#!/usr/bin/env bash
# Builds FerretDB v1.24.2 from the Go module proxy into .tools/bin/ferretdb (once; cached).
# `go install ...@v1.24.2` alone gives a binary that panics at start: the module zip ships
# build/version/version.txt empty, so we build from a writable copy with the version filled in.
set -euo pipefail
VERSION="v1.24.2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${FERRETDB_BIN:-$ROOT/.tools/bin/ferretdb}"
# Bumped when the patches below change, so a binary built without them is rebuilt.
BUILD_ID="$VERSION+gabarit.2"

if [ -x "$OUT" ] && [ "$(cat "$OUT.build-id" 2>/dev/null)" = "$BUILD_ID" ] && "$OUT" --version >/dev/null 2>&1; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "Go is not installed: install Go 1.24+ (https://go.dev/dl; FerretDB v1.24.2 declares go 1.24) to build the embedded FerretDB, or set MONGODB_URI." >&2
  exit 3
fi

echo "Building FerretDB $VERSION from the Go module proxy (first time only, a few minutes)..." >&2
SRC="$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
WORK="$(mktemp -d)"
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
cp -r "$SRC/." "$WORK/"
chmod -R u+w "$WORK"
echo "$VERSION" > "$WORK/build/version/version.txt"
# The SQLite backend queries _id as `_ferretdb_sjson->'$._id'` while its unique _id index is on
# `_ferretdb_sjson->"_id"`: SQLite matches index expressions as written, so every _id lookup, update and
# delete scanned the whole table (46 ms at 10 000 documents). Writing the query as the index is written lets
# SQLite use it (docs/adr/0002).
META="$WORK/internal/backends/sqlite/metadata/metadata.go"
grep -q "IDColumn = DefaultColumn + \"->'\$._id'\"" "$META" || { echo "FerretDB source changed: the _id index patch no longer applies" >&2; exit 4; }
sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \\\`->\"_id\"\\\`|" "$META"
grep -n "IDColumn = " "$META" >&2
mkdir -p "$(dirname "$OUT")"
(cd "$WORK" && CGO_ENABLED=0 go build -buildvcs=false -trimpath -o "$OUT.tmp" ./cmd/ferretdb)
mv "$OUT.tmp" "$OUT"
echo "$BUILD_ID" > "$OUT.build-id"
"$OUT" --version >&2

#!/usr/bin/env bash
# Schemathesis (contract fuzzing, npm run test:contract) from PyPI into a venv under .tools/, once.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=4.32.5
VENV=".tools/schemathesis-$VERSION"
if [ ! -x "$VENV/bin/schemathesis" ]; then
  echo "Installing Schemathesis $VERSION into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION"
fi
# .tools/schemathesis is the pinned version, whatever older ones lie beside it.
ln -sfn "schemathesis-$VERSION" .tools/schemathesis

#!/usr/bin/env bash
# Installs Pagefind, which `full_text_search: true` in site.yml needs (`make site` runs this only
# for such a site), and links the program as PAGEFIND_LINK (default .build/pagefind), the file
# the Makefile hands plansite in PLANSITE_PAGEFIND. Pagefind comes from PyPI (pagefind-bin, one
# static program) into a virtual environment made with Debian's python3. Safe to run again.
# Env: PIP_CACHE_DIR (a CI cache).
set -euo pipefail

VERSION=1.5.2
LINK="${PAGEFIND_LINK:-.build/pagefind}"
VENV="$(dirname "$LINK")/pagefind-venv"
SYSTEM_PY=/usr/bin/python3

if [ -x "$LINK" ] && [ "$("$LINK" --version 2>/dev/null)" = "pagefind $VERSION" ]; then
  exit 0
fi
if ! "$SYSTEM_PY" -c 'import ensurepip, venv' 2>/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-pagefind: full_text_search needs Debian's python3-venv to install Pagefind. Run:" >&2
    echo "  sudo apt-get install -y --no-install-recommends python3 python3-venv" >&2
    echo "then run make site again; or write full_text_search: false in site.yml." >&2
    exit 2
  fi
  echo "install-pagefind: apt-get install python3 python3-venv"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends python3 python3-venv >/dev/null
fi
echo "install-pagefind: pagefind-bin $VERSION into $VENV"
rm -rf "$VENV"
"$SYSTEM_PY" -m venv "$VENV"
if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -q "pagefind-bin==$VERSION"; then
  echo "install-pagefind: pip could not install pagefind-bin $VERSION (see above); behind a proxy that" >&2
  echo "re-signs TLS, point pip at its CA bundle (PIP_CERT); or write full_text_search: false in site.yml." >&2
  exit 2
fi
ln -sf "$("$VENV/bin/python" -c 'import pagefind_bin; print(pagefind_bin.get_executable())')" "$LINK"
"$LINK" --version

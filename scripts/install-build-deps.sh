#!/usr/bin/env bash
# Installs what a fresh Debian machine with Swift lacks to build PlanSite:
# cmark-gfm (library and extensions), pkg-config and TCMalloc (the allocator plansite links,
# Package.swift). Safe to run again.
# --runtime: only what a prebuilt plansite needs to run (no Swift, no compiler): the libraries
# `ldd plansite` lists that a minimal Debian 12 lacks (README, "Without Swift").
# --static: what `make release-binary` needs besides (libcurl's headers for the static link).
# Env: APT_CACHE_DIR, where apt keeps downloaded .deb files (so CI can cache them).
set -euo pipefail

if [ "${1:-}" = --runtime ]; then
  packages=(libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 libcurl4 libxml2 libtcmalloc-minimal4)
elif [ "${1:-}" = --static ]; then
  # Linking the Swift runtime in statically brings in Foundation's networking part (the preview
  # server's dependency), which links against libcurl, and its XML part (the SVG image check),
  # which links against libxml2.
  packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config libtcmalloc-minimal4 libcurl4-openssl-dev libxml2-dev)
else
  packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config libtcmalloc-minimal4)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "PlanSite needs these Debian packages: ${missing[*]}" >&2
  echo "Not running as root, so not installing them. Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  echo "then run make again (if apt cannot find a package, run sudo apt-get update first)." >&2
  exit 2
fi

apt_opts=(-y -qq)
if [ -n "${APT_CACHE_DIR:-}" ]; then
  APT_CACHE_DIR="$(realpath -m "$APT_CACHE_DIR")"
  mkdir -p "$APT_CACHE_DIR/partial"
  apt_opts+=(-o "Dir::Cache::Archives=$APT_CACHE_DIR")
fi
echo "Installing ${missing[*]} …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install "${apt_opts[@]}" "${missing[@]}" >/dev/null

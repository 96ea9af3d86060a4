#!/usr/bin/env bash
# Installs what a fresh Debian machine with Swift lacks to build PlanSite:
# cmark-gfm (library and extensions) and pkg-config. Safe to run again.
set -euo pipefail

packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "PlanSite needs these Debian packages: ${missing[*]}" >&2
  echo "Run this command as root (for example with sudo), or ask an administrator to run:" >&2
  echo "  apt-get install -y ${missing[*]}" >&2
  exit 2
fi

echo "Installing ${missing[*]} …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null

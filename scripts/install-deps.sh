#!/usr/bin/env bash
# Installs the Debian packages beads builds against, only when they are missing.
# Used by `make demo`, `make test` and `make release`, so a fresh machine needs nothing else.
set -euo pipefail

# bsdutils gives the tests `script`, a pseudo-terminal for the pager and colour checks.
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev pkg-config curl bsdutils)
# `install-deps.sh release`: a release build links the Swift runtime statically, but the
# MCP SDK brings FoundationNetworking, whose libcurl has no static build here: it is
# linked as a shared library, which needs libcurl.so from the -dev package.
if [ "${1:-}" = release ]; then packages+=(libcurl4-openssl-dev); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing system packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "error: ${missing[*]} are missing and this user cannot install them; run as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

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
# `install-deps.sh test`: the browser tests of `beads serve` drive Debian's headless
# Chromium, and the smoke runs of bench/ time with hyperfine. Wishes, not needs: where
# they cannot be installed, those tests say so and skip, and everything else still runs.
optional=()
if [ "${1:-}" = test ]; then optional+=(chromium hyperfine); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
wished=()
for p in "${optional[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || wished+=("$p")
done
[ ${#missing[@]} -eq 0 ] && [ ${#wished[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
elif [ ${#missing[@]} -gt 0 ]; then
  echo "error: ${missing[*]} are missing and this user cannot install them; run as root: apt-get install ${missing[*]}" >&2
  exit 1
else
  echo "note: ${wished[*]} is not installed and this user cannot install it; the browser tests will be skipped (apt-get install ${wished[*]} runs them)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
echo "Installing missing system packages: ${missing[*]} ${wished[*]}" >&2
"${as_root[@]}" apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ ${#wished[@]} -gt 0 ]; then
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${wished[@]}" \
    || echo "note: could not install ${wished[*]}; the browser tests will be skipped" >&2
fi

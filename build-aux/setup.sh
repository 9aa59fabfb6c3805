#!/usr/bin/env bash
# Installs the Debian packages Copydesk needs that are missing, then
# configures and builds it in _build. Safe to run again.
#   build-aux/setup.sh        what building and running needs (build-aux/packages.txt)
#   build-aux/setup.sh test   that and the test stack (build-aux/packages-test.txt)
set -euo pipefail

cd "$(dirname "$0")/.."

lists=(build-aux/packages.txt)
[[ "${1:-}" == test ]] && lists+=(build-aux/packages-test.txt)

missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "installed" ]] || missing+=("$pkg")
done < <(cat "${lists[@]}")

if (( ${#missing[@]} > 0 )); then
  echo "setup: installing ${missing[*]}"
  sudo=()
  (( EUID == 0 )) || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [[ ! -f _build/build.ninja ]]; then
  meson setup _build --buildtype=debugoptimized
fi
meson compile -C _build

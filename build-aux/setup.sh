#!/usr/bin/env bash
# Installs the Debian packages Copydesk needs (build-aux/packages.txt) that
# are missing, then configures and builds it in _build. Used by build-aux/run
# and build-aux/test; safe to run again.
set -euo pipefail

cd "$(dirname "$0")/.."

missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "installed" ]] || missing+=("$pkg")
done < build-aux/packages.txt

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

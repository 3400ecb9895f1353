#!/usr/bin/env bash
# Configures and builds one configuration: `qt5` (everything, with QGIS) or `qt6` (layers 1-3 only).
# Usage: scripts/build.sh [qt5|qt6] [extra cmake args...]   Build folder: build/<config>.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
config="${1:-qt5}"
shift || true
case "$config" in
  qt5) flags=(-DJH_QT_MAJOR=5 -DJH_WITH_QGIS=ON) ;;
  qt6) flags=(-DJH_QT_MAJOR=6 -DJH_WITH_QGIS=OFF) ;;
  *) echo "build.sh: unknown configuration '$config' (use qt5 or qt6)" >&2; exit 2 ;;
esac
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
# Relative paths in the cache keys: another clone (CI runs in one) reuses what this one compiled.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
# With -g ccache would also key on the working folder; leave it out so the clone's path does not matter.
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
build="$root/build/$config"
if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${flags[@]}" "$@"
elif (($#)); then
  cmake "$build" "$@"
fi
cmake --build "$build" --parallel "$(nproc)"

#!/usr/bin/env bash
# Installs what is missing, builds, and starts the product on this machine (embedded default):
# the workstation on the Nantong basemap. Later: the central service and the station simulator too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/install-deps.sh
bash scripts/build.sh qt5

bin="$root/build/qt5/bin"
export JH_MAPS_DIR="$root/maps"

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  cat >&2 <<MSG
run.sh: 没有可用的图形显示 (no graphical display: DISPLAY and WAYLAND_DISPLAY are unset).
  The workstation needs a desktop. Either run this command from a desktop session, or under a
  virtual display:   xvfb-run -a -s "-screen 0 1920x1080x24" scripts/run.sh
  A situation map (态势图) can be exported without any display:
    $bin/jianghai-workstation --export-map situation.pdf --title "南通市生态环境态势图"
    $bin/jianghai-workstation --export-map haimen.png --format png --dpi 150 --extent 320614 --title "海门区态势图"
MSG
  exit 3
fi
exec "$bin/jianghai-workstation" "$@"

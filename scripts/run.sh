#!/usr/bin/env bash
# Installs what is missing, builds, and starts the product on this machine (embedded default):
# jianghai-central (SQLite in run-data/), jianghai-stationsim (the Nantong scenario, 60x time) and the
# workstation. Closing the workstation (or Ctrl-C) stops all three.
#   scripts/run.sh                  everything (needs a display)
#   scripts/run.sh --services-only  central + simulator in the foreground until Ctrl-C (no display needed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

services_only=0
if [[ "${1:-}" == "--services-only" ]]; then
  services_only=1
  shift
fi

bin="$root/build/qt5/bin"
export JH_MAPS_DIR="$root/maps"
data="$root/run-data"
hj212_port="${JH_HJ212_PORT:-6001}"
api_port="${JH_API_PORT:-6080}"
scenario="$root/resources/scenario/nantong-scenario.json"

bash scripts/install-deps.sh
bash scripts/build.sh qt5

if [[ $services_only -eq 0 && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  cat >&2 <<MSG
run.sh: 没有可用的图形显示 (no graphical display: DISPLAY and WAYLAND_DISPLAY are unset).
  The workstation needs a desktop. Either run this command from a desktop session, or under a
  virtual display:   xvfb-run -a -s "-screen 0 1920x1080x24" scripts/run.sh
  The central service and the station simulator alone run without a display:
    scripts/run.sh --services-only
  A situation map (态势图) can be exported without any display:
    $bin/jianghai-workstation --export-map situation.pdf --title "南通市生态环境态势图"
    $bin/jianghai-workstation --export-map haimen.png --format png --dpi 150 --extent 320614 --title "海门区态势图"
MSG
  exit 3
fi

mkdir -p "$data"
pids=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# A local demo has ~630 loggers on one IP address: lift the per-peer connection limit.
"$bin/jianghai-central" serve --data-dir "$data" --scenario "$scenario" --demo \
  --hj212-listen "127.0.0.1:$hj212_port" --api-listen "127.0.0.1:$api_port" \
  --ingest-limits '{"maxConnectionsPerPeer":5000}' >"$data/central.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  grep -q "workstation API listening" "$data/central.log" 2>/dev/null && break
  if ! kill -0 "${pids[0]}" 2>/dev/null; then
    echo "run.sh: jianghai-central did not start:" >&2
    cat "$data/central.log" >&2
    exit 1
  fi
  sleep 0.2
done
grep -E "demo user|listening|store:" "$data/central.log" || true

"$bin/jianghai-stationsim" --host 127.0.0.1 --port "$hj212_port" --scenario "$scenario" --speed 60 \
  >"$data/stationsim.log" 2>&1 &
pids+=($!)
echo "run.sh: central (log $data/central.log) and station simulator (log $data/stationsim.log) running"

if [[ $services_only -eq 1 ]]; then
  echo "run.sh: workstation API ws://127.0.0.1:$api_port (token demo-duty); Ctrl-C stops both"
  echo "run.sh: watch it live:  $bin/jianghai-cli --url ws://127.0.0.1:$api_port --token demo-duty watch"
  wait -n "${pids[@]}" || true
  exit 0
fi

export JH_CENTRAL_URL="ws://127.0.0.1:$api_port"
export JH_CENTRAL_TOKEN="${JH_CENTRAL_TOKEN:-demo-duty}"
"$bin/jianghai-workstation" "$@" || true

#!/usr/bin/env bash
# Retakes the README's pictures of the live workstation: starts jianghai-central and the station simulator on
# a throw-away store (ports 16001/16080), lets the scenario play for a while, then photographs the workstation
# under Xvfb. Usage: scripts/screenshots.sh [seconds-of-play, default 40]   Output: docs/screenshot-*.png
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
play="${1:-40}"
bash scripts/install-deps.sh >/dev/null
bash scripts/build.sh qt5 >/dev/null
bin="$root/build/qt5/bin"
export JH_MAPS_DIR="$root/maps"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
scenario="$root/resources/scenario/nantong-scenario.json"
"$bin/jianghai-central" serve --data-dir "$work/central" --scenario "$scenario" --demo \
  --hj212-listen 127.0.0.1:16001 --api-listen 127.0.0.1:16080 \
  --ingest-limits '{"maxConnectionsPerPeer":5000}' >"$work/central.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do grep -q "workstation API listening" "$work/central.log" && break; sleep 0.2; done
# The last 20 hours played in about 40 s (hourly and real-time data), so the station curves have a day to show.
start="$(date -u -d '-20 hours' +%Y-%m-%dT%H:00:00Z)"
"$bin/jianghai-stationsim" --host 127.0.0.1 --port 16001 --scenario "$scenario" --start "$start" --speed 1800 \
  --realtime-interval 3600 >"$work/sim.log" 2>&1 &
pids+=($!)
echo "screenshots: letting the scenario play for $play s"
sleep "$play"
# A private HOME: the pictures do not depend on this machine's saved layout or cache.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
shot() {
  local name="$1"
  shift
  xvfb-run -a -s "-screen 0 1920x1080x24" "$bin/jianghai-workstation" --url ws://127.0.0.1:16080 \
    --token demo-duty --screenshot "$root/docs/screenshot-$name.png" "$@"
  echo "screenshots: docs/screenshot-$name.png"
}
shot workstation
# One alarm acknowledged from another workstation, so the table shows both states.
alarm="$("$bin/jianghai-cli" --url ws://127.0.0.1:16080 --token demo-coordinator --data-dir "$work/cli" alarms |
  grep -o '"id":"ALM-[0-9]*"' | head -n 1 | cut -d'"' -f4 || true)"
if [[ -n "$alarm" ]]; then
  "$bin/jianghai-cli" --url ws://127.0.0.1:16080 --token demo-coordinator --data-dir "$work/cli" \
    ack "$alarm" --note "已电话核实，现场排查中" >/dev/null || true
fi
shot station --show-site AIR-1168A

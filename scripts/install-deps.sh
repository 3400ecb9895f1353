#!/usr/bin/env bash
# Installs every Debian 12 package the build, the product and the tests need (idempotent).
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config clang-14 libclang-rt-14-dev
  # Qt 5 (everything that touches QGIS)
  qtbase5-dev qttools5-dev qttools5-dev-tools libqt5websockets5-dev libqt5svg5-dev
  libqt5sql5-sqlite libqt5sql5-psql
  # the store writes ingest rows through the sqlite3 API on the QSQLITE driver's handle
  libsqlite3-dev
  # Qt 6 (layers 1-3 only)
  qt6-base-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libqt6sql6-psql
  # workstation: charts (station curves), alarm sounds, the token in the system keyring
  libqt5charts5-dev qtmultimedia5-dev libqt5multimedia5-plugins qt5keychain-dev
  # QGIS 3.22, GDAL, PROJ
  libqgis-dev qgis-providers gdal-bin libgdal-dev
  # maps/tools (regenerating the QGIS project, styles and layout with PyQGIS)
  python3-qgis
  # tests: headless display, PDF inspection, PostgreSQL, fonts
  xvfb xauth poppler-utils postgresql-15 fonts-noto-cjk fonts-wqy-microhei
  python3 openssl
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all packages present"
fi

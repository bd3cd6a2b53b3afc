#!/usr/bin/env bash
# Pendulum's main command.
#   ./run.sh                 set up, build, install the plugin into a QGIS profile, write a map
#   ./run.sh qgis            open QGIS with that profile (Pendulum enabled)
#   ./run.sh bench           benchmarks against QGIS's own machinery (about 10 min), writes bench/RESULTS.md
#   ./run.sh SUBCOMMAND …    run the `pendulum` tool, e.g. ./run.sh map --date 1905-09-05 --out out/1905.png
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$PENDULUM_ROOT"

PROFILES=${PENDULUM_PROFILES:-$PENDULUM_ROOT/out/qgis-profiles}
DATE=${PENDULUM_DATE:-1910-01-01}

pendulum_install_packages
pendulum_build
pendulum_headless_env
pendulum="$PENDULUM_BUILD_DIR/plugin/cli/pendulum"

# The record is rebuilt when its sources changed (the build replaces it atomically).
record="$PENDULUM_BUILD_DIR/pendulum.gpkg"
if [ ! -f "$record" ] || [ -n "$(find layers styles -newer "$record" -type f | head -n 1)" ]; then
  pendulum_log "building the record into $record"
  "$pendulum" build --out "$record"
fi

case "${1:-}" in
  "")
    mkdir -p out
    "$pendulum" install --profiles-path "$PROFILES" --data "$record"
    out="out/pendulum-$DATE.png"
    "$pendulum" map --date "$DATE" --out "$out"
    cat <<MSG

Map of $DATE: $PENDULUM_ROOT/$out
Open QGIS with Pendulum enabled:   ./run.sh qgis
  (then Plugins ▸ Pendulum ▸ Add Historical Layers, and play the Temporal Controller)
Other maps:                        ./run.sh map --date 1935-06-01 --out out/1935.png
MSG
    ;;
  qgis)
    shift
    "$pendulum" install --profiles-path "$PROFILES" --data "$record" >/dev/null
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "run.sh qgis: no display; run it in a desktop session (or under xvfb-run)" >&2
      exit 2
    fi
    unset QT_QPA_PLATFORM
    exec qgis --profiles-path "$PROFILES" --noversioncheck "$@"
    ;;
  bench)
    shift
    # Side by side in one run: Pendulum's exports, frames and loading against QGIS's (bench/main.cpp).
    # The synthetic records of the scale measure are kept in the build tree between runs.
    pendulum_log "benchmarking (about 10 minutes; QGIS's own animation export alone takes several)"
    "$PENDULUM_BUILD_DIR/bench/pendulum_bench" --record "$record" --work "$PENDULUM_BUILD_DIR/bench-work" \
      --results bench/RESULTS.md "$@"
    pendulum_log "results in $PENDULUM_ROOT/bench/RESULTS.md"
    ;;
  *)
    exec "$pendulum" "$@"
    ;;
esac

#!/usr/bin/env bash
# End-to-end: the real QGIS desktop under Xvfb with a scratch profile in which
# the built plugin is enabled. QGIS's --code option runs driver.py, which
# triggers Pendulum's menu action, records what the project holds, saves a
# screenshot and quits through File ▸ Exit (which runs the plugin's unload()).
# Usage: run_e2e.sh PENDULUM-CLI PLUGIN.so RECORD.gpkg WORKDIR [DRIVER.py CHECKER.py]
set -euo pipefail
pendulum=$(readlink -f "$1")
plugin=$(readlink -f "$2")
record=$(readlink -f "$3")
work=$4
here=$(cd "$(dirname "$0")" && pwd)
driver=${5:-driver.py}
checker=${6:-check_result.py}

rm -rf "$work"
mkdir -p "$work/home" "$work/runtime" "$work/out"
chmod 700 "$work/runtime"
export HOME=$work/home XDG_RUNTIME_DIR=$work/runtime PENDULUM_E2E_OUT=$work/out
# The drivers import what they share (e2edriver.py) from here: QGIS's --code runs a file without it.
export PENDULUM_E2E_DIR=$here
# The desktop runs on Xvfb's X server, not on the offscreen platform the headless tests use.
unset QT_QPA_PLATFORM
# The same installation users get from ./run.sh.
"$pendulum" install --profiles-path "$work/profiles" --plugin "$plugin" --data "$record"
status=0
timeout 90 xvfb-run -a -s "-screen 0 1600x1000x24" \
  qgis --profiles-path "$work/profiles" --noversioncheck --nologo --code "$here/$driver" \
  > "$work/qgis.log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  echo "FAIL: qgis exited with status $status (log: $work/qgis.log)"
  tail -n 20 "$work/qgis.log"
  exit 1
fi
/usr/bin/python3 "$here/$checker" "$work/out"

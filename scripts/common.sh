# Shared by run.sh and test.sh: install what is missing, configure and build.
# Sourced, not run. Uses PENDULUM_BUILD_DIR (default: build).

PENDULUM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PENDULUM_BUILD_DIR=${PENDULUM_BUILD_DIR:-$PENDULUM_ROOT/build}

# Debian 12 packages: QGIS 3.22 and its development files, the toolchain,
# Xvfb for the desktop test, python3-qgis to drive it, fonts for Japanese,
# Russian and Chinese labels.
PENDULUM_PACKAGES=(
  cmake g++ make pkg-config
  qgis qgis-providers libqgis-dev python3-qgis
  qtbase5-dev qttools5-dev libqt5svg5-dev
  libgdal-dev libgeos-dev libproj-dev gdal-bin python3-gdal libicu-dev
  xvfb xauth
  fonts-noto-core fonts-noto-cjk
  poppler-utils
  ffmpeg libpng-dev libsqlite3-dev
)

pendulum_log() { printf '==> %s\n' "$*" >&2; }

# pendulum_stage NAME CMD…: run CMD and say how long it took (and whether it failed).
pendulum_stage() {
  local name=$1 start=$SECONDS status=0
  shift
  "$@" || status=$?
  local took=$((SECONDS - start))
  if [ "$status" -eq 0 ]; then
    pendulum_log "$name: $((took / 60)) min $((took % 60)) s"
  else
    pendulum_log "$name: failed (status $status) after $((took / 60)) min $((took % 60)) s"
  fi
  return "$status"
}

# The QGIS version this machine builds against (qgsconfig.h of libqgis-dev), e.g. 3.22.16-Białowieża.
pendulum_qgis_version() {
  local header=/usr/include/qgis/qgsconfig.h
  if [ -f "$header" ]; then
    sed -n 's/^#define _QGIS_VERSION "\(.*\)"/\1/p' "$header"
  else
    echo "unknown (no $header)"
  fi
}

pendulum_install_packages() {
  local missing=()
  local package
  for package in "${PENDULUM_PACKAGES[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  pendulum_log "installing ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# pendulum_build [extra cmake arguments…]
# Builds every target, or only $PENDULUM_BUILD_TARGET if set.
pendulum_build() {
  mkdir -p "$PENDULUM_BUILD_DIR"
  pendulum_log "configuring and building in $PENDULUM_BUILD_DIR"
  if ! cmake -S "$PENDULUM_ROOT" -B "$PENDULUM_BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" \
      >"$PENDULUM_BUILD_DIR/configure.log" 2>&1; then
    cat "$PENDULUM_BUILD_DIR/configure.log" >&2
    return 1
  fi
  if ! cmake --build "$PENDULUM_BUILD_DIR" -j "$(nproc)" ${PENDULUM_BUILD_TARGET:+--target "$PENDULUM_BUILD_TARGET"} \
      >"$PENDULUM_BUILD_DIR/build.log" 2>&1; then
    grep -E "error|Error" "$PENDULUM_BUILD_DIR/build.log" | head -n 40 >&2
    return 1
  fi
  # The build is warning-free; say so if that ever changes.
  if grep -q "warning:" "$PENDULUM_BUILD_DIR/build.log"; then
    grep "warning:" "$PENDULUM_BUILD_DIR/build.log" | sort -u >&2
  fi
}

# Qt Test's QSKIP lines of the last ctest run in $PENDULUM_BUILD_DIR: checks that cannot apply to
# this QGIS (e.g. QtWebKit's, where QGIS is built without it) say so here, not only in the log.
pendulum_report_skips() {
  local log="$PENDULUM_BUILD_DIR/Testing/Temporary/LastTest.log"
  [ -f "$log" ] || return 0
  local skips
  skips=$({ grep -E "^SKIP +: " "$log" || true; } | sed -E 's/^SKIP +: /    /' | sort -u)
  if [ -n "$skips" ]; then
    pendulum_log "checks skipped on QGIS $(pendulum_qgis_version), with the reason:"
    printf '%s\n' "$skips" >&2
  else
    pendulum_log "no check skipped on QGIS $(pendulum_qgis_version)"
  fi
}

# QGIS writes into $HOME and $XDG_RUNTIME_DIR: keep a headless run's files in the build tree.
pendulum_headless_env() {
  export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
  if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
    export XDG_RUNTIME_DIR="$PENDULUM_BUILD_DIR/runtime"
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  fi
}

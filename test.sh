#!/usr/bin/env bash
# Pendulum's test command: set up and build as run.sh does, then run every
# test with CTest (unit tests headless, the desktop test under Xvfb).
#   ./test.sh              every test (build/), against this machine's QGIS
#   ./test.sh --qgis 3.40  every test against QGIS 3.40 in a Debian 13 (trixie) root, build-qgis3.40/
#   ./test.sh --qgis 3.44  every test against QGIS 3.44 in a Debian unstable (sid) root, build-qgis3.44/
#                          (a root is made on first use under out/roots/, see scripts/qgisroot.sh;
#                          --qgis 3.22 is Debian 12, this machine's own QGIS when it runs Debian 12)
#   ./test.sh --sanitize   the core, the tool and their tests built with AddressSanitizer and
#                          UndefinedBehaviorSanitizer (build-asan/), then the libFuzzer targets
#                          built with clang (build-fuzz/), each fuzzed for PENDULUM_FUZZ_SECONDS (30)
# Other arguments go to ctest (e.g. ./test.sh --qgis 3.44 -L cli).
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$PENDULUM_ROOT"

sanitize=0
qgis=""
case "${1:-}" in
  --sanitize)
    sanitize=1
    shift
    ;;
  --qgis)
    qgis=${2:?"--qgis needs a QGIS version: 3.22, 3.40 or 3.44"}
    shift 2
    ;;
esac

if [ -n "$qgis" ]; then
  source "$PENDULUM_ROOT/scripts/qgisroot.sh"
  codename=$(pendulum_qgis_codename "$qgis")
  if [ "$codename" != "$(pendulum_host_codename)" ]; then
    # One run at a time per root: creating, updating and mounting it.
    mkdir -p "$PENDULUM_ROOTS_DIR"
    exec 9>"$PENDULUM_ROOTS_DIR/$codename.lock"
    flock 9
    pendulum_stage "root ($codename)" pendulum_root_ensure "$codename"
    status=0
    pendulum_root_run "$codename" env PENDULUM_BUILD_DIR="$PENDULUM_ROOT/build-qgis$qgis" \
      PENDULUM_EXPECT_QGIS="$qgis" bash "$PENDULUM_ROOT/test.sh" "$@" || status=$?
    pendulum_log "QGIS $qgis ($codename root): ctest exit status $status"
    exit "$status"
  fi
  export PENDULUM_EXPECT_QGIS=$qgis
fi

if [ "$sanitize" -eq 0 ]; then
  pendulum_stage "packages" pendulum_install_packages
  pendulum_log "QGIS $(pendulum_qgis_version) on $(. /etc/os-release && echo "$PRETTY_NAME")"
  if [ -n "${PENDULUM_EXPECT_QGIS:-}" ] && [[ "$(pendulum_qgis_version)" != "$PENDULUM_EXPECT_QGIS".* ]]; then
    echo "expected QGIS $PENDULUM_EXPECT_QGIS, found $(pendulum_qgis_version)" >&2
    exit 1
  fi
  pendulum_stage "build ($PENDULUM_BUILD_DIR)" pendulum_build
  "$PENDULUM_BUILD_DIR/plugin/cli/pendulum" --version >&2 || true
  pendulum_headless_env
  export HOME="$PENDULUM_BUILD_DIR/test-home"
  mkdir -p "$HOME"
  cd "$PENDULUM_BUILD_DIR"
  status=0
  pendulum_stage "tests (QGIS $(pendulum_qgis_version))" ctest --output-on-failure --timeout 600 "$@" || status=$?
  pendulum_report_skips
  exit "$status"
fi

pendulum_install_packages clang libclang-rt-14-dev libfuzzer-14-dev

# 1. AddressSanitizer and UndefinedBehaviorSanitizer (gcc): the core, the tool and every test that
#    needs no desktop plugin. QGIS, Qt and GDAL are not instrumented; their memory is checked where
#    ours touches it.
PENDULUM_BUILD_DIR="$PENDULUM_ROOT/build-asan" PENDULUM_BUILD_TARGET=pendulum_headless_tests \
  pendulum_stage "sanitizer build (build-asan)" pendulum_build -DPENDULUM_SANITIZE=ON
status=0
# LeakSanitizer is off: QGIS and its providers keep one-off allocations until exit, which would
# drown a real report. Any undefined behaviour stops the test (the build has -fno-sanitize-recover).
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:print_summary=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
sanitized_tests() {
  PENDULUM_BUILD_DIR="$PENDULUM_ROOT/build-asan"
  pendulum_headless_env
  export HOME="$PENDULUM_BUILD_DIR/test-home"
  mkdir -p "$HOME"
  cd "$PENDULUM_BUILD_DIR"
  # No desktop under Xvfb here, so the tests can share the cores.
  ctest --output-on-failure --timeout 900 -j "$(nproc)" -L "core|cli|reliability" -LE plugin "$@"
}
( pendulum_stage "sanitizer tests" sanitized_tests "$@" ) || status=1

# 2. libFuzzer (clang): the date, CSL-JSON and GeoJSON readers, from the seeds in tests/fuzz/corpus.
PENDULUM_BUILD_DIR="$PENDULUM_ROOT/build-fuzz" \
  pendulum_stage "fuzzer build (build-fuzz)" pendulum_build -DPENDULUM_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ \
  -DPENDULUM_FUZZ_SECONDS="${PENDULUM_FUZZ_SECONDS:-30}"
cd "$PENDULUM_ROOT/build-fuzz"
pendulum_stage "fuzzing" ctest --output-on-failure -L fuzz || status=1
exit "$status"

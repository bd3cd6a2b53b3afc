#!/usr/bin/env bash
# Pendulum's test command: set up and build as run.sh does, then run every
# test with CTest (unit tests headless, the desktop test under Xvfb).
#   ./test.sh              every test (build/)
#   ./test.sh --sanitize   the core, the tool and their tests built with AddressSanitizer and
#                          UndefinedBehaviorSanitizer (build-asan/), then the libFuzzer targets
#                          built with clang (build-fuzz/), each fuzzed for PENDULUM_FUZZ_SECONDS (30)
# Other arguments go to ctest.
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$PENDULUM_ROOT"

sanitize=0
if [ "${1:-}" = "--sanitize" ]; then
  sanitize=1
  shift
fi

if [ "$sanitize" -eq 0 ]; then
  pendulum_install_packages
  pendulum_build
  pendulum_headless_env
  export HOME="$PENDULUM_BUILD_DIR/test-home"
  mkdir -p "$HOME"
  cd "$PENDULUM_BUILD_DIR"
  exec ctest --output-on-failure --timeout 600 "$@"
fi

pendulum_install_packages clang libclang-rt-14-dev libfuzzer-14-dev

# 1. AddressSanitizer and UndefinedBehaviorSanitizer (gcc): the core, the tool and every test that
#    needs no desktop plugin. QGIS, Qt and GDAL are not instrumented; their memory is checked where
#    ours touches it.
PENDULUM_BUILD_DIR="$PENDULUM_ROOT/build-asan" PENDULUM_BUILD_TARGET=pendulum_headless_tests \
  pendulum_build -DPENDULUM_SANITIZE=ON
status=0
# LeakSanitizer is off: QGIS and its providers keep one-off allocations until exit, which would
# drown a real report. Any undefined behaviour stops the test (the build has -fno-sanitize-recover).
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:print_summary=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
(
  PENDULUM_BUILD_DIR="$PENDULUM_ROOT/build-asan"
  pendulum_headless_env
  export HOME="$PENDULUM_BUILD_DIR/test-home"
  mkdir -p "$HOME"
  cd "$PENDULUM_BUILD_DIR"
  # No desktop under Xvfb here, so the tests can share the cores.
  ctest --output-on-failure --timeout 900 -j "$(nproc)" -L "core|cli|reliability" -LE plugin "$@"
) || status=1

# 2. libFuzzer (clang): the date, CSL-JSON and GeoJSON readers, from the seeds in tests/fuzz/corpus.
PENDULUM_BUILD_DIR="$PENDULUM_ROOT/build-fuzz" \
  pendulum_build -DPENDULUM_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ -DPENDULUM_FUZZ_SECONDS="${PENDULUM_FUZZ_SECONDS:-30}"
cd "$PENDULUM_ROOT/build-fuzz"
ctest --output-on-failure -L fuzz || status=1
exit "$status"

#!/usr/bin/env bash
# Pendulum's test command: set up and build as run.sh does, then run every
# test with CTest (unit tests headless, the desktop test under Xvfb).
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$PENDULUM_ROOT"

pendulum_install_packages
pendulum_build
pendulum_headless_env
export HOME="$PENDULUM_BUILD_DIR/test-home"
mkdir -p "$HOME"

cd "$PENDULUM_BUILD_DIR"
ctest --output-on-failure --timeout 600 "$@"

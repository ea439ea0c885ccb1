#!/usr/bin/env bash
# The old entry point, kept for muscle memory and old cron lines: it is now the build's BuildBaseImage target.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec ./build.sh BuildBaseImage "$@"

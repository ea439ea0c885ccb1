#!/usr/bin/env bash
# Benchmarks the bootstrap: `./build.sh --help` with nothing changed (the figure: at most 0.5 s median on two
# cores), against running the build's dll directly (what build.sh adds on top) and against Nuke's way of
# always running `dotnet build` first; and `./build.sh --help` right after a source file was touched (the
# rebuild). Writes the table to .nuke/temp/benchmarks/bootstrap.md and prints it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source benchmarks/machine.sh
command -v hyperfine >/dev/null || { echo "bootstrap.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }

out=.nuke/temp/benchmarks
mkdir -p "$out"
runs=${RUNS:-30}
dll=build/bin/Debug/net10.0/_build.dll

./build.sh --help >/dev/null   # builds it when stale, so that the runs below measure the unchanged case

hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/bootstrap-unchanged.json" \
    -n './build.sh --help (nothing changed)' './build.sh --help' \
    -n 'dotnet _build.dll --help (no bootstrap)' "dotnet $dll --help"

# What Nuke's build.sh does on every run: dotnet build, then the build.
hyperfine --warmup 1 --runs "${REBUILD_RUNS:-5}" --export-json "$out/bootstrap-always-build.json" \
    -n 'dotnet build + dotnet _build.dll --help (Nuke-style)' \
    "dotnet build build/_build.csproj -nologo -clp:ErrorsOnly -v q && dotnet $dll --help"

# A touched source: build.sh notices and rebuilds (the file's content is unchanged, so git sees no change).
hyperfine --runs "${REBUILD_RUNS:-5}" --export-json "$out/bootstrap-touched.json" \
    --prepare 'touch build/Build.cs' \
    -n './build.sh --help after touching build/Build.cs' './build.sh --help'

{
    echo "### Bootstrap ($(date -u +%Y-%m-%d))"
    machine_description
    echo
    results_table "$out/bootstrap-unchanged.json" "$out/bootstrap-always-build.json" "$out/bootstrap-touched.json"
    echo
    jq -r '.results[0] | "- `./build.sh --help` with nothing changed: median \(.median * 1000 | round) ms (the limit is 500 ms)"' "$out/bootstrap-unchanged.json"
} | tee "$out/bootstrap.md"

#!/usr/bin/env bash
# Benchmarks the engine's own overhead for the six rollout targets: parameters, plan, executing the targets,
# summary. benchmarks/EngineOverhead is a build with the real build's wiring and parameter kinds but bodies
# that only log. Two measures:
#  - cold, per process (hyperfine): a run of the six targets minus `--startup-only`, which returns before any
#    engine type is loaded; this is what every ./build.sh invocation pays (loading and JIT-compiling the
#    engine, Serilog and the reflection it uses);
#  - warm, in process: the same run repeated inside one process, output discarded: the engine's own work once
#    its code is compiled.
# Also the real build's `--plan BuildBaseImage CommitAndPush` and `--help`, cold, for reference.
# With --instructions, also the instructions each cold run executes, counted by valgrind's callgrind: the same
# count whatever else the machine is doing, so a change's effect shows even on a busy machine (slow: minutes).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source benchmarks/machine.sh
command -v hyperfine >/dev/null || { echo "engine.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }

out=$PWD/.nuke/temp/benchmarks
mkdir -p "$out"
runs=${RUNS:-30}
dotnet build benchmarks/EngineOverhead/EngineOverhead.csproj -nologo -clp:ErrorsOnly -v q >/dev/null
bench=$PWD/benchmarks/EngineOverhead/bin/Debug/net10.0/EngineOverhead.dll
./build.sh --help >/dev/null
real=$PWD/build/bin/Debug/net10.0/_build.dll

# The benchmark build writes its --continue record under the root it runs in: a folder of its own.
root=$(mktemp -d -t xooo-engine-bench.XXXXXX)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/.nuke"
cd "$root"

hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/engine-cold.json" \
    -n 'runtime start only (baseline)' "dotnet $bench --startup-only" \
    -n 'six targets: parameters, plan, run, summary' "dotnet $bench BuildBaseImage CommitAndPush" \
    -n 'six targets: --plan' "dotnet $bench --plan BuildBaseImage CommitAndPush" \
    -n 'real build: --plan BuildBaseImage CommitAndPush' "dotnet $real --root $root --plan BuildBaseImage CommitAndPush" \
    -n 'real build: --help' "dotnet $real --root $root --help"

dotnet "$bench" --in-process "${IN_PROCESS_RUNS:-50}" BuildBaseImage CommitAndPush >"$out/engine-warm.txt"

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
cold() { jq -r --arg name "$1" '.results[] | select(.command == $name) | .median * 1000' "$out/engine-cold.json"; }
baseline=$(cold 'runtime start only (baseline)')
{
    echo "### Engine overhead ($(date -u +%Y-%m-%d))"
    machine_description
    echo
    results_table "$out/engine-cold.json"
    echo
    awk -v run="$(cold 'six targets: parameters, plan, run, summary')" -v plan="$(cold 'six targets: --plan')" \
        -v real="$(cold 'real build: --plan BuildBaseImage CommitAndPush')" -v base="$baseline" 'BEGIN {
        printf "- cold, per process, median minus the runtime start: six targets run %.0f ms, their --plan %.0f ms, the real build'"'"'s --plan %.0f ms\n", run - base, plan - base, real - base }'
    echo "- warm, in process, six targets run (parameters, plan, run, summary; $(wc -l <"$out/engine-warm.txt") runs):" \
        "first $(head -n1 "$out/engine-warm.txt") ms, median of the others $(tail -n +2 "$out/engine-warm.txt" | median) ms"
    if [[ "${1:-}" == "--instructions" ]]; then
        instructions() {
            DOTNET_EnableWriteXorExecute=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null dotnet "$@" 2>&1 >/dev/null |
                sed -nE 's/.*I +refs: +([0-9,]+).*/\1/p' | tr -d ,
        }
        start=$(instructions "$bench" --startup-only)
        echo "- instructions (callgrind), cold: runtime start $((start / 1000000)) M;" \
            "six targets run +$(( ($(instructions "$bench" BuildBaseImage CommitAndPush) - start) / 1000000 )) M;" \
            "their --plan +$(( ($(instructions "$bench" --plan BuildBaseImage CommitAndPush) - start) / 1000000 )) M;" \
            "the real build's --help +$(( ($(instructions "$real" --root "$root" --help) - start) / 1000000 )) M"
    fi
} | tee "$out/engine.md"

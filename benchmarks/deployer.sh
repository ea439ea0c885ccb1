#!/usr/bin/env bash
# Benchmarks UpdateNixpacksToml + CommitAndPush with nothing to change, end to end through ./build.sh, against a
# local bare remote: the run a scheduled rollout makes on most days (Clone fetches and finds nothing new, the file
# already points at the image, nothing is committed or pushed). Budget: median at most 1.5 s (BUDGET_MS).
# BUILD replaces ./build.sh, e.g. BUILD="dotnet build/bin/Debug/net10.0/_build.dll" to measure the build alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v hyperfine >/dev/null || { echo "deployer.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
command -v jq >/dev/null || { echo "deployer.sh: needs jq (apt-get install jq)" >&2; exit 1; }

build=${BUILD:-$PWD/build.sh}
runs=${RUNS:-20}
budget_ms=${BUDGET_MS:-1500}
out=$PWD/.nuke/temp/benchmarks
mkdir -p "$out"
work=$(mktemp -d -t xooo-deployer-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The remote: a bare repository whose nixpacks.toml predates the base image.
git init --quiet --bare --initial-branch=main "$work/remote.git"
git clone --quiet "$work/remote.git" "$work/seed" 2>/dev/null
cat >"$work/seed/nixpacks.toml" <<'TOML'
# nixpacks.toml for the generated FastAPI backends.
providers = ["python"]

[phases.setup]
nixPkgs = ["python311", "gcc"]
cmds = [
    "python -m venv /opt/venv",
    "curl -fsSL https://example.invalid/postgrest.tar.xz | tar -xJ -C /usr/local/bin",
]

[start]
cmd = "/opt/venv/bin/uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"
TOML
git -C "$work/seed" add nixpacks.toml
git -C "$work/seed" -c user.name=bench -c user.email=bench@example.invalid commit --quiet --message "Deployer before the base image"
git -C "$work/seed" push --quiet origin HEAD:refs/heads/main
mkdir -p "$work/root/.nuke"

command="$build CommitAndPush --root $work/root --deployer-repository $work/remote.git --no-logo"
# The first run clones, points the file at the image, commits and pushes; every measured run has nothing to do.
$command >"$out/deployer-first-run.txt" || { cat "$out/deployer-first-run.txt" >&2; exit 1; }
head=$(git -C "$work/remote.git" rev-parse main)

hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/deployer.json" --export-markdown "$out/deployer.md" \
    -n 'UpdateNixpacksToml + CommitAndPush, nothing to change' "$command"

[[ "$(git -C "$work/remote.git" rev-parse main)" == "$head" ]] || { echo "deployer.sh: a measured run pushed a commit" >&2; exit 1; }
median_ms=$(jq -r '.results[0].median * 1000 | round' "$out/deployer.json")
echo "median ${median_ms} ms (budget ${budget_ms} ms) on $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
(( median_ms <= budget_ms )) || { echo "deployer.sh: over budget" >&2; exit 1; }

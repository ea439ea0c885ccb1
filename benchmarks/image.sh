#!/usr/bin/env bash
# Benchmarks the base image (issue 3), end to end through ./build.sh, against local stand-ins on 127.0.0.1
# (this project's machines reach no PyPI and no GitHub): a PEP 503 index of minimal wheels and a PostgREST
# stand-in archive, both served by benchmarks/image-fixtures.py. Figures:
#   - BuildBaseImage with nothing changed ("up to date"): at most 1.5 s median;
#   - a rebuild after changing one requirement: at most 50% of a cold build's time;
#   - the image's size against its parent's;
#   - Restore with no Docker daemon: a clear error, in under a second.
# The parent is the tests' debootstrap image with sudo, curl, wget, jq and xz-utils purged, so that a cold
# build does the apt step as it does on python:3.11-slim-bookworm. Writes the tables to
# .nuke/temp/benchmarks/image.md and prints them. RUNS, COLD_RUNS and CHANGE_RUNS set the run counts.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for tool in docker hyperfine jq python3 curl; do
    command -v "$tool" >/dev/null || { echo "image.sh: needs $tool" >&2; exit 1; }
done
if [[ -f benchmarks/machine.sh ]]; then
    source benchmarks/machine.sh
else
    machine_description() { echo "- cores: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr)"; }
fi

readonly TEST_PARENT=xooo-test-parent:bookworm
readonly NAME=xooo-bench-$$
readonly WARM_PARENT=xooo-bench-parent:warm-$$
readonly COLD_PARENT=xooo-bench-parent:cold-$$
out=.nuke/temp/benchmarks
mkdir -p "$out"
work=$(mktemp -d)
server=""

cleanup() {
    [[ -n "$server" ]] && kill "$server" 2>/dev/null
    docker rm -f "$NAME-latest-keeper" "$NAME-prev-keeper" >/dev/null 2>&1 || true
    for tag in "$NAME:latest" "$NAME:prev" "$NAME:candidate" "$WARM_PARENT" "$COLD_PARENT"; do
        docker image rm "$tag" >/dev/null 2>&1 || true
    done
    # Layers of failed or replaced builds FROM the bench parents: they carry its label, nothing else does.
    docker image prune --force --filter label=xooo.bench >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

if ! docker image inspect "$TEST_PARENT" >/dev/null 2>&1; then
    echo "Making $TEST_PARENT through the Docker tests (debootstrap: a few minutes, once per machine)"
    dotnet test tests/Build.Tests/Build.Tests.csproj --filter "FullyQualifiedName~ImageBuildTests.A_full_build" >/dev/null
fi

# A parent without the tools, with a label that makes its ID (and so every layer built on it) new.
make_parent() {
    printf 'FROM %s\nRUN SUDO_FORCE_REMOVE=yes apt-get purge -y --auto-remove sudo curl wget jq xz-utils >/dev/null && rm -rf /var/lib/apt/lists/*\nLABEL xooo.bench=%s\n' \
        "$TEST_PARENT" "$2" | docker build -q --force-rm -t "$1" - >/dev/null 2>"$work/parent.log" || { cat "$work/parent.log" >&2; return 1; }
}
make_parent "$WARM_PARENT" warm
cat >"$work/cold-parent.sh" <<SCRIPT
#!/usr/bin/env bash
set -e
docker rm -f "$NAME-latest-keeper" "$NAME-prev-keeper" >/dev/null 2>&1 || true
docker image rm "$NAME:latest" "$NAME:prev" >/dev/null 2>&1 || true
printf 'FROM %s\nRUN SUDO_FORCE_REMOVE=yes apt-get purge -y --auto-remove sudo curl wget jq xz-utils >/dev/null && rm -rf /var/lib/apt/lists/*\nLABEL xooo.bench=%s\n' \
    "$TEST_PARENT" "\$(date +%s%N)" | docker build -q --force-rm -t "$COLD_PARENT" - >/dev/null 2>"$work/parent.log" || { cat "$work/parent.log" >&2; exit 1; }
SCRIPT
cat >"$work/change-requirement.sh" <<SCRIPT
#!/usr/bin/env bash
# Moves python-dotenv between two versions the stand-in index serves: one requirement changed per run.
file="$work/root/base-image/requirements.txt"
if grep -q '^python-dotenv==1.0.1' "\$file"; then sed -i 's/^python-dotenv==1.0.1/python-dotenv==1.0.0/' "\$file"
else sed -i 's/^python-dotenv==1.0.0/python-dotenv==1.0.1/' "\$file"; fi
SCRIPT
chmod +x "$work/cold-parent.sh" "$work/change-requirement.sh"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 benchmarks/image-fixtures.py "$work/fixtures" "$port" &
server=$!
until [[ -s "$work/fixtures/postgrest.sha256" ]] && curl -fs "http://127.0.0.1:$port/simple/fastapi/" >/dev/null; do sleep 0.2; done

mkdir -p "$work/root/.nuke"
cp -r base-image "$work/root/"
args=(--root "$work/root" --image-name "$NAME" --no-logo
      --pip-index-url "http://127.0.0.1:$port/simple/"
      --postgrest-url "http://127.0.0.1:$port/postgrest.tar.gz" --postgrest-sha256 "$(<"$work/fixtures/postgrest.sha256")")
quoted=$(printf '%q ' "${args[@]}")

./build.sh BuildBaseImage "${args[@]}" --python-image "$WARM_PARENT" >"$out/image-first-build.log"

hyperfine --runs "${COLD_RUNS:-3}" --prepare "$work/cold-parent.sh" \
    --export-markdown "$out/image-cold.md" --export-json "$out/image-cold.json" \
    -n 'cold build (new parent, no layer cache) + Verify + promote' "./build.sh BuildBaseImage $quoted --python-image $COLD_PARENT"

./build.sh BuildBaseImage "${args[@]}" --python-image "$WARM_PARENT" >/dev/null
hyperfine --runs "${CHANGE_RUNS:-5}" --prepare "$work/change-requirement.sh" \
    --export-markdown "$out/image-change.md" --export-json "$out/image-change.json" \
    -n 'one requirement changed: rebuild + Verify + promote' "./build.sh BuildBaseImage $quoted --python-image $WARM_PARENT"

hyperfine --warmup 2 --runs "${RUNS:-20}" --export-markdown "$out/image-up-to-date.md" --export-json "$out/image-up-to-date.json" \
    -n 'BuildBaseImage, nothing changed (up to date)' "./build.sh BuildBaseImage $quoted --python-image $WARM_PARENT"

no_daemon="DOCKER_HOST=unix:///nonexistent-$$.sock ./build.sh Restore $quoted --python-image $WARM_PARENT"
message=$(eval "$no_daemon" 2>&1 | grep -m1 'does not answer' || true)
hyperfine --ignore-failure --warmup 2 --runs "${RUNS:-20}" --export-markdown "$out/image-no-daemon.md" --export-json "$out/image-no-daemon.json" \
    -n 'Restore with no Docker daemon (fails with a clear error)' "$no_daemon"

median() { jq -r '.results[0].median' "$1"; }
cold=$(median "$out/image-cold.json")
change=$(median "$out/image-change.json")
size() { docker image inspect --format '{{.Size}}' "$1"; }
image_size=$(size "$NAME:latest")
parent_size=$(size "$WARM_PARENT")
test_parent_size=$(size "$TEST_PARENT")

{
    echo "### Base image ($(date -u +%Y-%m-%d))"
    machine_description
    echo "- $(docker version --format 'Docker engine {{.Server.Version}}, client {{.Client.Version}}'), classic builder"
    echo
    cat "$out/image-up-to-date.md"
    echo
    cat "$out/image-change.md"
    echo
    cat "$out/image-cold.md"
    echo
    echo "Rebuild after one changed requirement / cold build (medians): $(jq -n "$change / $cold * 100 | floor")%"
    echo
    cat "$out/image-no-daemon.md"
    echo
    echo "Its message: \`${message#*\] }\`"
    echo
    echo "| image | size |"
    echo "|---|---|"
    echo "| parent (debootstrap bookworm, python3.11 + venv, tools purged) | $((parent_size / 1000000)) MB |"
    echo "| $NAME:latest | $((image_size / 1000000)) MB (+$(((image_size - parent_size) / 1000000)) MB) |"
    echo "| the tests' parent, tools included | $((test_parent_size / 1000000)) MB |"
    echo
    echo "Layers the image adds to its parent (empty ones left out; the stand-in wheels and PostgREST are tiny):"
    echo
    echo '```'
    added=$(( $(docker history -q "$NAME:latest" | wc -l) - $(docker history -q "$WARM_PARENT" | wc -l) ))
    docker history --no-trunc --format '{{.Size}}\t{{.CreatedBy}}' "$NAME:latest" | head -n "$added" | grep -v '^0B' | cut -c1-120
    echo '```'
} | tee "$out/image.md"

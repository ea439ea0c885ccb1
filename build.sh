#!/usr/bin/env bash
# Bootstrap: find a dotnet SDK that satisfies global.json, build the build project only when one of its
# inputs changed since the last build, then run it with every argument and pass its exit code through.
# Skipping the build when nothing changed is what keeps `./build.sh --help` well under a second.
set -euo pipefail

# Work from the script's folder (without a slash in its path, that is where we are already).
if [[ "${BASH_SOURCE[0]}" == */* ]]; then cd "${BASH_SOURCE[0]%/*}"; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Build servers left running would inherit our stdout and keep a caller's pipe open long after we exit.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

readonly TEMP_DIR=.nuke/temp
readonly BUILD_PROJECT=build/_build.csproj
readonly BUILD_DLL=build/bin/Debug/net10.0/_build.dll
# The build's input files, listed when the last successful build started; its mtime is that start.
readonly SNAPSHOT="$TEMP_DIR/build.inputs"
readonly SDK_CACHE="$TEMP_DIR/sdk-check"

fail() { echo "build.sh: $*" >&2; exit 1; }

# The dotnet executables to consider, in order: PATH, $DOTNET_ROOT, and where dotnet-install.sh puts it.
dotnet_candidates() {
    command -v dotnet 2>/dev/null || true
    [[ -n "${DOTNET_ROOT:-}" && -x "$DOTNET_ROOT/dotnet" ]] && echo "$DOTNET_ROOT/dotnet"
    [[ -x "$HOME/.dotnet/dotnet" ]] && echo "$HOME/.dotnet/dotnet"
    return 0
}

# Prints the installed SDK versions, one a line. Reading the sdk/ folder costs nothing; asking
# `dotnet --list-sdks` takes a noticeable part of a second, so it is the fallback, and its answer is cached.
installed_sdks() {
    local dotnet=$1 root
    root=$(readlink -f "$dotnet")
    root=${root%/*}
    if [[ -d "$root/sdk" ]]; then
        local dir
        for dir in "$root"/sdk/*/; do
            dir=${dir%/}
            [[ -f "$dir/dotnet.dll" ]] && echo "${dir##*/}"
        done
        return 0
    fi
    if [[ ! -f "$SDK_CACHE" || "$(head -n1 "$SDK_CACHE")" != "$dotnet" || "$SDK_CACHE" -ot "$dotnet" ]]; then
        { echo "$dotnet"; "$dotnet" --list-sdks | cut -d' ' -f1; } >"$SDK_CACHE.$$"
        mv -f "$SDK_CACHE.$$" "$SDK_CACHE"
    fi
    tail -n +2 "$SDK_CACHE"
}

# global.json's rollForward latestFeature: same major.minor, feature band and patch at least the pinned ones,
# no previews (allowPrerelease false).
sdk_satisfies() {
    local wanted=$1 have=$2
    [[ "$have" != *-* ]] || return 1
    local wmaj wmin wpatch hmaj hmin hpatch
    IFS=. read -r wmaj wmin wpatch <<<"$wanted"
    IFS=. read -r hmaj hmin hpatch <<<"$have"
    [[ "$hmaj" == "$wmaj" && "$hmin" == "$wmin" && "$hpatch" =~ ^[0-9]+$ ]] && ((10#$hpatch >= 10#$wpatch))
}

check_sdk() {
    local dotnet=$1 have
    while read -r have; do
        sdk_satisfies "$SDK_VERSION" "$have" && return 0
    done < <(installed_sdks "$dotnet")
    return 1
}

print_install_help() {
    cat >&2 <<EOF
build.sh: this build needs the .NET SDK $SDK_VERSION or a later ${SDK_VERSION%.*} feature band or patch (global.json), and ${1:-no dotnet was found on PATH or in \$DOTNET_ROOT}.
Install it, for example with:
  curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel ${SDK_VERSION%.*}
  export DOTNET_ROOT="\$HOME/.dotnet" PATH="\$HOME/.dotnet:\$PATH"
EOF
}

# Lists the build's input files; with extra arguments appended to the find expression.
input_files() {
    local roots=(build engine Directory.Build.props Directory.Packages.props global.json) extra
    for extra in ./*.csproj; do [[ -e "$extra" ]] && roots+=("$extra"); done
    find "${roots[@]}" \( -name bin -o -name obj \) -prune -o -type f -print "$@"
}

# True when the build output is missing, or the input files differ from those listed when the last
# successful build started: a file added or deleted changes the list, and a file newer than the list is
# printed twice, which changes it too.
build_is_stale() {
    [[ -f "$BUILD_DLL" && -f "$SNAPSHOT" ]] || return 0
    [[ "$(input_files -newer "$SNAPSHOT" -print)" != "$(<"$SNAPSHOT")" ]]
}

build_if_stale() {
    build_is_stale || return 0
    exec 9>"$TEMP_DIR/build.lock"
    # flock is util-linux; where it is missing (macOS), parallel invocations are simply not serialised.
    if command -v flock >/dev/null; then flock 9; fi
    # Another invocation may have built it while we waited for the lock.
    if build_is_stale; then
        # Taken before the build starts, so an edit made during the build still makes the next run rebuild.
        input_files >"$SNAPSHOT.$$"
        local log="$TEMP_DIR/build.log.$$" code=0
        "$DOTNET" build "$BUILD_PROJECT" -nologo -clp:ErrorsOnly -v q >"$log" 2>&1 || code=$?
        if ((code != 0)); then
            cat "$log" >&2
            rm -f "$log" "$SNAPSHOT.$$"
            echo "build.sh: building $BUILD_PROJECT failed (exit code $code)." >&2
            exit "$code"
        fi
        rm -f "$log"
        mv -f "$SNAPSHOT.$$" "$SNAPSHOT"
    fi
    exec 9>&-
}

mkdir -p "$TEMP_DIR"
[[ "$(<global.json)" =~ \"version\"[[:space:]]*:[[:space:]]*\"([^\"]+)\" ]] || fail "global.json names no SDK version."
readonly SDK_VERSION=${BASH_REMATCH[1]}
DOTNET=""
found=()
while read -r candidate; do
    [[ -n "$candidate" ]] || continue
    if check_sdk "$candidate"; then DOTNET=$candidate; break; fi
    found+=("$candidate (SDKs: $(installed_sdks "$candidate" | tr '\n' ' '))")
done < <(dotnet_candidates)
if [[ -z "$DOTNET" ]]; then
    if ((${#found[@]} == 0)); then print_install_help; else print_install_help "none of these has it: ${found[*]}"; fi
    exit 1
fi

build_if_stale
exec "$DOTNET" "$BUILD_DLL" "$@"

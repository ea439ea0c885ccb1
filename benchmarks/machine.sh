#!/usr/bin/env bash
# Prints the machine a benchmark ran on, as markdown list items (sourced by the benchmark scripts).
machine_description() {
    local cpu memory
    cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
    memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
    echo "- cores: $(nproc), CPU: ${cpu:-unknown}, memory: $memory"
    echo "- load average when it started: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- $(uname -sr), .NET SDK $(dotnet --version), $(hyperfine --version)"
}

# Prints hyperfine JSON exports as one markdown table: median (the figure), mean ± σ, min, max, and the CPU
# time (user + system), which a busy machine inflates much less than the wall time.
results_table() {
    echo "| Command | Median [ms] | Mean ± σ [ms] | Min [ms] | Max [ms] | CPU user+sys [ms] | Runs |"
    echo "|:---|---:|---:|---:|---:|---:|---:|"
    jq -r '.results[] | "| `\(.command)` | \(.median * 1000 | round) | \(.mean * 1000 | round) ± \(.stddev * 1000 | round) | \(.min * 1000 | round) | \(.max * 1000 | round) | \((.user + .system) * 1000 | round) | \(.times | length) |"' "$@"
}

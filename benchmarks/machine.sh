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

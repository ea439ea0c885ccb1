using System.Runtime.CompilerServices;

namespace Xooo.Benchmarks;

/// <summary>
/// Measures the engine's own cost, three ways (benchmarks/engine.sh runs them):
/// `--startup-only` returns before any engine type is touched: the runtime's start, the baseline for hyperfine;
/// `--in-process N [arguments]` runs the build N times in this process and prints each run's milliseconds,
/// the first cold (loading and compiling the engine), the rest warm;
/// any other arguments run <see cref="OverheadBuild"/> once, as ./build.sh runs the real build.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["--startup-only"] => 0,
        ["--in-process", var count, .. var rest] => InProcess(int.Parse(count), rest),
        _ => RunBuild(),
    };

    // Kept out of Main so that the JIT does not load the engine's types for the startup-only run.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunBuild() => OverheadBuild.Start();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int InProcess(int count, string[] arguments) => OverheadBuild.Measure(count, arguments);
}

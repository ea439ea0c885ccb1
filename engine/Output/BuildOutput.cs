using Serilog;
using Serilog.Events;

namespace Xooo.Engine;

/// <summary>
/// Where one build run writes. Held in an AsyncLocal so that builds run side by side (as the tests do) each
/// keep their own writer, verbosity and list of warnings, while the code keeps using Serilog's static Log.
/// </summary>
public sealed class BuildOutput
{
    private static readonly AsyncLocal<BuildOutput?> CurrentOutput = new();
    private static readonly object ConfigureLock = new();
    private static bool _configured;

    public BuildOutput(TextWriter writer, Verbosity verbosity = Verbosity.Normal, HostKind host = HostKind.Terminal)
    {
        Writer = writer;
        Verbosity = verbosity;
        Host = host;
    }

    public TextWriter Writer { get; }
    public Verbosity Verbosity { get; set; }
    public HostKind Host { get; set; }

    /// <summary>Warnings and errors of this run, repeated before the summary.</summary>
    public List<(LogEventLevel Level, string Message)> Reported { get; } = [];

    public static BuildOutput Current => CurrentOutput.Value ??= new BuildOutput(Console.Out);

    /// <summary>Makes this the output of the current async flow and points Serilog's static Log at it.</summary>
    public void Activate()
    {
        CurrentOutput.Value = this;
        lock (ConfigureLock)
        {
            if (_configured)
                return;
            Log.Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new BuildLogSink()).CreateLogger();
            _configured = true;
        }
    }

    /// <summary>Writes a line as it is (masked), whatever the verbosity: help, plan and summary use this.</summary>
    public void WriteLine(string text = "")
    {
        lock (Writer)
            Writer.WriteLine(Secrets.Mask(text));
    }

    public bool Shows(LogEventLevel level) => Verbosity switch
    {
        Verbosity.Quiet => level >= LogEventLevel.Error,
        Verbosity.Minimal => level >= LogEventLevel.Warning,
        Verbosity.Normal => level >= LogEventLevel.Information,
        _ => true,
    };
}

using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Xooo.Engine;

/// <summary>Renders Serilog events to the current <see cref="BuildOutput"/>, secrets masked, with host annotations.</summary>
internal sealed class BuildLogSink : ILogEventSink
{
    public void Emit(LogEvent logEvent)
    {
        var output = BuildOutput.Current;
        var message = Secrets.Mask(Render(logEvent));
        if (logEvent.Exception is { } exception && output.Verbosity == Verbosity.Verbose)
            message += Environment.NewLine + Secrets.Mask(exception.ToString());

        if (logEvent.Level >= LogEventLevel.Warning)
            lock (output.Reported)
                output.Reported.Add((logEvent.Level, message));

        if (!output.Shows(logEvent.Level))
            return;

        if (output.Host == HostKind.GitHubActions && logEvent.Level >= LogEventLevel.Warning)
        {
            var kind = logEvent.Level >= LogEventLevel.Error ? "error" : "warning";
            output.WriteLine($"::{kind}::{GitHubActionsText.EscapeData(message)}");
            return;
        }

        output.WriteLine($"{logEvent.Timestamp:HH:mm:ss} [{Abbreviation(logEvent.Level)}] {message}");
    }

    /// <summary>Like RenderMessage, but strings appear as they are, not in quotes.</summary>
    private static string Render(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is PropertyToken property && logEvent.Properties.TryGetValue(property.PropertyName, out var value)
                && value is ScalarValue { Value: string text })
                writer.Write(text);
            else
                token.Render(logEvent.Properties, writer);
        }
        return writer.ToString();
    }

    private static string Abbreviation(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "VRB",
        LogEventLevel.Debug => "DBG",
        LogEventLevel.Information => "INF",
        LogEventLevel.Warning => "WRN",
        LogEventLevel.Error => "ERR",
        _ => "FTL",
    };
}

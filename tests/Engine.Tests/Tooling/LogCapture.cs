using System.Text;

namespace Xooo.Engine.Tests.Tooling;

/// <summary>
/// Captures what the build logs in this test's async flow, and lets a test wait for a line to appear
/// (to act while a command is still running).
/// </summary>
internal sealed class LogCapture : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Seen)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Synchronous on purpose: the AsyncLocal output it activates stays set for the calling test.</summary>
    public static LogCapture Start(Verbosity verbosity = Verbosity.Normal)
    {
        var capture = new LogCapture();
        new BuildOutput(capture, verbosity).Activate();
        return capture;
    }

    public string Text
    {
        get
        {
            lock (_text)
                return _text.ToString();
        }
    }

    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    public override void Write(char value)
    {
        lock (_text)
            _text.Append(value);
    }

    public override void WriteLine(string? value)
    {
        lock (_text)
        {
            _text.Append(value).Append('\n');
            foreach (var waiter in _waiters.Where(w => value is not null && w.Matches(value)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult(value!);
            }
        }
    }

    /// <summary>The first line (already written or still to come) that matches; fails after the timeout.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> matches, int timeoutMilliseconds = 20_000)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_text)
        {
            if (Lines.FirstOrDefault(matches) is { } line)
                return line;
            _waiters.Add((matches, seen));
        }
        var finished = await Task.WhenAny(seen.Task, Task.Delay(timeoutMilliseconds));
        return finished == seen.Task ? await seen.Task : throw new TimeoutException($"No log line matched within {timeoutMilliseconds} ms. Log:\n{Text}");
    }
}

namespace Xooo.Engine;

/// <summary>
/// Stops a running command the way Ctrl+C in a terminal would, then makes sure: SIGINT to the whole process
/// tree (docker and git clean up on it), and after the grace period SIGKILL to whatever of the tree is left.
/// Hands CliWrap the graceful and forceful tokens so its own interrupt and kill run too.
/// </summary>
internal sealed class ProcessStopper : IDisposable
{
    private readonly CancellationTokenSource _graceful = new();
    private readonly CancellationTokenSource _forceful = new();
    private readonly TimeSpan _gracePeriod;
    private readonly object _lock = new();
    private IReadOnlyList<ProcessTree.Member> _tree = [];

    public ProcessStopper(TimeSpan gracePeriod)
    {
        _gracePeriod = gracePeriod;
        _forceful.Token.Register(KillSurvivors);
    }

    public CancellationToken Graceful => _graceful.Token;
    public CancellationToken Forceful => _forceful.Token;
    public bool WasStopped => _graceful.IsCancellationRequested;

    public void Stop(int processId)
    {
        lock (_lock)
        {
            if (_graceful.IsCancellationRequested)
                return;
            _tree = ProcessTree.Snapshot(processId);
            // CliWrap interrupts the child itself; its descendants get the signal a terminal would send them.
            ProcessTree.Signal(_tree.Skip(1), ProcessTree.Interrupt);
            _graceful.Cancel();
            _forceful.CancelAfter(_gracePeriod);
        }
    }

    /// <summary>SIGKILL to every member of the tree still alive (and their children): nothing outlives a stop.</summary>
    public void KillSurvivors()
    {
        lock (_lock)
            ProcessTree.Signal(ProcessTree.Survivors(_tree), ProcessTree.Kill);
    }

    public void Dispose()
    {
        _graceful.Dispose();
        _forceful.Dispose();
    }
}

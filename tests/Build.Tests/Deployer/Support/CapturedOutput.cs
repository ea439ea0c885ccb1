using Xooo.Engine;

namespace Xooo.Build.Tests.Deployer.Support;

/// <summary>Everything the code under test logs in this test's async flow (BuildOutput is per flow).</summary>
public sealed class CapturedOutput
{
    private readonly StringWriter _writer = new();

    private CapturedOutput() { }

    public static CapturedOutput Start()
    {
        var captured = new CapturedOutput();
        new BuildOutput(captured._writer, Verbosity.Verbose).Activate();
        return captured;
    }

    public string Text => _writer.ToString();
}

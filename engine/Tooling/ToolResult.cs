namespace Xooo.Engine;

/// <summary>What a command did. <see cref="Ran"/> is false when a dry run printed it instead of running it.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error, bool Ran)
{
    public static ToolResult NotRun { get; } = new(0, "", "", false);

    public bool Succeeded => Ran && ExitCode == 0;
}

namespace Xooo.Engine;

/// <summary>
/// A command failed. Built from the masked command line: CliWrap's own exception text carries the full
/// command line, secrets included, so it never leaves the façade.
/// </summary>
public sealed class ToolException(string message, string command, int? exitCode, string error) : Exception(Secrets.Mask(message))
{
    public string Command { get; } = Secrets.Mask(command);
    public int? ExitCode { get; } = exitCode;
    public string Error { get; } = Secrets.Mask(error);
}

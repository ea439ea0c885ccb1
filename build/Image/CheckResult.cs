namespace Xooo.Build.Image;

public enum CheckStatus { Passed, Failed, NotRun }

/// <summary>One row of Verify's table: what was checked, how it came out, what was seen.</summary>
public sealed record CheckResult(string Name, CheckStatus Status, string Detail)
{
    public static CheckResult Pass(string name, string detail) => new(name, CheckStatus.Passed, detail);
    public static CheckResult Fail(string name, string detail) => new(name, CheckStatus.Failed, detail);
    public static CheckResult Check(string name, bool passed, string detail) => new(name, passed ? CheckStatus.Passed : CheckStatus.Failed, detail);
}

public sealed record InstalledPackage(string Name, string Version);

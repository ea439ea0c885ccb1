namespace Xooo.Engine;

/// <summary>Escaping of workflow command data, as GitHub's runner expects it.</summary>
internal static class GitHubActionsText
{
    public static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
}

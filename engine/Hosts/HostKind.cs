namespace Xooo.Engine;

/// <summary>Where the build runs; decides how groups, annotations and the summary are written.</summary>
public enum HostKind
{
    Terminal,
    GitHubActions,
}

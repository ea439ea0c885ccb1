namespace Xooo.Build.Tests.EndToEnd;

/// <summary>The checkout these tests were built from: the folder upwards of the test assembly holding the solution.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "xooo-backend-base.sln";

    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return directory.FullName;
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds {SolutionFile}.");
    }
}

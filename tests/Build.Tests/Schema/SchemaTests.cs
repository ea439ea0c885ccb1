using Xooo.Engine;

namespace Build.Tests.Schema;

public sealed class SchemaTests
{
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "xooo-backend-base.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"No xooo-backend-base.sln above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void The_committed_schema_is_what_the_build_generates()
    {
        var committed = Path.Combine(RepositoryRoot(), ".nuke", SchemaWriter.FileName);
        var generated = SchemaWriter.Render<Xooo.Build.Build>();

        Assert.True(File.Exists(committed), $"{committed} is missing: run ./build.sh --help and commit it.");
        Assert.True(File.ReadAllText(committed) == generated,
            $".nuke/{SchemaWriter.FileName} is stale: run ./build.sh --help (any run rewrites it) and commit the result.");
    }

    [Fact]
    public void The_schema_offers_every_parameter_the_readme_and_the_issues_rely_on()
    {
        var schema = System.Text.Json.JsonDocument.Parse(SchemaWriter.Render<Xooo.Build.Build>()).RootElement;
        var properties = schema.GetProperty("properties");

        foreach (var name in new[] { "ImageName", "ImageTag", "MaxAgeDays", "Force", "GitHubToken", "DeployerBranch", "PullRequest" })
            Assert.True(properties.TryGetProperty(name, out _), $"{name} is missing from the schema");
        Assert.Equal("integer", properties.GetProperty("MaxAgeDays").GetProperty("type").GetString());
        Assert.Contains("(secret", properties.GetProperty("GitHubToken").GetProperty("description").GetString());
        Assert.Contains("BuildBaseImage", schema.GetProperty("definitions").GetProperty("ExecutableTarget").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}

using Xooo.Engine;

namespace Engine.Tests.Parameters;

/// <summary>A temporary root with a .nuke/ folder, parameters files in it, and an environment, for one test.</summary>
public sealed class ParameterRoot : IDisposable
{
    public ParameterRoot()
    {
        Path = Directory.CreateTempSubdirectory("parameters-test-").FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(Path, ".nuke"));
    }

    public string Path { get; }
    public Dictionary<string, string> Environment { get; } = new();

    public string SchemaPath => System.IO.Path.Combine(Path, ".nuke", "build.schema.json");

    public ParameterRoot WithFile(string name, string json)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, ".nuke", name), json);
        return this;
    }

    /// <summary>Injects parameters into a fresh build the way a run does, and returns it.</summary>
    public T Inject<T>(params string[] arguments) where T : new() => Inject<T>(arguments, out _);

    public T Inject<T>(string[] arguments, out ParsedArguments parsed) where T : new()
    {
        var build = new T();
        parsed = ParsedArguments.Parse(arguments, ParameterInjector.FlagsOf(typeof(T)).Contains);
        ParameterInjector.Inject(build, parsed, Environment, AbsolutePath.Create(Path));
        return build;
    }

    /// <summary>The usage error a run of these arguments gives.</summary>
    public string ErrorOf<T>(params string[] arguments) where T : new() =>
        Assert.Throws<UsageException>(() => Inject<T>(arguments)).Message;

    /// <summary>Runs the build end to end, in this root, and captures what it prints.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync<T>(params string[] arguments) where T : NukeBuild, new()
    {
        var writer = new StringWriter();
        var code = await BuildRunner.RunAsync<T>(new BuildInvocation(arguments, Environment, Path, writer));
        return (code, writer.ToString());
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

using System.Text;
using Xooo.Build.Image;
using Xooo.Build.Tests.Support;

namespace Xooo.Build.Tests.Image;

public sealed class InputHashTests : IDisposable
{
    private readonly ImageTestRoot _root = new();

    public void Dispose() => _root.Dispose();

    private BaseImageInputs Load(string pythonImage = "python:3.11-slim-bookworm", string? pipIndexUrl = null, string? sha = null) =>
        BaseImageInputs.Load(new BaseImageSettings(_root.BaseImage, pythonImage, pipIndexUrl,
            "https://github.com/PostgREST/postgrest/releases/download/v12.2.3/postgrest-v12.2.3-linux-static-x64.tar.xz",
            sha ?? new string('a', 64)));

    [Fact]
    public void The_same_inputs_give_the_same_hash_whatever_the_order()
    {
        var files = new[] { KeyValuePair.Create("b", "2"u8.ToArray()), KeyValuePair.Create("a", "1"u8.ToArray()) };
        var arguments = new[] { KeyValuePair.Create("Y", "y"), KeyValuePair.Create("X", "x") };

        var hash = InputHash.Compute(files, arguments, "sha256:parent");

        Assert.Equal(hash, InputHash.Compute(files.Reverse(), arguments.Reverse(), "sha256:parent"));
        Assert.Matches("^sha256:[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void Each_input_changes_the_hash()
    {
        var baseline = Load().HashWith("sha256:parent");

        Assert.NotEqual(baseline, Load().HashWith("sha256:other-parent"));
        Assert.NotEqual(baseline, Load(pythonImage: "python:3.11-slim").HashWith("sha256:parent"));
        Assert.NotEqual(baseline, Load(pipIndexUrl: "http://127.0.0.1:1/simple/").HashWith("sha256:parent"));
        Assert.NotEqual(baseline, Load(sha: new string('b', 64)).HashWith("sha256:parent"));

        File.AppendAllText(_root.BaseImageFile("requirements.txt"), "left-pad==1.0.0\n");
        Assert.NotEqual(baseline, Load().HashWith("sha256:parent"));
    }

    [Fact]
    public void Editing_the_readme_or_the_wrapper_script_does_not_change_the_hash()
    {
        var baseline = Load().HashWith("sha256:parent");

        File.WriteAllText(_root.BaseImageFile("README.md"), "# edited\n", Encoding.UTF8);
        File.AppendAllText(_root.BaseImageFile("build-base-image.sh"), "# edited\n");

        Assert.Equal(baseline, Load().HashWith("sha256:parent"));
    }
}

using Xooo.Build.Image;
using Xooo.Build.Tests.Support;

namespace Xooo.Build.Tests.Image;

public sealed class RequirementsFileTests
{
    [Fact]
    public void Pinned_lines_are_read_with_extras_and_comments_ignored()
    {
        var file = RequirementsFile.Parse("""
            # a comment line
            fastapi==0.115.0
            uvicorn[standard] == 0.32.0   # extras and spaces
            Python_Dotenv==1.0.1

            """);

        Assert.Empty(file.Problems);
        Assert.Equal(["fastapi==0.115.0", "uvicorn[standard]==0.32.0", "Python_Dotenv==1.0.1"], file.Requirements.Select(r => r.ToString()));
        Assert.Equal(["standard"], file.Requirements[1].Extras);
        Assert.Equal("python-dotenv", file.Requirements[2].NormalizedName);
        Assert.Equal([2, 3, 4], file.Requirements.Select(r => r.Line));
    }

    [Theory]
    [InlineData("SQLAlchemy", "sqlalchemy")]
    [InlineData("python_dotenv", "python-dotenv")]
    [InlineData("Foo.Bar__baz", "foo-bar-baz")]
    [InlineData("typing-extensions", "typing-extensions")]
    public void Names_compare_after_PEP_503_normalisation(string name, string normalized) =>
        Assert.Equal(normalized, PackageName.Normalize(name));

    [Fact]
    public void Every_bad_line_is_named_with_its_number_and_what_to_write()
    {
        var file = RequirementsFile.Parse("""
            fastapi==0.115.0
            uvicorn>=0.32
            pydantic
            asyncpg==0.30.*
            --index-url https://example.org/simple
            websockets==13.1; python_version >= "3.8"
            mylib @ https://example.org/mylib.whl
            python_dotenv==1.0.1
            python-dotenv==1.0.0
            """, "base-image/requirements.txt");

        Assert.Equal(["fastapi", "python_dotenv"], file.Requirements.Select(r => r.Name));
        Assert.Collection(file.Problems,
            p => Assert.Equal("base-image/requirements.txt:2: 'uvicorn>=0.32' is not pinned: write name==version", p),
            p => Assert.Equal("base-image/requirements.txt:3: 'pydantic' is not pinned: write name==version", p),
            p => Assert.Contains(":4: 'asyncpg==0.30.*' uses a wildcard", p),
            p => Assert.Contains(":5: '--index-url https://example.org/simple' is a pip option", p),
            p => Assert.Contains(":6: 'websockets==13.1; python_version >= \"3.8\"' has an environment marker", p),
            p => Assert.Contains(":7: 'mylib @ https://example.org/mylib.whl' is a direct reference", p),
            p => Assert.Equal("base-image/requirements.txt:9: 'python-dotenv==1.0.0' repeats python-dotenv from line 8: keep one line per package", p));
    }

    [Fact]
    public void A_file_with_no_packages_is_a_problem()
    {
        var file = RequirementsFile.Parse("# nothing yet\n\n");

        Assert.Equal(["requirements.txt: lists no packages: write one name==version a line"], file.Problems);
    }

    [Fact]
    public void The_repository_requirements_pin_the_six_packages_and_uvicorns_standard_extras()
    {
        var file = RequirementsFile.Read(Path.Combine(ImageTestRoot.RepositoryBaseImage, "requirements.txt"));

        Assert.Empty(file.Problems);
        var pins = file.Requirements.ToDictionary(r => r.NormalizedName, r => r.Version);
        Assert.Equal("0.115.0", pins["fastapi"]);
        Assert.Equal("0.32.0", pins["uvicorn"]);
        Assert.Equal(["standard"], file.Requirements.Single(r => r.NormalizedName == "uvicorn").Extras);
        Assert.Equal("13.1", pins["websockets"]);
        Assert.Equal("0.30.0", pins["asyncpg"]);
        Assert.Equal("2.10.0", pins["pydantic"]);
        Assert.Equal("1.0.1", pins["python-dotenv"]);
        foreach (var extra in new[] { "httptools", "pyyaml", "uvloop", "watchfiles" })
            Assert.True(pins.ContainsKey(extra), $"uvicorn[standard]'s {extra} is not pinned");
    }
}

using Xooo.Build.Image;

namespace Xooo.Build.Tests.Image;

public sealed class PostgrestPinTests : IDisposable
{
    private const string Url = "https://github.com/PostgREST/postgrest/releases/download/v12.2.3/postgrest-v12.2.3-linux-static-x64.tar.xz";
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly string _directory = Directory.CreateTempSubdirectory("xooo-pin-").FullName;

    private string PinFile => Path.Combine(_directory, PostgrestPin.FileName);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_recorded_pin_is_used_with_the_line_it_came_from()
    {
        File.WriteAllText(PinFile, $"# comment\n{Sha.ToUpperInvariant()}  postgrest-v12.2.3-linux-static-x64.tar.xz\n");

        var (pin, problem) = PostgrestPin.Resolve(PinFile, null, Url);

        Assert.Null(problem);
        Assert.Equal(Sha, pin!.Sha256);
        Assert.Equal($"{PinFile}:2", pin.Source);
    }

    [Fact]
    public void No_recorded_pin_is_refused_with_how_to_record_one()
    {
        File.WriteAllText(PinFile, "# No pin is recorded yet.\n");

        var (pin, problem) = PostgrestPin.Resolve(PinFile, null, Url);

        Assert.Null(pin);
        Assert.StartsWith($"No PostgREST SHA-256 pin is recorded in {PinFile}.", problem);
        Assert.Contains($"curl -fsSL -o postgrest-v12.2.3-linux-static-x64.tar.xz {Url} && sha256sum postgrest-v12.2.3-linux-static-x64.tar.xz >> {PinFile}", problem);
        Assert.Contains("--postgrest-sha256", problem);
    }

    [Fact]
    public void A_missing_pin_file_is_refused_with_how_to_record_one()
    {
        var (pin, problem) = PostgrestPin.Resolve(PinFile, null, Url);

        Assert.Null(pin);
        Assert.Contains("is missing", problem);
        Assert.Contains("sha256sum", problem);
    }

    [Fact]
    public void The_parameter_overrides_the_file_and_must_be_a_sha256()
    {
        File.WriteAllText(PinFile, "# nothing\n");

        Assert.Equal(Sha, PostgrestPin.Resolve(PinFile, Sha.ToUpperInvariant(), Url).Pin!.Sha256);
        Assert.Equal("--postgrest-sha256 'abc' is not a SHA-256: expected 64 hexadecimal digits", PostgrestPin.Resolve(PinFile, "abc", Url).Problem);
    }

    [Fact]
    public void A_pin_for_another_file_than_the_one_downloaded_is_refused()
    {
        File.WriteAllText(PinFile, $"{Sha}  postgrest-v12.2.2-linux-static-x64.tar.xz\n");

        var (_, problem) = PostgrestPin.Resolve(PinFile, null, Url);

        Assert.Equal($"{PinFile}:1 pins postgrest-v12.2.2-linux-static-x64.tar.xz, but --postgrest-url downloads postgrest-v12.2.3-linux-static-x64.tar.xz: "
            + "record the pin of that file, or pass --postgrest-sha256", problem);
    }

    [Fact]
    public void A_malformed_pin_line_is_named()
    {
        File.WriteAllText(PinFile, "\nnot-a-checksum  file\n");

        Assert.Equal($"{PinFile}:2: 'not-a-checksum  file' is not a pin: write '<64 hex digits>  <file name>' as sha256sum prints it",
            PostgrestPin.Resolve(PinFile, null, Url).Problem);
    }

    [Theory]
    [InlineData(Url, "12.2.3")]
    [InlineData("https://github.com/PostgREST/postgrest/releases/download/v13.0.4/postgrest-v13.0.4-linux-static-x86-64.tar.xz", "13.0.4")]
    [InlineData("http://127.0.0.1:8080/archive.tar.gz", "12.2.3")]
    public void The_expected_version_comes_from_the_download_address(string url, string version) =>
        Assert.Equal(version, PostgrestPin.ExpectedVersion(url));
}

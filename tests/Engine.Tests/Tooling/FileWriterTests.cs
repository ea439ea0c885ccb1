namespace Xooo.Engine.Tests.Tooling;

public sealed class FileWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("xooo-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_dry_run_prints_the_diff_and_leaves_the_file_as_it_was()
    {
        var log = LogCapture.Start();
        var file = Path.Combine(_folder, "nixpacks.toml");
        File.WriteAllText(file, "providers = [\"python\"]\nbuildImage = \"old\"\n");

        var changed = new FileWriter(dryRun: true, baseDirectory: _folder).Write(file, "providers = [\"python\"]\nbuildImage = \"new\"\n");

        Assert.True(changed);
        Assert.Equal("providers = [\"python\"]\nbuildImage = \"old\"\n", File.ReadAllText(file));
        Assert.Contains($"[dry run] would write {file}:", log.Text);
        Assert.Contains("--- a/nixpacks.toml\n+++ b/nixpacks.toml\n@@ -1,2 +1,2 @@\n providers = [\"python\"]\n-buildImage = \"old\"\n+buildImage = \"new\"\n", log.Text);
    }

    [Fact]
    public void A_dry_run_does_not_create_a_new_file_and_shows_it_against_dev_null()
    {
        var log = LogCapture.Start();
        var file = Path.Combine(_folder, "sub", "new.yml");

        new FileWriter(dryRun: true, baseDirectory: _folder).Write(file, "name: x\n");

        Assert.False(File.Exists(file));
        Assert.Contains("--- /dev/null\n+++ b/sub/new.yml\n@@ -0,0 +1 @@\n+name: x\n", log.Text);
    }

    [Fact]
    public void A_write_creates_the_folder_and_the_file()
    {
        LogCapture.Start();
        var file = Path.Combine(_folder, "a", "b", "c.txt");

        Assert.True(new FileWriter(dryRun: false).Write(file, "content\n"));

        Assert.Equal("content\n", File.ReadAllText(file));
        Assert.Equal(["c.txt"], Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Unchanged_content_is_not_written()
    {
        var log = LogCapture.Start();
        var file = Path.Combine(_folder, "same.txt");
        File.WriteAllText(file, "same\n");
        var written = DateTime.UtcNow.AddDays(-1);
        File.SetLastWriteTimeUtc(file, written);

        Assert.False(new FileWriter(dryRun: false).Write(file, "same\n"));
        Assert.False(new FileWriter(dryRun: true).Write(file, "same\n"));

        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        Assert.DoesNotContain("same.txt", log.Text);
    }
}

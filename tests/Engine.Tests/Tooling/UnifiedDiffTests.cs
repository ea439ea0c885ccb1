namespace Xooo.Engine.Tests.Tooling;

public class UnifiedDiffTests
{
    private const string Twelve = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";

    public static TheoryData<string, string?, string> Cases => new()
    {
        { "middle edit", Twelve, Twelve.Replace("6\n7\n", "six\nseven\neight-ish\n") },
        { "insert at top", Twelve, "# header\n\n" + Twelve },
        { "delete at end", Twelve, "1\n2\n3\n4\n5\n6\n7\n8\n9\n" },
        { "new file", null, "buildImage = \"x\"\n[phases.setup]\n" },
        { "old lacks the final newline", "a\nb\nc", "a\nb\nc\n" },
        { "new lacks the final newline", "a\nb\nc\n", "a\nb\nc" },
        { "both lack it, last line changed", "a\nb\nc", "a\nb\nd" },
        { "both lack it, change far above", "x\n" + Twelve + "end", "y\n" + Twelve + "end" },
        { "two distant edits", Twelve + Twelve, Twelve.Replace("2\n", "two\n") + Twelve.Replace("11\n", "eleven\n") },
        { "everything replaced", "a\nb\n", "c\nd\ne\n" },
        { "emptied", "a\nb\n", "" },
        { "crlf lines", "a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n" },
    };

    [SkippableTheory(Timeout = 60_000)]
    [MemberData(nameof(Cases))]
    public async Task Patch_applies_the_diff_and_reproduces_the_new_file(string name, string? oldText, string newText)
    {
        Assert.NotNull(name);
        Assert.Equal(newText, await ApplyWithPatchAsync(oldText, newText));
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Patch_reproduces_the_new_file_for_random_edits()
    {
        var random = new Random(20251204);
        string RandomText() =>
            string.Concat(Enumerable.Range(0, random.Next(0, 14)).Select(_ => "abcd"[random.Next(4)] + "\n")) is var text && text.Length > 0 && random.Next(4) == 0
                ? text.TrimEnd('\n')
                : text;
        for (var i = 0; i < 40; i++)
        {
            var (oldText, newText) = (RandomText(), RandomText());
            if (oldText != newText)
                Assert.Equal(newText, await ApplyWithPatchAsync(oldText, newText));
        }
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task The_diff_is_what_diff_u_prints()
    {
        foreach (var (oldText, newText) in new[] { (Twelve, Twelve.Replace("6\n", "six\n")), ("a\nb\nc", "a\nb\nd\n"), ("a\n", "") })
        {
            var folder = Folder();
            File.WriteAllText(Path.Combine(folder, "old"), oldText);
            File.WriteAllText(Path.Combine(folder, "new"), newText);
            Skip.If(ProgramLocator.Find("diff") is null, "diff is not installed");
            var expected = await new ToolRunner(dryRun: false).RunAsync(new ToolCommand("diff")
                .WithArguments("-u", "--label", "a/file", "--label", "b/file", "old", "new").WithWorkingDirectory(folder).WithExpectedExitCodes(1).Quietly());

            Assert.Equal(expected.Output, UnifiedDiff.Create(oldText, newText, "file"));
        }
    }

    [Fact]
    public void A_middle_edit_has_three_lines_of_context_and_one_hunk_header()
    {
        var diff = UnifiedDiff.Create(Twelve, Twelve.Replace("6\n", "six\n"), "base-image/requirements.txt");

        Assert.Equal(
            "--- a/base-image/requirements.txt\n+++ b/base-image/requirements.txt\n@@ -3,7 +3,7 @@\n 3\n 4\n 5\n-6\n+six\n 7\n 8\n 9\n",
            diff);
    }

    [Fact]
    public void Edits_whose_contexts_touch_share_a_hunk_and_distant_ones_do_not()
    {
        var near = UnifiedDiff.Create(Twelve, Twelve.Replace("2\n", "two\n").Replace("8\n", "eight\n"), "f");
        var far = UnifiedDiff.Create(Twelve, "one\n" + Twelve[2..].Replace("12\n", "twelve\n"), "f");

        Assert.Single(near.Split('\n'), l => l.StartsWith("@@"));
        Assert.Equal(["@@ -1,4 +1,4 @@", "@@ -9,4 +9,4 @@"], far.Split('\n').Where(l => l.StartsWith("@@")));
    }

    [Fact]
    public void A_new_file_is_diffed_against_dev_null()
    {
        Assert.Equal("--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.Create(null, "a\nb\n", "f"));
    }

    [Fact]
    public void A_missing_final_newline_is_marked()
    {
        Assert.Equal("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n", UnifiedDiff.Create("a", "a\n", "f"));
    }

    [Fact]
    public void Equal_texts_give_no_diff()
    {
        Assert.Equal("", UnifiedDiff.Create(Twelve, Twelve, "f"));
    }

    private static async Task<string> ApplyWithPatchAsync(string? oldText, string newText)
    {
        Skip.If(ProgramLocator.Find("patch") is null, "patch is not installed (apt-get install patch)");
        var folder = Folder();
        var file = Path.Combine(folder, "file.txt");
        if (oldText is not null)
            File.WriteAllText(file, oldText);
        var diff = UnifiedDiff.Create(oldText, newText, "file.txt");

        await new ToolRunner(dryRun: false).RunAsync(new ToolCommand("patch")
            .WithArguments("-p1", "--batch", "--forward").WithWorkingDirectory(folder).WithInput(diff).Quietly());

        var patched = File.Exists(file) ? File.ReadAllText(file) : "";
        Directory.Delete(folder, recursive: true);
        return patched;
    }

    private static string Folder() => Directory.CreateTempSubdirectory("xooo-diff-").FullName;
}

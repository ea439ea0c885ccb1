using Tomlyn.Parsing;
using Xooo.Build.Deployer;

namespace Xooo.Build.Tests.Deployer;

public class NixpacksConfigTests
{
    private const string Image = "xooo-backend-base:latest";
    private const string NoOp = "cmds = [\"echo 'xooo-backend-base: setup done in the image'\"]";

    [Fact]
    public void A_realistic_file_changes_only_the_lines_it_must()
    {
        var edit = NixpacksConfig.Apply(RealisticFile.Before, "nixpacks.toml", Image);

        Assert.Equal(RealisticFile.After, edit.Text);
        Assert.True(edit.Changed);
    }

    [Fact]
    public void The_setup_values_it_replaces_are_reported_with_their_old_content_and_line()
    {
        var edit = NixpacksConfig.Apply(RealisticFile.Before, "nixpacks.toml", Image);

        Assert.Equal(3, edit.Replaced.Count);
        Assert.Contains(edit.Replaced, r => r.StartsWith("phases.setup.nixPkgs was [\"python311\", \"gcc\", \"postgresql_16\"] (line 11)"));
        Assert.Contains(edit.Replaced, r => r.StartsWith("phases.setup.nixLibs was [\"zlib\", \"stdenv.cc.cc.lib\"] (line 12)"));
        Assert.Contains(edit.Replaced, r => r.StartsWith("phases.setup.cmds was [\"python -m venv --copies /opt/venv\", \"curl -fsSL"));
        Assert.Contains(edit.Changes, c => c.StartsWith("added phases.setup.aptPkgs"));
    }

    [Fact]
    public void A_second_run_changes_nothing()
    {
        var first = NixpacksConfig.Apply(RealisticFile.Before, "nixpacks.toml", Image);
        var second = NixpacksConfig.Apply(first.Text, "nixpacks.toml", Image);

        Assert.False(second.Changed);
        Assert.Empty(second.Replaced);
        Assert.Same(first.Text, second.Text);
    }

    [Fact]
    public void A_different_build_image_is_replaced_in_place_keeping_its_comment()
    {
        const string before = "buildImage = 'ghcr.io/railwayapp/nixpacks:ubuntu-1716249803'   # the default, slow\nproviders = [\"python\"]\n\n[phases.setup]\nnixPkgs = []\nnixLibs = []\naptPkgs = []\n" + NoOp + "\n";

        var edit = NixpacksConfig.Apply(before, "nixpacks.toml", Image);

        Assert.Equal(before.Replace("'ghcr.io/railwayapp/nixpacks:ubuntu-1716249803'", "\"xooo-backend-base:latest\""), edit.Text);
        Assert.Empty(edit.Replaced);
        Assert.Contains(edit.Changes, c => c.Contains("(line 1)"));
    }

    [Fact]
    public void A_missing_file_is_created_with_the_settings_and_comments_saying_why()
    {
        var edit = NixpacksConfig.Apply(null, "nixpacks.toml", "registry.local/base:v2");

        var model = SyntaxParser.ParseStrict(edit.Text, "nixpacks.toml", true);
        Assert.Contains("buildImage = \"registry.local/base:v2\"", edit.Text);
        Assert.Contains("providers = [\"python\"]", edit.Text);
        Assert.Contains("[phases.setup]\nnixPkgs = []\nnixLibs = []\naptPkgs = []\n" + NoOp + "\n", edit.Text);
        Assert.Contains("# Without a provider Nixpacks detects nothing", edit.Text);
        Assert.False(model.HasErrors);
        Assert.False(NixpacksConfig.Apply(edit.Text, "nixpacks.toml", "registry.local/base:v2").Changed);
    }

    [Fact]
    public void A_file_that_does_not_parse_is_refused_with_file_line_and_column()
    {
        const string broken = "buildImage = \"a\"\n[phases.setup]\nnixPkgs = [\"python311\",\n\n[start]\ncmd = \"x\"\n";

        var error = Assert.Throws<DeployerException>(() => NixpacksConfig.Apply(broken, "/repo/nixpacks.toml", Image));

        Assert.Contains("/repo/nixpacks.toml is not valid TOML; it was left untouched", error.Message);
        Assert.Contains("/repo/nixpacks.toml:5:2: Unexpected token `start`", error.Message);
    }

    [Fact]
    public void Providers_are_added_when_missing_and_python_is_added_to_a_list_without_it()
    {
        var missing = NixpacksConfig.Apply("buildImage = \"xooo-backend-base:latest\"\n", "n", Image);
        var other = NixpacksConfig.Apply("providers = [\"...\", \"node\"]  # keep node\n", "n", Image);
        var multiLine = NixpacksConfig.Apply("providers = [\n  \"node\",\n]\n", "n", Image);
        var multiLineWithoutTrailingComma = NixpacksConfig.Apply("providers = [\n  \"node\"\n]\n", "n", Image);

        Assert.StartsWith("buildImage = \"xooo-backend-base:latest\"\nproviders = [\"python\"]\n\n[phases.setup]\n", missing.Text);
        Assert.StartsWith("providers = [\"...\", \"node\", \"python\"]  # keep node\nbuildImage = ", other.Text);
        Assert.StartsWith("providers = [\n  \"node\",\n  \"python\",\n]\n", multiLine.Text);
        Assert.StartsWith("providers = [\n  \"node\",\n  \"python\"\n]\n", multiLineWithoutTrailingComma.Text);
    }

    [Fact]
    public void Providers_that_are_not_a_list_are_replaced_and_reported()
    {
        var edit = NixpacksConfig.Apply("providers = \"node\"\n", "n", Image);

        Assert.StartsWith("providers = [\"python\"]\n", edit.Text);
        Assert.Contains(edit.Replaced, r => r.StartsWith("providers was \"node\" (line 1)"));
    }

    [Fact]
    public void A_file_of_tables_gets_build_image_below_its_header_and_above_the_first_table_comment()
    {
        const string before = "# Deployer settings\n# for every backend\n\n# The start command\n[start]\ncmd = \"run\"\n";

        var edit = NixpacksConfig.Apply(before, "n", Image);

        Assert.StartsWith("# Deployer settings\n# for every backend\n\nbuildImage = \"xooo-backend-base:latest\"\nproviders = [\"python\"]\n\n# The start command\n[start]\ncmd = \"run\"\n\n[phases.setup]\n", edit.Text);
    }

    [Fact]
    public void A_missing_setup_table_is_created_at_the_end()
    {
        const string before = "buildImage = \"xooo-backend-base:latest\"\nproviders = [\"python\"]\n\n[start]\ncmd = \"run\"\n";

        var edit = NixpacksConfig.Apply(before, "n", Image);

        Assert.Equal(before + "\n[phases.setup]\nnixPkgs = []\nnixLibs = []\naptPkgs = []\n" + NoOp + "\n", edit.Text);
        Assert.Empty(edit.Replaced);
    }

    [Fact]
    public void Windows_line_endings_are_kept_and_used_for_new_lines()
    {
        const string before = "providers = [\"python\"]\r\n\r\n[phases.setup]\r\nnixPkgs = [\"python311\"]\r\n";

        var edit = NixpacksConfig.Apply(before, "n", Image);

        Assert.Equal("providers = [\"python\"]\r\nbuildImage = \"xooo-backend-base:latest\"\r\n\r\n[phases.setup]\r\nnixPkgs = []\r\nnixLibs = []\r\naptPkgs = []\r\n" + NoOp + "\r\n", edit.Text);
    }

    [Fact]
    public void A_last_line_without_newline_is_ended_before_anything_is_added()
    {
        var edit = NixpacksConfig.Apply("[phases.setup]\nnixPkgs = [\"gcc\"]", "n", Image);

        Assert.Equal("buildImage = \"xooo-backend-base:latest\"\nproviders = [\"python\"]\n\n[phases.setup]\nnixPkgs = []\nnixLibs = []\naptPkgs = []\n" + NoOp + "\n", edit.Text);
    }

    [Fact]
    public void A_file_of_comments_only_keeps_them_at_the_top()
    {
        var edit = NixpacksConfig.Apply("# nothing here yet", "n", Image);

        Assert.StartsWith("# nothing here yet\nbuildImage = \"xooo-backend-base:latest\"\nproviders = [\"python\"]\n\n[phases.setup]\n", edit.Text);
    }

    [Theory]
    [InlineData("phases.setup.nixPkgs = [\"gcc\"]\n", 1)]
    [InlineData("a = 1\n[phases]\nsetup = { nixPkgs = [] }\n", 3)]
    [InlineData("[[phases.setup]]\nnixPkgs = []\n", 1)]
    public void Setup_settings_outside_a_setup_table_are_refused_not_duplicated(string before, int line)
    {
        var error = Assert.Throws<DeployerException>(() => NixpacksConfig.Apply(before, "n", Image));

        Assert.StartsWith($"n:{line}: phases.setup is set through", error.Message);
    }
}

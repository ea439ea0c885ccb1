using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Xooo.Engine.Tests.CI;

public class WorkflowWriterTests
{
    private static YamlMappingNode Workflow(string name) =>
        Yaml.Parse(GitHubWorkflows.Generate(typeof(WorkflowBuild)).Single(f => f.RelativePath == $".github/workflows/{name}.yml").Text);

    [Fact]
    public void Each_attribute_gives_one_file_named_after_the_workflow()
    {
        Assert.Equal([".github/workflows/hosted.yml", ".github/workflows/image.yml"],
            GitHubWorkflows.Generate(typeof(WorkflowBuild)).Select(f => f.RelativePath));
    }

    [Fact]
    public void The_triggers_are_those_of_the_attribute()
    {
        var on = Workflow("image").At("on");

        Assert.Equal(["main"], on.At("push", "branches").Texts());
        Assert.Equal(["base-image/**", "build/**"], on.At("push", "paths").Texts());
        Assert.Equal("0 3 1 * *", ((YamlSequenceNode)on.At("schedule")).Children.Single().At("cron").Text());
        Assert.True(on.Has("workflow_dispatch"));
        Assert.False(Workflow("hosted").At("on").Has("push"));
    }

    [Fact]
    public void The_job_runs_on_self_hosted_labels_with_timeout_and_concurrency()
    {
        var workflow = Workflow("image");
        var job = workflow.At("jobs", "image");

        Assert.Equal("image", workflow.At("name").Text());
        Assert.Equal(["self-hosted", "linux", "docker"], job.At("runs-on").Texts());
        Assert.Equal("60", job.At("timeout-minutes").Text());
        Assert.Equal("image", workflow.At("concurrency", "group").Text());
        Assert.Equal("false", workflow.At("concurrency", "cancel-in-progress").Text());
    }

    [Fact]
    public void The_steps_check_out_then_run_the_build_with_the_invoked_targets_as_declared()
    {
        var steps = ((YamlSequenceNode)Workflow("image").At("jobs", "image", "steps")).Children;

        Assert.Equal(2, steps.Count);
        Assert.Equal("actions/checkout@v4", steps[0].At("uses").Text());
        Assert.Equal("./build.sh Compile Publish --message 'it'\\''s done' --host github-actions", steps[1].At("run").Text());
        Assert.Equal("${{ secrets.GITHUB_TOKEN }}", steps[1].At("env", "GITHUB_TOKEN").Text());
    }

    [Fact]
    public void Dispatch_inputs_take_type_description_and_default_from_the_parameters()
    {
        var inputs = Workflow("image").At("on", "workflow_dispatch", "inputs");

        Assert.Equal("boolean", inputs.At("pull-request", "type").Text());
        Assert.Equal("false", inputs.At("pull-request", "default").Text());
        Assert.Equal("Open a pull request", inputs.At("pull-request", "description").Text());
        Assert.Equal("choice", inputs.At("thoroughness", "type").Text());
        Assert.Equal(["Fast", "Thorough"], inputs.At("thoroughness", "options").Texts());
        Assert.Equal("Thorough", inputs.At("thoroughness", "default").Text());
        Assert.Equal("number", inputs.At("attempts", "type").Text());
        Assert.Equal("3", inputs.At("attempts", "default").Text());
        Assert.Equal("A note: with # and 'quotes'", inputs.At("note", "description").Text());
        // "yes" would be a boolean to a YAML 1.1 reader: it must stay a string.
        Assert.Equal(ScalarStyle.SingleQuoted, ((YamlScalarNode)inputs.At("note", "default")).Style);
        Assert.Equal("yes", inputs.At("note", "default").Text());
    }

    [Fact]
    public void Inputs_reach_the_build_by_environment_and_fall_back_to_the_default_on_other_triggers()
    {
        var env = ((YamlSequenceNode)Workflow("image").At("jobs", "image", "steps")).Children[1].At("env");

        Assert.Equal("${{ github.event.inputs.pull-request || 'false' }}", env.At("PULL_REQUEST").Text());
        Assert.Equal("${{ github.event.inputs.note || 'yes' }}", env.At("NOTE").Text());
    }

    [Fact]
    public void A_single_runner_label_and_no_options_give_a_minimal_job()
    {
        var workflow = Workflow("hosted");
        var job = workflow.At("jobs", "hosted");

        Assert.Equal("ubuntu-latest", job.At("runs-on").Text());
        Assert.False(job.Has("timeout-minutes"));
        Assert.False(workflow.Has("concurrency"));
        Assert.False(((YamlSequenceNode)job.At("steps")).Children[1].Has("env"));
    }

    [Fact]
    public void The_text_is_stable_and_says_where_it_comes_from()
    {
        var first = GitHubWorkflows.Generate(typeof(WorkflowBuild));
        var second = GitHubWorkflows.Generate(typeof(WorkflowBuild));

        Assert.Equal(first.Select(f => f.Text), second.Select(f => f.Text));
        Assert.StartsWith("# Written by the build from [GitHubActions(\"image\")] on WorkflowBuild", first[1].Text);
        Assert.DoesNotContain("\r", first[1].Text);
    }

    [Theory]
    [InlineData(typeof(UnknownTargetBuild), "'Deploy' in InvokedTargets is not a target of the build; targets: Compile, Publish.")]
    [InlineData(typeof(UnknownInputBuild), "'colour' in OnWorkflowDispatchInputs is not a parameter of the build; parameters: pull-request, thoroughness, note, attempts, token.")]
    [InlineData(typeof(SecretInputBuild), "'token' is a secret; pass it with ImportSecrets")]
    [InlineData(typeof(BadCronBuild), "OnCronSchedule 'monthly' is not a cron expression of five fields")]
    [InlineData(typeof(BadNameBuild), "[GitHubActions(\"base image\")] on BadNameBuild: the name must be letters, digits, '-' and '_'")]
    [InlineData(typeof(NoTriggerBuild), "no trigger")]
    [InlineData(typeof(InputsWithoutDispatchBuild), "OnWorkflowDispatchInputs needs OnWorkflowDispatch = true")]
    [InlineData(typeof(BadSecretBuild), "'MY-TOKEN' in ImportSecrets is not a secret name")]
    [InlineData(typeof(DuplicateNameBuild), "two workflows have this name")]
    public void A_bad_attribute_is_a_usage_error_naming_the_workflow_and_the_value(Type buildType, string expected)
    {
        var exception = Assert.Throws<UsageException>(() => GitHubWorkflows.Generate(buildType));

        Assert.Contains(expected, exception.Message);
        Assert.Contains($"on {buildType.Name}", exception.Message);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a: b")]
    [InlineData("# not a comment")]
    [InlineData("trailing #")]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("on")]
    [InlineData("123")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("it's")]
    [InlineData("*alias")]
    [InlineData("- dash")]
    [InlineData("[flow]")]
    [InlineData("{map}")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("%directive")]
    [InlineData("@at")]
    [InlineData("`tick")]
    [InlineData("|literal")]
    [InlineData(">folded")]
    [InlineData("two\nlines")]
    [InlineData("tab\there \"quoted\" back\\slash")]
    [InlineData("${{ github.event.inputs.x || 'y' }}")]
    public void Any_text_reads_back_as_itself(string value)
    {
        var parsed = Yaml.Parse($"key: {YamlText.Scalar(value)}\nlist: {YamlText.Sequence([value, "b"])}\n");

        Assert.Equal(value, parsed.At("key").Text());
        Assert.Equal([value, "b"], parsed.At("list").Texts());
    }
}

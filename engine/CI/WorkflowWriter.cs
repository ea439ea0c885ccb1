using System.Text;

namespace Xooo.Engine;

/// <summary>
/// Writes the YAML of one GitHub Actions workflow: triggers, concurrency, and one job on the given runner that
/// checks out the repository and runs <c>./build.sh &lt;targets&gt; --host github-actions</c>, with imported
/// secrets and dispatch inputs passed as environment variables. The output is stable: the same attribute
/// always gives the same bytes, so the committed file can be compared with it.
/// </summary>
public static class WorkflowWriter
{
    public const string CheckoutAction = "actions/checkout@v4";

    /// <param name="targets">The invoked targets, as the build names them.</param>
    /// <param name="inputs">The dispatch inputs, resolved from the build's parameters.</param>
    /// <param name="source">The build class, for the header comment.</param>
    public static string Write(GitHubActionsAttribute workflow, IReadOnlyList<string> targets, IReadOnlyList<WorkflowInput> inputs, string source)
    {
        var yaml = new StringBuilder();
        void Line(int indent, string text) => yaml.Append(' ', indent * 2).Append(text).Append('\n');

        Line(0, $"# Written by the build from [GitHubActions(\"{workflow.Name}\")] on {source}: edit the attribute, not this file.");
        Line(0, "# Any run of ./build.sh outside CI rewrites it; a test fails while it differs from the attribute.");
        Line(0, $"name: {YamlText.Scalar(workflow.Name)}");
        Line(0, "");
        Line(0, "on:");
        if (workflow.OnPushBranches.Length > 0 || workflow.OnPushPaths.Length > 0)
        {
            Line(1, "push:");
            List(yaml, 2, "branches", workflow.OnPushBranches);
            List(yaml, 2, "paths", workflow.OnPushPaths);
        }
        if (workflow.OnCronSchedule is { } cron)
        {
            Line(1, "schedule:");
            Line(2, $"- cron: {YamlText.Scalar(cron)}");
        }
        if (workflow.OnWorkflowDispatch)
        {
            Line(1, "workflow_dispatch:");
            if (inputs.Count > 0)
                Line(2, "inputs:");
            foreach (var input in inputs)
                WriteInput(yaml, input);
        }

        if (workflow.ConcurrencyGroup is { } group)
        {
            Line(0, "");
            Line(0, "concurrency:");
            Line(1, $"group: {YamlText.Scalar(group)}");
            Line(1, $"cancel-in-progress: {(workflow.ConcurrencyCancelInProgress ? "true" : "false")}");
        }

        Line(0, "");
        Line(0, "jobs:");
        Line(1, $"{workflow.Name}:");
        Line(2, $"name: {YamlText.Scalar(workflow.Name)}");
        Line(2, "runs-on: " + (workflow.RunsOn.Length == 1 ? YamlText.Scalar(workflow.RunsOn[0]) : YamlText.Sequence(workflow.RunsOn)));
        if (workflow.TimeoutMinutes > 0)
            Line(2, $"timeout-minutes: {workflow.TimeoutMinutes}");
        Line(2, "steps:");
        Line(3, "- name: Check out");
        Line(4, $"uses: {CheckoutAction}");
        var command = ShellQuoting.Join(targets.Prepend("./build.sh").Concat(workflow.Arguments).Concat(["--host", "github-actions"]));
        Line(3, $"- name: {YamlText.Scalar("Run " + string.Join(' ', targets))}");
        Line(4, $"run: {YamlText.Scalar(command)}");
        if (workflow.ImportSecrets.Length > 0 || inputs.Count > 0)
        {
            Line(4, "env:");
            foreach (var secret in workflow.ImportSecrets)
                Line(5, $"{secret}: ${{{{ secrets.{secret} }}}}");
            foreach (var input in inputs)
                Line(5, $"{input.EnvironmentName}: {YamlText.Scalar(input.Expression)}");
        }
        return yaml.ToString();
    }

    private static void List(StringBuilder yaml, int indent, string key, string[] values)
    {
        if (values.Length == 0)
            return;
        yaml.Append(' ', indent * 2).Append(key).Append(":\n");
        foreach (var value in values)
            yaml.Append(' ', (indent + 1) * 2).Append("- ").Append(YamlText.Scalar(value)).Append('\n');
    }

    private static void WriteInput(StringBuilder yaml, WorkflowInput input)
    {
        void Line(string text) => yaml.Append(' ', 8).Append(text).Append('\n');
        yaml.Append(' ', 6).Append(input.Name).Append(":\n");
        Line($"description: {YamlText.Scalar(input.Description ?? input.Name)}");
        Line($"type: {input.Type}");
        Line("required: false");
        if (input.Default is { } value)
            Line("default: " + (input.Type is "boolean" or "number" ? value : YamlText.Scalar(value)));
        if (input.Options.Count > 0)
        {
            Line("options:");
            foreach (var option in input.Options)
                Line("  - " + YamlText.Scalar(option));
        }
    }
}

namespace Xooo.Engine;

/// <summary>--help: the targets with their direct dependencies and descriptions, then the parameters.</summary>
internal static class HelpPrinter
{
    public static void Print(BuildOutput output, object build, IReadOnlyList<ExecutableTarget> targets)
    {
        output.WriteLine("Usage: ./build.sh [targets] [--parameter value ...]");
        output.WriteLine();
        output.WriteLine("Targets (-> direct dependencies):");
        var listed = targets.Where(t => !t.Definition.IsUnlisted).ToList();
        var width = listed.Max(t => t.Name.Length + (t.IsDefault ? 10 : 0)) + 2;
        foreach (var target in listed)
        {
            var name = target.Name + (target.IsDefault ? " (default)" : "");
            var dependencies = target.ExecutionDependencies.Count > 0 ? " -> " + string.Join(", ", target.ExecutionDependencies.Select(d => d.Name)) : "";
            output.WriteLine($"  {name.PadRight(width)}{target.Description}{dependencies}");
        }

        output.WriteLine();
        output.WriteLine("Parameters:");
        var parameters = ParameterCatalog.Of(build.GetType());
        var rows = parameters.Select(p => ("--" + p.Name, Describe(p, build))).Concat(BuiltIns).ToList();
        var column = rows.Max(r => r.Item1.Length) + 2;
        foreach (var (name, text) in rows)
            output.WriteLine($"  {name.PadRight(column)}{text}");
    }

    private static string Describe(ParameterMember parameter, object build)
    {
        var text = parameter.Description ?? "";
        if (parameter.IsSecret)
            return text + " (secret)";
        var value = parameter.GetValue(build);
        return value switch
        {
            null or false => text,
            string s when s.Length == 0 => text,
            System.Collections.IEnumerable e and not string => text + $" (default: {string.Join(' ', e.Cast<object>())})",
            _ => text + $" (default: {value})",
        };
    }

    private static readonly (string, string)[] BuiltIns =
    [
        ("--help", "Show this help."),
        ("--plan", "Print the plan for the given targets (order, edges, what is skipped and why) and stop."),
        ("--skip [targets]", "Skip the named targets; alone, skip every target not named on the command line."),
        ("--target <targets>", "The targets to run (same as naming them first)."),
        ("--dry-run", "Run the plan without changing anything: print the commands and file edits instead."),
        ("--continue", "Skip targets that succeeded in the last identical run."),
        ("--profile <name>", "Also read .nuke/parameters.<name>.json."),
        ("--root <dir>", "The root directory (default: the folder holding .nuke/)."),
        ("--verbosity <level>", "quiet, minimal, normal (default) or verbose."),
        ("--host <host>", "terminal or github-actions (default: detected)."),
        ("--no-logo", "Do not print the logo line."),
    ];
}

namespace Xooo.Engine;

/// <summary>
/// A workflow_dispatch input, resolved from a build parameter: GitHub's input type (boolean, number, choice,
/// string), its description and default, and the environment variable that carries it to the build.
/// </summary>
public sealed record WorkflowInput(string Name, string Type, string? Description, string? Default, IReadOnlyList<string> Options)
{
    /// <summary>PULL_REQUEST for pull-request: the engine matches environment variables to parameters ignoring case and '_'.</summary>
    public string EnvironmentName => Name.Replace('-', '_').ToUpperInvariant();

    /// <summary>
    /// The input's value, or its default when the run did not start by hand (a push or the schedule, where
    /// there are no inputs). github.event.inputs holds strings, so 'false' is still a value, not a fallback.
    /// </summary>
    public string Expression => Default is null
        ? $"${{{{ github.event.inputs.{Name} }}}}"
        : $"${{{{ github.event.inputs.{Name} || {YamlText.ExpressionLiteral(Default)} }}}}";

    public static WorkflowInput From(ParameterMember parameter, object? defaultValue)
    {
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        var (kind, options) = type == typeof(bool) ? ("boolean", Array.Empty<string>())
            : type == typeof(int) || type == typeof(long) || type == typeof(double) ? ("number", [])
            : type.IsEnum ? ("choice", Enum.GetNames(type))
            : ("string", []);
        var text = defaultValue switch
        {
            null => null,
            bool flag => flag ? "true" : "false",
            IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => defaultValue.ToString(),
        };
        return new WorkflowInput(parameter.Name, kind, parameter.Description, text, options);
    }
}

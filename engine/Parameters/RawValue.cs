namespace Xooo.Engine;

/// <summary>
/// A parameter's value as one source gave it, before conversion: the words of the command line, an
/// environment variable's text (split on white space for an array), or a parameters file's value.
/// </summary>
/// <param name="Origin">Where it came from, for messages; null for the command line, which the option name already says.</param>
/// <param name="IsList">Given as a list (several command-line words, a JSON array): a single-valued parameter refuses it.</param>
internal sealed record RawValue(IReadOnlyList<string> Tokens, string? Origin, bool IsList);

namespace Xooo.Engine;

/// <summary>Quotes words for a POSIX shell, so a printed command line can be pasted back and mean the same.</summary>
internal static class ShellQuoting
{
    private const string PlainCharacters = "-_./:=@,+%^";

    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || PlainCharacters.Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";

    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}

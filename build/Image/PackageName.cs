using System.Text.RegularExpressions;

namespace Xooo.Build.Image;

/// <summary>Python distribution names as pip compares them: PEP 503 normalisation and PEP 508 validity.</summary>
public static partial class PackageName
{
    /// <summary>Lower case, runs of '-', '_' and '.' become one '-': SQLAlchemy → sqlalchemy, python_dotenv → python-dotenv.</summary>
    public static string Normalize(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    public static bool IsValid(string name) => Valid().IsMatch(name);

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();

    [GeneratedRegex("^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$")]
    private static partial Regex Valid();
}

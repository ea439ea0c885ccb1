using System.Text.RegularExpressions;

namespace Xooo.Build.Deployer;

/// <summary>The pull-request branch: named after the image and the day, e.g. xooo-backend-base/latest-2026-12-04.</summary>
public static partial class PullRequestBranch
{
    public static string Name(string imageName, string imageTag, DateTimeOffset now) =>
        $"{Clean(imageName)}/{Clean(imageTag)}-{now.UtcDateTime:yyyy-MM-dd}";

    // A registry host or port in the image name ("registry:5000/base") has characters a branch name may not hold.
    private static string Clean(string part) => Unsafe().Replace(part, "-").Trim('-', '.', '/');

    [GeneratedRegex(@"[^A-Za-z0-9._/-]+|\.{2,}|/{2,}")]
    private static partial Regex Unsafe();
}

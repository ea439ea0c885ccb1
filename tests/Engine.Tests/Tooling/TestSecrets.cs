namespace Xooo.Engine.Tests.Tooling;

internal static class TestSecrets
{
    /// <summary>A fresh secret, registered, that no other test shares (Secrets is process wide).</summary>
    public static string Register()
    {
        var secret = "ghp_" + Guid.NewGuid().ToString("N");
        Secrets.Register(secret);
        return secret;
    }
}

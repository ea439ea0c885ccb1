namespace Xooo.Build.Deployer;

/// <summary>The nixpacks.toml written when the deployer has none: the settings, and comments saying why.</summary>
internal static class NixpacksTemplate
{
    public static string Create(string buildImage) => $$"""
        # Written by the xooo-backend-base build (UpdateNixpacksToml); edits by hand are kept on later runs.
        # Apps build FROM the base image, which already holds Python 3.11 with a venv at /opt/venv, the pinned
        # packages, PostgREST, curl, wget and jq. Nixpacks writes FROM <buildImage> and never pulls it, so the
        # image built on this server is the one used.
        buildImage = "{{buildImage}}"
        # Without a provider Nixpacks detects nothing and Coolify aborts the deployment.
        providers = ["{{NixpacksConfig.PythonProvider}}"]

        # An array here replaces the provider's: empty lists install nothing the image already has, and the one
        # command only says so in the deployment log.
        [phases.setup]
        nixPkgs = []
        nixLibs = []
        aptPkgs = []
        cmds = ["{{NixpacksConfig.NoOpSetupCommand}}"]

        """;
}

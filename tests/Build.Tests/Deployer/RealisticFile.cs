namespace Xooo.Build.Tests.Deployer;

/// <summary>
/// A nixpacks.toml as the deployer had it before the base image: comments, blank lines, a commented multi-line
/// install array, and an old-style setup phase that installs Nix packages and runs a venv and PostgREST install.
/// </summary>
internal static class RealisticFile
{
    public const string Before = """
        # nixpacks.toml for the generated FastAPI backends (read by Coolify on every deployment).
        # Keep the provider explicit: without it Nixpacks detects nothing.
        providers = ["python"]   # the only provider we use

        [variables]
        PYTHONUNBUFFERED = "1"
        PIP_DISABLE_PIP_VERSION_CHECK = "1"

        # Old setup: Nix Python plus a venv and PostgREST, installed on every build (~43 s).
        [phases.setup]
        nixPkgs = ["python311", "gcc", "postgresql_16"]  # python + build deps
        nixLibs = ["zlib", "stdenv.cc.cc.lib"]
        cmds = [
            "python -m venv --copies /opt/venv",
            # PostgREST for the generated REST layer
            "curl -fsSL https://github.com/PostgREST/postgrest/releases/download/v12.2.3/postgrest-v12.2.3-linux-static-x64.tar.xz | tar -xJ -C /usr/local/bin",
            "chmod +x /usr/local/bin/postgrest",
        ]   # venv + PostgREST on every build

        [phases.install]
        # Earlier install, kept for reference:
        # cmds = [
        #     "pip install --upgrade pip",
        #     "pip install -r requirements.txt",
        # ]
        cmds = ["/opt/venv/bin/pip install -r requirements.txt"]

        [start]
        cmd = "/opt/venv/bin/uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"

        """;

    public const string After = """
        # nixpacks.toml for the generated FastAPI backends (read by Coolify on every deployment).
        # Keep the provider explicit: without it Nixpacks detects nothing.
        providers = ["python"]   # the only provider we use
        buildImage = "xooo-backend-base:latest"

        [variables]
        PYTHONUNBUFFERED = "1"
        PIP_DISABLE_PIP_VERSION_CHECK = "1"

        # Old setup: Nix Python plus a venv and PostgREST, installed on every build (~43 s).
        [phases.setup]
        nixPkgs = []  # python + build deps
        nixLibs = []
        cmds = ["echo 'xooo-backend-base: setup done in the image'"]   # venv + PostgREST on every build
        aptPkgs = []

        [phases.install]
        # Earlier install, kept for reference:
        # cmds = [
        #     "pip install --upgrade pip",
        #     "pip install -r requirements.txt",
        # ]
        cmds = ["/opt/venv/bin/pip install -r requirements.txt"]

        [start]
        cmd = "/opt/venv/bin/uvicorn main:app --host 0.0.0.0 --port ${PORT:-8000}"

        """;
}

using Xooo.Engine;

namespace Xooo.Build;

// The parameters every target reads; their names are relied on by the README, the workflow and other issues.
public sealed partial class Build
{
    [Parameter("Name of the base image")]
    readonly string ImageName = "xooo-backend-base";

    [Parameter("Tag that deployments use")]
    readonly string ImageTag = "latest";

    [Parameter("Parent image of the base image")]
    readonly string PythonImage = "python:3.11-slim-bookworm";

    [Parameter("Python package index for pip inside the build (PEP 503 simple index)")]
    readonly string? PipIndexUrl;

    [Parameter("Download address of the PostgREST release archive")]
    readonly string PostgrestUrl = "https://github.com/PostgREST/postgrest/releases/download/v12.2.3/postgrest-v12.2.3-linux-static-x64.tar.xz";

    [Parameter("SHA-256 the PostgREST archive must have (default: the pin recorded in base-image/)")]
    readonly string? PostgrestSha256;

    [Parameter("Folder holding the Dockerfile and requirements.txt")]
    readonly string BaseImageDirectory = "base-image";

    [Parameter("Build even when the image is up to date")]
    readonly bool Force;

    [Parameter("Rebuild an image older than this many days (the monthly security rebuild)")]
    readonly int MaxAgeDays = 30;

    [Parameter("Status: also print the status as JSON (and write .nuke/temp/image-status.json) for scripts")]
    readonly bool Json;

    [Parameter("Docker daemon address (default: the DOCKER_HOST environment variable, else the local socket)")]
    readonly string? DockerHost;

    [Parameter("Git address of the deployer repository (a local path or file URL works)")]
    readonly string DeployerRepository = "https://github.com/XOOO-No-Code-Software-Development/coolify-nixpacks-deployer.git";

    [Parameter("Branch of the deployer repository")]
    readonly string DeployerBranch = "main";

    [Parameter("Where the deployer repository is cloned (default: .nuke/temp/deployer)")]
    readonly string? DeployerDirectory;

    [Parameter("GitHub token for pushing and pull requests (also GITHUB_TOKEN)", Name = "github-token")]
    [Secret]
    readonly string? GitHubToken;

    [Parameter("owner/name of the deployer repository on GitHub, when --deployer-repository does not say (a local path or a mirror)", Name = "github-repository")]
    readonly string? GitHubRepository;

    [Parameter("GitHub API address (GitHub Enterprise, or a test server)", Name = "github-api-url")]
    readonly string GitHubApiUrl = "https://api.github.com";

    [Parameter("Push a branch and open a pull request instead of pushing to the branch")]
    readonly bool PullRequest;

    [Parameter("Commit message for the deployer change")]
    readonly string CommitMessage = "Use xooo-backend-base image for faster deployments";
}

using Serilog;
using Xooo.Build.Image;
using Xooo.Engine;

namespace Xooo.Build;

// Restore, BuildBaseImage, Verify, Status and Rollback: the base image's targets. The work is in build/Image/.
public sealed partial class Build
{
    BaseImageInputs? _inputs;
    DockerClient? _docker;
    string? _parentImageId;

    // Set when BuildBaseImage ran in this invocation: Verify then checks the candidate, or nothing when up to date.
    BuildDecision? _buildDecision;

    ImageNames Names => new(ImageName, ImageTag);
    DockerClient Docker => _docker ??= new DockerClient(Tools, DockerHost);
    BaseImageInputs Inputs => _inputs ??= BaseImageInputs.Load(new BaseImageSettings(
        RootDirectory / BaseImageDirectory, PythonImage, PipIndexUrl, PostgrestUrl, PostgrestSha256));
    // A dry run builds nothing, so the missing PostgREST pin is only a warning there: the preview goes on.
    IReadOnlyList<string> BlockingProblems => IsDryRun ? [.. Inputs.Problems.Where(p => p != Inputs.PinProblem)] : Inputs.Problems;
    AbsolutePath VerifyReportFile => TemporaryDirectory / VerificationReport.FileName;

    async Task RestoreInputs(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        string? version = null;
        try
        {
            version = await Docker.ServerVersionAsync(cancellationToken);
        }
        catch (DockerException exception) when (IsDryRun)
        {
            // A laptop with the docker CLI but no engine still gets a complete preview; a real build stops here.
            Log.Warning("A real build would stop here: {Problem}", exception.Message);
        }
        catch (DockerException exception)
        {
            problems.Add(exception.Message);
        }
        problems.AddRange(BlockingProblems);
        if (IsDryRun && Inputs.PinProblem is { } pinProblem)
            Log.Warning("A real build would stop here: {Problem}", pinProblem);
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"Restore found {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        if (version is null && ProgramLocator.Find("docker") is null)
            Log.Warning("docker is not on PATH: the dry run goes on without it and prints the docker commands");

        var parent = await Docker.InspectImageAsync(PythonImage, cancellationToken);
        if (parent is null)
        {
            await Docker.PullAsync(PythonImage, cancellationToken);
            parent = await Docker.InspectImageAsync(PythonImage, cancellationToken);
        }
        _parentImageId = parent?.Id;
        ReportSummary($"docker {version ?? "absent (dry run)"}; {Inputs.Requirements.Count} pinned requirements; "
            + $"PostgREST pin {(Inputs.Pin is { } pin ? "from " + pin.Source : "missing")}; parent {PythonImage} {DockerIds.Short(_parentImageId)}");
    }

    async Task BuildCandidate(CancellationToken cancellationToken)
    {
        if (BlockingProblems.Count > 0)
            throw new InvalidOperationException("The base-image inputs have problems (run Restore to list them all): " + BlockingProblems[0]);
        var parentId = _parentImageId ?? (await Docker.InspectImageAsync(PythonImage, cancellationToken))?.Id;
        if (parentId is null && !IsDryRun)
            throw new DockerException($"The parent image {PythonImage} is not here: run Restore, which pulls it.");
        var inputsHash = Inputs.HashWith(parentId ?? "unknown");
        var now = DateTimeOffset.UtcNow;
        var latest = await Docker.InspectImageAsync(Names.Latest, cancellationToken);
        _buildDecision = BuildDecision.Decide(latest, Names.Latest, inputsHash, MaxAgeDays, Force, now);
        if (!_buildDecision.Build)
        {
            Log.Information("{Reason}", _buildDecision.Reason);
            ReportSummary(_buildDecision.Reason);
            return;
        }

        Log.Information("Building {Candidate}: {Reason}", Names.Candidate, _buildDecision.Reason);
        var (revision, source) = await SourceControl.ReadAsync(Tools, RootDirectory, cancellationToken);
        var labels = ImageBuilder.Labels(Inputs, inputsHash, now, revision, source);
        var id = await new ImageBuilder(Docker).BuildCandidateAsync(Inputs, Names, labels, TemporaryDirectory / "base-image.iid", cancellationToken);
        ReportSummary(id is null
            ? $"dry run: would build {Names.Candidate} ({_buildDecision.Reason})"
            : $"built {Names.Candidate} {DockerIds.Short(id)} ({_buildDecision.Reason})");
    }

    async Task VerifyAndPromote(CancellationToken cancellationToken)
    {
        if (_buildDecision is { Build: false })
        {
            Log.Information("Nothing new to verify: {Latest} was verified before it was promoted", Names.Latest);
            ReportSummary("nothing built, nothing to verify");
            return;
        }
        if (Inputs.RequirementProblems.Count > 0)
            throw new InvalidOperationException("requirements.txt has bad lines, so Verify cannot tell what must be installed:"
                + Environment.NewLine + string.Join(Environment.NewLine, Inputs.RequirementProblems.Select(p => "  - " + p)));

        var checksCandidate = _buildDecision is not null;
        var image = checksCandidate ? Names.Candidate : Names.Latest;
        var report = await new ImageVerifier(Docker).VerifyAsync(
            image, Inputs.Requirements, PostgrestPin.ExpectedVersion(PostgrestUrl), SecretValues(), cancellationToken);
        foreach (var line in report.Table())
            Log.Information("  {Line}", line);
        WriteReport(VerifyReportFile, report.ToJson());

        if (report.Failures.Count > 0)
            throw new InvalidOperationException($"Verify failed on {image}, so {Names.Latest} did not move. {report.Summary}:{Environment.NewLine}"
                + string.Join(Environment.NewLine, report.Failures.Select(f => $"  - {f.Name}: {f.Detail}")));
        if (!checksCandidate)
        {
            ReportSummary($"{report.Summary} ({Names.Latest}; nothing moves)");
            return;
        }
        var moved = await new ImagePromoter(Docker).PromoteAsync(Names, cancellationToken);
        Log.Information("Promoted: {Moved}", moved);
        ReportSummary(IsDryRun ? "dry run: checks and promotion printed, not run" : $"{report.Summary}; {moved}");
    }

    async Task ShowStatus(CancellationToken cancellationToken)
    {
        string? inputsHash = null;
        if (Inputs.Problems.Count == 0 && await Docker.InspectImageAsync(PythonImage, cancellationToken) is { } parent)
            inputsHash = Inputs.HashWith(parent.Id);
        var status = await new ImageStatus(Docker).ReadAsync(
            Names, inputsHash, MaxAgeDays, VerificationReport.Read(VerifyReportFile), DateTimeOffset.UtcNow, cancellationToken);
        foreach (var line in status.Lines())
            Log.Information("{Line}", line);
        foreach (var warning in status.Warnings)
            Log.Warning("{Warning}", warning);
        if (Json)
        {
            var json = status.ToJson();
            WriteReport(TemporaryDirectory / StatusReport.FileName, json);
            BuildOutput.Current.WriteLine(json);
        }
        ReportSummary(status.Latest.Id is null
            ? $"no {Names.Latest}"
            : $"{Names.Latest} {DockerIds.Short(status.Latest.Id)}, {status.Latest.AgeDays:0.#} days old, {status.Warnings.Count} warning(s)");
    }

    async Task RollbackImage(CancellationToken cancellationToken)
    {
        var moved = await new ImagePromoter(Docker).RollbackAsync(Names, cancellationToken);
        Log.Information("{Moved}", moved);
        ReportSummary(moved);
    }

    // Reports are for people and scripts after the run; a dry run leaves none (and its diff would only be noise).
    void WriteReport(AbsolutePath path, string json)
    {
        if (IsDryRun)
            return;
        Directory.CreateDirectory(path.Parent);
        File.WriteAllText(path, json);
        Log.Information("Report: {Path}", path);
    }

    // Values that must never end up in the image: Verify looks for them in its history, environment and labels.
    string[] SecretValues() => [.. new[] { GitHubToken }.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];
}

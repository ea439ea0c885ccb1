namespace Xooo.Build;

// Clone, UpdateNixpacksToml and CommitAndPush: the deployer repository's targets (issue: the deployer).
public sealed partial class Build
{
    void CloneDeployer() => throw new NotBuiltYetException(nameof(Clone));

    void UpdateNixpacks() => throw new NotBuiltYetException(nameof(UpdateNixpacksToml));

    void CommitAndPushDeployer() => throw new NotBuiltYetException(nameof(CommitAndPush));
}

namespace Xooo.Build;

// Restore, BuildBaseImage, Verify, Status and Rollback: the base image's targets (issue: the base image).
public sealed partial class Build
{
    void RestoreInputs() => throw new NotBuiltYetException(nameof(Restore));

    void BuildCandidate() => throw new NotBuiltYetException(nameof(BuildBaseImage));

    void VerifyAndPromote() => throw new NotBuiltYetException(nameof(Verify));

    void ShowStatus() => throw new NotBuiltYetException(nameof(Status));

    void RollbackImage() => throw new NotBuiltYetException(nameof(Rollback));
}

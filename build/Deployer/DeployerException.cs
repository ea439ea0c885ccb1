namespace Xooo.Build.Deployer;

/// <summary>
/// The deployer repository is not in a state the build may touch, or a step failed in a way the operator must
/// resolve. The message says what was found and what to do; nothing was reset, stashed or deleted.
/// </summary>
public sealed class DeployerException(string message) : Exception(message);

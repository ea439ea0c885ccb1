namespace Xooo.Engine;

/// <summary>What happens to a skipped target's dependencies.</summary>
public enum DependencyBehavior
{
    /// <summary>Skip them too, unless something still scheduled needs them (the default).</summary>
    Skip,

    /// <summary>Run them anyway.</summary>
    Execute,
}

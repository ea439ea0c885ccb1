namespace Xooo.Build;

/// <summary>A target whose body has not been built: it fails loudly rather than report a success it did not earn.</summary>
public sealed class NotBuiltYetException(string target)
    : Exception($"Target {target} is not built yet: its body lands with its own issue.");

namespace Xooo.Engine;

/// <summary>Bad usage: an unknown target or parameter, a bad value, a cycle. The build exits with code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

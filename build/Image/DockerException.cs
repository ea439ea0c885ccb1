namespace Xooo.Build.Image;

/// <summary>Docker is missing, does not answer, or refused a request; the message says which and what to do.</summary>
public sealed class DockerException(string message) : Exception(message);

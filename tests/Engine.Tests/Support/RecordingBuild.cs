using Xooo.Engine;

namespace Engine.Tests.Support;

/// <summary>A base for test builds whose targets record, in order, that they ran.</summary>
public abstract class RecordingBuild : NukeBuild
{
    public List<string> Ran { get; } = [];

    protected void Record(string name)
    {
        lock (Ran)
            Ran.Add(name);
    }
}

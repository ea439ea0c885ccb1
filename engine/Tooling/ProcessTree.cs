using System.Runtime.InteropServices;

namespace Xooo.Engine;

/// <summary>
/// A process and its descendants, read from /proc. Killing the direct child is not enough: a shell's
/// background job, or a grandchild that the child left behind when it exited on Ctrl+C, is re-parented and
/// would survive the build (holding our output pipes open). Each member carries its start time so a process
/// id the system has since given to someone else is never signalled.
/// </summary>
internal static class ProcessTree
{
    public const int Interrupt = 2;
    public const int Kill = 9;

    public readonly record struct Member(int Id, long StartTime);

    /// <summary>The process itself first, then its descendants (breadth first). Elsewhere than Linux: the process alone.</summary>
    public static IReadOnlyList<Member> Snapshot(int rootId) => SnapshotOf([rootId]);

    /// <summary>The members still alive, with whatever descendants they have now.</summary>
    public static IReadOnlyList<Member> Survivors(IEnumerable<Member> members) =>
        SnapshotOf(members.Where(IsAlive).Select(m => m.Id));

    public static bool IsAlive(Member member) =>
        ReadStat(member.Id) is { } stat && stat.State != 'Z' && (member.StartTime == 0 || stat.StartTime == member.StartTime);

    /// <summary>Sends a signal to each member still alive; returns how many were signalled.</summary>
    public static int Signal(IEnumerable<Member> members, int signal)
    {
        var signalled = 0;
        foreach (var member in members)
            if (IsAlive(member) && SendSignal(member.Id, signal) == 0)
                signalled++;
        return signalled;
    }

    private static IReadOnlyList<Member> SnapshotOf(IEnumerable<int> roots)
    {
        var all = OperatingSystem.IsLinux() ? ReadAll() : [];
        var result = new List<Member>();
        var seen = new HashSet<int>();
        var queue = new Queue<int>(roots);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id))
                continue;
            result.Add(new Member(id, all.TryGetValue(id, out var stat) ? stat.StartTime : 0));
            foreach (var (child, childStat) in all)
                if (childStat.ParentId == id)
                    queue.Enqueue(child);
        }
        return result;
    }

    private static Dictionary<int, Stat> ReadAll()
    {
        var all = new Dictionary<int, Stat>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(directory), out var id) && ReadStat(id) is { } stat)
                all[id] = stat;
        return all;
    }

    private readonly record struct Stat(char State, int ParentId, long StartTime);

    private static Stat? ReadStat(int id)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{id}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // The command name is in parentheses and may itself hold spaces or parentheses: read after the last one.
        var fields = text[(text.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 19 && int.TryParse(fields[1], out var parent) && long.TryParse(fields[19], out var start)
            ? new Stat(fields[0][0], parent, start)
            : null;
    }

    private static int SendSignal(int id, int signal)
    {
        try
        {
            return OperatingSystem.IsWindows() ? -1 : NativeKill(id, signal);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int NativeKill(int pid, int signal);
}

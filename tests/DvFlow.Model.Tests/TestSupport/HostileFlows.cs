using System.Diagnostics;
using System.Text;

namespace DvFlow.Model.Tests.TestSupport;

/// <summary>
/// The inputs of issue #16 that once exhausted memory or time, shared by the model's tests and the SDK's memory-capped
/// builds (linked into DvFlow.Sdk.Tests), so both test the same text.
/// </summary>
internal static class HostileFlows
{
    /// <summary>A 100,000-character anchor, then three levels of lists of ten aliases: 30 nodes, 100 M characters expanded (line 19, column 17: '*a2').</summary>
    public static readonly string AliasBombInCharacters =
        "package:\n  name: bomb\n  tasks:\n  - name: t\n    uses: std.Message\n    with:\n      msg: &a0 \"" + new string('x', 100_000) + "\"\n"
        + string.Concat(Enumerable.Range(1, 3).Select(i =>
            $"  - name: t{i}\n    uses: std.Message\n    with:\n      msg: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n"));

    /// <summary>p0 is 1,000,000 characters and each of p1..p8 doubles the one before: 256 M characters at p8 (p4 is on line 8).</summary>
    public static readonly string TemplateDoubling =
        "package:\n  name: dbl\n  with:\n    p0: {type: str, value: \"" + new string('y', 1_000_000) + "\"}\n"
        + string.Concat(Enumerable.Range(1, 8).Select(i => $"    p{i}: {{type: str, value: \"${{{{ p{i - 1} }}}}${{{{ p{i - 1} }}}}\"}}\n"))
        + "  tasks:\n  - root: t\n    uses: std.Message\n    with: {msg: \"${{ p8 }}\"}\n";

    /// <summary>200,000 nested '[' in a flow mapping on line 6.</summary>
    public static readonly string NestedBrackets =
        "package:\n  name: z\n  tasks:\n  - root: t\n    uses: std.Message\n    with: {msg: " + new string('[', 200_000) + "}\n";

    /// <summary>Compounds c0..c(depth-1) nested in each other's bodies around a leaf; with <paramref name="inherit"/>, c1 and deeper share c0's run directory.</summary>
    public static string NestedCompounds(int depth, bool inherit)
    {
        var sb = new StringBuilder("package:\n  name: deep\n  tasks:\n");
        var indent = "  ";
        for (var i = 0; i < depth; i++)
        {
            sb.Append($"{indent}- name: c{i}\n");
            // One line more per level either way, so that the lines are where NestedCompoundLine says.
            sb.Append(inherit && i > 0 ? $"{indent}  rundir: inherit\n" : $"{indent}  desc: level {i}\n");
            sb.Append($"{indent}  body:\n");
            indent += "    ";
        }
        sb.Append($"{indent}- name: leaf\n{indent}  uses: std.Message\n{indent}  with: {{msg: deep leaf reached}}\n");
        return sb.ToString();
    }

    /// <summary>The line of compound c<paramref name="level"/> in <see cref="NestedCompounds"/>.</summary>
    public static int NestedCompoundLine(int level) => 4 + (3 * level);

    /// <summary>How many directories <see cref="MakeLinkLoops"/> creates.</summary>
    public const int LinkedDirectories = 10;

    /// <summary>
    /// Directories d0..d9 under <paramref name="root"/>, each holding a fragment with task t<i>i</i> and links to every other
    /// one, to itself and to its parent: searched naively, 10^depth paths until the path is too long.
    /// </summary>
    public static void MakeLinkLoops(string root)
    {
        for (var i = 0; i < LinkedDirectories; i++)
        {
            var dir = Directory.CreateDirectory(Path.Combine(root, $"d{i}")).FullName;
            File.WriteAllText(Path.Combine(dir, "flow.yaml"), $"fragment:\n  tasks:\n  - name: t{i}\n    uses: std.Message\n");
        }
        for (var i = 0; i < LinkedDirectories; i++)
        {
            var dir = Path.Combine(root, $"d{i}");
            for (var j = 0; j < LinkedDirectories; j++)
                if (j != i) Directory.CreateSymbolicLink(Path.Combine(dir, $"l{j}"), $"../d{j}");
            Directory.CreateSymbolicLink(Path.Combine(dir, "self"), ".");
            Directory.CreateSymbolicLink(Path.Combine(dir, "parent"), "..");
        }
    }

    /// <summary>A tree of <paramref name="directories"/> empty directories in groups of 100 below <paramref name="root"/>.</summary>
    public static void MakeWideTree(string root, int directories)
    {
        for (var i = 0; i < directories; i++) Directory.CreateDirectory(Path.Combine(root, $"g{i / 100}", $"d{i % 100}"));
    }

    /// <summary>Makes a named pipe with mkfifo(1) (coreutils; .NET has no API for it).</summary>
    public static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("mkfifo could not be started");
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"mkfifo {path} failed: {err}");
    }
}

using System.Text.RegularExpressions;

namespace DvFlow.HdlSim;

/// <summary>
/// Finds the files a Verilog source includes, transitively, for simulators that do not report their
/// inputs (VCS, Xcelium, Questa): <c>`include "name"</c> resolved against the including file's directory,
/// then the include directories in order, as the compilers search. Includes that resolve nowhere (or
/// name a macro) are left out: the compiler reports those itself.
/// </summary>
public static partial class IncludeScanner
{
    [GeneratedRegex(@"`include\s+""(?<name>[^""]+)""")]
    private static partial Regex Include();

    /// <summary>The included files of <paramref name="sources"/> (absolute, each once, in discovery order).</summary>
    public static IReadOnlyList<string> Scan(IEnumerable<string> sources, IReadOnlyList<string> incdirs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        var pending = new Stack<string>(sources.Select(s => Path.GetFullPath(s)).Reverse());
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var file = pending.Pop();
            if (!visited.Add(file) || !File.Exists(file)) continue;
            var dir = Path.GetDirectoryName(file)!;
            var includes = new List<string>();
            foreach (var line in File.ReadLines(file))
            {
                // A line comment hides what follows it (a commented-out include is not read by the compiler).
                var code = line.IndexOf("//", StringComparison.Ordinal) is var c and >= 0 ? line[..c] : line;
                foreach (Match m in Include().Matches(code))
                    if (Resolve(m.Groups["name"].Value, dir, incdirs) is { } inc && seen.Add(inc))
                    {
                        found.Add(inc);
                        includes.Add(inc);
                    }
            }
            for (var i = includes.Count - 1; i >= 0; i--) pending.Push(includes[i]);
        }
        return found;
    }

    private static string? Resolve(string name, string dir, IReadOnlyList<string> incdirs)
    {
        if (Path.IsPathRooted(name)) return File.Exists(name) ? Path.GetFullPath(name) : null;
        return new[] { dir }.Concat(incdirs).Select(d => Path.GetFullPath(name, d)).FirstOrDefault(File.Exists);
    }
}

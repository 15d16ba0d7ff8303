namespace DvFlow.HdlSim.Native;

/// <summary>
/// Reads the make-style dependency files a C compiler writes with <c>-MD -MF</c>
/// (<c>target.o: src.c header.h \</c> continued over lines): every file the object was built from.
/// </summary>
public static class MakeDepFile
{
    /// <summary>The prerequisites listed in <paramref name="content"/>, resolved against <paramref name="baseDir"/>.</summary>
    public static IReadOnlyList<string> Parse(string content, string baseDir)
    {
        var text = content.Replace("\\\r\n", " ").Replace("\\\n", " ");
        var result = new List<string>();
        foreach (var rule in text.Split('\n'))
        {
            // "target: deps"; a target never holds ": " (gcc escapes nothing else we need here).
            var sep = rule.IndexOf(": ", StringComparison.Ordinal);
            if (sep < 0) continue;
            foreach (var dep in rule[(sep + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                result.Add(Path.GetFullPath(dep, baseDir));
        }
        return result.Distinct(StringComparer.Ordinal).ToList();
    }
}

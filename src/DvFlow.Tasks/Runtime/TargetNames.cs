namespace DvFlow.Tasks.Runtime;

/// <summary>
/// How flow task names become MSBuild target names. MSBuild rejects '.' in target names given with
/// -t (MSB5016) and compares names case-insensitively, so every node gets a canonical target
/// <c>DvFlow_pkg__task</c> ('.' becomes "__"), and root-package tasks also get their short name unless it
/// collides with a standard target.
/// </summary>
public static class TargetNames
{
    /// <summary>Targets the SDK defines itself; flow tasks with these names are reached by their canonical target.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Build", "Rebuild", "Clean", "Restore", "Test", "Pack", "Publish", "Run", "DvFlowRun", "DvFlowShow", "DvFlowValidate", "DvFlowGraph",
    };

    /// <summary>The canonical target of a node.</summary>
    public static string Canonical(string nodeName)
    {
        var sb = new System.Text.StringBuilder("DvFlow_", nodeName.Length + 12);
        foreach (var c in nodeName)
        {
            if (c == '.') sb.Append("__");
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-') sb.Append(c);
            else sb.Append('_');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The target of each of <paramref name="nodeNames"/>, unique as MSBuild compares them (ignoring case). The canonical
    /// form maps several names to one (<c>A</c> and <c>a</c>; <c>a.b</c> and <c>a__b</c>): of those, the first in ordinal
    /// order keeps it and each other gets <c>_</c> and 8 hex digits of its name's hash, so a name's target does not depend
    /// on the order tasks are declared in.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<string> nodeNames)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var groups = nodeNames.Distinct(StringComparer.Ordinal).GroupBy(Canonical, StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var g in groups) taken.Add(g.Key);
        foreach (var g in groups)
        {
            var members = g.OrderBy(n => n, StringComparer.Ordinal).ToList();
            result[members[0]] = Canonical(members[0]);
            foreach (var name in members.Skip(1))
            {
                var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name))).ToLowerInvariant();
                var target = Canonical(name) + "_" + hash[..8];
                for (var i = 2; !taken.Add(target); i++) target = Canonical(name) + "_" + hash[..8] + "_" + i;
                result[name] = target;
            }
        }
        return result;
    }

    /// <summary>True when a short task name can be its own target.</summary>
    public static bool CanAlias(string shortName)
        => !Reserved.Contains(shortName) && !shortName.StartsWith("DvFlow", StringComparison.OrdinalIgnoreCase) && !shortName.StartsWith('_')
           && shortName.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}

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

    /// <summary>True when a short task name can be its own target.</summary>
    public static bool CanAlias(string shortName)
        => !Reserved.Contains(shortName) && !shortName.StartsWith("DvFlow", StringComparison.OrdinalIgnoreCase) && !shortName.StartsWith('_')
           && shortName.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}

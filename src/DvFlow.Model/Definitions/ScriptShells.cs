using System.Collections.Frozen;

namespace DvFlow.Model.Definitions;

/// <summary>The <c>shell:</c> values whose <c>run:</c> is a script (its <c>${{ }}</c> are expanded before it runs), as dfm knows them.</summary>
public static class ScriptShells
{
    /// <summary>The script shells; <c>shell</c> means the default shell (bash).</summary>
    public static readonly FrozenSet<string> Names = new[] { "bash", "sh", "csh", "tcsh", "zsh", "shell" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="shell"/> runs its <c>run:</c> as a script.</summary>
    public static bool Contains(string shell) => Names.Contains(shell);
}

namespace DvFlow.HdlSim.Native;

/// <summary>What a simulator adds to compile and link a library it loads: compile flags (its headers) and link flags.</summary>
public sealed record NativeToolFlags(IReadOnlyList<string> CFlags, IReadOnlyList<string> LdFlags)
{
    /// <summary>No extra flags.</summary>
    public static NativeToolFlags None { get; } = new([], []);
}

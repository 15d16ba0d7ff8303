namespace DvFlow.HdlSim;

/// <summary>
/// A VPI library to load: its absolute path and, when its FileSet carries the attribute <c>entrypoint=NAME</c>,
/// the function that registers it (called instead of walking <c>vlog_startup_routines</c>).
/// </summary>
public sealed record VpiLib(string Path, string? EntryPoint = null)
{
    /// <summary>The attribute prefix naming the entry point on a verilogVPI FileSet.</summary>
    public const string EntryPointAttribute = "entrypoint=";

    /// <summary>The entry point among a FileSet's attributes, or null.</summary>
    public static string? EntryPointOf(IEnumerable<string> attributes)
        => attributes.FirstOrDefault(a => a.StartsWith(EntryPointAttribute, StringComparison.Ordinal))?[EntryPointAttribute.Length..] is { Length: > 0 } e ? e : null;

    /// <summary><c>path:entry</c> as VCS's <c>-load</c>, Xcelium's <c>-loadvpi</c> and Questa's <c>-pli</c> take it, or <paramref name="fallback"/> as the entry.</summary>
    public string WithEntry(string? fallback = null) => (EntryPoint ?? fallback) is { } e ? $"{Path}:{e}" : Path;

    /// <inheritdoc />
    public override string ToString() => EntryPoint is null ? Path : $"{Path} (entry point {EntryPoint})";
}

namespace DvFlow.Model.Graph;

/// <summary>How a task decides that it can be skipped.</summary>
public sealed record UptodateSpec(UptodateKind Kind, string? Check)
{
    /// <summary>The built-in check: parameters, inputs and input files unchanged.</summary>
    public static readonly UptodateSpec Default = new(UptodateKind.Default, null);
    /// <summary><c>uptodate: false</c>: always run.</summary>
    public static readonly UptodateSpec Never = new(UptodateKind.Never, null);
}

/// <summary>The kinds of up-to-date check.</summary>
public enum UptodateKind
{
    /// <summary>The built-in check.</summary>
    Default,
    /// <summary>Always run.</summary>
    Never,
    /// <summary>The built-in check, then a named custom check.</summary>
    Custom,
}

namespace DvFlow.Model.Definitions;

/// <summary>Where a task runs.</summary>
public enum RundirMode
{
    /// <summary>A directory of its own (the default).</summary>
    Unique,
    /// <summary>The directory of the enclosing compound task.</summary>
    Inherit,
}

using Microsoft.Build.Framework;

namespace DvFlow.Tasks.Build;

/// <summary>
/// An error at a place in a flow file, for generated targets that must fail without running anything (MSBuild's own
/// Error task takes a file but no line or column, and the line is what an IDE jumps to).
/// </summary>
public sealed class DvFlowLocatedError : Microsoft.Build.Utilities.Task
{
    /// <summary>The diagnostic code.</summary>
    [Required] public string Code { get; set; } = "";
    /// <summary>The message.</summary>
    [Required] public string Text { get; set; } = "";
    /// <summary>The flow file.</summary>
    public string File { get; set; } = "";
    /// <summary>Its line (0: none).</summary>
    public int Line { get; set; }
    /// <summary>Its column (0: none).</summary>
    public int Column { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        Log.LogError(null, Code, null, File, Line, Column, 0, 0, "{0}", Text);
        return false;
    }
}

namespace DvFlow.Model.Definitions;

/// <summary>Visibility flags of a task (<c>scope:</c> or the inline markers <c>root:</c>, <c>export:</c>, <c>local:</c>).</summary>
[Flags]
public enum TaskScope
{
    /// <summary>Visible inside its package only (the default).</summary>
    None = 0,
    /// <summary>An entry point: listed by DvFlowShow and invocable as a target by its short name.</summary>
    Root = 1,
    /// <summary>Visible to other packages.</summary>
    Export = 2,
    /// <summary>Visible only inside the fragment (file) that declares it.</summary>
    Local = 4,
}

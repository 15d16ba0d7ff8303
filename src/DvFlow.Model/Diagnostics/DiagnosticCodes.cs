namespace DvFlow.Model.Diagnostics;

/// <summary>
/// The stable codes of flow diagnostics. They appear in MSBuild output (<c>error DVF1001: ...</c>),
/// so users can search for them and suppress warnings with <c>NoWarn</c>. Documented in docs/diagnostics.md.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>A short target name (<c>-t:NAME</c>) that names several root-package tasks differing only in case.</summary>
    public const string AmbiguousTarget = "DVF0017";
    /// <summary>Clean refused a run directory it cannot recognise as the flow's own, or one that holds user files.</summary>
    public const string CleanRefused = "DVF0020";
    /// <summary>A write that would land outside the run directory (through a symbolic link, or a run directory that is one).</summary>
    public const string OutsideRunRoot = "DVF0021";
    /// <summary>The file cannot be read.</summary>
    public const string FileNotFound = "DVF1000";
    /// <summary>Malformed YAML.</summary>
    public const string YamlSyntax = "DVF1001";
    /// <summary>A key appears twice in one mapping.</summary>
    public const string DuplicateKey = "DVF1002";
    /// <summary>A key the language does not define.</summary>
    public const string UnknownKey = "DVF1003";
    /// <summary>A value of the wrong YAML kind or type.</summary>
    public const string WrongType = "DVF1004";
    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "DVF1005";
    /// <summary>A value outside the allowed set.</summary>
    public const string BadValue = "DVF1006";
    /// <summary>The document is neither a package nor a fragment.</summary>
    public const string BadDocument = "DVF1007";
    /// <summary>An input beyond one of the limits in <see cref="FlowLimits"/> (file size, YAML nesting and aliases, directory searches, value sizes, run-directory paths).</summary>
    public const string LimitExceeded = "DVF1010";

    /// <summary>An import cannot be found.</summary>
    public const string ImportNotFound = "DVF2001";
    /// <summary>A fragment file or directory cannot be found.</summary>
    public const string FragmentNotFound = "DVF2002";
    /// <summary>Two definitions with one name.</summary>
    public const string DuplicateName = "DVF2003";
    /// <summary>A task name that cannot be resolved.</summary>
    public const string UnknownTask = "DVF2004";
    /// <summary>A type name that cannot be resolved.</summary>
    public const string UnknownType = "DVF2005";
    /// <summary>A reference to a task that is not visible from here.</summary>
    public const string NotVisible = "DVF2006";
    /// <summary>A package imported twice with different parameters, or a package name clash.</summary>
    public const string PackageConflict = "DVF2007";
    /// <summary>A config name that does not exist.</summary>
    public const string UnknownConfig = "DVF2008";
    /// <summary>A parameter that does not exist.</summary>
    public const string UnknownParameter = "DVF2009";
    /// <summary>A circular import, inheritance or config chain.</summary>
    public const string CircularDefinition = "DVF2010";
    /// <summary>A tag (<c>tags:</c>) whose type does not derive from <c>std.Tag</c>.</summary>
    public const string NotATag = "DVF2011";

    /// <summary>An expression that does not parse.</summary>
    public const string ExpressionSyntax = "DVF3001";
    /// <summary>An expression that fails to evaluate (undefined variable, bad operand).</summary>
    public const string ExpressionEval = "DVF3002";
    /// <summary>A parameter value that does not fit the parameter's type.</summary>
    public const string ParamType = "DVF3003";

    /// <summary>A dependency cycle among tasks.</summary>
    public const string Cycle = "DVF4001";
    /// <summary>A bad matrix or generate strategy.</summary>
    public const string BadStrategy = "DVF4002";
    /// <summary>A task generator that failed, could not be run, or created a bad task.</summary>
    public const string Generator = "DVF4003";

    /// <summary>Produces/consumes mismatch between connected tasks (a warning, as in dfm).</summary>
    public const string DataflowMismatch = "DVF5001";
}

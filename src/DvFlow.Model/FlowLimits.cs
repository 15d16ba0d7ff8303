namespace DvFlow.Model;

/// <summary>
/// The bounds the loader, the expression language and the graph builder enforce, in one place, so that hostile or
/// broken input ends in a located error within seconds and bounded memory instead of exhausting the machine.
/// Each is documented with its error in docs/reliability.md (Limits); the numbers are far above what a real flow needs.
/// </summary>
public static class FlowLimits
{
    /// <summary>Largest flow file read, in bytes (16 MiB: some 300,000 tasks of YAML). Larger files are refused unread.</summary>
    public const long MaxFlowFileBytes = 16L * 1024 * 1024;

    /// <summary>Largest sum of the flow files one load reads, in bytes (64 MiB).</summary>
    public const long MaxTotalFlowBytes = 64L * 1024 * 1024;

    /// <summary>Deepest YAML nesting of mappings and lists; also keeps the recursive reader off the stack's end.</summary>
    public const int MaxYamlDepth = 256;

    /// <summary>How many nodes YAML aliases may expand to in one file (a guard against "billion laughs" documents).</summary>
    public const long MaxAliasExpandedNodes = 1_000_000;

    /// <summary>How many characters of scalar text YAML aliases may expand to in one file (16 Mi, the size of the largest file).</summary>
    public const long MaxAliasExpandedChars = 16L * 1024 * 1024;

    /// <summary>How many directories one directory fragment or directory import may search (each real directory once, however many links lead to it).</summary>
    public const int MaxDirectoriesSearched = 10_000;

    /// <summary>
    /// Largest string or list an expression, a <c>${{ }}</c> template, an operation or the rendering of a value may build (items or
    /// characters). Defined with the values, in DvFlow.TaskApi, which renders them.
    /// </summary>
    public const int MaxValueLength = TaskApi.FlowValues.MaxValueLength;

    /// <summary>How deeply values may nest before they are treated as cyclic (defined with the values, in DvFlow.TaskApi).</summary>
    public const int MaxValueDepth = TaskApi.FlowValues.MaxValueDepth;

    /// <summary>Deepest expression tree (operations within operations); keeps evaluation recursion bounded.</summary>
    public const int MaxExpressionDepth = 400;

    /// <summary>How many sub-expressions may nest inside each other in one expression (parentheses, unary chains).</summary>
    public const int MaxExpressionNesting = 100;

    /// <summary>
    /// Largest total size, in characters, of the parameter values and commands of all the tasks of one graph (64 Mi).
    /// The plan file carries them all, so this bounds the plan (a value shared by a thousand tasks counts a thousand times).
    /// </summary>
    public const long MaxGraphValueChars = 64L * 1024 * 1024;

    /// <summary>
    /// Longest full task name (<c>pkg.compound.sub</c>), in UTF-8 bytes: a task's run directory and the files it writes there
    /// (<c>NAME.exec_data.json</c>, <c>NAME.log</c>) are named after it, and a file name has at most 255 bytes (Linux's NAME_MAX).
    /// </summary>
    public const int MaxTaskNameBytes = 240;

    /// <summary>
    /// Longest absolute run-directory path, in UTF-8 bytes: Linux's PATH_MAX (4,096) less room for the files a task writes
    /// inside it. Nested compounds each add a component holding the full task name (dfm's layout), so paths grow
    /// quadratically with the nesting depth.
    /// </summary>
    public const int MaxRunDirPathBytes = 3_584;
}

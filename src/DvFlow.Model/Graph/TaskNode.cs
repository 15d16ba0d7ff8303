using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

/// <summary>
/// One node of the task graph: a task instance with final parameter values, resolved dependencies,
/// dataflow settings and its run directory. Compound tasks appear as a <see cref="TaskNodeKind.Compound"/>
/// output node, a <see cref="TaskNodeKind.CompoundInput"/> sentinel and their subtasks.
/// </summary>
public sealed class TaskNode
{
    private List<TaskNode> _needs = new();
    private readonly List<TaskNode> _children = new();

    internal TaskNode(string name, string package, SourceLocation location)
    {
        Name = name;
        Package = package;
        Location = location;
    }

    /// <summary>The fully qualified node name (<c>pkg.task</c>, <c>pkg.top.sub</c>, <c>pkg.top.sub_0_1</c>).</summary>
    public string Name { get; }

    /// <summary>The package the task was declared in.</summary>
    public string Package { get; }

    /// <summary>Where the task is declared.</summary>
    public SourceLocation Location { get; }

    /// <summary>What the node does.</summary>
    public TaskNodeKind Kind { get; internal set; }

    /// <summary>The implementation kind for leaves: <c>bash</c>, <c>sh</c>, <c>csh</c>, <c>tcsh</c>, <c>builtin</c>, <c>pytask</c>, <c>csharp</c>...</summary>
    public string? Shell { get; internal set; }

    /// <summary>The implementation: a script body with parameter references expanded, or a code reference.</summary>
    public string? Run { get; internal set; }
    /// <summary>Where the first character of the <c>run:</c> value is in its flow file (inline C# maps its errors from there), if known.</summary>
    public SourceLocation? RunLocation { get; internal set; }

    /// <summary>For a <see cref="TaskNodeKind.DataItem"/> node, the fully qualified type of the item it produces.</summary>
    public string? DataType { get; internal set; }

    /// <summary>Parameters in declaration order (base first).</summary>
    public IReadOnlyList<TaskParameter> Params { get; internal set; } = [];

    /// <summary>Parameter values by name.</summary>
    public FlowMap ParamValues { get; internal set; } = FlowMap.Empty;

    /// <summary>The nodes this one depends on, in declaration order.</summary>
    public IReadOnlyList<TaskNode> Needs => _needs;

    /// <summary>What inputs reach the implementation.</summary>
    public DataFilterSpec Consumes { get; internal set; } = DataFilterSpec.All;

    /// <summary>What inputs are forwarded to the output.</summary>
    public DataFilterSpec Passthrough { get; internal set; } = DataFilterSpec.Unused;

    /// <summary>Declared outputs (evaluated), or null when undeclared.</summary>
    public IReadOnlyList<FlowMap>? Produces { get; internal set; }

    /// <summary>The run directory relative to the run root, '/'-separated ("" for the root itself).</summary>
    public string RunDir { get; internal set; } = "";

    /// <summary>The absolute run directory.</summary>
    public string RunDirFull { get; internal set; } = "";

    /// <summary>unique or inherit.</summary>
    public RundirMode RundirMode { get; internal set; }

    /// <summary>The directory of the flow file that defined the task's implementation.</summary>
    public string SrcDir { get; internal set; } = "";

    /// <summary>False when <c>iff</c> evaluated to false: the node does nothing and outputs nothing.</summary>
    public bool Enabled { get; internal set; } = true;

    /// <summary>How the node decides it can be skipped.</summary>
    public UptodateSpec Uptodate { get; internal set; } = UptodateSpec.Default;

    /// <summary>The task's tags (<c>tags:</c>) and those of the tasks it <c>uses</c>, base first.</summary>
    public IReadOnlyList<TaskTag> Tags { get; internal set; } = [];

    /// <summary>The matrix cell the node was built in (<c>matrix.x</c> values), or null outside a matrix.</summary>
    public FlowMap? Matrix { get; internal set; }

    /// <summary>The enclosing compound node, for subtasks.</summary>
    public TaskNode? Parent { get; internal set; }

    /// <summary>Subtask nodes (and the input sentinel) of a compound node.</summary>
    public IReadOnlyList<TaskNode> Children => _children;

    /// <summary>The <c>strategy.generate</c> of the task, run by the SDK when the graph is built.</summary>
    public GenerateDef? Generate { get; internal set; }

    /// <summary>The declared base (<c>uses</c>) chain, nearest first, as fully qualified names.</summary>
    public IReadOnlyList<string> BaseChain { get; internal set; } = [];

    /// <summary>One-line description.</summary>
    public string? Desc { get; internal set; }

    /// <summary>Documentation.</summary>
    public string? Doc { get; internal set; }

    /// <summary>Visibility of the declaring task.</summary>
    public TaskScope Scope { get; internal set; }

    /// <summary>The short name as declared (the last segment of <see cref="Name"/> for top-level tasks).</summary>
    public string LeafName => Name[(Name.LastIndexOf('.') + 1)..];

    internal void AddNeed(TaskNode n)
    {
        if (!_needs.Contains(n)) _needs.Add(n);
    }

    internal void InsertNeedFirst(TaskNode n)
    {
        if (!_needs.Contains(n)) _needs.Insert(0, n);
    }

    internal void RemoveNeedsNotIn(ICollection<TaskNode> keep) => _needs = _needs.Where(keep.Contains).ToList();

    internal void AddChild(TaskNode n) => _children.Add(n);

    /// <inheritdoc />
    public override string ToString() => Name;
}

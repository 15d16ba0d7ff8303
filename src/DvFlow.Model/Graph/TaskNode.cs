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
    private IReadOnlyList<TaskNode> _needs = [];
    private IReadOnlyList<TaskNode> _children = [];
    private bool _linked;

    // Everything but the links to other nodes, which exist only once every node does (see TaskNodeDraft.Freeze).
    internal TaskNode(TaskNodeDraft d)
    {
        Name = d.Name;
        Package = d.Package;
        Location = d.Location;
        Kind = d.Kind;
        Shell = d.Shell;
        Run = d.Run;
        RunLocation = d.RunLocation;
        DataType = d.DataType;
        Parameters = d.Parameters;
        ParamValues = d.ParamValues;
        Consumes = d.Consumes;
        Passthrough = d.Passthrough;
        Produces = d.Produces;
        RunDir = d.RunDir;
        RunDirFull = d.RunDirFull;
        RundirMode = d.RundirMode;
        SrcDir = d.SrcDir;
        Enabled = d.Enabled;
        Uptodate = d.Uptodate;
        Tags = d.Tags;
        Matrix = d.Matrix;
        Generate = d.Generate;
        BaseChain = d.BaseChain;
        Desc = d.Desc;
        Doc = d.Doc;
        Scope = d.Scope;
    }

    internal void Link(IReadOnlyList<TaskNode> needs, IReadOnlyList<TaskNode> children, TaskNode? parent)
    {
        if (_linked) throw new InvalidOperationException($"task node '{Name}' is already linked");
        _linked = true;
        _needs = needs;
        _children = children;
        Parent = parent;
    }

    /// <summary>The fully qualified node name (<c>pkg.task</c>, <c>pkg.top.sub</c>, <c>pkg.top.sub_0_1</c>).</summary>
    public string Name { get; }

    /// <summary>The package the task was declared in.</summary>
    public string Package { get; }

    /// <summary>Where the task is declared.</summary>
    public SourceLocation Location { get; }

    /// <summary>What the node does.</summary>
    public TaskNodeKind Kind { get; }

    /// <summary>The implementation kind for leaves: <c>bash</c>, <c>sh</c>, <c>csh</c>, <c>tcsh</c>, <c>builtin</c>, <c>pytask</c>, <c>csharp</c>...</summary>
    public string? Shell { get; }

    /// <summary>The implementation: a script body with parameter references expanded, or a code reference.</summary>
    public string? Run { get; }
    /// <summary>Where the first character of the <c>run:</c> value is in its flow file (inline C# maps its errors from there), if known.</summary>
    public SourceLocation? RunLocation { get; }

    /// <summary>For a <see cref="TaskNodeKind.DataItem"/> node, the fully qualified type of the item it produces.</summary>
    public string? DataType { get; }

    /// <summary>The parameters' declarations in declaration order (base first); their values are in <see cref="ParamValues"/>.</summary>
    public IReadOnlyList<TaskParameter> Parameters { get; }

    /// <summary>Parameter values by name, final and typed.</summary>
    public FlowMap ParamValues { get; }

    /// <summary>The nodes this one depends on, in declaration order.</summary>
    public IReadOnlyList<TaskNode> Needs => _needs;

    /// <summary>What inputs reach the implementation.</summary>
    public DataFilterSpec Consumes { get; }

    /// <summary>What inputs are forwarded to the output.</summary>
    public DataFilterSpec Passthrough { get; }

    /// <summary>Declared outputs (evaluated), or null when undeclared.</summary>
    public IReadOnlyList<FlowMap>? Produces { get; }

    /// <summary>The run directory relative to the run root, '/'-separated ("" for the root itself).</summary>
    public string RunDir { get; }

    /// <summary>The absolute run directory.</summary>
    public string RunDirFull { get; }

    /// <summary>unique or inherit.</summary>
    public RundirMode RundirMode { get; }

    /// <summary>The directory of the flow file that defined the task's implementation.</summary>
    public string SrcDir { get; }

    /// <summary>False when <c>iff</c> evaluated to false: the node does nothing and outputs nothing.</summary>
    public bool Enabled { get; }

    /// <summary>How the node decides it can be skipped.</summary>
    public UptodateSpec Uptodate { get; }

    /// <summary>The task's tags (<c>tags:</c>) and those of the tasks it <c>uses</c>, base first.</summary>
    public IReadOnlyList<TaskTag> Tags { get; }

    /// <summary>The matrix cell the node was built in (<c>matrix.x</c> values), or null outside a matrix.</summary>
    public FlowMap? Matrix { get; }

    /// <summary>The enclosing compound node, for subtasks.</summary>
    public TaskNode? Parent { get; private set; }

    /// <summary>Subtask nodes (and the input sentinel) of a compound node.</summary>
    public IReadOnlyList<TaskNode> Children => _children;

    /// <summary>The <c>strategy.generate</c> of the task, run by the SDK when the graph is built.</summary>
    public GenerateDef? Generate { get; }

    /// <summary>The declared base (<c>uses</c>) chain, nearest first, as fully qualified names.</summary>
    public IReadOnlyList<string> BaseChain { get; }

    /// <summary>One-line description.</summary>
    public string? Desc { get; }

    /// <summary>Documentation.</summary>
    public string? Doc { get; }

    /// <summary>Visibility of the declaring task.</summary>
    public TaskScope Scope { get; }

    /// <summary>The short name as declared (the last segment of <see cref="Name"/> for top-level tasks).</summary>
    public string LeafName => Name[(Name.LastIndexOf('.') + 1)..];

    /// <inheritdoc />
    public override string ToString() => Name;
}

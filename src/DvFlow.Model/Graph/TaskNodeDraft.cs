using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

/// <summary>
/// A <see cref="TaskNode"/> while <see cref="TaskGraphBuilder"/> fills it in: needs, children and settings arrive in
/// several passes (a node exists before it is built so that others can name it as a need). <see cref="Freeze"/> turns
/// the finished drafts into the immutable graph; nothing outside the builder ever sees a draft.
/// </summary>
internal sealed class TaskNodeDraft
{
    private List<TaskNodeDraft> _needs = new();
    private readonly List<TaskNodeDraft> _children = new();

    internal TaskNodeDraft(string name, string package, SourceLocation location)
    {
        Name = name;
        Package = package;
        Location = location;
    }

    public string Name { get; }
    public string Package { get; }
    public SourceLocation Location { get; }
    public TaskNodeKind Kind { get; set; }
    public string? Shell { get; set; }
    public string? Run { get; set; }
    public SourceLocation? RunLocation { get; set; }
    public string? DataType { get; set; }
    public IReadOnlyList<TaskParameter> Parameters { get; set; } = [];
    public FlowMap ParamValues { get; set; } = FlowMap.Empty;
    public IReadOnlyList<TaskNodeDraft> Needs => _needs;
    public DataFilterSpec Consumes { get; set; } = DataFilterSpec.All;
    public DataFilterSpec Passthrough { get; set; } = DataFilterSpec.Unused;
    public IReadOnlyList<FlowMap>? Produces { get; set; }
    public string RunDir { get; set; } = "";
    public string RunDirFull { get; set; } = "";
    public RundirMode RundirMode { get; set; }
    public string SrcDir { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public UptodateSpec Uptodate { get; set; } = UptodateSpec.Default;
    public IReadOnlyList<TaskTag> Tags { get; set; } = [];
    public FlowMap? Matrix { get; set; }
    public TaskNodeDraft? Parent { get; set; }
    public IReadOnlyList<TaskNodeDraft> Children => _children;
    public GenerateDef? Generate { get; set; }
    public IReadOnlyList<string> BaseChain { get; set; } = [];
    public string? Desc { get; set; }
    public string? Doc { get; set; }
    public TaskScope Scope { get; set; }

    public string LeafName => Name[(Name.LastIndexOf('.') + 1)..];

    internal void AddNeed(TaskNodeDraft n)
    {
        if (!_needs.Contains(n)) _needs.Add(n);
    }

    internal void InsertNeedFirst(TaskNodeDraft n)
    {
        if (!_needs.Contains(n)) _needs.Insert(0, n);
    }

    internal void RemoveNeedsNotIn(ICollection<TaskNodeDraft> keep) => _needs = _needs.Where(keep.Contains).ToList();

    internal void AddChild(TaskNodeDraft n) => _children.Add(n);
    public override string ToString() => Name;

    /// <summary>
    /// The immutable nodes of <paramref name="drafts"/> and of every draft they reach through needs, children and
    /// parents, linked to each other as their drafts are.
    /// </summary>
    internal static IReadOnlyDictionary<TaskNodeDraft, TaskNode> Freeze(IEnumerable<TaskNodeDraft> drafts)
    {
        var frozen = new Dictionary<TaskNodeDraft, TaskNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<TaskNodeDraft>(drafts);
        while (pending.TryPop(out var d))
        {
            if (frozen.ContainsKey(d)) continue;
            frozen[d] = new TaskNode(d);
            foreach (var n in d.Needs) pending.Push(n);
            foreach (var c in d.Children) pending.Push(c);
            if (d.Parent is { } p) pending.Push(p);
        }
        foreach (var (d, node) in frozen)
            node.Link(d.Needs.Select(n => frozen[n]).ToArray(), d.Children.Select(c => frozen[c]).ToArray(), d.Parent is { } p ? frozen[p] : null);
        return frozen;
    }
}

using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Expressions;
using DvFlow.Model.Yaml;
using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

/// <summary>
/// Builds the <see cref="TaskGraph"/> of requested tasks from a loaded <see cref="FlowModel"/>: walks
/// each task's <c>uses</c> chain to compute its parameters (base first, each value evaluated in the
/// package that wrote it), applies <c>-D</c> task overrides, evaluates <c>iff</c>, expands compound
/// bodies and matrix strategies into nodes, resolves needs and feeds, assigns run directories in dfm's
/// layout, and reports dependency cycles with the full cycle path.
/// </summary>
/// <remarks>
/// One concept a file: this file holds the walk (requested tasks, the build queue, one task's node, needs, ordering
/// and cycles); <c>.UsesChain</c> the chains of bases, <c>.Parameters</c> parameter values and <c>-D</c> overrides,
/// <c>.Settings</c> iff/consumes/passthrough/produces/uptodate, <c>.Compounds</c> bodies and matrix cells
/// (<see cref="MatrixCells"/>), <c>.Generators</c> generated bodies, <c>.Tags</c> tags.
/// </remarks>
public sealed partial class TaskGraphBuilder
{
    private readonly FlowModel _model;
    private readonly DiagnosticBag _diag = new();
    private readonly ValueEvaluator _eval;
    private readonly DiagnosticBag _lenientDiag = new();
    private readonly ValueEvaluator _lenientEval;
    private readonly NameResolver _resolver;
    private readonly string _runRoot;
    private readonly Dictionary<string, TaskNodeDraft> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<TaskDecl, IReadOnlyList<Level>> _chains = new();
    private readonly Dictionary<string, List<TaskDecl>> _feeders = new(StringComparer.Ordinal);
    private readonly HashSet<ParameterOverride> _usedOverrides = new();
    private readonly Queue<(TaskDecl Decl, TaskNodeDraft Node)> _pending = new();
    private readonly Dictionary<TaskNodeDraft, TaskDecl> _queued = new();
    private readonly HashSet<TaskDef> _expanding = new(ReferenceEqualityComparer.Instance);
    private readonly ITaskGeneratorHost? _generators;
    private readonly List<string> _generatorInputs = new();

    /// <summary>
    /// Prepares a builder. A model with load errors is accepted (the graph then carries those errors and
    /// whatever could be built); a model without a root package yields empty graphs.
    /// </summary>
    public TaskGraphBuilder(FlowModel model, GraphBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _eval = new ValueEvaluator(_diag);
        _lenientEval = new ValueEvaluator(_lenientDiag);
        _resolver = new NameResolver(model, _diag);
        _generators = options?.Generators;
        _runRoot = Path.GetFullPath(options?.RunRoot ?? Path.Combine(model.Root?.BaseDir ?? Directory.GetCurrentDirectory(), "rundir"));
        IndexFeeds();
    }

    /// <summary>Builds the graph of the named tasks (short names of the root package, or qualified names).</summary>
    public TaskGraph Build(IEnumerable<string> taskNames)
    {
        var roots = new List<TaskNodeDraft>();
        if (_model.Root is null) return Finish(roots);
        foreach (var name in taskNames)
        {
            var node = FindRequested(name.Trim());
            if (node is not null && !roots.Contains(node)) roots.Add(node);
        }
        return Finish(roots);
    }

    /// <summary>Builds the graph of every task of the root package.</summary>
    public TaskGraph BuildAll()
    {
        var roots = new List<TaskNodeDraft>();
        if (_model.Root is null) return Finish(roots);
        foreach (var decl in _model.Root.OrderedTasks)
        {
            var node = BuildTop(decl);
            if (!roots.Contains(node)) roots.Add(node);
        }
        return Finish(roots);
    }

    private TaskNodeDraft? FindRequested(string name)
    {
        var root = _model.Root!;
        var at = SourceLocation.OfFile(root.FilePath);
        var decl = _resolver.ResolveTask(new NameRef(name, at), root, root.FilePath, "", forNeeds: false, report: false);
        if (decl is not null) return BuildTop(decl);
        // A subtask path: top.sub or pkg.top.sub
        for (var dot = name.LastIndexOf('.'); dot > 0; dot = name.LastIndexOf('.', dot - 1))
        {
            var parent = _resolver.ResolveTask(new NameRef(name[..dot], at), root, root.FilePath, "", forNeeds: false, report: false);
            if (parent is null) continue;
            EnsureBuilt(BuildTop(parent));
            var full = parent.FullName + name[dot..];
            if (_nodes.TryGetValue(full, out var sub)) return sub;
        }
        var candidates = root.Tasks.Keys.Concat(_model.Packages.Values.Where(p => p != root).SelectMany(p => p.Tasks.Keys.Select(t => p.Name + "." + t)));
        _diag.Error(DiagnosticCodes.UnknownTask, $"task '{name}' not found in package '{root.Name}'{NameSuggester.Hint(name, candidates)}", at);
        return null;
    }

    private TaskGraph Finish(List<TaskNodeDraft> roots)
    {
        Drain();
        foreach (var d in _lenientDiag.Items) _diag.Add(d with { Severity = DiagnosticSeverity.Warning });
        CheckOverrides();
        var ordered = new List<TaskNodeDraft>();
        var state = new Dictionary<TaskNodeDraft, int>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in roots)
            if (!state.ContainsKey(r)) Visit(r, state, ordered, reported);
        var frozen = TaskNodeDraft.Freeze(ordered);
        var nodes = ordered.Select(d => frozen[d]).ToList();
        GraphValueBudget.Check(nodes, _diag);
        var diags = _model.Diagnostics.Concat(_diag.Items).Distinct().ToList();
        return new TaskGraph(roots.Select(d => frozen[d]).ToList(), nodes, diags, _runRoot, _generatorInputs.Distinct(StringComparer.Ordinal).ToList());
    }

    // Depth-first, needs first: yields dependency order and finds cycles (a need that is still on the path).
    // Iterative, so that a long needs chain cannot exhaust the stack of an MSBuild worker thread.
    private void Visit(TaskNodeDraft start, Dictionary<TaskNodeDraft, int> state, List<TaskNodeDraft> ordered, HashSet<string> reported)
    {
        var path = new List<(TaskNodeDraft Node, int Next)> { (start, 0) };
        state[start] = 1;
        while (path.Count > 0)
        {
            var (n, next) = path[^1];
            if (next == n.Needs.Count)
            {
                path.RemoveAt(path.Count - 1);
                state[n] = 2;
                ordered.Add(n);
                continue;
            }
            path[^1] = (n, next + 1);
            var need = n.Needs[next];
            state.TryGetValue(need, out var s);
            if (s == 0)
            {
                state[need] = 1;
                path.Add((need, 0));
            }
            else if (s == 1)
            {
                var from = path.FindIndex(x => x.Node == need);
                var cycle = path.Skip(from).Select(x => x.Node.Name).Append(need.Name).ToList();
                var key = string.Join(",", cycle.Skip(1).Order(StringComparer.Ordinal));
                if (reported.Add(key))
                    _diag.Error(DiagnosticCodes.Cycle, $"dependency cycle: {string.Join(" -> ", cycle)}", need.Location);
            }
        }
    }

    private void IndexFeeds()
    {
        foreach (var pkg in _model.Packages.Values)
            foreach (var decl in pkg.OrderedTasks)
                foreach (var f in decl.Def.Feeds)
                {
                    var target = _resolver.ResolveTask(f, pkg, decl.Def.FragmentFile, Prefix(decl), forNeeds: false, report: false);
                    if (target is null) continue;
                    if (!_feeders.TryGetValue(target.FullName, out var list)) _feeders[target.FullName] = list = new();
                    list.Add(decl);
                }
    }

    private static string Prefix(TaskDecl decl)
    {
        var dot = decl.Name.LastIndexOf('.');
        return dot > 0 ? decl.Name[..dot] : "";
    }

    /// <summary>One level of a task's <c>uses</c> chain: a task or type definition and the context it was written in.</summary>
    private sealed record Level(TaskDef? Task, TypeDef? Type, FlowPackage Package, string Prefix, string FullName, TaskDecl? Decl)
    {
        public string SrcDir => Path.GetDirectoryName(Task?.FragmentFile ?? Type!.FragmentFile) ?? "";
        public string File => Task?.FragmentFile ?? Type!.FragmentFile;
    }

    /// <summary>Where a task definition is being built: its package and fragment, enclosing compounds and matrix cell.</summary>
    private sealed record BuildCtx(
        FlowPackage Package,
        string Prefix,
        IReadOnlyList<FlowMap> Parents,
        FlowMap? Matrix,
        IReadOnlyList<string> Segments,
        BodyScope? Body,
        TaskNodeDraft? ParentNode);

    private sealed class BodyScope(BodyScope? outer)
    {
        public BodyScope? Outer { get; } = outer;
        public Dictionary<string, Func<TaskNodeDraft>> Siblings { get; } = new(StringComparer.Ordinal);

        /// <summary>The sibling definitions, for a subtask whose 'uses' names a sibling (dfm looks in body scopes first).</summary>
        public Dictionary<string, (TaskDef Def, BuildCtx Ctx, string NodeName)> Defs { get; } = new(StringComparer.Ordinal);
    }

    // The node of a top-level task. It is created at once (so that it can be named as a need) and built
    // later from a queue: following needs by recursion would overflow the stack on long chains.
    private TaskNodeDraft BuildTop(TaskDecl decl)
    {
        if (_nodes.TryGetValue(decl.FullName, out var n)) return n;
        var node = NewNode(decl.Def, decl.FullName, decl.Package, null);
        _pending.Enqueue((decl, node));
        _queued[node] = decl;
        return node;
    }

    private void Drain()
    {
        while (_pending.TryDequeue(out var p)) Complete(p.Decl, p.Node);
    }

    // Builds a queued top-level node now (its needs are wanted before the queue gets to it).
    private void EnsureBuilt(TaskNodeDraft node)
    {
        if (_queued.TryGetValue(node, out var decl)) Complete(decl, node);
    }

    private void Complete(TaskDecl decl, TaskNodeDraft node)
    {
        if (!_queued.Remove(node)) return; // already built
        var ctx = new BuildCtx(decl.Package, Prefix(decl), [], null, [], null, null);
        FillTask(node, decl.Def, ctx, decl);
        if (_feeders.TryGetValue(decl.FullName, out var feeders) && node.Enabled)
        {
            var target = InputOf(node);
            foreach (var f in feeders) target.AddNeed(BuildTop(f));
        }
    }

    // Where needs added to a built node go: a compound's input sentinel, or the node itself.
    private static TaskNodeDraft InputOf(TaskNodeDraft node)
        => node.Kind == TaskNodeKind.Compound ? node.Children.FirstOrDefault(c => c.Kind == TaskNodeKind.CompoundInput) ?? node : node;

    private TaskNodeDraft NewNode(TaskDef def, string nodeName, FlowPackage package, TaskNodeDraft? parent)
    {
        var node = new TaskNodeDraft(nodeName, package.Name, def.Location) { Parent = parent, Desc = def.Desc, Doc = def.Doc, Scope = def.Scope };
        _nodes[nodeName] = node;
        parent?.AddChild(node);
        return node;
    }

    // Subtasks are built at once, inside their compound.
    private TaskNodeDraft BuildTask(TaskDef def, string nodeName, BuildCtx ctx, TaskDecl? decl)
    {
        if (_nodes.TryGetValue(nodeName, out var existing)) return existing;
        var node = NewNode(def, nodeName, ctx.Package, ctx.ParentNode);
        FillTask(node, def, ctx, decl);
        return node;
    }

    private void FillTask(TaskNodeDraft node, TaskDef def, BuildCtx ctx, TaskDecl? decl)
    {
        var nodeName = node.Name;
        var chain = ChainFor(def, ctx, decl, nodeName);
        var own = chain[^1];
        node.BaseChain = chain.Take(chain.Count - 1).Reverse().Select(l => l.FullName).ToList();
        node.Desc ??= chain.Select(l => l.Task?.Desc).LastOrDefault(d => d is not null);
        node.Doc ??= chain.Select(l => l.Task?.Doc ?? l.Type?.Doc).LastOrDefault(d => d is not null);

        // The nearest level with a body or an implementation decides what the task is.
        var implLevel = chain.LastOrDefault(l => l.Task is { } t && (t.IsCompound || t.Run is not null || t.Strategy?.Generate is not null));
        var isDataItem = chain[0].Type is not null;
        node.Kind = implLevel?.Task switch
        {
            { } t when t.IsCompound || t.Strategy?.Generate is not null => TaskNodeKind.Compound,
            { Run: not null } => TaskNodeKind.Leaf,
            _ => isDataItem ? TaskNodeKind.DataItem : TaskNodeKind.Null,
        };
        if (isDataItem) node.DataType = chain.Last(l => l.Type is not null).FullName; // the nearest type
        // The task's own file, even when the implementation is inherited: relative paths in its parameters
        // (a FileSet's base, say) are written relative to it.
        node.SrcDir = own.SrcDir;

        (T Value, Level Level)? Nearest<T>(Func<TaskDef, T?> get) where T : class
        {
            for (var i = chain.Count - 1; i >= 0; i--)
                if (chain[i].Task is { } t && get(t) is { } v) return (v, chain[i]);
            return null;
        }
        // Subtasks of an inheriting compound share its directory unless they ask for their own.
        node.RundirMode = chain.Select(l => l.Task?.Rundir).LastOrDefault(r => r is not null)
            ?? (ctx.ParentNode is { RundirMode: RundirMode.Inherit, Kind: TaskNodeKind.Compound } ? RundirMode.Inherit : RundirMode.Unique);
        var segments = node.RundirMode == RundirMode.Unique ? ctx.Segments.Append(nodeName).ToList() : ctx.Segments.ToList();
        node.RunDir = string.Join("/", segments.Select(SanitizeSegment));
        node.RunDirFull = segments.Count == 0 ? _runRoot : Path.Combine([_runRoot, .. segments.Select(SanitizeSegment)]);
        CheckRunDir(node, def);

        var values = BuildParams(node, chain, ctx);
        var scope = new TaskEvalScope(values, ctx.Matrix, ctx.Parents, own.Package, own.SrcDir, node.RunDirFull, nodeName, _model.Globals);

        // iff: a disabled task does nothing, outputs nothing, and pulls in none of its needs.
        if (def.Iff is { } iff && !EvaluateCondition(iff, scope)) node.Enabled = false;
        if (ctx.ParentNode is { Enabled: false }) node.Enabled = false;

        // Patterns are evaluated like parameters: with the task's values, in the package that wrote them.
        IExpressionScope ScopeAt(Level l) => l == own ? scope
            : new TaskEvalScope(values, ctx.Matrix, ctx.Parents, l.Package, l.SrcDir, node.RunDirFull, nodeName, _model.Globals);
        var consumes = Nearest(t => t.Consumes);
        var passthrough = Nearest(t => t.Passthrough);
        var defaultConsumes = node.Kind == TaskNodeKind.Leaf ? DataFilterSpec.All : DataFilterSpec.None;
        node.Consumes = consumes is { } c ? EvaluateFilter(c.Value, ScopeAt(c.Level)) : defaultConsumes;
        node.Passthrough = passthrough is { } pt ? EvaluateFilter(pt.Value, ScopeAt(pt.Level)) : DataFilterSpec.Unused;
        node.Produces = EvaluateProduces(chain, ScopeAt);
        node.Uptodate = EvaluateUptodate(chain);
        node.Tags = EvaluateTags(chain, ScopeAt);
        node.Matrix = ctx.Matrix;

        if (node.Kind == TaskNodeKind.Leaf)
        {
            var t = implLevel!.Task!;
            node.Shell = t.Shell ?? "bash";
            node.Run = t.Run;
            node.RunLocation = t.RunNode is Yaml.YScalar ys ? ys.ContentStart : t.RunLocation;
            if (ScriptShells.Contains(node.Shell) && t.Run!.Contains("${{", StringComparison.Ordinal))
            {
                var runScope = new TaskEvalScope(values, ctx.Matrix, ctx.Parents, implLevel.Package, implLevel.SrcDir, node.RunDirFull, nodeName, _model.Globals);
                var ok = t.RunNode is not null
                    ? _eval.TryEvaluateText(t.Run, t.RunNode, runScope, out var expanded)
                    : _eval.TryEvaluateText(t.Run, t.RunLocation, false, runScope, out expanded);
                if (ok)
                    node.Run = FlowValues.ToDisplayString(expanded);
            }
        }
        if (node.Kind == TaskNodeKind.Compound && implLevel!.Task!.Strategy?.Generate is { } gen)
            node.Generate = gen;

        if (!node.Enabled) return;

        // Needs: those of the whole uses chain (base first), then the task's own; body siblings first.
        foreach (var level in chain)
        {
            if (level.Task is null) continue;
            var isOwn = level == own;
            foreach (var need in level.Task.Needs)
                foreach (var n in ResolveNeed(need, isOwn ? ctx : ctx with { Package = level.Package, Prefix = level.Prefix, Body = null }, level.File))
                    node.AddNeed(n);
        }

        if (node.Kind == TaskNodeKind.Compound) BuildBody(node, chain, ctx, segments);
    }


    // Nested compounds each add a directory named with the full task name (dfm's layout), so run-directory paths grow
    // quadratically with the depth, and names linearly; past the file system's limits no directory or record could be made.
    // Reported at the outermost task past a limit only: everything inside it is past it too.
    private void CheckRunDir(TaskNodeDraft node, TaskDef def)
    {
        static bool TooLong(TaskNodeDraft n, out string problem)
        {
            var nameBytes = System.Text.Encoding.UTF8.GetByteCount(n.Name);
            var pathBytes = System.Text.Encoding.UTF8.GetByteCount(n.RunDirFull);
            problem = nameBytes > FlowLimits.MaxTaskNameBytes
                ? $"its full name is {nameBytes} bytes long (at most {FlowLimits.MaxTaskNameBytes}: its run directory and the files it writes there are named after it)"
                : pathBytes > FlowLimits.MaxRunDirPathBytes
                    ? $"its run directory's path is {pathBytes} bytes long (at most {FlowLimits.MaxRunDirPathBytes})"
                    : "";
            return problem.Length > 0;
        }
        if (!TooLong(node, out var problem) || (node.Parent is { } parent && TooLong(parent, out _))) return;
        _diag.Error(DiagnosticCodes.LimitExceeded,
            $"task '{node.Name}': {problem}; each nested compound adds a directory named with its full task name: nest less deeply, use shorter names, or give inner compounds 'rundir: inherit'",
            def.Location);
    }

    /// <summary>Characters dfm replaces in run-directory names.</summary>
    private static string SanitizeSegment(string s)
    {
        const string bad = "/:*?\"<>|#%&{}$\\!'`;=@+";
        return string.Create(s.Length, s, (span, src) =>
        {
            for (var i = 0; i < src.Length; i++) span[i] = bad.Contains(src[i]) ? '_' : src[i];
        });
    }

    private IEnumerable<TaskNodeDraft> ResolveNeed(NameRef need, BuildCtx ctx, string file)
    {
        var name = need.Name;
        // Static names were checked (and any problem reported) when the flow was loaded; only names
        // computed by an expression are reported here.
        var dynamic = name.Contains("${{", StringComparison.Ordinal);
        if (dynamic)
        {
            var scope = new TaskEvalScope(new(), ctx.Matrix, ctx.Parents, ctx.Package, Path.GetDirectoryName(file) ?? "", _runRoot, name, _model.Globals);
            if (!_eval.TryEvaluateText(name, need.Location, false, scope, out var v)) yield break;
            name = FlowValues.ToDisplayString(v);
            need = need with { Name = name };
        }
        for (var b = ctx.Body; b is not null; b = b.Outer)
            if (b.Siblings.TryGetValue(name, out var sibling))
            {
                yield return sibling();
                yield break;
            }
        // X.needs stands for the needs of X.
        if (name.EndsWith(".needs", StringComparison.Ordinal) && name.Length > 6)
        {
            foreach (var n in ResolveNeed(need with { Name = name[..^6] }, ctx, file))
            {
                EnsureBuilt(n);
                foreach (var nn in n.Needs) yield return nn;
            }
            yield break;
        }
        var decl = _resolver.ResolveTask(need, ctx.Package, file, ctx.Prefix, forNeeds: true, report: dynamic);
        if (decl is not null) yield return BuildTop(decl);
    }
}

using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Expressions;
using DvFlow.Model.Values;
using DvFlow.Model.Yaml;

namespace DvFlow.Model.Graph;

/// <summary>
/// Builds the <see cref="TaskGraph"/> of requested tasks from a loaded <see cref="FlowModel"/>: walks
/// each task's <c>uses</c> chain to compute its parameters (base first, each value evaluated in the
/// package that wrote it), applies <c>-D</c> task overrides, evaluates <c>iff</c>, expands compound
/// bodies and matrix strategies into nodes, resolves needs and feeds, assigns run directories in dfm's
/// layout, and reports dependency cycles with the full cycle path.
/// </summary>
public sealed class TaskGraphBuilder
{
    private readonly FlowModel _model;
    private readonly DiagnosticBag _diag = new();
    private readonly ValueEvaluator _eval;
    private readonly DiagnosticBag _lenientDiag = new();
    private readonly ValueEvaluator _lenientEval;
    private readonly NameResolver _resolver;
    private readonly string _runRoot;
    private readonly Dictionary<string, TaskNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<TaskDecl, IReadOnlyList<Level>> _chains = new();
    private readonly Dictionary<string, List<TaskDecl>> _feeders = new(StringComparer.Ordinal);
    private readonly HashSet<ParameterOverride> _usedOverrides = new();
    private readonly Queue<(TaskDecl Decl, TaskNode Node)> _pending = new();
    private readonly Dictionary<TaskNode, TaskDecl> _queued = new();
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
        var roots = new List<TaskNode>();
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
        var roots = new List<TaskNode>();
        if (_model.Root is null) return Finish(roots);
        foreach (var decl in _model.Root.OrderedTasks)
        {
            var node = BuildTop(decl);
            if (!roots.Contains(node)) roots.Add(node);
        }
        return Finish(roots);
    }

    private TaskNode? FindRequested(string name)
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

    private TaskGraph Finish(List<TaskNode> roots)
    {
        Drain();
        foreach (var d in _lenientDiag.Items) _diag.Add(d with { Severity = DiagnosticSeverity.Warning });
        CheckOverrides();
        var ordered = new List<TaskNode>();
        var state = new Dictionary<TaskNode, int>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in roots)
            if (!state.ContainsKey(r)) Visit(r, state, ordered, reported);
        GraphValueBudget.Check(ordered, _diag);
        var diags = _model.Diagnostics.Concat(_diag.Items).Distinct().ToList();
        return new TaskGraph(roots, ordered, diags, _runRoot, _generatorInputs.Distinct(StringComparer.Ordinal).ToList());
    }

    // Depth-first, needs first: yields dependency order and finds cycles (a need that is still on the path).
    // Iterative, so that a long needs chain cannot exhaust the stack of an MSBuild worker thread.
    private void Visit(TaskNode start, Dictionary<TaskNode, int> state, List<TaskNode> ordered, HashSet<string> reported)
    {
        var path = new List<(TaskNode Node, int Next)> { (start, 0) };
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
        TaskNode? ParentNode);

    private sealed class BodyScope(BodyScope? outer)
    {
        public BodyScope? Outer { get; } = outer;
        public Dictionary<string, Func<TaskNode>> Siblings { get; } = new(StringComparer.Ordinal);

        /// <summary>The sibling definitions, for a subtask whose 'uses' names a sibling (dfm looks in body scopes first).</summary>
        public Dictionary<string, (TaskDef Def, BuildCtx Ctx, string NodeName)> Defs { get; } = new(StringComparer.Ordinal);
    }

    // The node of a top-level task. It is created at once (so that it can be named as a need) and built
    // later from a queue: following needs by recursion would overflow the stack on long chains.
    private TaskNode BuildTop(TaskDecl decl)
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
    private void EnsureBuilt(TaskNode node)
    {
        if (_queued.TryGetValue(node, out var decl)) Complete(decl, node);
    }

    private void Complete(TaskDecl decl, TaskNode node)
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
    private static TaskNode InputOf(TaskNode node)
        => node.Kind == TaskNodeKind.Compound ? node.Children.FirstOrDefault(c => c.Kind == TaskNodeKind.CompoundInput) ?? node : node;

    // The uses chain of a top-level declaration, root first, memoised: thousands of tasks share a few bases.
    // Walked with a loop, not recursion, so that a long inheritance chain cannot exhaust the stack.
    private IReadOnlyList<Level> DeclChain(TaskDecl decl)
    {
        // Keyed by declaration, not name: an override shares its name with the task it replaces.
        if (_chains.TryGetValue(decl, out var cached)) return cached;
        var walk = new List<TaskDecl>();
        var onWalk = new HashSet<TaskDecl>();
        IReadOnlyList<Level> bottom = [];
        for (var d = decl; ;)
        {
            walk.Add(d);
            onWalk.Add(d);
            var (task, type) = BaseOf(d.Def, d.Package, Prefix(d), d);
            if (task is null)
            {
                if (type is not null) bottom = TypeChain(type, d.Def.Uses!.Location).ToList();
                break;
            }
            if (_chains.TryGetValue(task, out var known))
            {
                bottom = known;
                break;
            }
            if (onWalk.Contains(task))
            {
                _diag.Error(DiagnosticCodes.CircularDefinition, $"task '{task.FullName}' inherits from itself through 'uses'", task.Def.Uses?.Location ?? task.Location);
                break;
            }
            d = task;
        }
        // Memoise every declaration on the walk, from the base upwards.
        for (var i = walk.Count - 1; i >= 0; i--)
        {
            var d = walk[i];
            var chain = new List<Level>(bottom.Count + 1);
            chain.AddRange(bottom);
            chain.Add(new Level(d.Def, null, d.Package, Prefix(d), d.FullName, d));
            _chains[d] = chain;
            bottom = chain;
        }
        return bottom;
    }

    private IEnumerable<Level> BaseLevels(TaskDef def, FlowPackage pkg, string prefix, TaskDecl? decl)
    {
        var (task, type) = BaseOf(def, pkg, prefix, decl);
        return task is not null ? DeclChain(task) : type is not null ? TypeChain(type, def.Uses!.Location) : [];
    }

    // The direct base of a definition: a task (the replaced task for an override without 'uses'), a type, or neither.
    private (TaskDecl? Task, TypeDecl? Type) BaseOf(TaskDef def, FlowPackage pkg, string prefix, TaskDecl? decl)
    {
        if (def.Uses is null)
            return (decl?.Overridden, null);
        var uses = def.Uses;
        if (uses.Name.Contains("${{", StringComparison.Ordinal))
        {
            var scope = new TaskEvalScope(new(), null, [], pkg, Path.GetDirectoryName(def.FragmentFile) ?? "", _runRoot, def.Name, _model.Globals);
            if (!_eval.TryEvaluateText(uses.Name, uses.Location, false, scope, out var v)) return (null, null);
            uses = uses with { Name = FlowValues.ToDisplayString(v) };
        }
        var (task, type) = _resolver.ResolveBase(uses, pkg, def.FragmentFile, prefix, decl);
        if (task is not null && decl is not null && task == decl)
        {
            _diag.Error(DiagnosticCodes.CircularDefinition, $"task '{decl.FullName}' uses itself", uses.Location);
            return (null, null);
        }
        return (task, type);
    }

    private IEnumerable<Level> TypeChain(TypeDecl type, SourceLocation at)
    {
        var list = new List<Level>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var t = type; t is not null;)
        {
            if (!seen.Add(t.FullName))
            {
                _diag.Error(DiagnosticCodes.CircularDefinition, $"type '{t.FullName}' inherits from itself", t.Def.Location);
                break;
            }
            var dot = t.Name.LastIndexOf('.');
            list.Insert(0, new Level(null, t.Def, t.Package, dot > 0 ? t.Name[..dot] : "", t.FullName, null));
            t = t.Def.Uses is { } u ? _resolver.ResolveType(u, t.Package, report: true) : null;
        }
        return list;
    }

    private IReadOnlyList<Level> ChainFor(TaskDef def, BuildCtx ctx, TaskDecl? decl, string nodeName)
        => decl is not null ? DeclChain(decl) : SubtaskChain(def, ctx, nodeName, 0);

    // A subtask's chain: its base is a sibling subtask when one has that name, else a task or type.
    private List<Level> SubtaskChain(TaskDef def, BuildCtx ctx, string nodeName, int depth)
    {
        var own = new Level(def, null, ctx.Package, ctx.Prefix, nodeName, null);
        if (def.Uses is { } u && FindSiblingDef(ctx.Body, u.Name, def) is { } sibling)
        {
            if (depth > 32)
            {
                _diag.Error(DiagnosticCodes.CircularDefinition, $"subtask '{nodeName}' inherits from itself through 'uses'", u.Location);
                return [own];
            }
            return [.. SubtaskChain(sibling.Def, sibling.Ctx, sibling.NodeName, depth + 1), own];
        }
        return [.. BaseLevels(def, ctx.Package, ctx.Prefix, null), own];
    }

    private static (TaskDef Def, BuildCtx Ctx, string NodeName)? FindSiblingDef(BodyScope? body, string name, TaskDef self)
    {
        for (var b = body; b is not null; b = b.Outer)
            if (b.Defs.TryGetValue(name, out var d) && !ReferenceEquals(d.Def, self)) return d;
        return null;
    }

    private TaskNode NewNode(TaskDef def, string nodeName, FlowPackage package, TaskNode? parent)
    {
        var node = new TaskNode(nodeName, package.Name, def.Location) { Parent = parent, Desc = def.Desc, Doc = def.Doc, Scope = def.Scope };
        _nodes[nodeName] = node;
        parent?.AddChild(node);
        return node;
    }

    // Subtasks are built at once, inside their compound.
    private TaskNode BuildTask(TaskDef def, string nodeName, BuildCtx ctx, TaskDecl? decl)
    {
        if (_nodes.TryGetValue(nodeName, out var existing)) return existing;
        var node = NewNode(def, nodeName, ctx.Package, ctx.ParentNode);
        FillTask(node, def, ctx, decl);
        return node;
    }

    private void FillTask(TaskNode node, TaskDef def, BuildCtx ctx, TaskDecl? decl)
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
    private void CheckRunDir(TaskNode node, TaskDef def)
    {
        static bool TooLong(TaskNode n, out string problem)
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

    private IEnumerable<TaskNode> ResolveNeed(NameRef need, BuildCtx ctx, string file)
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

    private Dictionary<string, object?> BuildParams(TaskNode node, IReadOnlyList<Level> chain, BuildCtx ctx)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var docs = new Dictionary<string, (string? Doc, SourceLocation Loc)>(StringComparer.Ordinal);
        for (var li = 0; li < chain.Count; li++)
        {
            var level = chain[li];
            var defs = level.Task?.With ?? level.Type!.With;
            if (defs.Count == 0) continue;
            foreach (var p in defs)
            {
                var scope = new TaskEvalScope(values, ctx.Matrix, ctx.Parents, level.Package, level.SrcDir, node.RunDirFull, node.Name, _model.Globals, evaluating: p.Name);
                var selfRef = SelfReference(p);
                var exists = types.TryGetValue(p.Name, out var type);
                if (!exists || (p.IsLongForm && p.Type is not null))
                {
                    // Without a type the entry sets an inherited parameter, which must exist when there is a base.
                    if (!exists && p.Type is null && li > 0 && level.Task is not null)
                    {
                        var baseName = chain[li - 1].FullName;
                        var known = types.Keys.ToList();
                        var hint = NameSuggester.Suggest(p.Name, known) is { } s ? $" (did you mean '{s}'?)"
                            : known.Count > 0 ? $"; its parameters are: {string.Join(", ", known)}" : "; it has no parameters";
                        _diag.Error(DiagnosticCodes.UnknownParameter, $"parameter '{p.Name}' not found in base task '{baseName}'{hint}", p.Location);
                        continue;
                    }
                    type = p.Type is not null ? ParamTypes.Canonical(p.Type) ?? "str" : null;
                    var inherited = exists ? values[p.Name] : null;
                    object? v;
                    if (p.Value is null && !p.HasListOp) v = exists && type is null ? inherited : ParamTypes.DefaultOf(type);
                    else if (selfRef) v = ParamTypes.DefaultOf(type);
                    else
                    {
                        v = ParamValueResolver.Resolve(p, p.Value is null ? ParamTypes.DefaultOf(type ?? "list") : inherited, type ?? (p.HasListOp ? "list" : "str"), scope, _eval, out var ok);
                        if (!ok) v = ParamTypes.DefaultOf(type);
                    }
                    type ??= exists ? types[p.Name] : ParamTypes.Infer(v);
                    types[p.Name] = type;
                    values[p.Name] = Coerce(v, type, p, node);
                    docs[p.Name] = (p.Doc ?? p.Desc ?? (docs.TryGetValue(p.Name, out var d) ? d.Doc : null), p.Location);
                }
                else if (!selfRef)
                {
                    var v = ParamValueResolver.Resolve(p, values[p.Name], type!, scope, _eval, out var ok);
                    if (ok) values[p.Name] = Coerce(v, type!, p, node);
                }
            }
        }
        ApplyCommandLine(node, values, types);
        node.Params = values.Select(kv => new TaskParameter(kv.Key, types[kv.Key], kv.Value, docs.TryGetValue(kv.Key, out var d) ? d.Doc : null,
            docs.TryGetValue(kv.Key, out var dl) ? dl.Loc : null)).ToList();
        node.ParamValues = new FlowMap(values);
        return values;
    }

    // this.P or params.P in P's own value would read the value being computed: an error, reported at the text that says it.
    private bool SelfReference(ParamDef p)
    {
        foreach (var node in (YNode?[])[p.Value, p.Append, p.Prepend, p.PathAppend, p.PathPrepend])
            if (SelfReferenceIn(node, p.Name) is { } found)
            {
                _diag.Error(DiagnosticCodes.ExpressionEval,
                    $"parameter '{p.Name}' refers to itself ('{found.Name}'); in its own value, '{p.Name}' alone names the enclosing compound's, the matrix's or the package's '{p.Name}'",
                    found.At);
                return true;
            }
        return false;
    }

    private static (string Name, SourceLocation At)? SelfReferenceIn(YNode? node, string param)
    {
        switch (node)
        {
            case YScalar { Value: string text } scalar when text.Contains("${{", StringComparison.Ordinal):
                IReadOnlyList<string> names;
                try { names = ExpressionTemplate.Parse(text).ReferencedNames; }
                catch (ExpressionException) { return null; } // reported where the text is evaluated
                foreach (var n in names)
                    foreach (var head in (string[])["this.", "params."])
                        if (n.StartsWith(head, StringComparison.Ordinal) && n.AsSpan(head.Length).StartsWith(param, StringComparison.Ordinal)
                            && (n.Length == head.Length + param.Length || n[head.Length + param.Length] == '.'))
                            return (n, scalar.Location);
                return null;
            case YSequence seq:
                foreach (var i in seq.Items)
                    if (SelfReferenceIn(i, param) is { } f) return f;
                return null;
            case YMapping map:
                foreach (var e in map.Entries)
                    if (SelfReferenceIn(e.Value, param) is { } f) return f;
                return null;
            default:
                return null;
        }
    }

    private object? Coerce(object? value, string type, ParamDef p, TaskNode node)
    {
        if (ParamTypes.TryCoerce(value, type, out var result, out var error)) return result;
        _diag.Error(DiagnosticCodes.ParamType, $"parameter '{p.Name}' of task '{node.Name}' is of type {type}: {error}", p.Value?.Location ?? p.Location);
        return ParamTypes.DefaultOf(type);
    }

    // -D task.param=value, pkg.task.param=value, or a bare name that is no package parameter.
    private void ApplyCommandLine(TaskNode node, Dictionary<string, object?> values, Dictionary<string, string> types)
    {
        foreach (var o in _model.Overrides)
        {
            bool applies;
            if (o.IsQualified)
                applies = o.Qualifier == node.Name || (node.Package == _model.Root!.Name && node.Name == _model.Root.Name + "." + o.Qualifier);
            else
                applies = !_model.Packages.Values.Any(p => p.ParamValues.ContainsKey(o.Name)) && types.ContainsKey(o.Name);
            if (!applies) continue;
            _usedOverrides.Add(o);
            if (!types.TryGetValue(o.ParamName, out var type))
            {
                _diag.Error(DiagnosticCodes.UnknownParameter, $"-D {o.Name}: task '{node.Name}' has no parameter '{o.ParamName}'{NameSuggester.Hint(o.ParamName, types.Keys)}; its parameters are: {string.Join(", ", types.Keys)}", node.Location);
                continue;
            }
            if (ParamTypes.TryCoerce(FlowLoader.CommandLineValue(o.Value, type), type, out var v, out var err)) values[o.ParamName] = v;
            else _diag.Error(DiagnosticCodes.ParamType, $"-D {o.Name}={o.Value}: {err} for parameter '{o.ParamName}' of type {type}", node.Location);
        }
    }

    private void CheckOverrides()
    {
        foreach (var o in _model.Overrides)
        {
            if (_usedOverrides.Contains(o)) continue;
            if (_model.Packages.Values.Any(p => o.IsQualified ? o.Qualifier == p.Name && p.ParamValues.ContainsKey(o.ParamName) : p.ParamValues.ContainsKey(o.Name)))
                continue;
            if (o.IsQualified && !_nodes.Values.Any(n => n.Name == o.Qualifier || n.Name == _model.Root?.Name + "." + o.Qualifier))
                continue; // the task is not part of this graph
            _diag.Warning(DiagnosticCodes.UnknownParameter, $"-D {o.Name}={o.Value} matches no package parameter and no parameter of the tasks being built", SourceLocation.OfFile(_model.RootFile));
        }
    }

    private bool EvaluateCondition(YNode iff, IExpressionScope scope)
    {
        if (!_eval.TryEvaluate(iff, scope, out var v)) return false;
        return v switch
        {
            bool b => b,
            string s => s.Trim().ToLowerInvariant() is not ("" or "false" or "0" or "no" or "off"),
            _ => FlowValues.IsTruthy(v),
        };
    }

    private DataFilterSpec EvaluateFilter(DataFilter f, IExpressionScope scope) => f.Kind switch
    {
        DataFilterKind.All => DataFilterSpec.All,
        DataFilterKind.None => DataFilterSpec.None,
        DataFilterKind.Unused => DataFilterSpec.Unused,
        _ => new DataFilterSpec(DataFilterKind.Patterns, f.Patterns.Select(p => EvaluatePattern(p, scope)).ToList()),
    };

    private FlowMap EvaluatePattern(DataPattern p, IExpressionScope scope, bool lenient = false)
    {
        var entries = new List<KeyValuePair<string, object?>>(p.Fields.Count);
        foreach (var (key, node) in p.Fields)
        {
            // Declared produces are informational: as in dfm, a value that fails to evaluate keeps its text (with a warning).
            if (!(lenient ? _lenientEval : _eval).TryEvaluate(node, scope, out var v) && lenient && node is YScalar raw) v = raw.Text;
            entries.Add(new(key, v));
        }
        return new FlowMap(entries);
    }

    // Produces accumulate along the uses chain: a derived task adds to what its base produces.
    private IReadOnlyList<FlowMap>? EvaluateProduces(IReadOnlyList<Level> chain, Func<Level, IExpressionScope> scopeAt)
    {
        List<FlowMap>? result = null;
        foreach (var l in chain)
        {
            if (l.Task?.Produces is not { } produces) continue;
            result ??= new();
            var scope = scopeAt(l);
            foreach (var p in produces) result.Add(EvaluatePattern(p, scope, lenient: true));
        }
        return result;
    }

    private static UptodateSpec EvaluateUptodate(IReadOnlyList<Level> chain)
    {
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            switch (chain[i].Task?.Uptodate)
            {
                case null: continue;
                case YScalar { Value: false }: return UptodateSpec.Never;
                case YScalar { Value: true or null }: return UptodateSpec.Default;
                case YScalar s when s.Text.Trim().ToLowerInvariant() is "false" or "no" or "never": return UptodateSpec.Never;
                case YScalar s: return new UptodateSpec(UptodateKind.Custom, s.Text.Trim());
            }
        }
        return UptodateSpec.Default;
    }

    // Compound tasks: an input sentinel (name.in) carries the compound's needs; subtasks that need no
    // sibling get it as a need; subtasks no sibling needs are terminal and feed the compound's output.
    private void BuildBody(TaskNode node, IReadOnlyList<Level> chain, BuildCtx ctx, IReadOnlyList<string> segments)
    {
        // A subtask that (through 'uses') is the compound being expanded would expand forever.
        var owners = chain.Select(l => l.Task).OfType<TaskDef>().Where(t => t.IsCompound).ToList();
        var recursive = owners.FirstOrDefault(_expanding.Contains);
        if (recursive is not null)
        {
            _diag.Error(DiagnosticCodes.CircularDefinition, $"task '{node.Name}' contains itself: its body expands '{recursive.Name}' again", node.Location);
            return;
        }
        foreach (var o in owners) _expanding.Add(o);
        try { BuildBodyCore(node, chain, ctx, segments); }
        finally { foreach (var o in owners) _expanding.Remove(o); }
    }

    private void BuildBodyCore(TaskNode node, IReadOnlyList<Level> chain, BuildCtx ctx, IReadOnlyList<string> segments)
    {
        var input = new TaskNode(node.Name + ".in", node.Package, node.Location)
        {
            Kind = TaskNodeKind.CompoundInput,
            Consumes = DataFilterSpec.None,
            Passthrough = DataFilterSpec.All,
            Parent = node,
            RundirMode = RundirMode.Inherit,
            RunDir = node.RunDir,
            RunDirFull = node.RunDirFull,
            SrcDir = node.SrcDir,
            Desc = $"inputs of {node.Name}",
        };
        _nodes[input.Name] = input;
        node.AddChild(input);
        foreach (var n in node.Needs) input.AddNeed(n);

        // Body tasks along the uses chain: a base compound's subtasks first; a same-named subtask replaces an inherited one.
        var body = new List<(TaskDef Def, Level Level)>();
        StrategyDef? strategy = null;
        Level? strategyLevel = null;
        foreach (var level in chain)
        {
            if (level.Task is null) continue;
            if (level.Task.Strategy is { } s) (strategy, strategyLevel) = (s, level);
            foreach (var sub in level.Task.Body ?? [])
            {
                var idx = body.FindIndex(b => b.Def.Name == sub.Name);
                if (idx >= 0) body[idx] = (sub, level); else body.Add((sub, level));
            }
        }
        if (node.Generate is { } generate)
            body.AddRange(Generated(node, generate, chain, body));
        var parents = ctx.Parents.Append(node.ParamValues).ToList();
        var subSegments = node.RundirMode == RundirMode.Unique ? segments : ctx.Segments;
        var members = new List<TaskNode>();

        if (strategy?.Matrix is { Count: > 0 } matrix)
        {
            // Matrix cells are built at the current directory level, named <task>.<sub>_<i>_<j> (dfm's legacy scheme).
            var axes = new List<(string Name, object?[] Values)>();
            var scope = new TaskEvalScope(new(node.ParamValues), ctx.Matrix, ctx.Parents, strategyLevel!.Package, strategyLevel.SrcDir, node.RunDirFull, node.Name, _model.Globals);
            foreach (var (axis, values) in matrix)
            {
                if (!_eval.TryEvaluate(values, scope, out var vals)) vals = null;
                else if (vals is not IReadOnlyList<object?> { Count: > 0 })
                    _diag.Error(DiagnosticCodes.BadStrategy, $"matrix variable '{axis}' of task '{node.Name}' must be a non-empty list, found {ParamTypes.Describe(vals)}", values.Location);
                axes.Add((axis, vals is IReadOnlyList<object?> list ? list.ToArray() : []));
            }
            var total = axes.Aggregate(1L, (acc, a) => acc * a.Values.Length);
            if (total > 100_000)
            {
                _diag.Error(DiagnosticCodes.BadStrategy, $"matrix of task '{node.Name}' has {total} combinations; the limit is 100000", strategy.Location);
                return;
            }
            foreach (var combo in Combinations(axes.Select(a => a.Values.Length).ToArray()))
            {
                var cell = new FlowMap(axes.Select((a, i) => new KeyValuePair<string, object?>(a.Name, a.Values[combo[i]])));
                var suffix = "_" + string.Join("_", combo.Select((c, i) => FirstIndex(axes[i].Values, c)));
                members.AddRange(BuildMembers(node, body, ctx, parents, cell, ctx.Segments, suffix));
            }
        }
        else
        {
            members.AddRange(BuildMembers(node, body, ctx, parents, ctx.Matrix, subSegments, ""));
        }

        // A compound member takes its needs on its input node, like any need added after it is built.
        var memberSet = new HashSet<TaskNode>(members);
        var needed = new HashSet<TaskNode>(members.SelectMany(m => InputOf(m).Needs));
        foreach (var m in members)
        {
            var target = InputOf(m);
            if (!target.Needs.Any(memberSet.Contains) && m.Enabled) target.InsertNeedFirst(input);
            if (!needed.Contains(m)) node.AddNeed(m);
        }
        // The compound's own needs now belong to its input node; the output node waits for the body.
        node.RemoveNeedsNotIn(members);
    }

    // Runs the task's generator and turns what it created into body entries, as if written under 'body:' in the
    // file that declared the generator (so names resolve from that package, and errors point at 'run:').
    private IEnumerable<(TaskDef Def, Level Level)> Generated(TaskNode node, GenerateDef generate, IReadOnlyList<Level> chain, List<(TaskDef Def, Level Level)> body)
    {
        if (_generators is null)
        {
            _diag.Warning(DiagnosticCodes.Generator, $"the generator of task '{node.Name}' was not run: nothing here runs generators", generate.Location);
            return [];
        }
        var level = chain.Last(l => l.Task?.Strategy?.Generate == generate);
        GeneratorResult result;
        try { result = _generators.Generate(new GeneratorRequest(node, generate)); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _diag.Error(DiagnosticCodes.Generator, $"the generator of task '{node.Name}' failed: {ex.Message}", generate.Location);
            return [];
        }
        _generatorInputs.AddRange(result.InputFiles);
        foreach (var d in result.Diagnostics) _diag.Add(d);
        if (result.Diagnostics.Any(d => d.IsError)) return [];
        var names = new HashSet<string>(body.Select(b => b.Def.Name), StringComparer.Ordinal);
        var defs = new List<(TaskDef, Level)>();
        foreach (var spec in result.Tasks)
        {
            if (spec.Name.Length == 0 || spec.Name.Contains('.') || spec.Name.Any(char.IsWhiteSpace))
            {
                _diag.Error(DiagnosticCodes.Generator, $"the generator of task '{node.Name}' created a task named '{spec.Name}': a subtask name is one non-empty word without dots", generate.Location);
                continue;
            }
            if (!names.Add(spec.Name))
            {
                _diag.Error(DiagnosticCodes.Generator, $"the generator of task '{node.Name}' created two subtasks named '{spec.Name}'", generate.Location);
                continue;
            }
            var at = generate.Location;
            defs.Add((new TaskDef
            {
                Name = spec.Name,
                Location = at,
                FragmentFile = level.File,
                Uses = new NameRef(spec.Uses, at),
                Needs = spec.Needs.Select(n => new NameRef(n, at)).ToList(),
                With = spec.With.Select(kv => new ParamDef(kv.Key, at, null, YNodeFactory.FromValue(kv.Value, at), null, null, null, null, null, null, false)).ToList(),
            }, level));
        }
        return defs;
    }

    private IEnumerable<TaskNode> BuildMembers(TaskNode node, List<(TaskDef Def, Level Level)> body, BuildCtx ctx, IReadOnlyList<FlowMap> parents,
        FlowMap? matrix, IReadOnlyList<string> segments, string suffix)
    {
        var scopeBody = new BodyScope(ctx.Body);
        var built = new List<TaskNode>();
        var subCtxs = new Dictionary<string, BuildCtx>(StringComparer.Ordinal);
        foreach (var (def, level) in body)
        {
            var subName = node.Name + "." + def.Name + suffix;
            var subCtx = new BuildCtx(level.Package, level.Prefix, parents, matrix, segments, scopeBody, node);
            scopeBody.Siblings[def.Name] = () => BuildTask(def, subName, subCtx, null);
            scopeBody.Defs[def.Name] = (def, subCtx, subName);
        }
        foreach (var (def, _) in body) built.Add(scopeBody.Siblings[def.Name]());
        return built;
    }

    private static int FirstIndex(object?[] values, int i)
    {
        for (var j = 0; j < i; j++)
            if (FlowValues.ValueEquals(values[j], values[i])) return j;
        return i;
    }

    private static IEnumerable<int[]> Combinations(int[] sizes)
    {
        if (sizes.Any(s => s == 0)) yield break;
        var idx = new int[sizes.Length];
        while (true)
        {
            yield return (int[])idx.Clone();
            var k = sizes.Length - 1;
            while (k >= 0 && ++idx[k] == sizes[k]) idx[k--] = 0;
            if (k < 0) yield break;
        }
    }
}

using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

// The uses chains: each task's chain of bases (tasks and types) and the context each level was written in.
public sealed partial class TaskGraphBuilder
{
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
}

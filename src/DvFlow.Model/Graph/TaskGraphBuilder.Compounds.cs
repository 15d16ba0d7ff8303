using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Values;
using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

// Compound bodies: the input sentinel, subtasks and their needs inside the compound.
public sealed partial class TaskGraphBuilder
{
    // Compound tasks: an input sentinel (name.in) carries the compound's needs; subtasks that need no
    // sibling get it as a need; subtasks no sibling needs are terminal and feed the compound's output.
    private void BuildBody(TaskNodeDraft node, IReadOnlyList<Level> chain, BuildCtx ctx, IReadOnlyList<string> segments)
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

    private void BuildBodyCore(TaskNodeDraft node, IReadOnlyList<Level> chain, BuildCtx ctx, IReadOnlyList<string> segments)
    {
        var input = new TaskNodeDraft(node.Name + ".in", node.Package, node.Location)
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
        var members = new List<TaskNodeDraft>();

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
            foreach (var combo in MatrixCells.Combinations(axes.Select(a => a.Values.Length).ToArray()))
            {
                var cell = new FlowMap(axes.Select((a, i) => new KeyValuePair<string, object?>(a.Name, a.Values[combo[i]])));
                var suffix = "_" + string.Join("_", combo.Select((c, i) => MatrixCells.FirstIndex(axes[i].Values, c)));
                members.AddRange(BuildMembers(node, body, ctx, parents, cell, ctx.Segments, suffix));
            }
        }
        else
        {
            members.AddRange(BuildMembers(node, body, ctx, parents, ctx.Matrix, subSegments, ""));
        }

        // A compound member takes its needs on its input node, like any need added after it is built.
        var memberSet = new HashSet<TaskNodeDraft>(members);
        var needed = new HashSet<TaskNodeDraft>(members.SelectMany(m => InputOf(m).Needs));
        foreach (var m in members)
        {
            var target = InputOf(m);
            if (!target.Needs.Any(memberSet.Contains) && m.Enabled) target.InsertNeedFirst(input);
            if (!needed.Contains(m)) node.AddNeed(m);
        }
        // The compound's own needs now belong to its input node; the output node waits for the body.
        node.RemoveNeedsNotIn(members);
    }

    private IEnumerable<TaskNodeDraft> BuildMembers(TaskNodeDraft node, List<(TaskDef Def, Level Level)> body, BuildCtx ctx, IReadOnlyList<FlowMap> parents,
        FlowMap? matrix, IReadOnlyList<string> segments, string suffix)
    {
        var scopeBody = new BodyScope(ctx.Body);
        var built = new List<TaskNodeDraft>();
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
}

using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;
using DvFlow.Model.Values;
using DvFlow.Model.Yaml;

namespace DvFlow.Model.Graph;

public sealed partial class TaskGraphBuilder
{
    // Tags as dfm writes them: a type name, or a one-entry mapping of a type name to field values. The type must
    // derive from std.Tag; its fields start at the type chain's values. A task carries the tags of the tasks it
    // uses too, so a base task (hdlsim.SimRun) can mark every task derived from it.
    private IReadOnlyList<TaskTag> EvaluateTags(IReadOnlyList<Level> chain, Func<Level, IExpressionScope> scopeAt)
    {
        List<TaskTag>? tags = null;
        foreach (var level in chain)
        {
            if (level.Task?.Tags is not { Count: > 0 } entries) continue;
            var scope = scopeAt(level);
            foreach (var entry in entries)
                if (EvaluateTag(entry, level, scope, scopeAt) is { } tag) (tags ??= new()).Add(tag);
        }
        return tags ?? (IReadOnlyList<TaskTag>)[];
    }

    private TaskTag? EvaluateTag(YNode entry, Level level, IExpressionScope scope, Func<Level, IExpressionScope> scopeAt)
    {
        YScalar name;
        YMapping? with = null;
        switch (entry)
        {
            case YScalar s when s.Text.Length > 0:
                name = s;
                break;
            case YMapping { Entries.Count: 1 } m when m.Entries[0].Value is YMapping or YScalar { Value: null }:
                name = m.Entries[0].Key;
                with = m.Entries[0].Value as YMapping;
                break;
            default:
                _diag.Error(DiagnosticCodes.WrongType, $"a tag is a type name, or a mapping of one type name to its field values (- std.Tag: {{category: test}}); found {entry.KindName}", entry.Location);
                return null;
        }
        var type = _resolver.ResolveType(new NameRef(name.Text, name.Location), level.Package, report: true, level.Prefix);
        if (type is null) return null;
        var types = TypeChain(type, name.Location).ToList();
        if (!types.Any(t => t.FullName == TaskTag.BaseType))
        {
            _diag.Error(DiagnosticCodes.NotATag, $"tag type '{type.FullName}' does not derive from {TaskTag.BaseType} (declare it with 'uses: {TaskTag.BaseType}')", name.Location);
            return null;
        }
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var t in types)
        {
            var typeScope = scopeAt(t);
            foreach (var p in t.Type!.With)
            {
                if (p.Value is null) { values.TryAdd(p.Name, ParamTypes.DefaultOf(p.Type)); continue; }
                if (_eval.TryEvaluate(p.Value, typeScope, out var v)) values[p.Name] = v;
            }
        }
        foreach (var e in with?.Entries ?? [])
        {
            if (!values.ContainsKey(e.Name))
            {
                var hint = NameSuggester.Suggest(e.Name, values.Keys) is { } s ? $" (did you mean '{s}'?)" : $"; its fields are: {string.Join(", ", values.Keys)}";
                _diag.Error(DiagnosticCodes.UnknownParameter, $"tag type '{type.FullName}' has no field '{e.Name}'{hint}", e.Key.Location);
                continue;
            }
            if (_eval.TryEvaluate(e.Value, scope, out var v)) values[e.Name] = v;
        }
        return new TaskTag(type.FullName, new FlowMap(values), name.Location);
    }
}

using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Expressions;
using DvFlow.Model.Values;
using DvFlow.Model.Yaml;
using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

// Parameters: values along the uses chain, evaluated where they were written, -D overrides and their checks.
public sealed partial class TaskGraphBuilder
{
    private Dictionary<string, object?> BuildParams(TaskNodeDraft node, IReadOnlyList<Level> chain, BuildCtx ctx)
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
        node.Parameters = values.Keys.Select(k => new TaskParameter(k, types[k], docs.TryGetValue(k, out var d) ? d.Doc : null,
            docs.TryGetValue(k, out var dl) ? dl.Loc : null)).ToList();
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

    private object? Coerce(object? value, string type, ParamDef p, TaskNodeDraft node)
    {
        if (ParamTypes.TryCoerce(value, type, out var result, out var error)) return result;
        _diag.Error(DiagnosticCodes.ParamType, $"parameter '{p.Name}' of task '{node.Name}' is of type {type}: {error}", p.Value?.Location ?? p.Location);
        return ParamTypes.DefaultOf(type);
    }

    // -D task.param=value, pkg.task.param=value, or a bare name that is no package parameter.
    private void ApplyCommandLine(TaskNodeDraft node, Dictionary<string, object?> values, Dictionary<string, string> types)
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
            if (ParamTypes.TryCoerce(FlowElaborator.CommandLineValue(o.Value, type), type, out var v, out var err)) values[o.ParamName] = v;
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
}

using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Model.Elaboration;

/// <summary>
/// Applies one <c>with:</c> entry to an inherited value: a plain value replaces it; the long form's
/// <c>value</c> replaces it and <c>prepend</c>/<c>append</c> (lists) and <c>path-prepend</c>/<c>path-append</c>
/// (lists, or strings joined with the path separator) extend it:
/// <c>path-prepend + prepend + (value or inherited) + append + path-append</c>, as dfm does.
/// </summary>
public static class ParamValueResolver
{
    /// <summary>The new value; <paramref name="ok"/> is false (with a diagnostic) when evaluation failed.</summary>
    public static object? Resolve(ParamDef def, object? inherited, string type, IExpressionScope scope, ValueEvaluator eval, out bool ok)
    {
        ok = true;
        if (!def.HasListOp)
        {
            if (def.Value is null) return def.IsLongForm ? inherited : null;
            ok = eval.TryEvaluate(def.Value, scope, out var v);
            return v;
        }
        object? start = inherited;
        if (def.Value is not null) ok &= eval.TryEvaluate(def.Value, scope, out start);
        if (type == "str")
        {
            // Path operations on a string parameter build a search-path string.
            if (def.Append is not null || def.Prepend is not null)
            {
                eval.Diagnostics.Error(DiagnosticCodes.ParamType, $"'append' and 'prepend' apply to list parameters, but '{def.Name}' is a non-list (str) parameter; use 'path-append' or 'path-prepend'", def.Location);
                ok = false;
                return inherited;
            }
            var parts = new List<string>();
            ok &= AddStrings(def.PathPrepend, parts);
            if (start is string s && s.Length > 0) parts.Add(s);
            ok &= AddStrings(def.PathAppend, parts);
            return string.Join(Path.PathSeparator, parts);
        }
        if (type != "list")
        {
            eval.Diagnostics.Error(DiagnosticCodes.ParamType, $"list operations apply to list parameters, but '{def.Name}' is a non-list ({type}) parameter", def.Location);
            ok = false;
            return inherited;
        }
        var result = new List<object?>();
        ok &= Add(def.PathPrepend, result);
        ok &= Add(def.Prepend, result);
        switch (start)
        {
            case null: break;
            case IReadOnlyList<object?> l: result.AddRange(l); break;
            default: result.Add(start); break;
        }
        ok &= Add(def.Append, result);
        ok &= Add(def.PathAppend, result);
        return result.ToArray();

        bool Add(Yaml.YNode? node, List<object?> into)
        {
            if (node is null) return true;
            var r = eval.TryEvaluate(node, scope, out var v);
            if (v is IReadOnlyList<object?> list) into.AddRange(list);
            else if (v is not null) into.Add(v);
            return r;
        }

        bool AddStrings(Yaml.YNode? node, List<string> into)
        {
            var tmp = new List<object?>();
            var r = Add(node, tmp);
            into.AddRange(tmp.Select(FlowValues.ToDisplayString));
            return r;
        }
    }
}

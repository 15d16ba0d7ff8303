using DvFlow.Model.Elaboration;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

/// <summary>
/// What a task's expressions see, innermost first: the task's own parameters (as evaluated so far),
/// <c>params</c>/<c>this</c>, <c>matrix</c> variables, the enclosing compound tasks' parameters, the
/// parameters of the package whose text is being evaluated, then <c>rundir</c>, <c>srcdir</c>, <c>env</c>,
/// <c>rootdir</c> and other packages' parameters. While a parameter's own value is evaluated
/// (<paramref name="evaluating"/>), its bare name skips the task's own parameters, as in dfm, which binds a parameter
/// only once its value is known: <c>trace: ${{ trace }}</c> passes the enclosing compound's or the package's <c>trace</c> on.
/// </summary>
internal sealed class TaskEvalScope(
    Dictionary<string, object?> own,
    FlowMap? matrix,
    IReadOnlyList<FlowMap> parents,
    FlowPackage package,
    string srcdir,
    string rundir,
    string nodeName,
    GlobalNames globals,
    string? evaluating = null) : IExpressionScope
{
    public bool TryResolve(string name, out object? value)
    {
        if (name != evaluating && own.TryGetValue(name, out value)) return true;
        switch (name)
        {
            case "params":
                value = new FlowMap(own);
                return true;
            case "this":
                value = This();
                return true;
            case "matrix" when matrix is not null:
                value = matrix;
                return true;
            case "rundir":
                value = rundir;
                return true;
        }
        if (matrix is not null && matrix.TryGetValue(name, out value)) return true;
        for (var i = parents.Count - 1; i >= 0; i--)
            if (parents[i].TryGetValue(name, out value)) return true;
        if (package.ParamValues.TryGetValue(name, out value)) return true;
        if (globals.TryResolve(package, srcdir, name, out value)) return true;
        // Last, so that a parameter called 'name' is never shadowed.
        if (name == "name")
        {
            value = nodeName;
            return true;
        }
        return false;
    }

    private FlowMap This()
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in parents)
            foreach (var kv in p) merged[kv.Key] = kv.Value;
        if (matrix is not null)
            foreach (var kv in matrix) merged[kv.Key] = kv.Value;
        foreach (var kv in own) merged[kv.Key] = kv.Value;
        return new FlowMap(merged);
    }
}

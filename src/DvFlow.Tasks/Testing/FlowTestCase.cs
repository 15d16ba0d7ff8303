using DvFlow.Model.Diagnostics;
using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Testing;

/// <summary>
/// A flow task that <c>dotnet test</c> reports as a test. Its fully qualified name is the task's name
/// (<c>regression.tests.run_1_2</c>); its display name adds the matrix cell it runs in
/// (<c>regression.tests.run_1_2(test: fill, seed: 3)</c>), so a result names the test and the seed.
/// </summary>
/// <param name="Node">The task's name in the plan.</param>
/// <param name="FullyQualifiedName">vstest's <c>FullyQualifiedName</c>: the task's name.</param>
/// <param name="DisplayName">vstest's <c>Name</c>: the task's name and its matrix values.</param>
/// <param name="ClassName">Everything before the task's last name segment (<c>regression.tests</c>): the TRX class and the JUnit classname.</param>
/// <param name="MethodName">The rest of the display name (<c>run_1_2(test: fill, seed: 3)</c>).</param>
/// <param name="Location">Where the task is declared.</param>
public sealed record FlowTestCase(string Node, string FullyQualifiedName, string DisplayName, string ClassName, string MethodName, SourceLocation? Location)
{
    /// <summary>The test of a plan node.</summary>
    public static FlowTestCase Of(NodeSpec node)
    {
        var cell = node.Matrix is { Count: > 0 } m
            ? "(" + string.Join(", ", m.Select(kv => $"{kv.Key}: {FlowValues.ToDisplayString(kv.Value)}")) + ")"
            : "";
        var dot = node.Name.LastIndexOf('.');
        var className = dot > 0 ? node.Name[..dot] : node.Package;
        var method = (dot > 0 ? node.Name[(dot + 1)..] : node.Name) + cell;
        return new FlowTestCase(node.Name, node.Name, node.Name + cell, className, method, node.Location);
    }

    /// <summary>The tests of a plan, in plan (dependency) order.</summary>
    public static IReadOnlyList<FlowTestCase> All(FlowPlan plan) => plan.Nodes.Where(n => n.IsTest).Select(Of).ToList();
}

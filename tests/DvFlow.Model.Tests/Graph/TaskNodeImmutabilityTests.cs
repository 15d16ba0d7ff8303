using System.Reflection;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Graph;

public class TaskNodeImmutabilityTests
{
    [Fact]
    public void TaskNodeCanBeReadButNotChangedOutsideItself()
    {
        // The builder fills TaskNodeDraft; a TaskNode handed to the planner, inspection or a generator host is final.
        var writable = typeof(TaskNode).GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.SetMethod is { IsPrivate: false })
            .Select(p => p.Name)
            .ToList();
        Assert.Empty(writable);
        Assert.DoesNotContain(typeof(TaskNode).GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic),
            m => m.Name is "AddNeed" or "AddChild" or "InsertNeedFirst" or "RemoveNeedsNotIn");
    }

    [Fact]
    public void NeedsChildrenAndParentsLinkTheGraphsOwnNodes()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              tasks:
              - name: a
                run: echo a
              - name: c
                needs: [a]
                body:
                - name: s1
                  run: echo s1
                - name: s2
                  needs: [s1]
                  run: echo s2
            """));
        var g = new TaskGraphBuilder(m).Build(["c"]);
        FlowAssert.NoErrors(g);
        var c = g.ByName["p.c"];
        var s2 = g.ByName["p.c.s2"];
        Assert.Same(c, s2.Parent);
        Assert.Contains(s2, c.Children);
        Assert.All(g.Nodes.SelectMany(n => n.Needs.Concat(n.Children)), n => Assert.Same(g.ByName[n.Name], n));
    }
}

using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;
using DvFlow.TaskApi;

namespace DvFlow.Model.Tests.Graph;

public class DataItemTypeTests
{
    [Fact]
    public void ItemTypeIsTheMostDerivedTypeNotTheRootBase()
    {
        using var f = new FlowFiles();
        var m = f.Load("""
            package:
              name: p
              types:
              - name: Args
                uses: std.DataItem
                with:
                  args: {type: list}
              - name: MoreArgs
                uses: Args
              tasks:
              - name: a
                uses: Args
                with: {args: [x]}
              - name: b
                uses: MoreArgs
            """);
        var g = FlowAssert.Graph(m, "a", "b");
        Assert.Equal(TaskNodeKind.DataItem, g.ByName["p.a"].Kind);
        Assert.Equal("p.Args", g.ByName["p.a"].DataType);
        Assert.Equal("p.MoreArgs", g.ByName["p.b"].DataType);
    }
}

using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Graph;

public class SmokeTests
{
    [Fact]
    public void DerivedMessageTaskGetsOverriddenParameter()
    {
        using var f = new FlowFiles();
        var m = f.Load("""
            package:
              name: my_pkg
              tasks:
              - name: PrintHello
                uses: std.Message
                with:
                  msg: Hello, World!
            """);
        var g = FlowAssert.Graph(m, "PrintHello");
        var n = g.ByName["my_pkg.PrintHello"];
        Assert.Equal(TaskNodeKind.Leaf, n.Kind);
        Assert.Equal("builtin", n.Shell);
        Assert.Equal("std.Message", n.Run);
        Assert.Equal("Hello, World!", n.ParamValues["msg"]);
        Assert.Equal("my_pkg.PrintHello", n.RunDir);
    }
}

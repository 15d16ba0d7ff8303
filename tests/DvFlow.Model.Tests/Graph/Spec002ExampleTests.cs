using DvFlow.Model.Definitions;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;
using DvFlow.TaskApi;

namespace DvFlow.Model.Tests.Graph;

/// <summary>The flow examples of spec 002 (using tasks).</summary>
public class Spec002ExampleTests
{
    private static TaskGraph G(FlowFiles f, string yaml, params string[] tasks)
        => FlowAssert.Graph(f.Load(yaml, new ElaborationOptions { Registry = f.HdlsimRegistry() }), tasks);

    private static string Pkg(string tasks)
        => "package:\n  name: p\n" + string.Join("\n", tasks.ReplaceLineEndings("\n").Split('\n').Select(l => "  " + l)) + "\n";

    [Fact]
    public void SpecifyingTheBaseTask()
    {
        using var f = new FlowFiles();
        var n = G(f, Pkg("""
            tasks:
            - name: PrintHello
              uses: std.Message
            """)).ByName["p.PrintHello"];
        Assert.Equal("", n.ParamValues["msg"]); // by default the message is empty
        Assert.Equal(("builtin", "std.Message"), (n.Shell, n.Run));
    }

    [Fact]
    public void SpecializingTaskParameters()
    {
        using var f = new FlowFiles();
        var n = G(f, Pkg("""
            tasks:
            - name: PrintHello
              uses: std.Message
              with:
                msg: Hello, World!
            """)).ByName["p.PrintHello"];
        Assert.Equal("Hello, World!", n.ParamValues["msg"]);
    }

    [Fact]
    public void SpecifyingDependencies()
    {
        using var f = new FlowFiles();
        var g = G(f, Pkg("""
            tasks:
            - name: rtlfiles
              uses: std.FileSet
              with:
                type: "verilogSource"
                base: "rtl"
                include: "*.v"
            - name: sim
              uses: hdlsim.vlt.SimImage
              needs: [rtlfiles]
              with:
                top: [mytop]
            - name: run
              uses: hdlsim.vlt.SimRun
              needs: [sim]
            """), "run");
        Assert.Equal(["p.rtlfiles", "p.sim", "p.run"], g.Nodes.Select(n => n.Name));
        Assert.Equal("verilogSource", g.ByName["p.rtlfiles"].ParamValues["type"]);
        Assert.Equal(new object?[] { "mytop" }, (IEnumerable<object?>)g.ByName["p.sim"].ParamValues["top"]!);
    }

    [Fact]
    public void UsingDataItemTasks()
    {
        using var f = new FlowFiles();
        var g = G(f, Pkg("""
            tasks:
            - name: SimOptionsTrace
              uses: hdlsim.SimElabArgs
              with:
                args: [--trace-fst]
            - name: sim_img
              uses: hdlsim.vlt.SimImage
              needs: [SimOptionsTrace]
            """), "sim_img");
        var item = g.ByName["p.SimOptionsTrace"];
        Assert.Equal((TaskNodeKind.DataItem, "hdlsim.SimElabArgs"), (item.Kind, item.DataType));
        Assert.Equal(DataFilterKind.None, item.Consumes.Kind);
    }

    [Fact]
    public void UsingCompoundTasks()
    {
        using var f = new FlowFiles();
        var g = G(f, Pkg("""
            tasks:
            - name: CreateSVFiles
              rundir: inherit
              body:
              - name: mod1
                uses: std.CreateFile
                with:
                  filename: mod1.sv
                  content: |
                    module mod1;
                    endmodule
              - name: mod2
                uses: std.CreateFile
                with:
                  filename: mod2.sv
                  content: |
                    module mod2;
                    endmodule
              - name: getFiles
                uses: std.FileSet
                passthrough: none
                needs: [mod1, mod2]
                with:
                  type: "verilogSource"
                  base: "."
                  include: "*.sv"
            """), "CreateSVFiles");
        var c = g.ByName["p.CreateSVFiles"];
        Assert.Equal(["p.CreateSVFiles.getFiles"], FlowAssert.Needs(c));
        Assert.Equal(["p.CreateSVFiles.mod1", "p.CreateSVFiles.mod2"], FlowAssert.Needs(g.ByName["p.CreateSVFiles.getFiles"]));
        Assert.Equal(DataFilterKind.None, g.ByName["p.CreateSVFiles.getFiles"].Passthrough.Kind);
        Assert.Equal("module mod1;\nendmodule\n", g.ByName["p.CreateSVFiles.mod1"].ParamValues["content"]);
        Assert.All(c.Children, x => Assert.Equal(c.RunDirFull, x.RunDirFull));
    }

    [Fact]
    public void ConditionalTasks()
    {
        using var f = new FlowFiles();
        const string yaml = """
            package:
              name: my_ip
              with:
                debug_level:
                  type: int
                  value: 0
              tasks:
              - name: SimOptions
                uses: hdlsim.SimElabArgs
                body:
                - name: SimOptionsDebug
                  uses: hdlsim.SimElabArgs
                  iff: ${{ debug_level > 0 }}
                  with:
                    args: [--trace-fst]
              - name: sim_img
                uses: hdlsim.vlt.SimImage
                needs: [SimOptions]
            """;
        var off = G(f, yaml, "sim_img");
        Assert.False(off.ByName["my_ip.SimOptions.SimOptionsDebug"].Enabled);
        Assert.Equal(TaskNodeKind.Compound, off.ByName["my_ip.SimOptions"].Kind);
        var on = FlowAssert.Graph(f.Load(yaml, new ElaborationOptions { Registry = f.HdlsimRegistry(), ParameterOverrides = ["debug_level=1"] }), "sim_img");
        var dbg = on.ByName["my_ip.SimOptions.SimOptionsDebug"];
        Assert.True(dbg.Enabled);
        Assert.Equal(new object?[] { "--trace-fst" }, (IEnumerable<object?>)dbg.ParamValues["args"]!);
        Assert.Equal(["my_ip.SimOptions"], FlowAssert.Needs(on.ByName["my_ip.sim_img"]));
    }

    [Fact]
    public void TaskOverride()
    {
        using var f = new FlowFiles();
        var g = G(f, """
            package:
              name: my_project
              tasks:
              - name: sim
                uses: hdlsim.vlt.SimImage
                with:
                  top: [my_top]

              # Override the sim task for debug builds
              - name: sim_debug
                override: sim
                with:
                  top: [my_top]
                  debug: true
              - name: run
                uses: hdlsim.vlt.SimRun
                needs: [sim]
            """, "run");
        // Any task that depends on sim receives sim_debug instead.
        var sim = Assert.Single(g.ByName["my_project.run"].Needs);
        Assert.Equal(true, sim.ParamValues["debug"]);
    }

    [Fact]
    public void ConsumesPatterns()
    {
        using var f = new FlowFiles();
        var n = G(f, Pkg("""
            tasks:
            - name: compile
              uses: hdlsim.vlt.SimImage
              consumes:
              - type: std.FileSet
                filetype: systemVerilogSource
            """)).ByName["p.compile"];
        Assert.Equal("systemVerilogSource", Assert.Single(n.Consumes.Patterns)["filetype"]);
        Assert.Equal(DataFilterKind.Unused, n.Passthrough.Kind);
    }

    [Fact]
    public void PassthroughPatterns()
    {
        using var f = new FlowFiles();
        f.Write("my_tool/flow.yaml", "package:\n  name: my_tool\n  tasks:\n  - export: Processor\n    run: process\n");
        var n = FlowAssert.Graph(f.Load(Pkg("""
            imports: [my_tool]
            tasks:
            - name: process
              uses: my_tool.Processor
              passthrough:
              - type: std.FileSet
                filetype: verilogSource
            """)), "process").ByName["p.process"];
        Assert.Equal(DataFilterKind.Patterns, n.Passthrough.Kind);
        Assert.Equal(DataFilterKind.All, n.Consumes.Kind);
    }

    [Fact]
    public void PatternMatchingAllFieldsMustMatch()
    {
        using var f = new FlowFiles();
        var n = G(f, Pkg("""
            tasks:
            - name: t
              run: echo
              consumes:
              - type: std.FileSet
                filetype: systemVerilogSource
                attributes: [uvm]
            """)).ByName["p.t"];
        var pattern = Assert.Single(n.Consumes.Patterns);
        var uvm = new DvFlow.TaskApi.DataItem("std.FileSet", "x", 0, DvFlow.TaskApi.FlowMap.Of(("filetype", "systemVerilogSource"), ("attributes", new object?[] { "uvm", "tb" })));
        var noUvm = new DvFlow.TaskApi.DataItem("std.FileSet", "x", 1, DvFlow.TaskApi.FlowMap.Of(("filetype", "systemVerilogSource"), ("attributes", new object?[] { "tb" })));
        Assert.True(DvFlow.Model.Dataflow.DataPatternMatcher.Matches(uvm, pattern));
        Assert.False(DvFlow.Model.Dataflow.DataPatternMatcher.Matches(noUvm, pattern));
    }

    [Fact]
    public void RunDirectoryModes()
    {
        using var f = new FlowFiles();
        var g = G(f, Pkg("""
            tasks:
            - name: parent_task
              rundir: unique
              body:
              - name: child_task
                rundir: inherit
            """));
        Assert.Equal(g.ByName["p.parent_task"].RunDirFull, g.ByName["p.parent_task.child_task"].RunDirFull);
        Assert.Equal("p.parent_task", g.ByName["p.parent_task"].RunDir);
    }

    [Fact]
    public void CreateTestFilesShareADirectory()
    {
        using var f = new FlowFiles();
        var g = G(f, Pkg("""
            tasks:
            - name: CreateTestFiles
              rundir: inherit  # Share directory across all subtasks
              body:
              - name: create_file1
                uses: std.CreateFile
                with:
                  filename: test1.sv
                  content: "module test1; endmodule"
              - name: create_file2
                uses: std.CreateFile
                with:
                  filename: test2.sv
                  content: "module test2; endmodule"
              - name: gather
                uses: std.FileSet
                needs: [create_file1, create_file2]
                with:
                  include: "*.sv"
            """));
        var dirs = g.ByName["p.CreateTestFiles"].Children.Select(c => c.RunDirFull).Distinct().ToList();
        Assert.Single(dirs);
    }
}

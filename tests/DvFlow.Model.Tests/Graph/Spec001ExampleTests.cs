using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;
using DvFlow.TaskApi;

namespace DvFlow.Model.Tests.Graph;

/// <summary>The flow examples of spec 001 (core concepts), loaded as written, with their described effect asserted.</summary>
public class Spec001ExampleTests
{
    private static ElaborationOptions Hdlsim(FlowFiles f, string? config = null) => new() { Registry = f.HdlsimRegistry(), Config = config };

    /// <summary>Wraps a spec snippet of tasks into a package.</summary>
    private static string Pkg(string name, string tasks)
        => $"package:\n  name: {name}\n  tasks:\n" + string.Join("\n", tasks.ReplaceLineEndings("\n").Split('\n').Select(l => "  " + l)) + "\n";

    [Fact]
    public void PackageStructure()
    {
        using var f = new FlowFiles();
        f.Write("path/to/other/flow.yaml", "package:\n  name: other\n");
        f.Write("src/rtl/flow.yaml", "fragment:\n  tasks:\n  - name: rtl_files\n    uses: std.FileSet\n");
        f.Write("src/tb/flow.yaml", "fragment:\n  tasks:\n  - name: tb_files\n    uses: std.FileSet\n");
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: my_package
              
              with:                    # Package parameters
                debug:
                  type: bool
                  value: false
              
              imports:                 # Import other packages
                - path/to/other
                - name: hdlsim.vlt
                  as: sim
              
              types:                   # Custom types
                - name: MyOptions
                  with:
                    option1:
                      type: str
                      value: "default"
              
              tasks:                   # Task definitions
                - name: task1
                  uses: std.Message
              
              configs:                 # Named configurations
                - name: debug
                  with:
                    debug:
                      value: true
              
              fragments:               # Split package across files
                - src/rtl/flow.yaml
                - src/tb/flow.yaml
            """, Hdlsim(f)));
        var p = m.Root!;
        Assert.Equal(false, p.ParamValues["debug"]);
        Assert.Equal("other", p.Imports["other"]);
        Assert.Equal("hdlsim.vlt", p.Imports["sim"]);
        Assert.Contains("MyOptions", p.Types.Keys);
        Assert.Equal(["task1", "rtl_files", "tb_files"], p.OrderedTasks.Select(t => t.Name));
        Assert.Equal(true, FlowAssert.NoErrors(f.Load(File.ReadAllText(f.PathOf("flow.yaml")), Hdlsim(f, "debug"))).Root!.ParamValues["debug"]);
        FlowAssert.Graph(m);
    }

    [Fact]
    public void TaskStructure()
    {
        using var f = new FlowFiles();
        var m = f.Load(Pkg("p", """
            - name: dep1
            - name: dep2
            - name: condition_task
              with:
                param1: {type: str}
            - name: my_task
              uses: condition_task      # Inherit from existing task
              needs: [dep1, dep2]       # Dependencies
              with:                     # Parameter overrides
                param1: value1
              iff: ${{ condition }}     # Conditional execution
              consumes: all             # Input filtering
              passthrough: unused       # Output forwarding
              rundir: unique            # Directory mode
            """).Replace("  tasks:", "  with:\n    condition: {type: bool, value: true}\n  tasks:"));
        var n = FlowAssert.Graph(m, "my_task").ByName["p.my_task"];
        Assert.Equal(["p.dep1", "p.dep2"], FlowAssert.Needs(n));
        Assert.Equal("value1", n.ParamValues["param1"]);
        Assert.True(n.Enabled);
        Assert.Equal((DataFilterKind.All, DataFilterKind.Unused, RundirMode.Unique), (n.Consumes.Kind, n.Passthrough.Kind, n.RundirMode));
    }

    [Fact]
    public void TaskVisibility()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load(Pkg("p", """
            # Using scope field
            - name: build
              scope: root
              run: make build

            # Using inline marker (equivalent to name + scope)
            - root: build2
              run: make build

            # Multiple scopes
            - name: main
              scope: [root, export]
              run: ./main.sh
            """)));
        var g = FlowAssert.Graph(m);
        Assert.Equal(TaskScope.Root, g.ByName["p.build"].Scope);
        Assert.Equal(TaskScope.Root, g.ByName["p.build2"].Scope);
        Assert.Equal(TaskScope.Root | TaskScope.Export, g.ByName["p.main"].Scope);
        Assert.Equal("make build", g.ByName["p.build2"].Run);
    }

    [Fact]
    public void PackageConfigurationsSnippet()
    {
        using var f = new FlowFiles();
        const string yaml = """
            package:
              name: p
              with:
                debug: {type: bool, value: false}
              imports: [hdlsim.vlt]
              tasks:
              - name: original_task
                uses: std.Message
              configs:
              - name: base_config
              - name: debug
                uses: base_config           # Inherit from another config
                with:                       # Parameter overrides
                  debug:
                    value: true
                tasks:                      # Additional/override tasks
                  - name: debug_task
                    override: original_task
                extensions:                 # Task extensions
                  - task: hdlsim.vlt.SimImage
                    with:
                      extra_param: {type: str, value: value}
            """;
        var m = FlowAssert.NoErrors(f.Load(yaml, Hdlsim(f, "debug")));
        Assert.Equal(true, m.Root!.ParamValues["debug"]);
        Assert.Same(m.Root.Tasks["original_task"], m.Root.Tasks["debug_task"]);
        var g = FlowAssert.Graph(m, "hdlsim.vlt.SimImage");
        Assert.Equal("value", g.ByName["hdlsim.vlt.SimImage"].ParamValues["extra_param"]);
    }

    [Fact]
    public void DependencyDeclaration()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load(Pkg("p", """
            - name: producer
              uses: std.FileSet
              with:
                include: "*.sv"

            - name: consumer
              uses: hdlsim.vlt.SimImage
              needs: [producer]         # Receives data from producer
            """), Hdlsim(f)), "consumer");
        Assert.Equal(["p.producer"], FlowAssert.Needs(g.ByName["p.consumer"]));
    }

    [Fact]
    public void InputOutputControl()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load(Pkg("p", """
            - name: sources
              uses: std.FileSet
            - name: options
              uses: hdlsim.SimElabArgs
            - name: selective
              uses: hdlsim.vlt.SimImage
              needs: [sources, options]
              consumes:
                - type: std.FileSet
                  filetype: systemVerilogSource
              passthrough:
                - type: hdlsim.SimElabArgs
            """), Hdlsim(f)), "selective");
        var n = g.ByName["p.selective"];
        Assert.Equal("systemVerilogSource", Assert.Single(n.Consumes.Patterns)["filetype"]);
        Assert.Equal("hdlsim.SimElabArgs", Assert.Single(n.Passthrough.Patterns)["type"]);
    }

    [Fact]
    public void Types()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              types:
                - name: MyOptions
                  with:
                    flag1:
                      type: bool
                      value: false
                    value1:
                      type: str
                      value: "default"

                - name: ExtendedOptions
                  uses: MyOptions             # Inherit from MyOptions
                  with:
                    flag2:
                      type: bool
                      value: true
              tasks:
              - name: my_options
                uses: MyOptions
                with:
                  flag1: true
            """));
        var n = g.ByName["p.my_options"];
        Assert.Equal(TaskNodeKind.DataItem, n.Kind);
        Assert.Equal(true, n.ParamValues["flag1"]);
    }

    [Fact]
    public void Expressions()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              with:
                version: {type: str, value: "1.0"}
                debug: {type: bool, value: true}
                base_value: {type: int, value: 21}
              tasks:
              - name: t
                iff: ${{ debug }}
                with:
                  msg: "Version ${{ version }}"
                  value: ${{ base_value * 2 }}
            """), "t");
        var n = g.ByName["p.t"];
        Assert.Equal("Version 1.0", n.ParamValues["msg"]);
        Assert.Equal(42L, n.ParamValues["value"]);
        Assert.True(n.Enabled);
    }

    [Fact]
    public void RunDirectoryModes()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load(Pkg("p", """
            - name: compound_task
              rundir: inherit           # All subtasks share directory
              body:
                - name: create_file
                  uses: std.CreateFile
                - name: process_file
                  uses: std.Exec
                  needs: [create_file]  # Can access create_file's output
            """)), "compound_task");
        Assert.Equal(g.ByName["p.compound_task"].RunDirFull, g.ByName["p.compound_task.create_file"].RunDirFull);
        Assert.Equal(g.ByName["p.compound_task"].RunDirFull, g.ByName["p.compound_task.process_file"].RunDirFull);
        Assert.Equal(["p.compound_task.create_file"], FlowAssert.Needs(g.ByName["p.compound_task.process_file"]));
    }

    [Fact]
    public void CompoundTasks()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load(Pkg("p", """
            - name: sources
              uses: std.FileSet
            - name: build_and_test
              body:
                - name: build
                  uses: hdlsim.vlt.SimImage
                  needs: [sources]

                - name: test
                  uses: hdlsim.vlt.SimRun
                  needs: [build]
            """), Hdlsim(f)), "build_and_test");
        // Output = union of the terminal subtasks' outputs.
        Assert.Equal(["p.build_and_test.test"], FlowAssert.Needs(g.ByName["p.build_and_test"]));
        Assert.Equal(["p.build_and_test.in", "p.sources"], FlowAssert.Needs(g.ByName["p.build_and_test.build"]));
    }

    [Fact]
    public void ConditionalExecution()
    {
        const string tasks = """
            - name: debug_options
              uses: hdlsim.SimElabArgs
              iff: ${{ debug_level > 0 }}
              with:
                args: [--trace-fst]
            """;
        using var f = new FlowFiles();
        var yaml = Pkg("p", tasks).Replace("  tasks:", "  with:\n    debug_level: {type: int, value: 0}\n  tasks:");
        Assert.False(FlowAssert.Graph(f.Load(yaml, Hdlsim(f)), "debug_options").ByName["p.debug_options"].Enabled);
        var on = f.Load(yaml, Hdlsim(f) with { ParameterOverrides = ["debug_level=1"] });
        Assert.True(FlowAssert.Graph(on, "debug_options").ByName["p.debug_options"].Enabled);
    }

    [Fact]
    public void TaskOverride()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load(Pkg("p", """
            - name: sim
              uses: hdlsim.vlt.SimImage
            - name: fast_sim
              override: sim             # Replaces 'sim' task
              uses: hdlsim.vlt.SimImage
              with:
                optimization: "O0"
            """), Hdlsim(f)), "sim");
        Assert.Equal("O0", g.ByName["p.sim"].ParamValues["optimization"]);
    }

    [Fact]
    public void PackageFragments()
    {
        using var f = new FlowFiles();
        f.Write("src/rtl/flow.yaml", """
            # src/rtl/flow.yaml
            fragment:
              tasks:
                - name: rtl_sources
                  uses: std.FileSet
            """);
        f.Write("src/tb/flow.yaml", "fragment:\n  tasks: []\n");
        var m = FlowAssert.NoErrors(f.Load("""
            # Main flow.yaml
            package:
              name: big_project
              fragments:
                - src/rtl/flow.yaml
                - src/tb/flow.yaml
            """));
        Assert.Equal("big_project.rtl_sources", FlowAssert.Graph(m, "rtl_sources").Roots[0].Name);
    }
}

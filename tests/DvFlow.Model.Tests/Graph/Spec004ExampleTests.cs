using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Graph;

/// <summary>The flow examples of spec 004 (packages).</summary>
public class Spec004ExampleTests
{
    private static ElaborationOptions Hdlsim(FlowFiles f, string? config = null, params string[] overrides)
        => new() { Registry = f.HdlsimRegistry(), Config = config, ParameterOverrides = overrides };

    [Fact]
    public void MinimalPackage()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
                name: my_project

                tasks:
                - name: task1
                  uses: std.Message
                  with:
                    msg: "Hello from my_project!"
            """));
        Assert.Equal("Hello from my_project!", g.ByName["my_project.task1"].ParamValues["msg"]);
    }

    [Fact]
    public void BuiltinStdTasks()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              tasks:
              - name: fs
                uses: std.FileSet
              - name: msg
                uses: std.Message
              - name: cf
                uses: std.CreateFile
              - name: env
                uses: std.SetEnv
              - name: inc
                uses: std.IncDirs
              - name: sh
                shell: bash
                run: echo shell
            """));
        Assert.Equal(["std.FileSet", "std.Message", "std.CreateFile", "std.SetEnv", "std.IncDirs"],
            new[] { "fs", "msg", "cf", "env", "inc" }.Select(t => g.ByName["p." + t].Run));
    }

    [Fact]
    public void UsingBuiltInAndPluginPackages()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
              name: p
              tasks:
              - name: files
                uses: std.FileSet
                with:
                  include: "*.sv"

              - name: sim
                uses: hdlsim.vlt.SimImage
                needs: [files]
            """, Hdlsim(f)), "sim");
        Assert.Equal(["p.files"], FlowAssert.Needs(g.ByName["p.sim"]));
    }

    [Fact]
    public void ImportByPath()
    {
        using var f = new FlowFiles();
        f.Write("subdir/flow.yaml", "package:\n  name: sub\n");
        f.Write("packages/my_lib/flow.yaml", "package:\n  name: my_lib\n  tasks:\n  - export: some_task\n    uses: std.Message\n");
        var g = FlowAssert.Graph(f.Load("""
            package:
                name: top

                imports:
                - subdir/flow.yaml
                - packages/my_lib

                tasks:
                - name: use_imported
                  uses: my_lib.some_task
            """), "use_imported");
        Assert.Equal("my_lib.some_task", g.ByName["top.use_imported"].BaseChain[0]);
    }

    [Fact]
    public void ImportWithAlias()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
                name: proj

                imports:
                - name: hdlsim.vlt
                  as: sim

                tasks:
                - name: build
                  uses: sim.SimImage  # References hdlsim.vlt.SimImage
            """, Hdlsim(f)), "build");
        Assert.Equal("hdlsim.vlt.SimImage", g.ByName["proj.build"].BaseChain[0]);
    }

    [Fact]
    public void ImportResolutionSiblingRelativeToProjectRoot()
    {
        using var f = new FlowFiles();
        f.Write("packages/ip1/flow.yaml", """
            # In packages/ip1/flow.yaml
            package:
                name: ip1
                imports:
                - packages/ip2/flow.yaml  # Finds sibling relative to project root
            """);
        f.Write("packages/ip2/flow.yaml", "package:\n  name: ip2\n");
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: root\n  imports: [packages/ip1/flow.yaml]\n"));
        Assert.Equal("ip2", m.Packages["ip1"].Imports["ip2"]);
    }

    [Fact]
    public void PackageParameters()
    {
        using var f = new FlowFiles();
        const string yaml = """
            package:
                name: configurable_ip

                with:
                  debug:
                    type: int
                    value: 0
                  width:
                    type: int
                    value: 32

                tasks:
                - name: build
                  uses: std.Message
                  with:
                    msg: "Building with width=${{ width }}, debug=${{ debug }}"
            """;
        Assert.Equal("Building with width=32, debug=0", FlowAssert.Graph(f.Load(yaml), "build").ByName["configurable_ip.build"].ParamValues["msg"]);
        Assert.Equal("Building with width=64, debug=1",
            FlowAssert.Graph(f.Load(yaml, null, "width=64", "configurable_ip.debug=1"), "build").ByName["configurable_ip.build"].ParamValues["msg"]);
        // Overridden when imported.
        f.Write("ip/flow.yaml", yaml);
        var m = f.Load("package:\n  name: soc\n  imports:\n  - path: ip\n    with:\n      width: 16\n");
        Assert.Equal("Building with width=16, debug=0", FlowAssert.Graph(m, "configurable_ip.build").ByName["configurable_ip.build"].ParamValues["msg"]);
    }

    [Fact]
    public void PackageFragments()
    {
        using var f = new FlowFiles();
        // The spec's fragments are addressed as rtl.build and tb.build, so they are named fragments.
        f.Write("src/rtl/flow.yaml", """
            # src/rtl/flow.yaml
            fragment:
                name: rtl
                tasks:
                - name: build
                  uses: std.FileSet
                  with:
                    include: "*.sv"
            """);
        f.Write("src/tb/flow.yaml", "fragment:\n  name: tb\n  tasks:\n  - name: build\n    uses: std.FileSet\n");
        f.Write("tests/smoke/flow.yaml", "fragment:\n  tasks:\n  - name: smoke\n    needs: [top_task]\n");
        var m = FlowAssert.NoErrors(f.Load("""
            # Main package file
            package:
                name: big_project

                fragments:
                - src/rtl/flow.yaml
                - src/tb/flow.yaml
                - tests/

                tasks:
                - name: top_task
                  needs: [rtl.build, tb.build]
            """));
        var g = FlowAssert.Graph(m, "smoke");
        Assert.Equal(["big_project.rtl.build", "big_project.tb.build"], FlowAssert.Needs(g.ByName["big_project.top_task"]));
        Assert.Equal(new object?[] { "*.sv" }, (IEnumerable<object?>)g.ByName["big_project.rtl.build"].ParamValues["include"]!);
    }

    [Fact]
    public void FragmentTaskNamesMustBeUnique()
    {
        using var f = new FlowFiles();
        f.Write("src/rtl/flow.yaml", "fragment:\n    tasks:\n    - name: build\n      uses: std.FileSet\n");
        f.Write("src/tb/flow.yaml", "fragment:\n    tasks:\n    - name: build\n      uses: std.FileSet\n");
        var m = f.Load("package:\n    name: big_project\n    fragments:\n    - src/rtl/flow.yaml\n    - src/tb/flow.yaml\n");
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.DuplicateName, "task 'build' is defined twice");
    }

    [Fact]
    public void LocalVsQualifiedReferences()
    {
        using var f = new FlowFiles();
        var g = FlowAssert.Graph(f.Load("""
            package:
                name: my_pkg

                tasks:
                - name: task1
                  uses: std.Message

                - name: task2
                  needs: [task1]  # Short name - refers to my_pkg.task1
            """), "task2");
        Assert.Equal(["my_pkg.task1"], FlowAssert.Needs(g.ByName["my_pkg.task2"]));
    }

    [Fact]
    public void QualifiedReferenceFromOutsideWarnsWithoutExport()
    {
        using var f = new FlowFiles();
        f.Write("packages/my_pkg/flow.yaml", "package:\n    name: my_pkg\n    tasks:\n    - name: task1\n      uses: std.Message\n");
        var m = f.Load("""
            package:
                name: top

                imports:
                - packages/my_pkg

                tasks:
                - name: runner
                  needs: [my_pkg.task1]  # Fully-qualified reference
            """);
        FlowAssert.NoErrors(m);
        FlowAssert.HasWarning(m.Diagnostics, DiagnosticCodes.NotVisible, "that is not marked 'export'");
        Assert.Equal(["my_pkg.task1"], FlowAssert.Needs(FlowAssert.Graph(m, "runner").ByName["top.runner"]));
    }

    private const string ConfigsExample = """
        package:
          name: my_project

          with:
            debug:
              type: bool
              value: false

          tasks:
          - name: build
            uses: std.Message
            with:
              msg: "Building in default mode"
          - name: sim
            uses: hdlsim.SimImage

          configs:
          - name: debug
            with:
              debug:
                value: true

            tasks:
            - name: build
              override: build
              with:
                msg: "Building in debug mode"

          - name: release
            with:
              debug:
                value: false

            overrides:
            - override: hdlsim
              with: hdlsim.xcelium
        """;

    [Fact]
    public void DefiningAndSelectingConfigurations()
    {
        using var f = new FlowFiles();
        var plain = FlowAssert.Graph(f.Load(ConfigsExample, Hdlsim(f)), "build", "sim");
        Assert.Equal("Building in default mode", plain.ByName["my_project.build"].ParamValues["msg"]);
        Assert.Equal("hdlsim.SimImage", plain.ByName["my_project.sim"].BaseChain[0]);

        var debug = f.Load(ConfigsExample, Hdlsim(f, "debug"));
        Assert.Equal(true, debug.Root!.ParamValues["debug"]);
        Assert.Equal("Building in debug mode", FlowAssert.Graph(debug, "build").ByName["my_project.build"].ParamValues["msg"]);

        // release: every reference to package hdlsim resolves in hdlsim.xcelium.
        var release = f.Load(ConfigsExample, Hdlsim(f, "release"));
        var sim = FlowAssert.Graph(release, "sim").ByName["my_project.sim"];
        Assert.Equal("hdlsim.xcelium.SimImage", sim.BaseChain[0]);
        Assert.Equal("hdlsim.xcelium.SimImage", sim.Run);
    }

    [Fact]
    public void ExtensionsExample()
    {
        using var f = new FlowFiles();
        const string yaml = """
            package:
              name: my_project

              imports:
              - hdlsim.vlt

              configs:
              - name: coverage
                extensions:
                - task: hdlsim.vlt.SimImage
                  with:
                    coverage:
                      type: bool
                      value: true
                  needs:
                  - coverage_setup
            """;
        // As written (no config selected) the package loads.
        FlowAssert.NoErrors(f.Load(yaml, Hdlsim(f)));
        // Selecting the config needs the task the extension names; the spec leaves it out.
        var missing = f.Load(yaml, Hdlsim(f, "coverage"));
        FlowAssert.HasError(missing.Diagnostics, DiagnosticCodes.UnknownTask, "task 'coverage_setup' not found");
        var withSetup = yaml.Replace("  configs:", "  tasks:\n  - name: coverage_setup\n    uses: std.Message\n\n  configs:");
        var m = f.Load(withSetup, Hdlsim(f, "coverage"));
        var n = FlowAssert.Graph(m, "hdlsim.vlt.SimImage").ByName["hdlsim.vlt.SimImage"];
        Assert.Equal(true, n.ParamValues["coverage"]);
        Assert.Equal(["my_project.coverage_setup"], FlowAssert.Needs(n));
    }
}

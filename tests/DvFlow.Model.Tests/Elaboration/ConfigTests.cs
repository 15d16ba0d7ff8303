using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Graph;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Elaboration;

/// <summary>Package configs: selection, inheritance, parameters, overrides, extensions and merged content.</summary>
public class ConfigTests
{
    private const string Project = """
        package:
          name: my_project
          with:
            debug: {type: bool, value: false}
            level: {type: int, value: 0}
          tasks:
          - name: build
            uses: std.Message
            with:
              msg: "Building in default mode"
          - name: show
            uses: std.Message
            with:
              msg: "debug=${{ debug }} level=${{ level }}"
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
          - name: verbose
            uses: debug
            with:
              level: {value: 2}
          - name: release
            with:
              debug:
                value: false
        """;

    private static TaskNode Node(FlowModel m, string task) => FlowAssert.Graph(m, task).ByName["my_project." + task];

    [Fact]
    public void NoConfigUsesPackageDefaults()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load(Project));
        Assert.Null(m.Root!.ConfigName);
        Assert.Equal("Building in default mode", Node(m, "build").ParamValues["msg"]);
        Assert.Equal("debug=false level=0", Node(m, "show").ParamValues["msg"]);
    }

    [Fact]
    public void ConfigParametersAndTasks()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load(Project, "debug"));
        Assert.Equal("debug", m.Root!.ConfigName);
        Assert.Equal(true, m.Root.ParamValues["debug"]);
        Assert.Equal("Building in debug mode", Node(m, "build").ParamValues["msg"]);
        Assert.Equal("debug=true level=0", Node(m, "show").ParamValues["msg"]);
    }

    [Fact]
    public void ConfigUsesAnotherConfig()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load(Project, "verbose"));
        Assert.Equal("verbose", m.Root!.ConfigName);
        Assert.Equal("debug=true level=2", Node(m, "show").ParamValues["msg"]);
        // The base config's tasks are merged too.
        Assert.Equal("Building in debug mode", Node(m, "build").ParamValues["msg"]);
    }

    [Fact]
    public void CommandLineBeatsConfig()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load(Project, "verbose", "level=5"));
        Assert.Equal("debug=true level=5", Node(m, "show").ParamValues["msg"]);
    }

    [Fact]
    public void UnknownConfigIsAnErrorListingTheConfigs()
    {
        using var f = new FlowFiles();
        var m = f.Load(Project, "debgu");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.UnknownConfig, "config 'debgu' not found in package 'my_project' (did you mean 'debug'?); its configs are: debug, verbose, release");
        Assert.Equal(f.PathOf("flow.yaml"), e.Location!.File);
    }

    [Fact]
    public void DefaultConfigIsSelectedAutomatically()
    {
        using var f = new FlowFiles();
        const string yaml = """
            package:
              name: p
              with:
                mode: {type: str, value: none}
              configs:
              - name: default
                with:
                  mode: {value: dflt}
              - name: other
                with:
                  mode: {value: other}
            """;
        var m = FlowAssert.NoErrors(f.Load(yaml));
        Assert.Equal("default", m.Root!.ConfigName);
        Assert.Equal("dflt", m.Root.ParamValues["mode"]);
        Assert.Equal("other", FlowAssert.NoErrors(f.Load(yaml, "other")).Root!.ParamValues["mode"]);
    }

    [Fact]
    public void ImportedPackageGetsItsDefaultConfigOrTheRequestedOne()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", """
            package:
              name: lib
              with:
                mode: {type: str, value: none}
              configs:
              - name: default
                with: {mode: {value: dflt}}
              - name: fast
                with: {mode: {value: fast}}
            """);
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  imports: [lib]\n"));
        Assert.Equal("dflt", m.Packages["lib"].ParamValues["mode"]);
        var m2 = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  imports:\n  - path: lib\n    config: fast\n"));
        Assert.Equal("fast", m2.Packages["lib"].ParamValues["mode"]);
        Assert.Equal("fast", m2.Packages["lib"].ConfigName);
    }

    [Fact]
    public void RootConfigIsNotAppliedToImports()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  configs:\n  - name: other\n");
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  imports: [lib]\n  configs:\n  - name: debug\n", "debug"));
        Assert.Null(m.Packages["lib"].ConfigName);
    }

    // Config mistakes: each row is the flow, the config selected, the error's code, a part of its message and where it points.
    public static TheoryData<string, string, string, string, int, int> ConfigErrors => new()
    {
        { "package:\n  name: p\n", "x", DiagnosticCodes.UnknownConfig, "config 'x' not found in package 'p'; it defines no configs", 0, 0 }, // named on the command line: the file, no line
        { "package:\n  name: p\n  configs:\n  - name: a\n    uses: bse\n  - name: base\n", "a", DiagnosticCodes.UnknownConfig, "config 'a' uses 'bse', which is not a config of package 'p' (did you mean 'base'?)", 5, 11 },
        { "package:\n  name: p\n  configs:\n  - name: a\n    uses: b\n  - name: b\n    uses: a\n", "a", DiagnosticCodes.CircularDefinition, "config 'a' uses itself: a -> b -> a", 4, 11 },
        { "package:\n  name: p\n  with:\n    debug: {type: bool}\n  configs:\n  - name: c\n    with:\n      dbug: {value: true}\n", "c", DiagnosticCodes.UnknownParameter, "config 'c' sets 'dbug', which is not a parameter of package 'p' (did you mean 'debug'?)", 8, 7 },
        { "package:\n  name: p\n  tasks:\n  - name: t\n  configs:\n  - name: c\n    tasks:\n    - name: t\n", "c", DiagnosticCodes.DuplicateName, "(config 'c' must use 'override: t' to replace it)", 8, 13 },
        { "package:\n  name: p\n  configs:\n  - name: c\n    overrides:\n    - override: hdlsim\n      with: nosuchpkg\n", "c", DiagnosticCodes.ImportNotFound, "'nosuchpkg' is not an installed or imported package", 7, 13 },
        { "package:\n  name: p\n  configs:\n  - name: c\n    extensions:\n    - task: nothere\n", "c", DiagnosticCodes.UnknownTask, "config 'c' extends task 'nothere', which was not found", 6, 13 },
    };

    [Theory]
    [MemberData(nameof(ConfigErrors))]
    public void ConfigMistakesAreLocatedErrors(string yaml, string config, string code, string message, int line, int column)
    {
        using var f = new FlowFiles();
        var e = FlowAssert.HasError(f.Load(yaml, config).Diagnostics, code, message);
        FlowAssert.At(e, "flow.yaml", line, column);
    }

    [Fact]
    public void ConfigMayDeclareANewParameter()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  configs:\n  - name: c\n    with:\n      extra: {type: int, value: 4}\n", "c"));
        Assert.Equal(4L, m.Root!.ParamValues["extra"]);
    }

    [Fact]
    public void ConfigAddsTasksTypesImportsAndFragments()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  tasks:\n  - export: lt\n");
        f.Write("cfg/flow.yaml", "fragment:\n  tasks:\n  - name: frag_task\n    uses: Opts\n");
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              configs:
              - name: extra
                types:
                - name: Opts
                  with:
                    o: {type: str, value: x}
                imports: [lib]
                fragments: [cfg/flow.yaml]
                tasks:
                - name: cfg_task
                  needs: [lib.lt, frag_task]
            """, "extra"));
        var g = FlowAssert.Graph(m, "cfg_task");
        Assert.Equal(["lib.lt", "p.frag_task"], FlowAssert.Needs(g.ByName["p.cfg_task"]));
        Assert.Equal("p.Opts", g.ByName["p.frag_task"].DataType);
        // Without the config none of it exists.
        var plain = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  configs:\n  - name: extra\n    fragments: [cfg/flow.yaml]\n"));
        Assert.Empty(plain.Root!.Tasks);
    }

    [Fact]
    public void ConfigFragmentsAndTasksSeeConfigParameters()
    {
        // Steps 2 and 4 of the packages document: parameters are final before tasks are merged.
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              with:
                width: {type: int, value: 8}
              configs:
              - name: wide
                with:
                  width: {value: 64}
                tasks:
                - name: t
                  uses: std.Message
                  with:
                    msg: "${{ width }}"
            """, "wide"));
        Assert.Equal("64", FlowAssert.Graph(m, "t").ByName["p.t"].ParamValues["msg"]);
    }

    [Fact]
    public void ConfigPackageOverrideReplacesAPackage()
    {
        using var f = new FlowFiles();
        const string yaml = """
            package:
              name: p
              tasks:
              - name: sim
                uses: hdlsim.vlt.SimImage
              configs:
              - name: xcm
                overrides:
                - override: hdlsim.vlt
                  with: hdlsim.xcelium
            """;
        var reg = f.HdlsimRegistry();
        var m = FlowAssert.NoErrors(f.Load(yaml, new ElaborationOptions { Registry = reg, Config = "xcm" }));
        Assert.Equal("hdlsim.xcelium", m.Root!.PackageOverrides["hdlsim.vlt"]);
        var n = FlowAssert.Graph(m, "sim").ByName["p.sim"];
        Assert.Equal("hdlsim.xcelium.SimImage", n.BaseChain[0]);
        Assert.Equal("hdlsim.xcelium.SimImage", n.Run);
        var plain = FlowAssert.NoErrors(f.Load(yaml, new ElaborationOptions { Registry = reg }));
        Assert.Equal("hdlsim.vlt.SimImage", FlowAssert.Graph(plain, "sim").ByName["p.sim"].Run);
    }

    [Fact]
    public void ConfigOverrideOfAParameter()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              with:
                sim: {type: str, value: vlt}
              configs:
              - name: c
                with:
                  sim: {value: from_with}
                overrides:
                - override: sim
                  value: from_override
            """, "c"));
        // Step 3 (overrides) comes after step 2 (with).
        Assert.Equal("from_override", m.Root!.ParamValues["sim"]);
    }

    [Fact]
    public void ExtensionAddsParametersAndNeedsToAnImportedTask()
    {
        using var f = new FlowFiles();
        const string yaml = """
            package:
              name: my_project
              imports:
              - hdlsim.vlt
              tasks:
              - name: coverage_setup
                uses: std.Message
              - name: sim
                uses: hdlsim.vlt.SimImage
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
        var reg = f.HdlsimRegistry();
        var m = FlowAssert.NoErrors(f.Load(yaml, new ElaborationOptions { Registry = reg, Config = "coverage" }));
        FlowAssert.NoWarnings(m.Diagnostics);
        var g = FlowAssert.Graph(m, "sim");
        var sim = g.ByName["my_project.sim"];
        Assert.Equal(true, sim.ParamValues["coverage"]);
        // The need is inherited through 'uses' and written in my_project's namespace.
        Assert.Equal(["my_project.coverage_setup"], FlowAssert.Needs(sim));
        FlowAssert.NoWarnings(g.Diagnostics);
        var plain = FlowAssert.NoErrors(f.Load(yaml, new ElaborationOptions { Registry = reg }));
        Assert.False(FlowAssert.Graph(plain, "sim").ByName["my_project.sim"].ParamValues.ContainsKey("coverage"));
    }

    [Fact]
    public void ExtensionChangesTheBase()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              tasks:
              - name: base_a
                uses: std.Message
                with: {msg: a}
              - name: base_b
                uses: std.Message
                with: {msg: b}
              - name: t
                uses: base_a
              configs:
              - name: c
                extensions:
                - task: t
                  uses: base_b
            """, "c"));
        Assert.Equal("b", FlowAssert.Graph(m, "t").ByName["p.t"].ParamValues["msg"]);
    }

    [Fact]
    public void ExtensionListOperationsAccumulate()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              tasks:
              - name: t
                with:
                  args: {type: list, value: [a]}
              configs:
              - name: one
                extensions:
                - task: t
                  with:
                    args: {append: [b]}
              - name: two
                uses: one
                extensions:
                - task: t
                  with:
                    args: {prepend: [z]}
            """, "two"));
        Assert.Equal(new object?[] { "z", "a", "b" }, (IEnumerable<object?>)FlowAssert.Graph(m, "t").ByName["p.t"].ParamValues["args"]!);
    }

    [Fact]
    public void ExtensionAppendToNonListIsAnError()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              tasks:
              - name: t
                with:
                  n: {type: int, value: 1}
              configs:
              - name: c
                extensions:
                - task: t
                  with:
                    n: {append: [2]}
            """, "c"));
        var g = new TaskGraphBuilder(m).Build(["t"]);
        FlowAssert.HasError(g.Diagnostics, DiagnosticCodes.ParamType, "non-list");
    }

    [Fact]
    public void PackagesLoadedOnDemandGetTheirDefaultConfigExtensions()
    {
        using var f = new FlowFiles();
        var reg = new DvFlow.Model.Loading.PackageRegistry()
            .Add("tools", f.Write("tools/flow.yaml", """
                package:
                  name: tools
                  tasks:
                  - export: Lint
                    with:
                      level: {type: int, value: 1}
                  configs:
                  - name: default
                    extensions:
                    - task: Lint
                      with:
                        level: {value: 3}
                """))
            .Add("more", f.Write("more/flow.yaml", """
                package:
                  name: more
                  tasks:
                  - export: Gen
                    with:
                      n: {type: int, value: 1}
                  configs:
                  - name: default
                    extensions:
                    - task: Gen
                      with: {n: {value: 2}}
                """));
        // 'tools' is loaded while linking (a qualified need); 'more' while applying the root's own extensions.
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              tasks:
              - name: t
                needs: [tools.Lint]
              configs:
              - name: default
                extensions:
                - task: more.Gen
                  with: {extra: {type: bool, value: true}}
            """, new ElaborationOptions { Registry = reg }));
        var g = FlowAssert.Graph(m, "t", "more.Gen");
        Assert.Equal(3L, g.ByName["tools.Lint"].ParamValues["level"]);
        Assert.Equal(2L, g.ByName["more.Gen"].ParamValues["n"]);
        Assert.Equal(true, g.ByName["more.Gen"].ParamValues["extra"]);
    }

    [Fact]
    public void ExtensionInheritance()
    {
        using var f = new FlowFiles();
        const string yaml = """
            package:
              name: p
              imports:
              - name: tool/flow.yaml
              configs:
              - name: base_instrumentation
                extensions:
                - task: my_tool.Compile
                  with:
                    verbose:
                      type: bool
                      value: false

              - name: debug_instrumentation
                uses: base_instrumentation
                extensions:
                - task: my_tool.Compile
                  uses: base_instrumentation.my_tool.Compile
                  with:
                    verbose:
                      value: true
                    trace:
                      type: bool
                      value: true
            """;
        f.Write("tool/flow.yaml", "package:\n  name: my_tool\n  tasks:\n  - export: Compile\n    run: echo compile\n");
        var m = FlowAssert.NoErrors(f.Load(yaml, "debug_instrumentation"));
        var n = FlowAssert.Graph(m, "my_tool.Compile").ByName["my_tool.Compile"];
        Assert.Equal(true, n.ParamValues["verbose"]);
        Assert.Equal(true, n.ParamValues["trace"]);
        var b = FlowAssert.Graph(FlowAssert.NoErrors(f.Load(yaml, "base_instrumentation")), "my_tool.Compile").ByName["my_tool.Compile"];
        Assert.Equal(false, b.ParamValues["verbose"]);
        Assert.False(b.ParamValues.ContainsKey("trace"));
    }
}

using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Loading;
using DvFlow.Model.Tests.TestSupport;
using DvFlow.Model.Yaml;

namespace DvFlow.Model.Tests.Loading;

/// <summary>Reading one flow file into definitions: document kinds, the package, task and parameter schema.</summary>
public class FlowFileReaderTests
{
    private static (FlowFileDef? Def, DiagnosticBag Diags) Read(string yaml)
    {
        var bag = new DiagnosticBag();
        var root = YamlDocumentReader.Read("/p/flow.yaml", yaml.ReplaceLineEndings("\n"), bag);
        return (root is null ? null : FlowFileReader.Read("/p/flow.yaml", root, bag), bag);
    }

    private static FlowFileDef ReadOk(string yaml)
    {
        var (def, bag) = Read(yaml);
        Assert.True(bag.Items.Count == 0, string.Join("\n", bag.Items));
        return def!;
    }

    private static TaskDef Task(string taskYaml)
    {
        var indented = string.Join("\n", taskYaml.ReplaceLineEndings("\n").Split('\n').Select(l => "    " + l));
        var def = ReadOk("package:\n  name: p\n  tasks:\n" + indented + "\n");
        return Assert.Single(def.Tasks);
    }

    /// <summary>Bad input read from one file: each row names the case, the file, and the error's code, text and position (0: not checked).</summary>
    [Theory]
    [InlineData("MisspeltPackageKeySuggestsPackage", "pakage:\n  name: p\n", DiagnosticCodes.UnknownKey, "(did you mean 'package'?)", 0, 0)]
    [InlineData("BothPackageAndFragmentIsAnError", "package:\n  name: p\nfragment:\n  tasks: []\n", DiagnosticCodes.BadDocument, "not both", 3, 1)]
    [InlineData("ScalarDocumentIsAnError", "just text", DiagnosticCodes.BadDocument, "must be a mapping", 0, 0)]
    [InlineData("PackageMustBeAMapping", "package: [a]\n", DiagnosticCodes.WrongType, "'package' must be a mapping, found a list", 1, 10)]
    [InlineData("PackageNeedsAName", "package:\n  desc: x\n", DiagnosticCodes.MissingKey, "a package needs a 'name'", 2, 3)]
    [InlineData("BadPackageNameIsAnError", "package:\n  name: my package\n", DiagnosticCodes.BadValue, "package name 'my package'", 2, 9)]
    [InlineData("UnknownPackageKeyHasDidYouMean", "package:\n  name: p\n  taks: []\n", DiagnosticCodes.UnknownKey, "unknown key 'taks' in package (did you mean 'tasks'?)", 3, 3)]
    [InlineData("TasksMustBeAList", "package:\n  name: p\n  tasks: 5\n", DiagnosticCodes.WrongType, "'tasks' must be a list, found a number", 3, 10)]
    [InlineData("TaskMustBeAMapping", "package:\n  name: p\n  tasks:\n  - just_a_name\n", DiagnosticCodes.WrongType, "a task must be a mapping, found a string", 4, 5)]
    [InlineData("WithMustBeAMapping", "package:\n  name: p\n  with: [a]\n", DiagnosticCodes.WrongType, "'with' of package parameters must be a mapping", 0, 0)]
    [InlineData("BadParameterNameIsAnError", "package:\n  name: p\n  with:\n    'a b': 1\n", DiagnosticCodes.BadValue, "parameter name 'a b'", 4, 5)]
    [InlineData("LocalAndExportTogetherIsAnError", "package:\n  name: p\n  tasks:\n  - name: a\n    scope: [local, export]\n", DiagnosticCodes.BadValue, "both 'local' and 'export'", 0, 0)]
    [InlineData("TwoNamesIsAnError", "package:\n  name: p\n  tasks:\n  - name: a\n    root: b\n", DiagnosticCodes.BadValue, "conflicts with the name 'a'", 5, 11)]
    [InlineData("TaskWithoutNameIsAnError", "package:\n  name: p\n  tasks:\n  - uses: std.Message\n", DiagnosticCodes.MissingKey, "needs a 'name'", 4, 5)]
    [InlineData("DottedTaskNameIsAnError", "package:\n  name: p\n  tasks:\n  - name: a.b\n", DiagnosticCodes.BadValue, "task name 'a.b' is not a valid name", 4, 11)]
    [InlineData("UnknownTaskKeyHasDidYouMean", "package:\n  name: p\n  tasks:\n  - name: a\n    neds: [b]\n", DiagnosticCodes.UnknownKey, "unknown key 'neds' in task (did you mean 'needs'?)", 5, 5)]
    [InlineData("TypeAndUsesTogetherIsAnError", "package:\n  name: p\n  tasks:\n  - name: a\n    uses: x\n    type: y\n", DiagnosticCodes.BadValue, "'type' is an alias of 'uses'", 0, 0)]
    [InlineData("NeedsMustBeStrings", "package:\n  name: p\n  tasks:\n  - name: a\n    needs: [{x: 1}]\n", DiagnosticCodes.WrongType, "entries of 'needs' must be strings", 5, 13)]
    [InlineData("BodyAndRunTogetherIsAnError", "package:\n  name: p\n  tasks:\n  - name: c\n    run: echo\n    body:\n    - name: a\n", DiagnosticCodes.BadValue, "both a body of subtasks and a 'run'", 5, 10)]
    [InlineData("ConsumesUnusedIsAnError", "package:\n  name: p\n  tasks:\n  - name: a\n    consumes: unused\n", DiagnosticCodes.BadValue, "'consumes' must be all, none or a list of patterns, found 'unused'", 5, 15)]
    [InlineData("MisspeltPassthroughHasDidYouMean", "package:\n  name: p\n  tasks:\n  - name: a\n    passthrough: unuse\n", DiagnosticCodes.BadValue, "did you mean 'unused'", 0, 0)]
    [InlineData("PatternMustBeAMapping", "package:\n  name: p\n  tasks:\n  - name: a\n    consumes: [std.FileSet]\n", DiagnosticCodes.WrongType, "a 'consumes' pattern must be a mapping", 5, 16)]
    [InlineData("BadRundirIsAnError", "package:\n  name: p\n  tasks:\n  - name: a\n    rundir: shared\n", DiagnosticCodes.BadValue, "'rundir' must be 'unique' or 'inherit', found 'shared'", 5, 13)]
    [InlineData("EmptyMatrixAxisIsAnError", "package:\n  name: p\n  tasks:\n  - name: m\n    strategy:\n      matrix:\n        x: []\n", DiagnosticCodes.BadStrategy, "matrix variable 'x' needs a non-empty list", 7, 12)]
    [InlineData("ImportWithoutTargetIsAnError", "package:\n  name: p\n  imports:\n  - as: x\n", DiagnosticCodes.MissingKey, "an import needs a 'name' or a 'path'", 4, 5)]
    [InlineData("UnknownConfigKeyHasDidYouMean", "package:\n  name: p\n  configs:\n  - name: c\n    extentions: []\n", DiagnosticCodes.UnknownKey, "did you mean 'extensions'", 0, 0)]
    [InlineData("TypeNeedsAName", "package:\n  name: p\n  types:\n  - with: {}\n", DiagnosticCodes.MissingKey, "a type needs a 'name'", 0, 0)]
    public void ReadingReportsALocatedError(string @case, string yaml, string code, string message, int line, int column)
    {
        var (_, bag) = Read(yaml);
        Assert.True(bag.Items.Count > 0, $"{@case}: no diagnostic");
        var e = FlowAssert.HasError(bag.Items, code, message);
        if (line > 0) FlowAssert.At(e, "flow.yaml", line, column);
    }

    [Fact]
    public void PackageDocument()
    {
        var d = ReadOk("""
            package:
              name: my_package
              desc: A package
              doc: Longer text
            """);
        Assert.True(d.IsPackage);
        Assert.Equal("my_package", d.Name);
        Assert.Equal("A package", d.Desc);
        Assert.Equal("Longer text", d.Doc);
        Assert.Equal(new SourceLocation("/p/flow.yaml", 1, 1), d.Location);
    }

    [Fact]
    public void FragmentDocument()
    {
        var d = ReadOk("""
            fragment:
              tasks:
              - name: rtl_sources
                uses: std.FileSet
            """);
        Assert.False(d.IsPackage);
        Assert.Equal("", d.Name);
        Assert.Equal("rtl_sources", Assert.Single(d.Tasks).Name);
    }

    [Fact]
    public void NamedFragment() => Assert.Equal("rtl", ReadOk("fragment:\n  name: rtl\n").Name);

    [Fact]
    public void EmptyFragmentIsAllowed() => Assert.Empty(ReadOk("fragment:\n").Tasks);

    [Fact]
    public void DocumentWithoutPackageOrFragmentIsAnError()
    {
        var (d, bag) = Read("tasks:\n- name: a\n");
        Assert.Null(d);
        var e = FlowAssert.HasError(bag.Items, DiagnosticCodes.UnknownKey, "unknown top-level key 'tasks'");
        FlowAssert.At(e, "flow.yaml", 1, 1);
    }

    [Fact]
    public void DottedPackageNameIsAllowed() => Assert.Equal("hdlsim.vlt", ReadOk("package:\n  name: hdlsim.vlt\n").Name);

    [Fact]
    public void PackageParametersAllTypes()
    {
        var d = ReadOk("""
            package:
              name: p
              with:
                s: {type: str, value: hello, doc: A string}
                i: {type: int, value: 3}
                b: {type: bool, value: true}
                l: {type: list, value: [a, b]}
                m: {type: map, value: {k: v}}
                bare: 7
            """);
        Assert.Equal(["s", "i", "b", "l", "m", "bare"], d.Params.Select(p => p.Name));
        Assert.Equal("str", d.Params[0].Type);
        Assert.Equal("A string", d.Params[0].Doc);
        Assert.True(d.Params[0].IsLongForm);
        Assert.False(d.Params[5].IsLongForm);
        Assert.Equal(7L, ((YScalar)d.Params[5].Value!).Value);
    }

    [Fact]
    public void UnknownParameterTypeHasDidYouMean()
    {
        var (_, bag) = Read("package:\n  name: p\n  with:\n    x: {type: strr, value: a}\n");
        var e = FlowAssert.HasError(bag.Items, DiagnosticCodes.BadValue, "unknown parameter type 'strr'");
        Assert.Contains("did you mean 'str'", e.Message);
        FlowAssert.At(e, "flow.yaml", 4, 15);
    }

    [Fact]
    public void InlineRootMarker()
    {
        var t = Task("- root: build\n  run: make build");
        Assert.Equal("build", t.Name);
        Assert.Equal(TaskScope.Root, t.Scope);
    }

    [Fact]
    public void InlineExportAndLocalMarkers()
    {
        Assert.Equal(TaskScope.Export, Task("- export: lib").Scope);
        Assert.Equal(TaskScope.Local, Task("- local: helper").Scope);
    }

    [Fact]
    public void ScopeAsStringOrList()
    {
        Assert.Equal(TaskScope.Root, Task("- name: a\n  scope: root").Scope);
        Assert.Equal(TaskScope.Root | TaskScope.Export, Task("- name: main\n  scope: [root, export]\n  run: ./main.sh").Scope);
    }

    [Fact]
    public void MarkerAndScopeCombine() => Assert.Equal(TaskScope.Root | TaskScope.Export, Task("- root: a\n  scope: export").Scope);

    [Fact]
    public void UnknownScopeHasDidYouMean()
    {
        var (_, bag) = Read("package:\n  name: p\n  tasks:\n  - name: a\n    scope: exprot\n");
        var e = FlowAssert.HasError(bag.Items, DiagnosticCodes.BadValue, "unknown scope 'exprot'");
        Assert.Contains("did you mean 'export'", e.Message);
        FlowAssert.At(e, "flow.yaml", 5, 12);
    }

    [Fact]
    public void TypeIsAnAliasOfUses()
    {
        var t = Task("- name: a\n  type: std.Message");
        Assert.Equal("std.Message", t.Uses!.Name);
    }

    [Fact]
    public void NeedsAndFeedsAsStringOrList()
    {
        var t = Task("- name: a\n  needs: b\n  feeds: [c, d]");
        Assert.Equal(["b"], t.Needs.Select(n => n.Name));
        Assert.Equal(["c", "d"], t.Feeds.Select(n => n.Name));
        Assert.Equal(new SourceLocation("/p/flow.yaml", 5, 14), t.Needs[0].Location);
    }

    [Fact]
    public void OverrideWithName()
    {
        var t = Task("- name: sim_debug\n  override: sim");
        Assert.Equal("sim_debug", t.Name);
        Assert.Equal("sim", t.Override!.Name);
    }

    [Fact]
    public void OverrideMarkerNamesTheTask()
    {
        var t = Task("- override: sim\n  with: {debug: true}");
        Assert.Equal("sim", t.Name);
        Assert.Equal("sim", t.Override!.Name);
        var q = Task("- override: hdlsim.vlt.SimImage");
        Assert.Equal("SimImage", q.Name);
    }

    [Fact]
    public void BodyAndTasksAlias()
    {
        Assert.Equal(2, Task("- name: c\n  body:\n  - name: a\n  - name: b").Body!.Count);
        Assert.Equal(["x"], Task("- name: c\n  tasks:\n  - name: x").Body!.Select(b => b.Name));
    }

    [Fact]
    public void ShellAndRun()
    {
        var t = Task("- name: a\n  shell: bash\n  run: |\n    echo hi\n    echo there\n  desc: d\n  doc: long");
        Assert.Equal("bash", t.Shell);
        Assert.Equal("echo hi\necho there\n", t.Run);
        Assert.Equal("d", t.Desc);
        Assert.Equal("long", t.Doc);
    }

    [Fact]
    public void PytaskSetsShell()
    {
        var t = Task("- name: a\n  pytask: my.module.Task");
        Assert.Equal("pytask", t.Shell);
        Assert.Equal("my.module.Task", t.Run);
    }

    [Fact]
    public void ShellWithoutRunWarns()
    {
        var (_, bag) = Read("package:\n  name: p\n  tasks:\n  - name: a\n    shell: bash\n");
        FlowAssert.HasWarning(bag.Items, DiagnosticCodes.MissingKey, "has no 'run'");
    }

    [Theory]
    [InlineData("all", DataFilterKind.All)]
    [InlineData("none", DataFilterKind.None)]
    public void ConsumesKeywords(string value, DataFilterKind kind)
        => Assert.Equal(kind, Task($"- name: a\n  consumes: {value}").Consumes!.Kind);

    [Theory]
    [InlineData("all", DataFilterKind.All)]
    [InlineData("none", DataFilterKind.None)]
    [InlineData("unused", DataFilterKind.Unused)]
    public void PassthroughKeywords(string value, DataFilterKind kind)
        => Assert.Equal(kind, Task($"- name: a\n  passthrough: {value}").Passthrough!.Kind);

    [Fact]
    public void DefaultsAreNullWhenNotGiven()
    {
        var t = Task("- name: a");
        Assert.Null(t.Consumes);
        Assert.Null(t.Passthrough);
        Assert.Null(t.Produces);
        Assert.Null(t.Rundir);
        Assert.Null(t.Uptodate);
    }

    [Fact]
    public void ConsumesPatterns()
    {
        var t = Task("- name: a\n  consumes:\n  - type: std.FileSet\n    filetype: systemVerilogSource\n    attributes: [uvm]");
        var f = t.Consumes!;
        Assert.Equal(DataFilterKind.Patterns, f.Kind);
        var p = Assert.Single(f.Patterns);
        Assert.Equal(["type", "filetype", "attributes"], p.Fields.Select(x => x.Key));
    }

    [Fact]
    public void ProducesEmptyListIsDeclaredEmpty()
    {
        var t = Task("- name: a\n  produces: []");
        Assert.NotNull(t.Produces);
        Assert.Empty(t.Produces!);
    }

    [Fact]
    public void Rundir()
    {
        Assert.Equal(RundirMode.Inherit, Task("- name: a\n  rundir: inherit").Rundir);
        Assert.Equal(RundirMode.Unique, Task("- name: a\n  rundir: unique").Rundir);
    }

    [Fact]
    public void IffAndUptodateKeepTheirNodes()
    {
        var t = Task("- name: a\n  iff: ${{ debug }}\n  uptodate: false");
        Assert.Equal("${{ debug }}", ((YScalar)t.Iff!).Text);
        Assert.Equal(false, ((YScalar)t.Uptodate!).Value);
    }

    [Fact]
    public void StrategyMatrix()
    {
        var t = Task("- name: m\n  strategy:\n    matrix:\n      sim: [vlt, xcm]\n      seed: [1, 2, 3]\n  body:\n  - name: run");
        Assert.True(t.IsCompound);
        Assert.Equal(["sim", "seed"], t.Strategy!.Matrix!.Select(x => x.Key));
        Assert.Equal(3, ((YSequence)t.Strategy.Matrix![1].Value).Items.Count);
    }

    [Fact]
    public void StrategyBodyIsTheBody()
    {
        var t = Task("- name: m\n  strategy:\n    matrix: {x: [1, 2]}\n    body:\n    - name: run");
        Assert.Equal(["run"], t.Body!.Select(b => b.Name));
    }

    [Fact]
    public void TaskParametersShortAndLongForm()
    {
        var t = Task("""
            - name: a
              uses: std.Message
              with:
                msg: hi
                extra:
                  type: int
                  value: 3
                  doc: An extra
                files:
                  append: [x.sv]
                paths:
                  path-prepend: /opt
            """);
        Assert.False(t.With[0].IsLongForm);
        Assert.Equal("int", t.With[1].Type);
        Assert.Equal("An extra", t.With[1].Doc);
        Assert.True(t.With[2].HasListOp);
        Assert.NotNull(t.With[3].PathPrepend);
    }

    [Fact]
    public void MapValuedOverrideIsNotTheLongForm()
    {
        var t = Task("- name: a\n  with:\n    defs: {A: 1, B: 2}");
        Assert.False(t.With[0].IsLongForm);
        Assert.IsType<YMapping>(t.With[0].Value);
    }

    [Fact]
    public void ImportsForms()
    {
        var d = ReadOk("""
            package:
              name: p
              imports:
              - path/to/other
              - packages/lib/flow.yaml
              - std
              - name: hdlsim.vlt
                as: sim
              - path: ../ip
                with:
                  width: 8
            """);
        Assert.Equal(5, d.Imports.Count);
        Assert.True(d.Imports[0].IsPath);
        Assert.True(d.Imports[1].IsPath);
        Assert.False(d.Imports[2].IsPath);
        Assert.Equal(("hdlsim.vlt", "sim", false), (d.Imports[3].Target, d.Imports[3].Alias, d.Imports[3].IsPath));
        Assert.True(d.Imports[4].IsPath);
        Assert.Equal("width", Assert.Single(d.Imports[4].With).Name);
    }

    [Fact]
    public void ConfigsAreRead()
    {
        var d = ReadOk("""
            package:
              name: p
              configs:
              - name: debug
                uses: base
                with:
                  debug: {value: true}
                overrides:
                - override: hdlsim
                  with: hdlsim.xcelium
                extensions:
                - task: hdlsim.vlt.SimImage
                  with:
                    coverage: {type: bool, value: true}
                  needs: [setup]
                tasks:
                - name: t
                types:
                - name: T
                imports:
                - lib
                fragments:
                - cfg/flow.yaml
            """);
        var c = Assert.Single(d.Configs);
        Assert.Equal("debug", c.Name);
        Assert.Equal("base", c.Uses!.Name);
        Assert.Equal("debug", Assert.Single(c.With).Name);
        Assert.Equal(("hdlsim", "hdlsim.xcelium"), (c.Overrides[0].Target.Name, c.Overrides[0].Replacement!.Name));
        Assert.Equal("hdlsim.vlt.SimImage", c.Extensions[0].Task.Name);
        Assert.Equal(["setup"], c.Extensions[0].Needs.Select(n => n.Name));
        Assert.Single(c.Tasks);
        Assert.Single(c.Types);
        Assert.Single(c.Imports);
        Assert.Single(c.Fragments);
    }

    [Fact]
    public void TypesAreRead()
    {
        var d = ReadOk("""
            package:
              name: p
              types:
              - name: MyOptions
                with:
                  flag1: {type: bool, value: false}
              - name: ExtendedOptions
                uses: MyOptions
                doc: more
            """);
        Assert.Equal(["MyOptions", "ExtendedOptions"], d.Types.Select(t => t.Name));
        Assert.Equal("MyOptions", d.Types[1].Uses!.Name);
        Assert.Equal("more", d.Types[1].Doc);
    }

    [Fact]
    public void ManyErrorsInOneFileAreAllReported()
    {
        var (_, bag) = Read("""
            package:
              name: p
              tasks:
              - name: a
                neds: [x]
              - name: b
                rundir: shared
              - name: c
                scope: nowhere
            """);
        Assert.Equal(3, bag.Items.Count(d => d.IsError));
    }
}

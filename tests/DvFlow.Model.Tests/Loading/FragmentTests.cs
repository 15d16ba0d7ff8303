using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Loading;

/// <summary>Package fragments: files, directories, nesting, named fragments and their errors.</summary>
public class FragmentTests
{
    [Fact]
    public void FragmentFilesContributeToThePackage()
    {
        using var f = new FlowFiles();
        f.Write("src/rtl/flow.yaml", """
            fragment:
              tasks:
              - name: rtl_sources
                uses: std.FileSet
            """);
        f.Write("src/tb/flow.yaml", """
            fragment:
              tasks:
              - name: tb_sources
                uses: std.FileSet
            """);
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: big_project
              fragments:
              - src/rtl/flow.yaml
              - src/tb/flow.yaml
              tasks:
              - name: top
                needs: [rtl_sources, tb_sources]
            """));
        Assert.Equal(["top", "rtl_sources", "tb_sources"], m.Root!.OrderedTasks.Select(t => t.Name));
        Assert.Equal(f.PathOf("src/rtl/flow.yaml"), m.Root.Tasks["rtl_sources"].Def.FragmentFile);
        Assert.Contains(f.PathOf("src/rtl/flow.yaml"), m.InputFiles);
        var g = FlowAssert.Graph(m, "top");
        Assert.Equal(["big_project.rtl_sources", "big_project.tb_sources"], FlowAssert.Needs(g.ByName["big_project.top"]));
    }

    [Fact]
    public void FragmentTasksGetTheirFilesSrcdir()
    {
        using var f = new FlowFiles();
        f.Write("src/rtl/flow.yaml", "fragment:\n  tasks:\n  - name: rtl\n    uses: std.FileSet\n");
        var m = f.Load("package:\n  name: p\n  fragments: [src/rtl/flow.yaml]\n");
        var g = FlowAssert.Graph(m, "rtl");
        Assert.Equal(f.PathOf("src/rtl"), g.ByName["p.rtl"].SrcDir);
    }

    [Fact]
    public void FragmentDirectoryIsSearchedRecursively()
    {
        using var f = new FlowFiles();
        f.Write("tests/a/flow.yaml", "fragment:\n  tasks:\n  - name: test_a\n");
        f.Write("tests/b/deep/flow.dv", "fragment:\n  tasks:\n  - name: test_b\n");
        f.Write("tests/rundir/flow.yaml", "fragment:\n  tasks:\n  - name: ignored\n");
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  fragments: [tests/]\n"));
        Assert.Equal(["test_a", "test_b"], m.Root!.OrderedTasks.Select(t => t.Name));
        Assert.Contains(f.PathOf("tests") + Path.DirectorySeparatorChar, m.InputFiles);
    }

    [Fact]
    public void NestedFragmentsAreRelativeToTheirFile()
    {
        using var f = new FlowFiles();
        f.Write("a/flow.yaml", "fragment:\n  fragments: [b/flow.yaml]\n  tasks:\n  - name: ta\n");
        f.Write("a/b/flow.yaml", "fragment:\n  tasks:\n  - name: tb\n");
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  fragments: [a/flow.yaml]\n"));
        Assert.Equal(["ta", "tb"], m.Root!.OrderedTasks.Select(t => t.Name));
    }

    [Fact]
    public void NamedFragmentPrefixesItsTasksAndTypes()
    {
        using var f = new FlowFiles();
        f.Write("rtl/flow.yaml", """
            fragment:
              name: rtl
              types:
              - name: Opts
                with:
                  x: {type: int, value: 1}
              tasks:
              - name: build
                uses: std.FileSet
              - name: opts
                uses: Opts
              - name: use_build
                needs: [build]
            """);
        f.Write("tb/flow.yaml", "fragment:\n  name: tb\n  tasks:\n  - name: build\n    uses: std.FileSet\n");
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: big_project
              fragments: [rtl/flow.yaml, tb/flow.yaml]
              tasks:
              - name: top_task
                needs: [rtl.build, tb.build]
            """));
        Assert.Contains("rtl.build", m.Root!.Tasks.Keys);
        Assert.Contains("tb.build", m.Root.Tasks.Keys);
        Assert.Contains("rtl.Opts", m.Root.Types.Keys);
        var g = FlowAssert.Graph(m, "top_task", "rtl.use_build", "rtl.opts");
        Assert.Equal(["big_project.rtl.build", "big_project.tb.build"], FlowAssert.Needs(g.ByName["big_project.top_task"]));
        // Inside the fragment a short name means the fragment's own task.
        Assert.Equal(["big_project.rtl.build"], FlowAssert.Needs(g.ByName["big_project.rtl.use_build"]));
        Assert.Equal("big_project.rtl.Opts", g.ByName["big_project.rtl.opts"].DataType);
    }

    [Fact]
    public void FragmentNamesMustBeUnique()
    {
        using var f = new FlowFiles();
        f.Write("a/flow.yaml", "fragment:\n  name: rtl\n  tasks:\n  - name: x\n");
        f.Write("b/flow.yaml", "fragment:\n  name: rtl\n  tasks:\n  - name: y\n");
        var m = f.Load("package:\n  name: p\n  fragments: [a/flow.yaml, b/flow.yaml]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.DuplicateName, "fragment name 'rtl' is used twice");
        Assert.Equal((f.PathOf("b/flow.yaml"), 1, 1), (e.Location!.File, e.Location.Line, e.Location.Column));
    }

    [Fact]
    public void TaskNamesMustBeUniqueAcrossFragments()
    {
        using var f = new FlowFiles();
        f.Write("src/rtl/flow.yaml", "fragment:\n  tasks:\n  - name: build\n");
        f.Write("src/tb/flow.yaml", "fragment:\n  tasks:\n  - name: build\n");
        var m = f.Load("package:\n  name: p\n  fragments: [src/rtl/flow.yaml, src/tb/flow.yaml]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.DuplicateName, "task 'build' is defined twice in package 'p'");
        Assert.Equal(f.PathOf("src/tb/flow.yaml"), e.Location!.File);
        Assert.Equal((3, 11), (e.Location.Line, e.Location.Column));
        Assert.Contains("rtl", e.Message); // names where the first one is
    }

    [Fact]
    public void DuplicateTaskInOneFile()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  tasks:\n  - name: a\n  - name: a\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.DuplicateName, "task 'a' is defined twice");
        FlowAssert.At(e, "flow.yaml", 5, 11);
    }

    [Fact]
    public void DuplicateTypeIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  types:\n  - name: T\n  - name: T\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.DuplicateName, "type 'T' is defined twice");
        FlowAssert.At(e, "flow.yaml", 5, 5);
    }

    [Fact]
    public void MissingFragmentIsAnErrorAtTheReference()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n  fragments:\n  - src/nowhere/flow.yaml\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.FragmentNotFound, "fragment 'src/nowhere/flow.yaml' not found");
        FlowAssert.At(e, "flow.yaml", 4, 5);
    }

    [Fact]
    public void FragmentFileThatIsAPackageIsAnError()
    {
        using var f = new FlowFiles();
        f.Write("sub/flow.yaml", "package:\n  name: sub\n");
        var m = f.Load("package:\n  name: p\n  fragments: [sub/flow.yaml]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.BadDocument, "fragment files must start with 'fragment:'");
        FlowAssert.At(e, "flow.yaml", 3, 15);
    }

    [Fact]
    public void FragmentIncludingItselfIsAnError()
    {
        using var f = new FlowFiles();
        f.Write("a/flow.yaml", "fragment:\n  fragments: [../b/flow.yaml]\n");
        f.Write("b/flow.yaml", "fragment:\n  fragments: [../a/flow.yaml]\n");
        var m = f.Load("package:\n  name: p\n  fragments: [a/flow.yaml]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.CircularDefinition, "includes itself");
        Assert.Equal(f.PathOf("b/flow.yaml"), e.Location!.File);
    }

    [Fact]
    public void ErrorsInFragmentsPointIntoTheFragment()
    {
        using var f = new FlowFiles();
        f.Write("rtl/flow.yaml", "fragment:\n  tasks:\n  - name: a\n    needs: [nothere]\n");
        var m = f.Load("package:\n  name: p\n  fragments: [rtl/flow.yaml]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.UnknownTask, "task 'nothere' not found");
        Assert.Equal(f.PathOf("rtl/flow.yaml"), e.Location!.File);
        Assert.Equal((4, 13), (e.Location.Line, e.Location.Column));
    }

    [Fact]
    public void EmptyFragmentDirectoryWarns()
    {
        using var f = new FlowFiles();
        Directory.CreateDirectory(f.PathOf("empty"));
        var m = f.Load("package:\n  name: p\n  fragments: [empty]\n");
        FlowAssert.HasWarning(m.Diagnostics, DiagnosticCodes.FragmentNotFound, "holds no flow files");
    }

    [Fact]
    public void FragmentImportsAreAddedToThePackage()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  tasks:\n  - export: t\n");
        f.Write("rtl/flow.yaml", "fragment:\n  imports: [../lib/flow.yaml]\n  tasks:\n  - name: a\n    needs: [lib.t]\n");
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  fragments: [rtl/flow.yaml]\n"));
        Assert.Equal("lib", m.Root!.Imports["lib"]);
        FlowAssert.Graph(m, "a");
    }
}

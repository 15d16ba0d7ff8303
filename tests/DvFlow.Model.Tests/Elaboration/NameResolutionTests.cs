using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Elaboration;

/// <summary>Short and qualified names, and the visibility rules of scope.</summary>
public class NameResolutionTests
{
    [Fact]
    public void ShortNamesInsideAPackage()
    {
        using var f = new FlowFiles();
        var m = f.Load("""
            package:
              name: my_pkg
              tasks:
              - name: task1
                uses: std.Message
              - name: task2
                needs: [task1]  # Short name - refers to my_pkg.task1
              - name: task3
                needs: [my_pkg.task1]
            """);
        var g = FlowAssert.Graph(m, "task2", "task3");
        Assert.Equal(["my_pkg.task1"], FlowAssert.Needs(g.ByName["my_pkg.task2"]));
        Assert.Equal(["my_pkg.task1"], FlowAssert.Needs(g.ByName["my_pkg.task3"]));
    }

    [Fact]
    public void QualifiedNamesAcrossPackages()
    {
        using var f = new FlowFiles();
        f.Write("packages/my_pkg/flow.yaml", "package:\n  name: my_pkg\n  tasks:\n  - name: task1\n    scope: export\n    uses: std.Message\n");
        var m = f.Load("""
            package:
              name: top
              imports:
              - packages/my_pkg
              tasks:
              - name: runner
                needs: [my_pkg.task1]  # Fully-qualified reference
            """);
        FlowAssert.NoWarnings(m.Diagnostics);
        var g = FlowAssert.Graph(m, "runner");
        Assert.Equal(["my_pkg.task1"], FlowAssert.Needs(g.ByName["top.runner"]));
    }

    [Fact]
    public void ShortNameOfAnotherPackagesTaskIsNotFound()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  tasks:\n  - export: helper\n");
        var m = f.Load("package:\n  name: top\n  imports: [lib]\n  tasks:\n  - name: r\n    needs: [helper]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.UnknownTask, "task 'helper' not found (did you mean 'lib.helper'?)");
        FlowAssert.At(e, "flow.yaml", 6, 13);
    }

    [Fact]
    public void UnknownTaskInUsesIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: top\n  tasks:\n  - name: r\n    uses: std.Mesage\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.UnknownTask, "'std.Mesage' is neither a task nor a type (did you mean 'std.Message'?)");
        FlowAssert.At(e, "flow.yaml", 5, 11);
    }

    [Fact]
    public void UnknownTypeInTypeUsesIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: top\n  types:\n  - name: Opts\n  - name: More\n    uses: Otps\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.UnknownType, "type 'Otps' not found (did you mean 'Opts'?)");
        FlowAssert.At(e, "flow.yaml", 6, 11);
    }

    [Fact]
    public void UnknownFeedsTargetIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: top\n  tasks:\n  - name: r\n    feeds: [nothing]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.UnknownTask, "task 'nothing' not found");
        FlowAssert.At(e, "flow.yaml", 5, 13);
    }

    [Fact]
    public void LocalTaskIsVisibleInItsOwnFragment()
    {
        using var f = new FlowFiles();
        f.Write("rtl/flow.yaml", "fragment:\n  tasks:\n  - local: helper\n  - name: build\n    needs: [helper]\n");
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: p\n  fragments: [rtl/flow.yaml]\n"));
        FlowAssert.Graph(m, "build");
    }

    [Fact]
    public void LocalTaskReferencedFromAnotherFragmentIsAnError()
    {
        using var f = new FlowFiles();
        f.Write("rtl/flow.yaml", "fragment:\n  tasks:\n  - local: helper\n");
        f.Write("tb/flow.yaml", "fragment:\n  tasks:\n  - name: tb\n    needs: [helper]\n");
        var m = f.Load("package:\n  name: p\n  fragments: [rtl/flow.yaml, tb/flow.yaml]\n  tasks:\n  - name: top\n    uses: helper\n");
        var errors = m.Diagnostics.Where(d => d.Code == DiagnosticCodes.NotVisible && d.IsError).ToList();
        Assert.Equal(2, errors.Count);
        var fromTb = errors.Single(e => e.Location!.File.EndsWith("tb/flow.yaml", StringComparison.Ordinal));
        Assert.Contains("task 'p.helper' is local to 'flow.yaml'", fromTb.Message);
        Assert.Equal((4, 13), (fromTb.Location!.Line, fromTb.Location.Column));
        var fromMain = errors.Single(e => e.Location!.File == f.PathOf("flow.yaml"));
        Assert.Equal((6, 11), (fromMain.Location!.Line, fromMain.Location.Column));
    }

    [Fact]
    public void LocalTaskOfAnotherPackageIsAnError()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  tasks:\n  - local: hidden\n");
        var m = f.Load("package:\n  name: top\n  imports: [lib]\n  tasks:\n  - name: r\n    needs: [lib.hidden]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.NotVisible, "local to its package");
        FlowAssert.At(e, "flow.yaml", 6, 13);
    }

    [Fact]
    public void NeedOnAnotherPackagesTaskNotExportedWarns()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  tasks:\n  - name: internal\n  - root: entry\n");
        var m = f.Load("package:\n  name: top\n  imports: [lib]\n  tasks:\n  - name: r\n    needs: [lib.internal, lib.entry]\n");
        FlowAssert.NoErrors(m);
        var w = FlowAssert.HasWarning(m.Diagnostics, DiagnosticCodes.NotVisible,
            "Task 'top.r' references task 'lib.internal' in package 'lib' that is not marked 'export'");
        FlowAssert.At(w, "flow.yaml", 6, 13);
        FlowAssert.HasWarning(m.Diagnostics, DiagnosticCodes.NotVisible, "task 'lib.entry' in package 'lib' that is not marked 'export'");
        // The graph is still built (a warning, as in dfm).
        var g = FlowAssert.Graph(m, "r");
        Assert.Equal(2, g.ByName["top.r"].Needs.Count);
    }

    [Fact]
    public void StdTasksAreExemptFromTheExportWarning()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: top\n  tasks:\n  - name: r\n    needs: [std.Message]\n");
        FlowAssert.NoErrors(m);
        FlowAssert.NoWarnings(m.Diagnostics);
    }

    [Fact]
    public void SubtaskNeedsOnAnotherPackageWarnWithTheSubtaskName()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  tasks:\n  - name: internal\n");
        var m = f.Load("package:\n  name: top\n  imports: [lib]\n  tasks:\n  - name: c\n    body:\n    - name: s\n      needs: [lib.internal]\n");
        FlowAssert.HasWarning(m.Diagnostics, DiagnosticCodes.NotVisible, "Task 'top.c.s' references task 'lib.internal'");
    }

    [Fact]
    public void DottedPackageTasksResolve()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
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
            """, new ElaborationOptions { Registry = f.HdlsimRegistry() }));
        var n = FlowAssert.Graph(m, "sim").ByName["p.sim"];
        Assert.Equal(["hdlsim.vlt.SimImage", "hdlsim.SimImage"], n.BaseChain);
    }

    [Fact]
    public void TaskDefinedInBothAnImportAndLocallyPrefersTheLocal()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  tasks:\n  - export: build\n");
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: top\n  imports: [lib]\n  tasks:\n  - name: build\n  - name: r\n    needs: [build, lib.build]\n"));
        Assert.Equal(["top.build", "lib.build"], FlowAssert.Needs(FlowAssert.Graph(m, "r").ByName["top.r"]));
    }

    [Fact]
    public void NamedFragmentTaskOfAnotherPackage()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  fragments: [rtl.yaml]\n");
        f.Write("lib/rtl.yaml", "fragment:\n  name: rtl\n  tasks:\n  - export: files\n");
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: top\n  imports: [lib]\n  tasks:\n  - name: r\n    needs: [lib.rtl.files]\n"));
        Assert.Equal(["lib.rtl.files"], FlowAssert.Needs(FlowAssert.Graph(m, "r").ByName["top.r"]));
    }
}

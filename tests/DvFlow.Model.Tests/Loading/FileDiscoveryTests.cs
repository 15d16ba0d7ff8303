using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Loading;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Loading;

/// <summary>Finding flow files (flow.dv / flow.yaml) and the package registry.</summary>
public class FileDiscoveryTests
{
    [Fact]
    public void LoadsFlowDv()
    {
        using var f = new FlowFiles();
        f.Write("flow.dv", "package:\n  name: dv_pkg\n  tasks:\n  - name: t\n");
        var m = FlowAssert.NoErrors(f.LoadFile("flow.dv"));
        Assert.Equal("dv_pkg", m.Root!.Name);
    }

    [Fact]
    public void DirectoryPrefersFlowDvThenFlowYaml()
    {
        using var f = new FlowFiles();
        f.Write("flow.yaml", "package:\n  name: from_yaml\n");
        Assert.Equal("from_yaml", f.LoadFile(".").Root!.Name);
        f.Write("flow.dv", "package:\n  name: from_dv\n");
        Assert.Equal("from_dv", f.LoadFile(".").Root!.Name);
    }

    [Fact]
    public void MissingRootFileIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.LoadFile("nothing_here");
        Assert.Null(m.Root);
        Assert.True(m.HasErrors);
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.FileNotFound, "no flow file found");
    }

    [Fact]
    public void RootFileThatIsAFragmentIsAnError()
    {
        using var f = new FlowFiles();
        var m = f.Load("fragment:\n  tasks: []\n");
        Assert.Null(m.Root);
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.BadDocument, "is a fragment, but a package was expected");
    }

    [Fact]
    public void ModelRecordsProjectRootAndRootFile()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: p\n");
        Assert.Equal(f.PathOf("flow.yaml"), m.RootFile);
        Assert.Equal(f.Root, m.ProjectRoot);
        Assert.Contains(f.PathOf("flow.yaml"), m.InputFiles);
    }

    [Fact]
    public void RegistryAddResolvesByName()
    {
        using var f = new FlowFiles();
        var file = f.Write("lib/flow.yaml", "package:\n  name: lib\n");
        var reg = new PackageRegistry().Add("lib", file).Add("lib", "/elsewhere/flow.yaml");
        Assert.Equal(file, reg.Resolve("lib")); // first registration wins
        Assert.Null(reg.Resolve("other"));
        Assert.Equal(["lib"], reg.PackageNames);
    }

    [Fact]
    public void RegistryMapFile()
    {
        using var f = new FlowFiles();
        f.Write("pkgs/a/flow.yaml", "package:\n  name: a\n");
        f.Write("pkgs/b/flow.dv", "package:\n  name: b\n");
        var map = f.Write("pkgs/packages.map", """
            # package map
            a: a/flow.yaml
            b = b

            broken line
            c: does/not/exist
            """);
        var reg = new PackageRegistry();
        var problems = reg.AddMapFile(map);
        Assert.Equal(f.PathOf("pkgs/a/flow.yaml"), reg.Resolve("a"));
        Assert.Equal(f.PathOf("pkgs/b/flow.dv"), reg.Resolve("b"));
        Assert.Equal(2, problems.Count);
        Assert.Contains("packages.map(5)", problems[0]);
        Assert.Contains("packages.map(6)", problems[1]);
    }

    [Fact]
    public void RegistryMapFileMissing()
        => Assert.Contains("not found", Assert.Single(new PackageRegistry().AddMapFile("/nonexistent/x.map")));

    [Fact]
    public void RegistrySearchDirectoryReadsPackageNames()
    {
        using var f = new FlowFiles();
        f.Write("lib/one/flow.yaml", "# comment\npackage:\n  name: one.pkg\n  tasks: []\n");
        f.Write("lib/two/flow.dv", "package:\n  desc: x\n  name: \"two\"\n");
        f.Write("lib/frag/flow.yaml", "fragment:\n  name: nope\n");
        var reg = new PackageRegistry().AddSearchDirectory(f.PathOf("lib"));
        Assert.Equal(f.PathOf("lib/one/flow.yaml"), reg.Resolve("one.pkg"));
        Assert.Equal(f.PathOf("lib/two/flow.dv"), reg.Resolve("two"));
        Assert.Null(reg.Resolve("nope"));
    }

    [Fact]
    public void RegistryPackageIsLoadedOnDemandWithoutImport()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: p
              tasks:
              - name: sim
                uses: hdlsim.vlt.SimImage
            """, new ElaborationOptions { Registry = f.HdlsimRegistry() }));
        Assert.Contains("hdlsim.vlt", m.Packages.Keys);
        Assert.Contains("hdlsim", m.Packages.Keys);
        Assert.Contains(f.PathOf("_plugins/hdlsim_vlt/flow.dv"), m.InputFiles);
    }

    [Fact]
    public void RegistryEntryDefiningAnotherPackageIsAnError()
    {
        using var f = new FlowFiles();
        var reg = new PackageRegistry().Add("lib", f.Write("lib/flow.yaml", "package:\n  name: other\n"));
        var m = f.Load("package:\n  name: p\n  imports: [lib]\n", new ElaborationOptions { Registry = reg });
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.PackageConflict, "defines package 'other'");
    }

    [Fact]
    public void UnreadableFileInRegistryIsAnError()
    {
        using var f = new FlowFiles();
        var reg = new PackageRegistry().Add("ghost", f.PathOf("ghost/flow.yaml"));
        var m = f.Load("package:\n  name: p\n  tasks:\n  - name: t\n    uses: ghost.T\n", new ElaborationOptions { Registry = reg });
        FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.FileNotFound, "cannot read flow file");
    }
}

using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Loading;
using DvFlow.Model.Tests.TestSupport;

namespace DvFlow.Model.Tests.Elaboration;

/// <summary>Imports by path and name, aliases, parameter overrides and the resolution order.</summary>
public class ImportTests
{
    private const string Lib = """
        package:
          name: my_lib
          with:
            width: {type: int, value: 32}
          tasks:
          - export: some_task
            uses: std.Message
            with:
              msg: "width=${{ width }}"
          - name: internal
            uses: std.Message
        """;

    [Fact]
    public void ImportByFilePath()
    {
        using var f = new FlowFiles();
        f.Write("subdir/flow.yaml", Lib);
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: top
              imports:
              - subdir/flow.yaml
              tasks:
              - name: use_imported
                uses: my_lib.some_task
            """));
        Assert.Equal("my_lib", m.Root!.Imports["my_lib"]);
        var g = FlowAssert.Graph(m, "use_imported");
        Assert.Equal("width=32", g.ByName["top.use_imported"].ParamValues["msg"]);
    }

    [Fact]
    public void ImportByDirectoryPath()
    {
        using var f = new FlowFiles();
        f.Write("packages/my_lib/flow.dv", Lib);
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: top\n  imports: [packages/my_lib]\n  tasks:\n  - name: r\n    needs: [my_lib.some_task]\n"));
        Assert.Equal(f.PathOf("packages/my_lib/flow.dv"), m.Packages["my_lib"].FilePath);
    }

    [Fact]
    public void ImportOfADirectorySearchesSubdirectories()
    {
        using var f = new FlowFiles();
        f.Write("packages/deep/inner/flow.yaml", Lib);
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: top\n  imports: [packages/deep]\n"));
        Assert.Contains("my_lib", m.Packages.Keys);
    }

    [Fact]
    public void ImportIsRelativeToTheImportingFileFirst()
    {
        using var f = new FlowFiles();
        f.Write("packages/ip1/flow.yaml", "package:\n  name: ip1\n  imports: [lib/flow.yaml]\n");
        f.Write("packages/ip1/lib/flow.yaml", "package:\n  name: near\n");
        f.Write("lib/flow.yaml", "package:\n  name: far\n");
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: top\n  imports: [packages/ip1/flow.yaml]\n"));
        Assert.Contains("near", m.Packages.Keys);
        Assert.DoesNotContain("far", m.Packages.Keys);
    }

    [Fact]
    public void ImportFallsBackToTheProjectRoot()
    {
        using var f = new FlowFiles();
        // Sibling packages find each other relative to the project root.
        f.Write("packages/ip1/flow.yaml", "package:\n  name: ip1\n  imports: [packages/ip2/flow.yaml]\n  tasks:\n  - export: a\n    needs: [ip2.b]\n");
        f.Write("packages/ip2/flow.yaml", "package:\n  name: ip2\n  tasks:\n  - export: b\n");
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: top\n  imports: [packages/ip1/flow.yaml]\n"));
        Assert.Contains("ip2", m.Packages.Keys);
    }

    [Fact]
    public void ImportByNameUsesTheRegistry()
    {
        using var f = new FlowFiles();
        var reg = new PackageRegistry().Add("my_lib", f.Write("installed/my_lib/flow.yaml", Lib));
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: top\n  imports:\n  - name: my_lib\n  tasks:\n  - name: r\n    needs: [my_lib.some_task]\n",
            new ElaborationOptions { Registry = reg }));
        Assert.Equal(f.PathOf("installed/my_lib/flow.yaml"), m.Packages["my_lib"].FilePath);
    }

    [Fact]
    public void RegistryMapFileFeedsImports()
    {
        using var f = new FlowFiles();
        f.Write("installed/my_lib/flow.yaml", Lib);
        var map = f.Write("installed/packages.map", "my_lib: my_lib/flow.yaml\n");
        var reg = new PackageRegistry();
        Assert.Empty(reg.AddMapFile(map));
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: top\n  imports: [my_lib]\n", new ElaborationOptions { Registry = reg }));
        Assert.Contains("my_lib", m.Packages.Keys);
    }

    [Fact]
    public void PathRelativeToFileWinsOverRegistryOnlyForPaths()
    {
        using var f = new FlowFiles();
        f.Write("my_lib/flow.yaml", "package:\n  name: local_copy\n");
        var reg = new PackageRegistry().Add("my_lib", f.Write("installed/flow.yaml", Lib));
        // A bare name is a package name first (dfm tries the registry before paths).
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: top\n  imports: [my_lib]\n", new ElaborationOptions { Registry = reg }));
        Assert.Contains("my_lib", m.Packages.Keys);
        Assert.DoesNotContain("local_copy", m.Packages.Keys);
        // Without a registry entry the name is tried as a path.
        var m2 = FlowAssert.NoErrors(f.Load("package:\n  name: top\n  imports: [my_lib]\n"));
        Assert.Contains("local_copy", m2.Packages.Keys);
    }

    [Fact]
    public void ImportAlias()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: proj
              imports:
              - name: hdlsim.vlt
                as: sim
              tasks:
              - name: build
                uses: sim.SimImage
            """, new ElaborationOptions { Registry = f.HdlsimRegistry() }));
        Assert.Equal("hdlsim.vlt", m.Root!.Imports["sim"]);
        var g = FlowAssert.Graph(m, "build");
        Assert.Equal(["hdlsim.vlt.SimImage", "hdlsim.SimImage"], g.ByName["proj.build"].BaseChain);
    }

    [Fact]
    public void ImportWithOverridesParameters()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", Lib);
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: top
              imports:
              - path: lib
                with:
                  width: 64
              tasks:
              - name: r
                uses: my_lib.some_task
            """));
        Assert.Equal(64L, m.Packages["my_lib"].ParamValues["width"]);
        var g = FlowAssert.Graph(m, "r", "my_lib.some_task");
        // An imported package's tasks see that package's own parameters.
        Assert.Equal("width=64", g.ByName["top.r"].ParamValues["msg"]);
        Assert.Equal("width=64", g.ByName["my_lib.some_task"].ParamValues["msg"]);
    }

    [Fact]
    public void ImportWithExpressionSeesImporterParameters()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", Lib);
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: top
              with:
                bus: {type: int, value: 16}
              imports:
              - path: lib
                with:
                  width: ${{ bus * 2 }}
            """));
        Assert.Equal(32L, m.Packages["my_lib"].ParamValues["width"]);
    }

    [Fact]
    public void ImportedTasksSeeTheirOwnParametersNotTheImporters()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", Lib);
        var m = FlowAssert.NoErrors(f.Load("""
            package:
              name: top
              with:
                width: {type: int, value: 8}
              imports: [lib]
              tasks:
              - name: r
                uses: my_lib.some_task
              - name: s
                uses: std.Message
                with:
                  msg: "${{ width }}/${{ my_lib.width }}"
            """));
        var g = FlowAssert.Graph(m, "r", "s");
        Assert.Equal("width=32", g.ByName["top.r"].ParamValues["msg"]);
        Assert.Equal("8/32", g.ByName["top.s"].ParamValues["msg"]);
    }

    // Import mistakes: each row is the files beside flow.yaml ("path: content" pairs), flow.yaml, the error's code, a part
    // of its message and where in flow.yaml it points.
    public static TheoryData<string[], string, string, string, int, int> ImportErrors => new()
    {
        { ["lib/flow.yaml", Lib], "package:\n  name: top\n  imports:\n  - path: lib\n    with:\n      widht: 3\n",
            DiagnosticCodes.UnknownParameter, "sets 'widht', which is not a parameter of package 'my_lib' (did you mean 'width'?)", 6, 7 },
        { [], "package:\n  name: top\n  imports:\n  - packages/nowhere\n", DiagnosticCodes.ImportNotFound, "import 'packages/nowhere' not found", 4, 5 },
        { [], "package:\n  name: top\n  imports: [flow.yaml]\n", DiagnosticCodes.CircularDefinition, "package 'top' imports itself", 3, 13 },
        { ["a/flow.yaml", "package:\n  name: lib\n", "b/flow.yaml", "package:\n  name: lib\n"], "package:\n  name: top\n  imports: [a/flow.yaml, b/flow.yaml]\n",
            DiagnosticCodes.PackageConflict, "package 'lib' is defined twice", 3, 26 },
    };

    [Theory]
    [MemberData(nameof(ImportErrors))]
    public void ImportMistakesAreLocatedErrors(string[] files, string yaml, string code, string message, int line, int column)
    {
        using var f = new FlowFiles();
        for (var i = 0; i < files.Length; i += 2) f.Write(files[i], files[i + 1]);
        var e = FlowAssert.HasError(f.Load(yaml).Diagnostics, code, message);
        FlowAssert.At(e, "flow.yaml", line, column);
    }

    [Fact]
    public void MissingImportByNameSuggestsRegistryNames()
    {
        using var f = new FlowFiles();
        var m = f.Load("package:\n  name: top\n  imports: [hdlsim.vtl]\n", new ElaborationOptions { Registry = f.HdlsimRegistry() });
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.ImportNotFound, "(did you mean 'hdlsim.vlt'?)");
        FlowAssert.At(e, "flow.yaml", 3, 13);
    }

    [Fact]
    public void MutualImportsAreACircularImport()
    {
        // dfm stops at a file that is imported while it is still being processed; so does the loader, at the import that closes the loop.
        using var f = new FlowFiles();
        f.Write("a/flow.yaml", "package:\n  name: a\n  imports: [../b/flow.yaml]\n  tasks:\n  - export: ta\n    needs: [b.tb]\n");
        f.Write("b/flow.yaml", "package:\n  name: b\n  imports: [../a/flow.yaml]\n  tasks:\n  - export: tb\n");
        var m = f.Load("package:\n  name: top\n  imports: [a/flow.yaml]\n  tasks:\n  - name: t\n    needs: [a.ta]\n");
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.CircularDefinition, "circular import: a -> b -> a");
        FlowAssert.At(e, "flow.yaml", 3, 13);
        Assert.EndsWith("/b/flow.yaml", e.Location!.File, StringComparison.Ordinal);
        Assert.Single(m.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void ImportsByNameInACycleAreReportedWithTheChain()
    {
        using var f = new FlowFiles();
        f.Write("a/flow.yaml", "package:\n  name: a\n  imports: [b]\n");
        f.Write("b/flow.yaml", "package:\n  name: b\n  imports: [c]\n");
        f.Write("c/flow.yaml", "package:\n  name: c\n  imports: [a]\n");
        var reg = new PackageRegistry().Add("a", f.PathOf("a/flow.yaml")).Add("b", f.PathOf("b/flow.yaml")).Add("c", f.PathOf("c/flow.yaml"));
        var m = f.Load("package:\n  name: top\n  imports: [a]\n", new ElaborationOptions { Registry = reg });
        var e = FlowAssert.HasError(m.Diagnostics, DiagnosticCodes.CircularDefinition, "circular import: a -> b -> c -> a");
        FlowAssert.At(e, "flow.yaml", 3, 13);
        Assert.EndsWith("/c/flow.yaml", e.Location!.File, StringComparison.Ordinal);
    }

    [Fact]
    public void APackageLoadedForAQualifiedNameMayImportTheOneThatNamedIt()
    {
        // Not a cycle: top names lib's parameter (lib.w) without importing lib, so lib importing top, still loading, closes no chain of imports.
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", "package:\n  name: lib\n  imports: [top]\n  with:\n    w: {type: int, value: 3}\n");
        var root = f.Write("flow.yaml", "package:\n  name: top\n  with:\n    x: {type: int, value: \"${{ lib.w }}\"}\n");
        var reg = new PackageRegistry().Add("lib", f.PathOf("lib/flow.yaml")).Add("top", root);
        var m = FlowAssert.NoErrors(FlowElaborator.Elaborate(root, new ElaborationOptions { Registry = reg }));
        Assert.Equal(3L, m.Root!.ParamValues["x"]);
    }

    [Fact]
    public void ReimportWithParametersWarns()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", Lib);
        f.Write("other/flow.yaml", "package:\n  name: other\n  imports:\n  - path: ../lib\n    with: {width: 1}\n");
        var m = f.Load("package:\n  name: top\n  imports: [lib, other]\n");
        FlowAssert.HasWarning(m.Diagnostics, DiagnosticCodes.PackageConflict, "already loaded");
        Assert.Equal(32L, m.Packages["my_lib"].ParamValues["width"]);
    }

    [Fact]
    public void ImportPathMayUseAnExpression()
    {
        using var f = new FlowFiles();
        f.Write("libs/v2/flow.yaml", Lib);
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: top\n  with:\n    ver: {type: str, value: v2}\n  imports: [\"libs/${{ ver }}\"]\n"));
        Assert.Contains("my_lib", m.Packages.Keys);
    }

    [Fact]
    public void StdIsAlwaysAvailable()
    {
        using var f = new FlowFiles();
        var m = FlowAssert.NoErrors(f.Load("package:\n  name: top\n  imports: [std]\n  tasks:\n  - name: t\n    uses: std.Message\n"));
        Assert.Contains("std", m.Packages.Keys);
        Assert.DoesNotContain(FlowElaborator.StdPath, m.InputFiles);
    }

    [Fact]
    public void UsingAnImportedTaskThatIsNotExportedIsAllowed()
    {
        using var f = new FlowFiles();
        f.Write("lib/flow.yaml", Lib);
        var m = f.Load("package:\n  name: top\n  imports: [lib]\n  tasks:\n  - name: r\n    uses: my_lib.internal\n");
        FlowAssert.NoErrors(m);
        FlowAssert.NoWarnings(m.Diagnostics);
    }
}

using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>Packages that are not imported by path: package map files and search directories (dfm's package maps and DV_FLOW_PATH).</summary>
[Collection(SdkCollection.Name)]
public class PackageSearchTests(SdkFeed feed)
{
    private const string Lib = """
        package:
          name: {0}
          tasks:
          - export: Hello
            uses: std.Message
            with:
              msg: "hello from {0}"
        """;

    [Fact]
    public void PackagesFromAMapFileAndASearchDirectoryAreImportableByName()
    {
        using var p = new FlowProject(feed, """
            package:
              name: app
              imports:
              - name: mapped_lib
              - name: found_lib
                as: found
              tasks:
              - root: both
                needs: [mapped_lib.Hello, found.Hello]
            """, """
              <ItemGroup>
                <DvFlowPackageMap Include="packages.map" />
                <DvFlowPackagePath Include="vendor" />
              </ItemGroup>
            """);
        p.Write("libs/mapped/flow.yaml", string.Format(Lib, "mapped_lib"));
        p.Write("packages.map", "# name: path\nmapped_lib: libs/mapped/flow.yaml\n");
        p.Write("vendor/found/flow.yaml", string.Format(Lib, "found_lib"));
        var r = p.Build("-t:both");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("mapped_lib.Hello: hello from mapped_lib");
        r.AssertOutputContains("found_lib.Hello: hello from found_lib");
    }

    [Fact]
    public void PackagesInDvFlowPathDirectoriesAreImportableByName()
    {
        using var p = new FlowProject(feed, """
            package:
              name: app
              imports:
              - name: env_lib
              tasks:
              - root: hi
                needs: [env_lib.Hello]
            """);
        p.Write("elsewhere/one/env_lib/flow.yaml", string.Format(Lib, "env_lib"));
        p.Environment["DV_FLOW_PATH"] = Path.Combine(p.Dir, "nowhere") + Path.PathSeparator + Path.Combine(p.Dir, "elsewhere", "one");
        var r = p.Build("-t:hi");
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("env_lib.Hello: hello from env_lib");

        // Without the variable the package is not found, and the error names the import.
        p.Environment.Remove("DV_FLOW_PATH");
        var missing = p.Build("-t:hi");
        Assert.False(missing.Succeeded);
        missing.AssertOutputMatches(@"flow\.yaml\(4,\d+\): error DVF\d+: .*env_lib");
    }
}

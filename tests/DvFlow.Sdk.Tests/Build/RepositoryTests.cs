using System.Globalization;
using System.Text.Json;
using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>
/// A flow project among a repository's other projects: solutions, ProjectReferences from C# projects, traversal projects,
/// Directory.Build.props/targets and Visual Studio's design-time targets, each through the real dotnet commands.
/// </summary>
[Collection(SdkCollection.Name)]
public class RepositoryTests(SdkFeed feed)
{
    private const string IpFlow = """
        package:
          name: ipa
          with:
            who: {type: str, value: default}
          tasks:
          - root: hello
            shell: bash
            run: echo "hello ${{ who }}" > hello.txt
          configs:
          - name: Release
            with:
              who: {value: flow-release-config}
        """;

    private static string Hello(TestRepository repo, string ip = "ip/a", string pkg = "ipa")
        => File.ReadAllText(repo.Path_($"{ip}/rundir/{pkg}.hello/hello.txt")).Trim();

    [Theory]
    [InlineData("slnx")]
    [InlineData("sln")]
    public void SolutionsAcceptFlowProjectsAndBuildCleanAndRebuildThemWithCSharpProjects(string format)
    {
        using var repo = new TestRepository(feed);
        repo.FlowProject("ip/a", IpFlow);
        repo.ClassLibrary("lib");
        Assert.Equal(0, repo.Dotnet("new", "sln", "-n", "all", "--format", format).ExitCode);
        var add = repo.Dotnet("sln", $"all.{format}", "add", "ip/a/a.proj", "lib/lib.csproj");
        Assert.True(add.ExitCode == 0 && !add.Output.Contains("unknown project type"), add.Output);
        Assert.Contains("13b669be-bb05-4ddf-9536-439f39a36129", File.ReadAllText(repo.Path_($"all.{format}")), StringComparison.OrdinalIgnoreCase);

        // A fresh clone: the solution's restore never runs the flow project's own Restore, so the build translates the flow itself.
        var build = repo.Dotnet("build", $"all.{format}", "-v:n");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("the flow has not been translated for this configuration", build.Output);
        Assert.Equal("hello default", Hello(repo));
        Assert.True(File.Exists(repo.Path_("lib/bin/Debug/net10.0/lib.dll")));
        // ... where its next build finds it: no translation, no second evaluation.
        var again = repo.Dotnet("build", $"all.{format}", "-v:n");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.DoesNotContain("translating it now", again.Output);
        Assert.Contains("ipa.hello: skipped, up to date", again.Output);

        // The solution's Configuration is not the flow's Config, even when the flow has a config of that name.
        var release = repo.Dotnet("build", $"all.{format}", "-c", "Release");
        Assert.True(release.ExitCode == 0, release.Output);
        Assert.Equal("hello default", Hello(repo));
        Assert.True(File.Exists(repo.Path_("lib/bin/Release/net10.0/lib.dll")));
        var config = repo.Dotnet("build", $"all.{format}", "-p:Config=Release");
        Assert.True(config.ExitCode == 0, config.Output);
        Assert.Equal("hello flow-release-config", Hello(repo));

        var rebuild = repo.Dotnet("build", $"all.{format}", "--no-incremental", "-v:n");
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);
        Assert.Contains("ipa.hello: running (forced (rebuild))", rebuild.Output);
        var clean = repo.Dotnet("clean", $"all.{format}");
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.False(Directory.Exists(repo.Path_("ip/a/rundir/ipa.hello")));
    }

    [Fact]
    public void ACSharpProjectReferencingAFlowProjectBuildsTheFlowFirstAndTheProtocolTargetsAnswer()
    {
        using var repo = new TestRepository(feed);
        repo.FlowProject("ip/a", IpFlow);
        // The C# project's own target reads what the flow produced: the flow must have run before it.
        repo.ClassLibrary("app", """
              <ItemGroup><ProjectReference Include="../ip/a/a.proj" ReferenceOutputAssembly="false" /></ItemGroup>
              <Target Name="UseFlowOutput" BeforeTargets="CoreCompile">
                <ReadLinesFromFile File="../ip/a/rundir/ipa.hello/hello.txt"><Output TaskParameter="Lines" PropertyName="FlowSaid" /></ReadLinesFromFile>
                <Error Condition="'$(FlowSaid)' != 'hello default'" Text="the flow did not run first: '$(FlowSaid)'" />
              </Target>
            """);
        var build = repo.Dotnet("build", "app/app.csproj");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(File.Exists(repo.Path_("app/bin/Debug/net10.0/app.dll")));
        // The referencing project's other protocol calls: GetTargetPath (--no-dependencies), publish, clean.
        var noDeps = repo.Dotnet("build", "app/app.csproj", "--no-dependencies");
        Assert.True(noDeps.ExitCode == 0, noDeps.Output);
        var publish = repo.Dotnet("publish", "app/app.csproj", "-o", repo.Path_("out"));
        Assert.True(publish.ExitCode == 0, publish.Output);
        var clean = repo.Dotnet("clean", "app/app.csproj");
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.False(Directory.Exists(repo.Path_("ip/a/rundir/ipa.hello")));
    }

    [Fact]
    public void AFlowProjectReferencingAnotherImportsItsPackageByNameAndBuildsItFirst()
    {
        using var repo = new TestRepository(feed);
        repo.FlowProject("ip/fifo", """
            package:
              name: fifo
              tasks:
              - name: rtl
                scope: [root, export]
                uses: std.FileSet
                with: {base: rtl, type: systemVerilogSource, include: "*.sv"}
              - root: lint
                shell: bash
                run: echo linted > lint.txt
            """);
        repo.Write("ip/fifo/rtl/fifo.sv", "module fifo; endmodule\n");
        repo.FlowProject("ip/soc", """
            package:
              name: soc
              imports: [fifo]
              tasks:
              - root: top
                needs: [fifo.rtl]
                shell: bash
                run: cat "$DFM_INPUT_FILES" > files.txt
            """, """
            <ItemGroup><ProjectReference Include="../fifo/fifo.proj" /></ItemGroup>
            <Target Name="ShowFifoOutputs" AfterTargets="Build">
              <MSBuild Projects="../fifo/fifo.proj" Targets="DvFlowGetOutputs" Properties="DvFlowTask=rtl"><Output TaskParameter="TargetOutputs" ItemName="FifoFile" /></MSBuild>
              <Message Importance="high" Text="fifo gives %(FifoFile.FileType) %(FifoFile.Filename)%(FifoFile.Extension)" />
            </Target>
            """);
        var r = repo.Dotnet("build", "ip/soc/soc.proj");
        Assert.True(r.ExitCode == 0, r.Output);
        // The package was found by name through the reference, and the referenced project built first (its root tasks ran).
        Assert.EndsWith("/ip/fifo/rtl/fifo.sv", File.ReadAllText(repo.Path_("ip/soc/rundir/soc.top/files.txt")).Trim());
        Assert.Equal("linted", File.ReadAllText(repo.Path_("ip/fifo/rundir/fifo.lint/lint.txt")).Trim());
        // Its output items reach the referencing project's targets, with their metadata.
        Assert.Contains("fifo gives systemVerilogSource fifo.sv", r.Output);

        // A reference's Targets metadata names the tasks to build instead of Build.
        repo.Write("ip/soc/soc.proj", File.ReadAllText(repo.Path_("ip/soc/soc.proj")).Replace("<ProjectReference Include=\"../fifo/fifo.proj\" />",
            "<ProjectReference Include=\"../fifo/fifo.proj\" Targets=\"rtl\" />"));
        // From a fresh clone: the referenced flow is not translated, so its tasks' short-name targets do not exist yet.
        Directory.Delete(repo.Path_("ip/fifo/rundir"), recursive: true);
        Directory.Delete(repo.Path_("ip/fifo/obj/dvflow"), recursive: true);
        var only = repo.Dotnet("build", "ip/soc/soc.proj");
        Assert.True(only.ExitCode == 0, only.Output);
        Assert.False(Directory.Exists(repo.Path_("ip/fifo/rundir/fifo.lint")), "the reference built more than its Targets");
    }

    [Fact]
    public void ATraversalProjectBuildsManyFlowProjectsInParallelFromAFreshClone()
    {
        using var repo = new TestRepository(feed);
        foreach (var ip in new[] { "a", "b", "c" })
            repo.FlowProject($"ips/{ip}", $$"""
                package:
                  name: ip{{ip}}
                  tasks:
                  - root: work
                    shell: bash
                    run: date +%s.%N > start; sleep 2; date +%s.%N > end
                """);
        // A traversal project as Microsoft.Build.Traversal writes them: ProjectReferences built with BuildInParallel.
        repo.Write("dirs.proj", """
            <Project DefaultTargets="Build">
              <ItemGroup><ProjectReference Include="ips/*/*.proj" /></ItemGroup>
              <Target Name="Build"><MSBuild Projects="@(ProjectReference)" BuildInParallel="true" /></Target>
              <Target Name="Clean"><MSBuild Projects="@(ProjectReference)" Targets="Clean" BuildInParallel="true" /></Target>
            </Project>
            """);
        var r = repo.Dotnet("msbuild", "dirs.proj", "-m:3", "-nologo");
        Assert.True(r.ExitCode == 0, r.Output);
        double T(string ip, string f) => double.Parse(File.ReadAllText(repo.Path_($"ips/{ip}/rundir/ip{ip}.work/{f}")).Trim(), CultureInfo.InvariantCulture);
        // Every start came before every end: the three ran at the same time.
        var starts = new[] { "a", "b", "c" }.Select(ip => T(ip, "start")).ToList();
        var ends = new[] { "a", "b", "c" }.Select(ip => T(ip, "end")).ToList();
        Assert.True(starts.Max() < ends.Min(), $"starts {string.Join(", ", starts)}; ends {string.Join(", ", ends)}");
        var clean = repo.Dotnet("msbuild", "dirs.proj", "-t:Clean", "-nologo");
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.False(Directory.Exists(repo.Path_("ips/a/rundir/ipa.work")));
    }

    [Fact]
    public void RepositorySettingsReachFlowProjectsThroughDirectoryBuildFilesAndTheSdksHooks()
    {
        using var repo = new TestRepository(feed);
        repo.FlowProject("ip/a", IpFlow);
        // What repositories put there: settings for every project (here a flow parameter) and targets hooking Build.
        repo.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup><DvFlowDefines>who=directory-build-props</DvFlowDefines></PropertyGroup>
            </Project>
            """);
        repo.Write("Directory.Build.targets", """
            <Project>
              <Target Name="RepoAfterBuild" AfterTargets="Build" Condition="'$(UsingDvFlowSdk)' == 'true'">
                <Message Importance="high" Text="repo hook ran after $(MSBuildProjectName)" />
              </Target>
            </Project>
            """);
        repo.Write("hooks/before.props", "<Project><PropertyGroup><HookBefore>set</HookBefore></PropertyGroup></Project>");
        repo.Write("hooks/after.targets", """
            <Project>
              <Target Name="ShowHooks" AfterTargets="Build"><Message Importance="high" Text="hooks: before=$(HookBefore) after=yes" /></Target>
            </Project>
            """);
        var r = repo.Dotnet("build", "ip/a/a.proj", $"-p:CustomBeforeDvFlowProps={repo.Path_("hooks/before.props")}", $"-p:CustomAfterDvFlowTargets={repo.Path_("hooks/after.targets")}");
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.Equal("hello directory-build-props", Hello(repo));
        Assert.Contains("repo hook ran after a", r.Output);
        Assert.Contains("hooks: before=set after=yes", r.Output);

        var off = repo.Dotnet("build", "ip/a/a.proj", "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false");
        Assert.True(off.ExitCode == 0, off.Output);
        Assert.Equal("hello default", Hello(repo));
        Assert.DoesNotContain("repo hook ran", off.Output);

        // Reached without its own restore after the flow changed, the build translates and continues in a fresh evaluation:
        // the hooks still run once.
        repo.Write("ip/a/flow.yaml", IpFlow.Replace("value: default", "value: edited"));
        var stale = repo.Dotnet("msbuild", "ip/a/a.proj", "-nologo", "-v:n", $"-p:CustomBeforeDvFlowProps={repo.Path_("hooks/before.props")}", $"-p:CustomAfterDvFlowTargets={repo.Path_("hooks/after.targets")}");
        Assert.True(stale.ExitCode == 0, stale.Output);
        Assert.Contains("DvFlow: building in a fresh evaluation of the project", stale.Output);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(stale.Output, "repo hook ran after a"));
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(stale.Output, "hooks: before=set after=yes"));
    }

    [Fact]
    public void VisualStudiosDesignTimeTargetsAnswerWithoutRunningAnyFlowTask()
    {
        using var repo = new TestRepository(feed);
        repo.FlowProject("ip/a", """
            package:
              name: ipa
              fragments: [parts/more.yaml]
              tasks:
              - name: rtl
                uses: std.FileSet
                with: {base: rtl, type: systemVerilogSource, include: "*.sv"}
              - root: hello
                needs: [rtl]
                shell: bash
                run: touch ran.txt
            """, "<ItemGroup><ProjectReference Include=\"../../lib/lib.csproj\" /></ItemGroup>");
        repo.Write("ip/a/parts/more.yaml", "fragment:\n  tasks:\n  - name: extra\n    uses: std.Message\n    with: {msg: extra}\n");
        repo.Write("ip/a/rtl/top.sv", "module top; endmodule\n");
        repo.ClassLibrary("lib");
        Assert.Equal(0, repo.DotnetIn("ip/a", "restore").ExitCode);

        string[] targets = ["CollectPackageReferences", "CollectPackageDownloads", "CollectFrameworkReferences", "CollectCentralPackageVersions",
            "ResolveProjectReferencesDesignTime2", "ResolveAssemblyReferencesDesignTime", "ResolveComReferencesDesignTime", "ResolvePackageDependenciesDesignTime",
            "CompileDesignTime", "CollectAnalyzersDesignTime", "CollectUpToDateCheckInputDesignTime", "CollectUpToDateCheckOutputDesignTime",
            "CollectUpToDateCheckBuiltDesignTime", "CollectCopyToOutputDirectoryItemDesignTime", "GenerateSupportedTargetFrameworkAlias",
            "CollectSuggestedVisualStudioComponentIds", "GetTargetFrameworks", "GetTargetPath", "BuiltProjectOutputGroup"];
        var r = repo.DotnetIn("ip/a", ["msbuild", "a.proj", "-nologo", $"-t:{string.Join(";", targets)}", "-p:DesignTimeBuild=true", "-p:BuildingInsideVisualStudio=true",
            "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true", "-getTargetResult:CollectUpToDateCheckInputDesignTime", "-getTargetResult:ResolveProjectReferencesDesignTime2",
            "-getItem:ProjectCapability", "-getItem:None"]);
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.False(File.Exists(repo.Path_("ip/a/rundir/ipa.hello/ran.txt")), "a design-time build ran a flow task");
        using var json = JsonDocument.Parse(r.Output[r.Output.IndexOf('{')..]);
        var root = json.RootElement;
        IEnumerable<string> Items(JsonElement items) => items.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!);
        var inputs = Items(root.GetProperty("TargetResults").GetProperty("CollectUpToDateCheckInputDesignTime").GetProperty("Items")).ToList();
        // The fast up-to-date check knows the flow files, its fragment and the files its FileSets match.
        Assert.Contains(inputs, i => i.EndsWith("/ip/a/flow.yaml"));
        Assert.Contains(inputs, i => i.EndsWith("/ip/a/parts/more.yaml"));
        Assert.Contains(inputs, i => i.EndsWith("/ip/a/rtl/top.sv"));
        Assert.Contains(Items(root.GetProperty("TargetResults").GetProperty("ResolveProjectReferencesDesignTime2").GetProperty("Items")), i => i.EndsWith("/lib/lib.csproj"));
        Assert.Contains("DvFlow", Items(root.GetProperty("Items").GetProperty("ProjectCapability")));
        var none = Items(root.GetProperty("Items").GetProperty("None")).ToList();
        Assert.Contains(none, i => i.EndsWith("flow.yaml"));
        Assert.Contains(none, i => i.EndsWith("more.yaml"));
    }
}

using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Samples;

/// <summary>
/// samples/repo: a repository with two flow IPs (the SoC's flow project references the FIFO's), a C# task library and a
/// traversal project, built from a fresh clone through its solution and through the traversal project.
/// </summary>
[Collection(SdkCollection.Name)]
public class RepoSampleTests(SdkFeed feed)
{
    private static readonly (string Ip, string Test)[] Runs =
        [("fifo", "smoke"), ("fifo", "fill"), ("soc", "smoke"), ("soc", "stress")];

    [Fact]
    public void TheSolutionAndTheTraversalProjectBuildEveryIpFromAFreshClone()
    {
        RequiredTool.Ensure("verilator", "verilator");
        using var repo = TestRepository.FromSample(feed, "repo");
        var version = $"-p:DvFlowVersion={feed.Version}";

        var build = repo.Dotnet("build", "repo.slnx", version, "-m:2");
        Assert.True(build.ExitCode == 0, build.Output);
        AssertEveryRunPassed(repo);
        // The SoC's configuration header came from the repository's C# task library, at the SoC's parameters.
        Assert.Equal("`define SOC_FIFO_DEPTH 16\n`define SOC_FIFO_WIDTH 32\n", File.ReadAllText(repo.Path_("ips/soc/rundir/soc.cfg/soc_cfg.svh")));
        Assert.True(File.Exists(repo.Path_("tools/SocTasks/bin/Debug/net10.0/SocTasks.dll")));

        var clean = repo.Dotnet("clean", "repo.slnx", version);
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.False(Directory.Exists(repo.Path_("ips/soc/rundir/soc.image")));

        // The traversal project: every IP, in parallel, with a parameter for all of them.
        var traversal = repo.Dotnet("build", "dirs.proj", version, "-m:2", "-p:D_fifo_depth=32");
        Assert.True(traversal.ExitCode == 0, traversal.Output);
        AssertEveryRunPassed(repo);
        Assert.Contains("`define SOC_FIFO_DEPTH 32", File.ReadAllText(repo.Path_("ips/soc/rundir/soc.cfg/soc_cfg.svh")));
    }

    private static void AssertEveryRunPassed(TestRepository repo)
    {
        foreach (var (ip, test) in Runs)
            for (var seed = 1; seed <= 2; seed++)
            {
                var cell = $"{ip}.tests.run_{Array.IndexOf(Runs.Where(r => r.Ip == ip).Select(r => r.Test).ToArray(), test)}_{seed - 1}";
                var log = File.ReadAllText(repo.Path_($"ips/{ip}/rundir/{cell}/sim.log"));
                Assert.Contains($"PASS: test={test} seed={seed} ", log);
            }
    }
}

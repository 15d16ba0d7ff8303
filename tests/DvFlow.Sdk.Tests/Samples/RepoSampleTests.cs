using System.Xml.Linq;
using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Samples;

/// <summary>
/// samples/repo: a repository with two flow IPs (the SoC's flow project references the FIFO's), a C# task library and a
/// traversal project, built from a fresh clone through its solution and through the traversal project, then tested through both
/// (dotnet test, with TRX and JUnit files).
/// </summary>
[Collection(SdkCollection.Name)]
public class RepoSampleTests(SdkFeed feed)
{
    private static readonly (string Ip, string Test)[] Runs =
        [("fifo", "smoke"), ("fifo", "fill"), ("soc", "smoke"), ("soc", "stress")];

    [Fact]
    public void TheSolutionAndTheTraversalProjectBuildAndTestEveryIpFromAFreshClone()
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

        // dotnet test of the solution: every IP's simulations are its tests; the C# library has none.
        var results = repo.Path_("results");
        var test = repo.Dotnet("test", "repo.slnx", version, "-m:2", "--results-directory", results, "--logger", "trx", "--logger", "junit;LogFileName={assembly}.xml");
        Assert.True(test.ExitCode == 0, test.Output);
        foreach (var ip in new[] { "fifo", "soc" })
            Assert.Contains($"Passed!  - Failed:     0, Passed:     4, Skipped:     0, Total:     4, Duration: ", test.Output.Split('\n').Single(l => l.Contains($" - {ip}.proj (dvflow)")));
        AssertEveryRunPassed(repo);
        AssertResults(results, 4);

        // Through the traversal project, a filter applies to every IP.
        var traversalResults = repo.Path_("traversal-results");
        var traversalTest = repo.Dotnet("test", "dirs.proj", version, "-m:2", "--filter", "Name~seed: 1", "--results-directory", traversalResults,
            "--logger", "trx", "--logger", "junit;LogFileName={assembly}.xml");
        Assert.True(traversalTest.ExitCode == 0, traversalTest.Output);
        AssertResults(traversalResults, 2);
    }

    // One TRX and one JUnit file per IP, each with the IP's passed tests, named by test and seed.
    private static void AssertResults(string dir, int perIp)
    {
        XNamespace trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var trxFiles = Directory.GetFiles(dir, "*.trx");
        Assert.Equal(2, trxFiles.Length);
        var names = new List<string>();
        foreach (var f in trxFiles)
        {
            var root = XDocument.Load(f).Root!;
            var counters = root.Element(trx + "ResultSummary")!.Element(trx + "Counters")!;
            Assert.Equal((perIp.ToString(), perIp.ToString(), "0"), (counters.Attribute("total")!.Value, counters.Attribute("passed")!.Value, counters.Attribute("failed")!.Value));
            names.AddRange(root.Element(trx + "Results")!.Elements(trx + "UnitTestResult").Select(r => r.Attribute("testName")!.Value));
        }
        var expected = Runs.SelectMany(r => Enumerable.Range(1, perIp / 2).Select(seed =>
            $"{r.Ip}.tests.run_{Array.IndexOf(Runs.Where(x => x.Ip == r.Ip).Select(x => x.Test).ToArray(), r.Test)}_{seed - 1}(test: {r.Test}, seed: {seed})"));
        Assert.Equal(expected.Order(), names.Order());
        foreach (var ip in new[] { "fifo", "soc" })
        {
            var suite = XDocument.Load(Path.Combine(dir, ip + ".xml")).Root!.Element("testsuite")!;
            Assert.Equal((perIp.ToString(), "0"), (suite.Attribute("tests")!.Value, suite.Attribute("failures")!.Value));
            Assert.All(suite.Elements("testcase"), c => Assert.Equal($"{ip}.tests", c.Attribute("classname")!.Value));
        }
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

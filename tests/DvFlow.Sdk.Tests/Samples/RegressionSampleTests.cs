using System.Globalization;
using System.Text.RegularExpressions;
using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Samples;

/// <summary>
/// samples/regression with Verilator: one image, a 4 x 4 matrix of SimRuns run four at a time under
/// -m:4 (each cell in its own run directory with its test and seed, several simulating at once), and a
/// failing seed failing the build with errors naming the failing cells.
/// </summary>
[Collection(SdkCollection.Name)]
public class RegressionSampleTests(SdkFeed feed)
{
    private static readonly string[] Tests = ["smoke", "fill", "drain", "stress"];
    private static readonly int[] Seeds = [1, 2, 3, 4];

    [Fact]
    public void SixteenRunsInParallelAndAFailingSeedFailsTheBuildNamingItsRuns()
    {
        RequiredTool.Ensure("verilator", "verilator");
        using var p = SampleCopy.Create(feed, "regression");

        // Longer runs (scale 3) make their overlap under -m:4 unmistakable.
        var r = p.Build("-m:4", "-p:D_scale=3");
        Assert.True(r.Succeeded, r.Describe());
        var intervals = new List<(double Start, double End)>();
        for (var i = 0; i < Tests.Length; i++)
        {
            for (var j = 0; j < Seeds.Length; j++)
            {
                var log = File.ReadAllText(Path.Combine(p.RunDir, $"regression.tests.run_{i}_{j}", "sim.log"));
                Assert.Contains($"test={Tests[i]} seed={Seeds[j]} cycles=", log);
                Assert.Contains($"PASS: test={Tests[i]} seed={Seeds[j]} ", log);
                intervals.Add((WallClock(log, "start"), WallClock(log, "end")));
            }
        }
        // Some run started before another had finished: the simulations overlapped.
        var maxConcurrent = intervals.Max(a => intervals.Count(b => b.Start <= a.Start && a.Start < b.End));
        Assert.True(maxConcurrent >= 2, $"the runs overlapped (at most {maxConcurrent} at once): {string.Join(", ", intervals)}");

        // Seed 3 (the third seed) fails in every test; the image is reused.
        var failing = p.Build("-m:4", "-p:D_fail_seed=3");
        Assert.False(failing.Succeeded, failing.Describe());
        failing.AssertOutputContains("regression.image: skipped, up to date");
        failing.AssertOutputMatches(@"tb/tb\.sv\(\d+(,\d+)?\): error [A-Z0-9_]+: regression\.tests\.run_\d_2: .*test \w+ seed 3: pop 100 read [0-9a-f]+, expected [0-9a-f]+");
        failing.AssertOutputLacks("seed 1: pop");
    }

    private static double WallClock(string log, string which)
    {
        var m = Regex.Match(log, $@"wallclock {which} (\d+\.\d+)");
        Assert.True(m.Success, $"the log has its wall-clock {which}:\n{log}");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}

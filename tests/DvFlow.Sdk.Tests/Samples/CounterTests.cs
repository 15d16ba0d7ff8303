using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Samples;

/// <summary>
/// samples/counter with real simulators: Verilator (the default) and Icarus Verilog (<c>-p:Config=ivl</c>).
/// Builds, runs, rebuilds incrementally, recompiles after an included header changes, and fails with a
/// located error when the testbench fails.
/// </summary>
[Collection(SdkCollection.Name)]
public class CounterTests(SdkFeed feed)
{
    /// <summary>Per simulator: the build arguments selecting it, the tool and its apt package, the image path in the image run dir.</summary>
    public static TheoryData<string> Simulators => new() { "vlt", "ivl" };

    private static (string[] Args, string Tool, string Package, string Image) Sim(string sim) => sim switch
    {
        "vlt" => ([], "verilator", "verilator", "obj_dir/simv"),
        "ivl" => (["-p:Config=ivl"], "iverilog", "iverilog", "simv.vvp"),
        _ => throw new ArgumentOutOfRangeException(nameof(sim)),
    };

    [Theory]
    [MemberData(nameof(Simulators))]
    public void BuildsRunsAndRebuildsIncrementally(string sim)
    {
        var s = Sim(sim);
        RequiredTool.Ensure(s.Tool, s.Package);
        using var p = SampleCopy.Create(feed, "counter");

        var first = p.Build(s.Args);
        Assert.True(first.Succeeded, first.Describe());
        first.AssertOutputContains("PASS: counter counted 300 cycles correctly");
        Assert.True(File.Exists(Path.Combine(p.RunDir, "counter.image", s.Image)), "the simulation image exists");
        var simLog = Path.Combine(p.RunDir, "counter.sim", "sim.log");
        Assert.Contains("PASS", File.ReadAllText(simLog));

        // Nothing changed: the image is reused, the simulation runs again.
        File.Delete(simLog);
        var second = p.Build(s.Args);
        Assert.True(second.Succeeded, second.Describe());
        second.AssertOutputContains("counter.image: skipped, up to date");
        second.AssertOutputContains("counter.sim: running (uptodate: false)");
        Assert.Contains("PASS", File.ReadAllText(simLog));

        // The header is no input of any task; the simulator's dependency list makes it one.
        var header = Path.Combine(p.Dir, "rtl", "counter_defs.svh");
        File.WriteAllText(header, File.ReadAllText(header) + "// touched\n");
        File.SetLastWriteTimeUtc(header, DateTime.UtcNow.AddSeconds(2));
        var third = p.Build(s.Args);
        Assert.True(third.Succeeded, third.Describe());
        third.AssertOutputMatches(@"counter\.image: running \(dependency '[^']*counter_defs\.svh' changed\)");
        third.AssertOutputContains("PASS: counter counted 300 cycles correctly");
    }

    [Theory]
    [MemberData(nameof(Simulators))]
    public void FailingTestbenchFailsTheBuildWithALocatedError(string sim)
    {
        var s = Sim(sim);
        RequiredTool.Ensure(s.Tool, s.Package);
        using var p = SampleCopy.Create(feed, "counter");

        var r = p.Build([.. s.Args, "-p:D_image__defines=FORCE_FAIL"]);
        Assert.False(r.Succeeded, r.Describe());
        // The testbench's $fatal, reported as an MSBuild error at its file and line.
        var line = File.ReadAllLines(Path.Combine(p.Dir, "tb", "tb.sv")).ToList().FindIndex(l => l.Contains("FORCE_FAIL is defined")) + 1;
        r.AssertOutputMatches($@"tb/tb\.sv\({line}(,\d+)?\): error [A-Z0-9_]+: counter\.sim: .*FORCE_FAIL is defined");
        r.AssertOutputLacks("PASS: counter");
    }

    [Fact]
    public void SwitchingTheSimulatorConfigRebuildsTheImage()
    {
        RequiredTool.Ensure("verilator", "verilator");
        RequiredTool.Ensure("iverilog", "iverilog");
        using var p = SampleCopy.Create(feed, "counter");
        Assert.True(p.Build().Succeeded);
        var ivl = p.Build("-p:Config=ivl");
        Assert.True(ivl.Succeeded, ivl.Describe());
        ivl.AssertOutputContains("PASS: counter counted 300 cycles correctly");
        // Both simulators use the run directory counter.image; the Verilator image left there is not reused blindly.
        var back = p.Build();
        Assert.True(back.Succeeded, back.Describe());
        back.AssertOutputMatches(@"counter\.image: running \(");
        back.AssertOutputLacks("counter.image: skipped");
    }

    [Fact]
    public void CompileErrorNamesFileLineAndColumn()
    {
        RequiredTool.Ensure("verilator", "verilator");
        using var p = SampleCopy.Create(feed, "counter");
        var rtl = Path.Combine(p.Dir, "rtl", "counter.sv");
        File.WriteAllText(rtl, File.ReadAllText(rtl).Replace("count <= '0;", "count <= '0 oops;"));
        var r = p.Build();
        Assert.False(r.Succeeded, r.Describe());
        r.AssertOutputMatches(@"rtl/counter\.sv\(\d+,\d+\): error [A-Z0-9_]+: counter\.image: syntax error");
        Assert.False(File.Exists(Path.Combine(p.RunDir, "counter.image", "obj_dir", "simv")), "no image after a failed build");
    }
}

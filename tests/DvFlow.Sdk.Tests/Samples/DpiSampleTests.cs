using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Samples;

/// <summary>
/// samples/dpi with Verilator: the C model is compiled into a DPI library the image links, the testbench
/// checks it and passes; an edited C header rebuilds library and image; a C model that disagrees with
/// the testbench fails the build with located errors.
/// </summary>
[Collection(SdkCollection.Name)]
public class DpiSampleTests(SdkFeed feed)
{
    [Fact]
    public void BuildsTheLibraryRunsAndRebuildsWhenTheHeaderChanges()
    {
        RequiredTool.Ensure("verilator", "verilator");
        using var p = SampleCopy.Create(feed, "dpi");

        var first = p.Build();
        Assert.True(first.Succeeded, first.Describe());
        Assert.True(File.Exists(Path.Combine(p.RunDir, "dpi.dpi_lib", "libdpi_model.so")), "the DPI library is in its run directory");
        Assert.Contains("PASS: 50 DPI-C calls of each function matched the SystemVerilog model", File.ReadAllText(Path.Combine(p.RunDir, "dpi.run", "sim.log")));
        first.AssertOutputContains("-DGCD_STEPS_LIMIT=64");

        var second = p.Build();
        Assert.True(second.Succeeded, second.Describe());
        second.AssertOutputContains("dpi.dpi_lib: skipped, up to date");
        second.AssertOutputContains("dpi.image: skipped, up to date");

        var header = Path.Combine(p.Dir, "c", "dpi_model.h");
        File.WriteAllText(header, File.ReadAllText(header) + "/* touched */\n");
        File.SetLastWriteTimeUtc(header, DateTime.UtcNow.AddSeconds(2));
        var third = p.Build();
        Assert.True(third.Succeeded, third.Describe());
        third.AssertOutputMatches(@"dpi\.dpi_lib: running \(dependency '[^']*dpi_model\.h' changed\)");
        third.AssertOutputMatches(@"dpi\.image: running \(");
    }

    [Fact]
    public void AModelThatDisagreesFailsWithLocatedErrors()
    {
        RequiredTool.Ensure("verilator", "verilator");
        using var p = SampleCopy.Create(feed, "dpi");
        // One Euclid step is too few for most pairs: dpi_gcd returns -1 and the testbench reports it.
        var r = p.Build("-p:D_dpi_lib__defines=GCD_STEPS_LIMIT=1");
        Assert.False(r.Succeeded, r.Describe());
        var line = File.ReadAllLines(Path.Combine(p.Dir, "tb", "tb.sv")).ToList().FindIndex(l => l.Contains("$error(\"dpi_gcd")) + 1;
        r.AssertOutputMatches($@"tb/tb\.sv\({line}(,\d+)?\): error [A-Z0-9_]+: dpi\.run: .*dpi_gcd\(\d+, \d+\) = -1, expected \d+");
        r.AssertOutputLacks("PASS:");
    }
}

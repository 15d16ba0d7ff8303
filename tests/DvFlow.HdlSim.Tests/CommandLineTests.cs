using DvFlow.HdlSim.Icarus;
using DvFlow.HdlSim.Verilator;

namespace DvFlow.HdlSim.Tests;

public class CommandLineTests
{
    private static SimSources Sources()
    {
        var s = new SimSources();
        s.HdlFiles.AddRange(["/p/rtl/c.sv", "/p/tb/tb.sv"]);
        s.CFiles.Add("/p/dpi/model.c");
        s.AddIncDir("/p/rtl");
        s.AddIncDir("/p/rtl");
        s.AddDefine("WIDTH=8");
        s.CompArgs.Add("-Wall");
        s.Top.Add("tb");
        return s;
    }

    [Fact]
    public void VerilatorBinaryBuild()
    {
        var argv = VltCommandLine.Build(Sources(), 4);
        Assert.Equal(["verilator", "--binary", "-o", "simv", "-Wno-fatal", "-j", "4", "--timing",
            "+incdir+/p/rtl", "+define+WIDTH=8", "-Wall", "/p/rtl/c.sv", "/p/tb/tb.sv", "/p/dpi/model.c", "--top-module", "tb"], argv);
    }

    [Theory]
    [InlineData("fst", "--trace-fst")]
    [InlineData("vcd", "--trace")]
    public void VerilatorTrace(string format, string flag)
    {
        var s = Sources();
        s.TraceFormat = format;
        Assert.Contains(flag, VltCommandLine.Build(s, 1));
    }

    [Fact]
    public void VerilatorNoTimingAndSuppressedWarnings()
    {
        var s = Sources();
        s.Timing = false;
        s.Suppressed.Add("WIDTH");
        var argv = VltCommandLine.Build(s, 1);
        Assert.Contains("--no-timing", argv);
        Assert.Contains("-Wno-WIDTH", argv);
    }

    [Fact]
    public void IcarusCompile()
    {
        var s = Sources();
        s.CFiles.Clear();
        Assert.Equal(["iverilog", "-g2012", "-o", "simv.vvp", "-M", "simv.deps", "-I/p/rtl", "-DWIDTH=8", "-Wall", "-s", "tb", "/p/rtl/c.sv", "/p/tb/tb.sv"],
            IvlCommandLine.Compile(s));
    }

    [Fact]
    public void IcarusRunPutsExtendedArgsAfterTheImage()
        => Assert.Equal(["vvp", "-n", "/i/simv.vvp", "-fst", "+seed=1", "+trace"],
            IvlCommandLine.Run("/i/simv.vvp", new SimRunOptions(["seed=1", "trace"], [], Trace: true, Valgrind: false)));

    [Theory]
    [InlineData("a b", new[] { "a", "b" })]
    [InlineData("  -DX='a b'  +y ", new[] { "-DX=a b", "+y" })]
    [InlineData("\"q \\\" x\" z\\ w", new[] { "q \" x", "z w" })]
    [InlineData("", new string[0])]
    public void ArgumentsSplitLikeAShell(string text, string[] expected) => Assert.Equal(expected, ArgSplitter.Split(text));
}

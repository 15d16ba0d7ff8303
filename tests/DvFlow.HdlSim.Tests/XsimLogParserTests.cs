using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Tests;

public class XsimLogParserTests
{
    [Fact]
    public void CompileErrorWithIdAndLocation()
    {
        var m = new XsimLogParser().Parse("ERROR: [VRFC 10-2989] 'foo' is not declared [/p/top.sv:3]");
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "'foo' is not declared", "/p/top.sv", 3) { Code = "VRFC 10-2989" }, m);
    }

    [Fact]
    public void WarningsCriticalWarningsAndErrorsWithoutLocation()
    {
        var p = new XsimLogParser();
        var w = p.Parse("WARNING: [VRFC 10-3091] actual bit length 32 differs from formal bit length 8 for port 'd' [/src/tb.sv:20]");
        Assert.Equal((MarkerSeverity.Warning, "VRFC 10-3091", "/src/tb.sv", 20), (w!.Severity, w.Code, w.Path, w.Line));
        var c = p.Parse("CRITICAL WARNING: [XSIM 43-4099] Module top has a timescale but at least one module in design doesn't");
        Assert.Equal((MarkerSeverity.Warning, "XSIM 43-4099", null), (c!.Severity, c.Code, c.Path));
        var e = p.Parse("ERROR: [XSIM 43-3225] Cannot find design unit work.tb in library work located at xsim.dir/work.");
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "Cannot find design unit work.tb in library work located at xsim.dir/work.") { Code = "XSIM 43-3225" }, e);
        var f = p.Parse("FATAL_ERROR: Vivado Simulator kernel has discovered an exceptional condition from which it cannot recover.");
        Assert.Equal((MarkerSeverity.Error, (string?)null), (f!.Severity, f.Code));
    }

    [Fact]
    public void SuppressedWarningGivesNoMarkerButErrorsStay()
    {
        var p = new XsimLogParser(new HashSet<string>(["VRFC 10-3091", "VRFC 10-2989"], StringComparer.OrdinalIgnoreCase));
        Assert.Null(p.Parse("WARNING: [VRFC 10-3091] actual bit length differs [/src/tb.sv:20]"));
        Assert.NotNull(p.Parse("ERROR: [VRFC 10-2989] 'foo' is not declared [/p/top.sv:3]"));
    }

    [Fact]
    public void RuntimeErrorTakesTheLocationOfItsTimeLine()
    {
        var p = new XsimLogParser();
        Assert.Null(p.Parse("Error: checker saw 3"));
        Assert.Null(p.Parse("  expected 4"));
        var m = p.Parse("Time: 631 ns  Iteration: 0  Process: /tb/check  Scope: tb.check  File: /p/tb.sv Line: 59");
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "checker saw 3", "/p/tb.sv", 59), m);
    }

    [Fact]
    public void RuntimeWarningsFatalsAndVhdlFailures()
    {
        var p = new XsimLogParser();
        p.Parse("Warning: slow path");
        Assert.Equal(MarkerSeverity.Warning, p.Parse("Time: 0 ps  Iteration: 0  Process: /t/Initial1_0  Scope: t  File: /p/t.sv Line: 4")!.Severity);
        p.Parse("Fatal: ");
        p.Parse("===== 1 CHECK FAILED =====");
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "===== 1 CHECK FAILED =====", "/p/t.sv", 9),
            p.Parse("Time: 5 ns  Iteration: 0  Process: /t/Initial2_0  Scope: t  File: /p/t.sv Line: 9"));
        p.Parse("Failure: bad value");
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "bad value", "/p/x.vhd"), p.Parse("Time: 40 ns  Iteration: 0  Process: /x/line__25  File: /p/x.vhd"));
    }

    [Fact]
    public void TheDesignsOwnErrorLinesAndNotesGiveNoMarker()
    {
        var p = new XsimLogParser();
        // "Error:" printed by the design with $display has no Time line after it.
        Assert.Null(p.Parse("Error: not a simulator report"));
        Assert.Null(p.Parse("$finish called at time : 10 ns : File \"/p/t.sv\" Line 7"));
        Assert.Null(p.Parse("Note: tb PASS"));
        Assert.Null(p.Parse("Time: 287900 ns  Iteration: 0  Process: /tb/line__58  File: /p/tb.vhd"));
        Assert.Null(p.Flush());
    }

    [Theory]
    [InlineData("INFO: [VRFC 10-2263] Analyzing SystemVerilog file \"/p/top.sv\" into library work")]
    [InlineData("INFO: [VRFC 10-311] analyzing module top")]
    [InlineData("Starting static elaboration")]
    [InlineData("Compiling module work.top")]
    [InlineData("Time: 0 ps  Iteration: 0  Process: /t/Initial1_0  Scope: t  File: /p/t.sv Line: 4")]
    public void OtherLinesGiveNoMarker(string line) => Assert.Null(new XsimLogParser().Parse(line));
}

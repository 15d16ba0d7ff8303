using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Tests;

public class XceliumLogParserTests
{
    [Fact]
    public void ErrorWithFileLineAndColumn()
    {
        var m = new XceliumLogParser().Parse("xmvlog: *E,EXPSMC (./top.sv,5|4): expecting a semicolon (';') [12.3.4(IEEE)].");
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "expecting a semicolon (';') [12.3.4(IEEE)].", "./top.sv", 5, 4) { Code = "EXPSMC" }, m);
    }

    [Fact]
    public void WarningWithoutColumnAndFatalWithoutLocation()
    {
        var p = new XceliumLogParser();
        var w = p.Parse("xmelab: *W,CUVWSP (/src/tb.sv,20): 1 output port was not connected:");
        Assert.Equal((MarkerSeverity.Warning, "CUVWSP", "/src/tb.sv", 20, -1), (w!.Severity, w.Code, w.Path, w.Line, w.Column));
        var f = p.Parse("xrun: *F,NOTOPL: no top-level unit found, must have recursive instances.");
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "no top-level unit found, must have recursive instances.") { Code = "NOTOPL" }, f);
    }

    [Fact]
    public void RuntimeAssertionIsAnError()
    {
        var m = new XceliumLogParser().Parse("xmsim: *E,ASRTST (./t.sv,3): (time 0 FS) Assertion t.__assert_1 has failed");
        Assert.Equal((MarkerSeverity.Error, "./t.sv", 3), (m!.Severity, m.Path, m.Line));
    }

    [Fact]
    public void SuppressedWarningGivesNoMarkerButErrorsStay()
    {
        var p = new XceliumLogParser(new HashSet<string>(["CUVWSP", "EXPSMC"], StringComparer.OrdinalIgnoreCase));
        Assert.Null(p.Parse("xmelab: *W,CUVWSP (/src/tb.sv,20): 1 output port was not connected:"));
        Assert.NotNull(p.Parse("xmvlog: *E,EXPSMC (./top.sv,5|4): expecting a semicolon"));
    }

    [Theory]
    [InlineData("xmvlog: *N,SPDUSD: Include directory ./inc given but not used.")]
    [InlineData("    input wire a")]
    [InlineData("        |")]
    [InlineData("TOOL:\txrun\t23.09-s001: Started on Dec 02, 2026 at 02:00:00 UTC")]
    public void OtherLinesGiveNoMarker(string line) => Assert.Null(new XceliumLogParser().Parse(line));
}

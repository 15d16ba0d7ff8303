using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Tests;

public class UvmReportParserTests
{
    [Fact]
    public void MessagesBecomeErrorMarkers()
    {
        var m = new UvmReportParser().Parse("UVM_ERROR /src/seq.sv(42) @ 100: uvm_test_top.env [CHK] mismatch");
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "uvm_test_top.env [CHK] mismatch", "/src/seq.sv", 42) { Code = "UVM_ERROR" }, m);
    }

    [Fact]
    public void QuestaTranscriptPrefixIsAllowed()
    {
        var p = new UvmReportParser();
        Assert.NotNull(p.Parse("# UVM_FATAL /src/t.sv(7) @ 0: reporter [NOTEST] no test"));
        p.Parse("# UVM_ERROR :    3");
        Assert.Equal(3, p.SummaryErrors);
    }

    [Fact]
    public void SummaryCountsAreKept()
    {
        var p = new UvmReportParser();
        Assert.Null(p.Parse("UVM_INFO :    5"));
        Assert.Null(p.Parse("UVM_ERROR :    0"));
        Assert.Null(p.Parse("UVM_FATAL :    0"));
        Assert.Equal(0, p.SummaryErrors);
        p.Parse("UVM_ERROR :    2");
        Assert.Equal(2, p.SummaryErrors);
    }
}

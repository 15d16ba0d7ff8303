using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Tests;

public class VcsLogParserTests
{
    private static List<TaskMarker> ParseAll(ISimLogParser p, string text)
    {
        var markers = text.ReplaceLineEndings("\n").Split('\n').Select(p.Parse).OfType<TaskMarker>().ToList();
        if (p.Flush() is { } last) markers.Add(last);
        return markers;
    }

    [Fact]
    public void SemanticErrorTakesTheLocationLine()
    {
        var markers = ParseAll(new VcsLogParser(), """
            Error-[IND] Identifier not declared
            /src/top.sv, 12
              Identifier 'foo' has not been declared yet.

            """);
        var m = Assert.Single(markers);
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "Identifier not declared", "/src/top.sv", 12) { Code = "IND" }, m);
    }

    [Fact]
    public void SyntaxErrorTakesTheQuotedLocationAndDetail()
    {
        var markers = ParseAll(new VcsLogParser(), """
            Error-[SE] Syntax error
              Following verilog source has syntax error :
              "/src/t.sv", 5: token is 'endmodule'
              endmodule
                       ^
            """);
        var m = Assert.Single(markers);
        Assert.Equal(("/src/t.sv", 5), (m.Path, m.Line));
        Assert.Equal("Syntax error: token is 'endmodule'", m.Message);
    }

    [Fact]
    public void WarningAndLintAreWarningsAndSuppressible()
    {
        const string log = """
            Warning-[TFIPC] Too few instance port connections
            /src/tb.sv, 20
            "dut u_dut( .a (a));"
              The above instance has fewer port connections than the module definition.

            Lint-[PCWM-L] Port connection width mismatch
            /src/tb.sv, 21
              Width mismatch.

            """;
        var all = ParseAll(new VcsLogParser(), log);
        Assert.Equal([("TFIPC", MarkerSeverity.Warning, 20), ("PCWM-L", MarkerSeverity.Warning, 21)], all.Select(m => (m.Code!, m.Severity, m.Line)));
        var quiet = ParseAll(new VcsLogParser(new HashSet<string>(["TFIPC"], StringComparer.OrdinalIgnoreCase)), log);
        Assert.Equal(["PCWM-L"], quiet.Select(m => m.Code));
    }

    [Fact]
    public void SuppressionDoesNotDropErrors()
    {
        var p = new VcsLogParser(new HashSet<string>(["IND"]));
        Assert.Single(ParseAll(p, "Error-[IND] Identifier not declared\n/src/a.sv, 3\n"));
    }

    [Fact]
    public void HeaderWithoutLocationEndsAtTheNextHeaderOrTheEnd()
    {
        var markers = ParseAll(new VcsLogParser(), """
            Error-[NOTOP] No top module
              No top-level modules found.
            Error-[IND] Identifier not declared
            /src/a.sv, 3
            Error-[LIC] License not found
            """);
        Assert.Equal([("NOTOP", null, -1), ("IND", "/src/a.sv", 3), ("LIC", null, -1)], markers.Select(m => (m.Code!, m.Path, m.Line)));
    }

    [Fact]
    public void RuntimeErrorTakesTheMessageFromTheNextLine()
    {
        var markers = ParseAll(new VcsLogParser(), """
            Error: "/src/t.sv", 3: t: at time 0 ps
            checker saw 3
            Fatal: "/src/t.sv", 9: t: at time 10 ps
            """);
        Assert.Equal(2, markers.Count);
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "t: at time 0 ps: checker saw 3", "/src/t.sv", 3), markers[0]);
        Assert.Equal(("/src/t.sv", 9, MarkerSeverity.Error), (markers[1].Path, markers[1].Line, markers[1].Severity));
    }

    [Theory]
    [InlineData("Note-[RT_BS] Larger stack needed")]
    [InlineData("Parsing design file '/src/t.sv'")]
    [InlineData("                         Chronologic VCS (TM)")]
    [InlineData("/src/t.sv, 3")]
    public void OtherLinesGiveNoMarker(string line)
    {
        var p = new VcsLogParser();
        Assert.Null(p.Parse(line));
        Assert.Null(p.Parse(""));
        Assert.Null(p.Flush());
    }
}

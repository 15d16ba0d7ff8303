using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Tests;

public class QuestaLogParserTests
{
    private static List<TaskMarker> ParseAll(ISimLogParser p, string text)
    {
        var markers = text.ReplaceLineEndings("\n").Split('\n').Select(p.Parse).OfType<TaskMarker>().ToList();
        if (p.Flush() is { } last) markers.Add(last);
        return markers;
    }

    [Fact]
    public void CodeBeforeLocation()
    {
        var m = Assert.Single(ParseAll(new QuestaLogParser(), "** Error: (vlog-13069) ./top.sv(5): near \"endmodule\": syntax error, unexpected endmodule."));
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "near \"endmodule\": syntax error, unexpected endmodule.", "./top.sv", 5) { Code = "vlog-13069" }, m);
    }

    [Fact]
    public void LocationBeforeCodeAndSuppressible()
    {
        var m = Assert.Single(ParseAll(new QuestaLogParser(), "** Error (suppressible): /src/t.sv(7): (vlog-2388) 'x' already declared in this scope (t)."));
        Assert.Equal((MarkerSeverity.Error, "vlog-2388", "/src/t.sv", 7, "'x' already declared in this scope (t)."), (m.Severity, m.Code, m.Path, m.Line, m.Message));
    }

    [Fact]
    public void WarningsAreSuppressedByFullOrNumericCode()
    {
        const string log = """
            ** Warning: /src/t.sv(3): (vlog-2643) Unterminated string literal continues onto next line.
            ** Warning: (vopt-2685) [TFMPC] - Too few port connections for 'u'.
            """;
        Assert.Equal(["vlog-2643", "vopt-2685"], ParseAll(new QuestaLogParser(), log).Select(m => m.Code));
        Assert.Equal(["vopt-2685"], ParseAll(new QuestaLogParser(new HashSet<string>(["2643"])), log).Select(m => m.Code));
        Assert.Empty(ParseAll(new QuestaLogParser(new HashSet<string>(["vlog-2643", "vopt-2685"])), log));
    }

    [Fact]
    public void FatalIsAnError()
        => Assert.Equal(MarkerSeverity.Error, Assert.Single(ParseAll(new QuestaLogParser(), "** Fatal: (vsim-3828) Could not link 'vsim_auto_compile.so'")).Severity);

    [Fact]
    public void TranscriptRuntimeErrorTakesTheLocationFromTheNextLine()
    {
        var markers = ParseAll(new QuestaLogParser(), """
            # ** Error: checker saw 3
            #    Time: 0 ns  Scope: t File: /src/t.sv Line: 3
            # ** Warning: late
            # done
            """);
        Assert.Equal(2, markers.Count);
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "checker saw 3", "/src/t.sv", 3), markers[0]);
        Assert.Equal(new TaskMarker(MarkerSeverity.Warning, "late"), markers[1]);
    }

    [Theory]
    [InlineData("# Loading sv_std.std")]
    [InlineData("-- Compiling module top")]
    [InlineData("Errors: 0, Warnings: 0")]
    [InlineData("# ** Note: $finish    : t.sv(5)")]
    public void OtherLinesGiveNoMarker(string line) => Assert.Empty(ParseAll(new QuestaLogParser(), line));
}

using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Tests;

public class IvlLogParserTests
{
    [Fact]
    public void CompileError() => Assert.Equal(new TaskMarker(MarkerSeverity.Error, "malformed statement", "/src/e.sv", 1),
        new IvlLogParser().Parse("/src/e.sv:1: error: malformed statement"));

    [Fact]
    public void SyntaxError() => Assert.Equal(new TaskMarker(MarkerSeverity.Error, "syntax error", "e.sv", 7),
        new IvlLogParser().Parse("e.sv:7: syntax error"));

    [Fact]
    public void Warning() => Assert.Equal(new TaskMarker(MarkerSeverity.Warning, "Port 1 (a) of x expects 4 bits, got 8.", "c.sv", 3),
        new IvlLogParser().Parse("c.sv:3: warning: Port 1 (a) of x expects 4 bits, got 8."));

    [Fact]
    public void SorryIsAnError() => Assert.Equal(MarkerSeverity.Error, new IvlLogParser().Parse("c.sv:3: sorry: constant selects in always_* processes are not currently supported")!.Severity);

    [Theory]
    [InlineData("ERROR: tb.sv:4: bad thing 3", MarkerSeverity.Error, "bad thing 3")]
    [InlineData("FATAL: tb.sv:6: fatal thing", MarkerSeverity.Error, "fatal thing")]
    [InlineData("WARNING: tb.sv:2: careful", MarkerSeverity.Warning, "careful")]
    public void RuntimeMessages(string line, MarkerSeverity severity, string msg)
    {
        var m = new IvlLogParser().Parse(line);
        Assert.NotNull(m);
        Assert.Equal((severity, msg, "tb.sv"), (m.Severity, m.Message, m.Path));
    }

    [Theory]
    [InlineData("       Time: 0 Scope: t")]
    [InlineData("PASS: 300 cycles")]
    [InlineData("2 error(s) during elaboration.")]
    [InlineData("tb.sv:40: $finish called at 3025 (1s)")]
    public void NonMessagesAreIgnored(string line) => Assert.Null(new IvlLogParser().Parse(line));

    [Fact]
    public void SuppressedWarningText()
    {
        var p = new IvlLogParser(new HashSet<string>(["expects 4 bits"], StringComparer.OrdinalIgnoreCase));
        Assert.Null(p.Parse("c.sv:3: warning: Port 1 (a) of x expects 4 bits, got 8."));
        Assert.NotNull(p.Parse("c.sv:3: error: Port 1 (a) of x expects 4 bits, got 8."));
    }
}

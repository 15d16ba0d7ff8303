using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Tests;

public class VltLogParserTests
{
    [Fact]
    public void ErrorWithLineAndColumn()
    {
        var m = new VltLogParser().Parse("%Error: /src/t.sv:3:45: syntax error, unexpected IDENTIFIER");
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "syntax error, unexpected IDENTIFIER", "/src/t.sv", 3, 45), m);
        Assert.Null(m!.Code);
    }

    [Fact]
    public void AMissingRuntimeHeaderNamesThePackageToInstall()
    {
        // What a machine without zlib's headers prints when Verilator builds a model with FST tracing.
        var m = new VltLogParser().Parse("/usr/share/verilator/include/gtkwave/fstapi.h:36:10: fatal error: zlib.h: No such file or directory");
        Assert.Equal(new TaskMarker(MarkerSeverity.Error,
            "the C++ compiler cannot find 'zlib.h', which Verilator's runtime (fstapi.h) includes: install zlib1g-dev (apt-get install -y zlib1g-dev)"), m);
        var other = new VltLogParser().Parse("/usr/share/verilator/include/verilated.h:40:10: fatal error: foo.h: No such file or directory");
        Assert.EndsWith("install the development package that provides it", other!.Message);
        // A user's own C++ (a DPI source) is not the runtime's.
        Assert.Null(new VltLogParser().Parse("/src/dpi.cpp:3:10: fatal error: zlib.h: No such file or directory"));
    }

    [Fact]
    public void WarningCarriesItsCode()
    {
        var m = new VltLogParser().Parse("%Warning-WIDTH: rtl/c.sv:12:7: Operator ASSIGN expects 8 bits");
        Assert.NotNull(m);
        Assert.Equal(MarkerSeverity.Warning, m.Severity);
        Assert.Equal("WIDTH", m.Code);
        Assert.Equal(("rtl/c.sv", 12, 7), (m.Path, m.Line, m.Column));
        Assert.Equal("Operator ASSIGN expects 8 bits", m.Message);
    }

    [Fact]
    public void SuppressedWarningGivesNoMarker()
    {
        var p = new VltLogParser(new HashSet<string>(["WIDTH"], StringComparer.OrdinalIgnoreCase));
        Assert.Null(p.Parse("%Warning-WIDTH: c.sv:1:1: x"));
        Assert.NotNull(p.Parse("%Warning-UNUSED: c.sv:1:1: x"));
    }

    [Fact]
    public void RuntimeErrorWithTimePrefixAndLineOnly()
    {
        var m = new VltLogParser().Parse("[40] %Error: tb.sv:4: Assertion failed in TOP.t: bad thing 3");
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "Assertion failed in TOP.t: bad thing 3", "tb.sv", 4, -1), m);
    }

    [Fact]
    public void FatalIsAnError()
        => Assert.Equal(MarkerSeverity.Error, new VltLogParser().Parse("%Fatal: tb.sv:9: Assertion failed in TOP.tb: boom")!.Severity);

    [Theory]
    [InlineData("%Error: Exiting due to 1 error(s)")]
    [InlineData("    1 | module x; endmodule")]
    [InlineData("      |                                             ^~~")]
    [InlineData("g++ -c -o verilated.o verilated.cpp")]
    public void NonMessagesAreIgnored(string line) => Assert.Null(new VltLogParser().Parse(line));

    [Fact]
    public void MessageWithoutLocation()
    {
        var m = new VltLogParser().Parse("%Error: Specified --top-module 'nope' was not found in design.");
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "Specified --top-module 'nope' was not found in design."), m);
    }
}

using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Tests;

public class SourcePathResolverTests
{
    private static readonly SourcePathResolver Resolver = new(["/p/rtl/counter.sv", "/p/tb/tb.sv", "/p/a/x.sv", "/p/b/x.sv"]);

    [Fact]
    public void BareNameOfOneSourceBecomesItsFullPath()
        => Assert.Equal("/p/tb/tb.sv", Resolver.Resolve(new TaskMarker(MarkerSeverity.Error, "m", "tb.sv", 3)).Path);

    [Fact]
    public void AmbiguousOrUnknownNamesStay()
    {
        Assert.Equal("x.sv", Resolver.Resolve(new TaskMarker(MarkerSeverity.Error, "m", "x.sv", 3)).Path);
        Assert.Equal("y.sv", Resolver.Resolve(new TaskMarker(MarkerSeverity.Error, "m", "y.sv", 3)).Path);
        Assert.Equal("/p/b/x.sv", Resolver.Resolve(new TaskMarker(MarkerSeverity.Error, "m", "b/x.sv", 3)).Path);
    }

    [Fact]
    public void AbsolutePathsAndMarkersWithoutPathStay()
    {
        Assert.Equal("/q/tb.sv", Resolver.Resolve(new TaskMarker(MarkerSeverity.Error, "m", "/q/tb.sv", 3)).Path);
        Assert.Null(Resolver.Resolve(new TaskMarker(MarkerSeverity.Error, "m")).Path);
    }
}

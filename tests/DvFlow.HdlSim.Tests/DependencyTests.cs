using DvFlow.HdlSim.Verilator;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Tests;

public sealed class DependencyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hdlsim-deps").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void VerilatorDepFileListsInputsAfterTheColon()
    {
        var deps = VltDepFile.Parse("obj_dir/Vtb.cpp obj_dir/Vtb.h  : /usr/bin/verilator_bin /usr/bin/verilator_bin /p/tb.sv \\\n ../inc/defs.svh\n", "/run/img");
        Assert.Equal(["/usr/bin/verilator_bin", "/p/tb.sv", "/run/inc/defs.svh"], deps);
    }

    [Fact]
    public void MementoRoundTripsAndSeesAChangedHeader()
    {
        var header = Path.Combine(_dir, "defs.svh");
        File.WriteAllText(header, "`define A 1\n");
        File.SetLastWriteTimeUtc(header, DateTime.UtcNow.AddMinutes(-5));
        var memento = ImageMemento.FromValue(RoundTrip(new ImageMemento("VltSimImage", DependencySet.Capture([header])).ToValue()));
        Assert.NotNull(memento);
        Assert.Equal("VltSimImage", memento.Builder);
        var set = memento.Dependencies;
        Assert.Null(set.WhyStale());
        File.WriteAllText(header, "`define A 2\n");
        Assert.Contains("changed", set.WhyStale());
        File.Delete(header);
        Assert.Contains("missing", set.WhyStale());
    }

    [Fact]
    public void MementoWithoutDependenciesIsNotADependencySet()
    {
        Assert.Null(ImageMemento.FromValue(null));
        Assert.Null(ImageMemento.FromValue("x"));
        Assert.Null(DependencySet.FromValue(null));
    }

    // The runner stores mementos as JSON; numbers come back as longs inside flow maps and lists.
    private static object? RoundTrip(object memento)
    {
        Assert.True(DvFlow.TaskApi.JsonValues.TryParse(DvFlow.TaskApi.FlowValues.ToJson(memento), out var value));
        return value;
    }
}

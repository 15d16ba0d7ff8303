using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Icarus;

/// <summary>hdlsim.ivl.SimRun: runs <c>simv.vvp</c> with <c>vvp</c>.</summary>
public sealed class IvlSimRun : SimRunBase
{
    /// <inheritdoc />
    protected override string ImagePath => IvlCommandLine.ImagePath;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new IvlLogParser(suppressed);

    /// <inheritdoc />
    protected override IEnumerable<string> Unsupported(SimRunOptions o) => IvlCommandLine.UnsupportedEntryPoints(o.VpiLibs);

    /// <inheritdoc />
    protected override IReadOnlyList<string> Command(string image, SimRunOptions o, TaskDataInput input)
        => IvlCommandLine.Run(image, o.Trace ? o with { Plusargs = [.. o.Plusargs, "trace"] } : o);
}

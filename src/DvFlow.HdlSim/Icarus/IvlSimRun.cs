using DvFlow.HdlSim.Logs;

namespace DvFlow.HdlSim.Icarus;

/// <summary>hdlsim.ivl.SimRun: runs <c>simv.vvp</c> with <c>vvp</c>.</summary>
public sealed class IvlSimRun : SimRunBase
{
    /// <inheritdoc />
    protected override string ImagePath => IvlCommandLine.ImagePath;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new IvlLogParser(suppressed);

    /// <inheritdoc />
    protected override IReadOnlyList<string> Command(string image, SimRunOptions o)
        => IvlCommandLine.Run(image, o.Trace ? o with { Plusargs = [.. o.Plusargs, "trace"] } : o);
}

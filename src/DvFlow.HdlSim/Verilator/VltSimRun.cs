using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Verilator;

/// <summary>hdlsim.vlt.SimRun: runs <c>obj_dir/simv</c> with plusargs (and <c>+trace</c> when tracing, for the testbench to test).</summary>
public sealed class VltSimRun : SimRunBase
{
    /// <inheritdoc />
    protected override string ImagePath => VltCommandLine.ImagePath;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new VltLogParser(suppressed);

    /// <inheritdoc />
    protected override IReadOnlyList<string> Command(string image, SimRunOptions o, TaskDataInput input)
        => [image, .. o.Args, .. o.Plusargs.Select(p => "+" + p), .. o.Trace ? ["+trace"] : Array.Empty<string>()];
}

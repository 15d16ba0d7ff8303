using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Vcs;

/// <summary>hdlsim.vcs.SimRun: runs <c>simv</c> with DPI/VPI libraries, arguments and plusargs.</summary>
public sealed class VcsSimRun : SimRunBase
{
    /// <inheritdoc />
    protected override string ImagePath => VcsCommandLine.Executable;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new VcsLogParser(suppressed);

    /// <inheritdoc />
    protected override IReadOnlyList<string> Command(string image, SimRunOptions o, TaskDataInput input) => VcsCommandLine.Run(image, o);
}

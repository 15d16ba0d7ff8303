using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Xcelium;

/// <summary>
/// hdlsim.xcm.SimImage: compiles and elaborates the snapshot <c>simv</c> with <c>xrun -elaborate</c>. The
/// snapshot lives inside <c>xcelium.d</c>, so the image file is a stamp written after xrun succeeds.
/// Included files are found by scanning the sources.
/// </summary>
public sealed class XceliumSimImage : SimImageBase
{
    /// <summary>The stamp marking a complete image, relative to the run directory.</summary>
    public const string ImageStamp = XceliumCommandLine.Snapshot + ".snapshot";

    /// <inheritdoc />
    protected override string ToolName => "Xcelium";

    /// <inheritdoc />
    protected override string ImagePath => ImageStamp;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new XceliumLogParser(suppressed);

    /// <inheritdoc />
    protected override async Task<int> BuildAsync(TaskRunCtxt ctxt, TaskDataInput input, SimSources sources, Action<string> logFilter)
    {
        var status = await ctxt.ExecAsync(XceliumCommandLine.Elaborate(sources), BuildLog, logFilter: logFilter).ConfigureAwait(false);
        if (status == 0) await File.WriteAllTextAsync(Path.Combine(ctxt.RunDir, ImageStamp), XceliumCommandLine.Snapshot + "\n").ConfigureAwait(false);
        return status;
    }

    /// <inheritdoc />
    protected override (IEnumerable<string> Dpi, IEnumerable<VpiLib> Vpi) LoadedAtRun(SimSources sources) => (sources.DpiLibs, sources.VpiLibs);

    /// <inheritdoc />
    protected override IEnumerable<string> ReportedDependencies(string runDir, SimSources sources) => IncludeScanner.Scan(sources.HdlFiles, sources.IncDirs);
}

using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Xsim;

/// <summary>
/// hdlsim.xsm.SimImage: compiles the sources with <c>xvlog --incr</c> (log <c>compile.log</c>), C/C++ DPI
/// sources with <c>xsc</c> (log <c>dpi.log</c>), and elaborates the snapshot <c>simv.snap</c> with
/// <c>xelab</c> (log <c>build.log</c>). The logs are not named xvlog.log and xsc.log: the tools write
/// those themselves in the same directory. The snapshot lives inside <c>xsim.dir</c>, so the image file is a
/// stamp written after xelab succeeds. Included files are found by scanning the sources.
/// </summary>
public sealed class XsimSimImage : SimImageBase
{
    /// <summary>The stamp marking a complete image, relative to the run directory.</summary>
    public const string ImageStamp = XsimCommandLine.Snapshot + ".image";

    /// <summary>Log of xvlog, in the run directory.</summary>
    public const string CompileLog = "compile.log";

    /// <summary>Log of xsc, in the run directory.</summary>
    public const string DpiLog = "dpi.log";

    /// <inheritdoc />
    protected override string ToolName => "xsim";

    /// <inheritdoc />
    protected override string ImagePath => ImageStamp;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new XsimLogParser(suppressed);

    /// <inheritdoc />
    protected override IEnumerable<string> Unsupported(SimSources sources)
    {
        if (sources.Top.Count == 0) yield return "xelab elaborates named top modules: set the SimImage parameter 'top'";
        if (sources.Vpi) yield return "the Vivado simulator (xsim) has no VPI: an hdlsim.SimCompileArgs item asks for vpi";
        if (sources.VpiLibs.Count > 0)
            yield return $"the Vivado simulator (xsim) does not load VPI libraries: remove {string.Join(", ", sources.VpiLibs.Select(l => l.Path))} from the image's inputs";
    }

    /// <inheritdoc />
    protected override async Task<int> BuildAsync(TaskRunCtxt ctxt, TaskDataInput input, SimSources sources, Action<string> logFilter)
    {
        var status = await ctxt.ExecAsync(XsimCommandLine.Xvlog(sources), CompileLog, logFilter: logFilter).ConfigureAwait(false);
        if (status != 0) return status;
        if (sources.CFiles.Count > 0)
        {
            status = await ctxt.ExecAsync(XsimCommandLine.Xsc(sources), DpiLog, logFilter: logFilter).ConfigureAwait(false);
            if (status != 0) return status;
        }
        status = await ctxt.ExecAsync(XsimCommandLine.Xelab(sources), BuildLog, logFilter: logFilter).ConfigureAwait(false);
        if (status == 0) await File.WriteAllTextAsync(Path.Combine(ctxt.RunDir, ImageStamp), XsimCommandLine.Snapshot + "\n").ConfigureAwait(false);
        return status;
    }

    /// <inheritdoc />
    protected override (IEnumerable<string> Dpi, IEnumerable<VpiLib> Vpi) LoadedAtRun(SimSources sources) => (sources.DpiLibs, []);

    /// <inheritdoc />
    protected override IEnumerable<string> ReportedDependencies(string runDir, SimSources sources) => IncludeScanner.Scan(sources.HdlFiles, sources.IncDirs);
}

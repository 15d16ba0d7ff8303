using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Questa;

/// <summary>
/// hdlsim.mti.SimImage: writes <c>modelsim.ini</c> (a local <c>work</c> library plus the SimLib libraries
/// among its inputs), compiles with <c>vlog</c> (C/C++ DPI sources included) and optimises the top modules
/// with <c>vopt</c>. vopt's output lives inside the work library, so the image file is a stamp written
/// after it succeeds. Included files are found by scanning the sources.
/// </summary>
public sealed class QuestaSimImage : SimImageBase
{
    /// <summary>The stamp marking a complete image, relative to the run directory.</summary>
    public const string ImageStamp = QuestaCommandLine.Design + ".image";

    private const string Work = "work";

    /// <inheritdoc />
    protected override string ToolName => "Questa";

    /// <inheritdoc />
    protected override string ImagePath => ImageStamp;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new QuestaLogParser(suppressed);

    /// <inheritdoc />
    protected override IEnumerable<string> Unsupported(SimSources sources)
        => sources.Top.Count == 0 ? ["Questa's vopt optimises named top modules: set the SimImage parameter 'top'"] : [];

    /// <inheritdoc />
    protected override async Task<int> BuildAsync(TaskRunCtxt ctxt, TaskDataInput input, SimSources sources, Action<string> logFilter)
    {
        var work = Path.Combine(ctxt.RunDir, Work);
        await File.WriteAllTextAsync(Path.Combine(ctxt.RunDir, QuestaCommandLine.IniFile), QuestaCommandLine.Ini([work, .. sources.Libs])).ConfigureAwait(false);
        if (!File.Exists(Path.Combine(work, "_info")))
        {
            var vlib = await ctxt.ExecAsync(QuestaCommandLine.Vlib(Work), "vlib.log", logFilter: logFilter).ConfigureAwait(false);
            if (vlib != 0) return vlib;
        }
        var status = await ctxt.ExecAsync(QuestaCommandLine.Vlog(sources, Work, withC: true, Full64(input)), "vlog.log", logFilter: logFilter).ConfigureAwait(false);
        if (status != 0) return status;
        status = await ctxt.ExecAsync(QuestaCommandLine.Vopt(sources, Work, Full64(input)), BuildLog, logFilter: logFilter).ConfigureAwait(false);
        if (status == 0) await File.WriteAllTextAsync(Path.Combine(ctxt.RunDir, ImageStamp), QuestaCommandLine.Design + "\n").ConfigureAwait(false);
        return status;
    }

    /// <summary>The <c>full64</c> parameter (default on, as flow.yaml declares it).</summary>
    internal static bool Full64(TaskDataInput input) => !input.Params.ContainsKey("full64") || input.Bool("full64");

    /// <inheritdoc />
    protected override (IEnumerable<string> Dpi, IEnumerable<VpiLib> Vpi) LoadedAtRun(SimSources sources) => (sources.DpiLibs, sources.VpiLibs);

    /// <inheritdoc />
    protected override IEnumerable<string> ReportedDependencies(string runDir, SimSources sources) => IncludeScanner.Scan(sources.HdlFiles, sources.IncDirs);
}

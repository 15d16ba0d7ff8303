using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Vcs;

/// <summary>
/// hdlsim.vcs.SimImage: writes <c>synopsys_sim.setup</c> (a local <c>work</c> library plus the SimLib
/// libraries among its inputs), analyses the sources with <c>vlogan</c> (UVM first when SimLibUVM asked for
/// it) and elaborates <c>simv</c> with <c>vcs</c>. Included files are found by scanning the sources.
/// </summary>
public sealed class VcsSimImage : SimImageBase
{
    private const string Work = "work";

    /// <inheritdoc />
    protected override string ToolName => "VCS";

    /// <inheritdoc />
    protected override string ImagePath => VcsCommandLine.Executable;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new VcsLogParser(suppressed);

    /// <inheritdoc />
    protected override IEnumerable<string> Unsupported(SimSources sources)
        => sources.Top.Count == 0 ? ["VCS elaborates named top modules: set the SimImage parameter 'top'"] : [];

    /// <inheritdoc />
    protected override async Task<int> BuildAsync(TaskRunCtxt ctxt, TaskDataInput input, SimSources sources, Action<string> logFilter)
    {
        Directory.CreateDirectory(Path.Combine(ctxt.RunDir, Work));
        await File.WriteAllTextAsync(Path.Combine(ctxt.RunDir, VcsCommandLine.SetupFile), VcsCommandLine.Setup(Work, sources.Libs)).ConfigureAwait(false);
        if (VcsCommandLine.NtbOpts(sources) is { } ntb)
        {
            var uvm = await ctxt.ExecAsync(VcsCommandLine.AnalyseUvm(ntb), "vlogan_uvm.log", logFilter: logFilter).ConfigureAwait(false);
            if (uvm != 0) return uvm;
        }
        var status = await ctxt.ExecAsync(VcsCommandLine.Analyse(sources, null), "vlogan.log", logFilter: logFilter).ConfigureAwait(false);
        if (status != 0) return status;
        return await ctxt.ExecAsync(VcsCommandLine.Elaborate(sources, VcsElabOptions.From(input)), BuildLog, logFilter: logFilter).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override (IEnumerable<string> Dpi, IEnumerable<VpiLib> Vpi) LoadedAtRun(SimSources sources) => (sources.DpiLibs, []);

    /// <inheritdoc />
    protected override IEnumerable<string> ReportedDependencies(string runDir, SimSources sources) => IncludeScanner.Scan(sources.HdlFiles, sources.IncDirs);
}

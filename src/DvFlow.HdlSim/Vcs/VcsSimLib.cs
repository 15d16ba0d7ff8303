using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Vcs;

/// <summary>
/// hdlsim.vcs.SimLib: analyses sources with <c>vlogan -work</c> into a library mapped in
/// <c>synopsys_sim.setup</c>, beside the libraries among its inputs.
/// </summary>
public sealed class VcsSimLib : SimLibBase
{
    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new VcsLogParser(suppressed);

    /// <inheritdoc />
    protected override async Task<int> CompileAsync(TaskRunCtxt ctxt, string libname, SimSources sources, Action<string> logFilter)
    {
        // vlogan writes into the directory the setup file maps the library to; it must exist.
        Directory.CreateDirectory(Path.Combine(ctxt.RunDir, libname));
        await RunDirectoryPath.WriteAllTextAsync(ctxt.RunDir, VcsCommandLine.SetupFile, VcsCommandLine.LibrarySetup(libname, sources.Libs)).ConfigureAwait(false);
        return await ctxt.ExecAsync(VcsCommandLine.Analyse(sources, libname), CompileLog, logFilter: logFilter).ConfigureAwait(false);
    }
}

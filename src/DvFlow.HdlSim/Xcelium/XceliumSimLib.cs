using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Xcelium;

/// <summary>
/// hdlsim.xcm.SimLib: compiles sources with <c>xmvlog -work</c> into a library defined in <c>cds.lib</c>,
/// beside the libraries among its inputs.
/// </summary>
public sealed class XceliumSimLib : SimLibBase
{
    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new XceliumLogParser(suppressed);

    /// <inheritdoc />
    protected override async Task<int> CompileAsync(TaskRunCtxt ctxt, string libname, SimSources sources, Action<string> logFilter)
    {
        // Xcelium rejects a cds.lib DEFINE whose directory does not exist.
        Directory.CreateDirectory(Path.Combine(ctxt.RunDir, libname));
        await RunDirectoryPath.WriteAllTextAsync(ctxt.RunDir, "cds.lib", XceliumCommandLine.CdsLib(libname, sources.Libs)).ConfigureAwait(false);
        await RunDirectoryPath.WriteAllTextAsync(ctxt.RunDir, "hdl.var", XceliumCommandLine.HdlVar(libname)).ConfigureAwait(false);
        return await ctxt.ExecAsync(XceliumCommandLine.Xmvlog(sources, libname), CompileLog, logFilter: logFilter).ConfigureAwait(false);
    }
}

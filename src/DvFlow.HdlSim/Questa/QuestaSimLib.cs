using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Questa;

/// <summary>
/// hdlsim.mti.SimLib: creates the library with <c>vlib</c> and compiles into it with <c>vlog -work</c>;
/// libraries among its inputs are mapped in its <c>modelsim.ini</c> and searched with <c>-L</c>.
/// </summary>
public sealed class QuestaSimLib : SimLibBase
{
    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new QuestaLogParser(suppressed);

    /// <inheritdoc />
    protected override async Task<int> CompileAsync(TaskRunCtxt ctxt, string libname, SimSources sources, Action<string> logFilter)
    {
        var ini = QuestaCommandLine.Ini([Path.Combine(ctxt.RunDir, libname), .. sources.Libs]);
        await RunDirectoryPath.WriteAllTextAsync(ctxt.RunDir, QuestaCommandLine.IniFile, ini).ConfigureAwait(false);
        if (!File.Exists(Path.Combine(ctxt.RunDir, libname, "_info")))
        {
            var vlib = await ctxt.ExecAsync(QuestaCommandLine.Vlib(libname), "vlib.log", logFilter: logFilter).ConfigureAwait(false);
            if (vlib != 0) return vlib;
        }
        return await ctxt.ExecAsync(QuestaCommandLine.Vlog(sources, libname, withC: false), CompileLog, logFilter: logFilter).ConfigureAwait(false);
    }
}

using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Verilator;

/// <summary>hdlsim.vlt.SimImage: builds <c>obj_dir/simv</c> with <c>verilator --binary</c>; C/C++ DPI sources and DPI libraries are compiled into it, VPI libraries loaded by a generated main.</summary>
public sealed class VltSimImage : SimImageBase
{
    /// <inheritdoc />
    protected override string ToolName => "Verilator";

    /// <inheritdoc />
    protected override string ImagePath => VltCommandLine.ImagePath;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new VltLogParser(suppressed);

    /// <inheritdoc />
    protected override async Task<int> BuildAsync(TaskRunCtxt ctxt, TaskDataInput input, SimSources sources, Action<string> logFilter)
    {
        string? main = null;
        if (sources.VpiLibs.Count > 0)
        {
            main = Path.Combine(ctxt.RunDir, VltVpiMain.FileName);
            await File.WriteAllTextAsync(main, VltVpiMain.Source(sources.VpiLibs)).ConfigureAwait(false);
        }
        return await ctxt.ExecAsync(VltCommandLine.Build(sources, Environment.ProcessorCount, main), BuildLog, logFilter: logFilter).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override IEnumerable<string> ReportedDependencies(string runDir, SimSources sources) => VltDepFile.Read(runDir);
}

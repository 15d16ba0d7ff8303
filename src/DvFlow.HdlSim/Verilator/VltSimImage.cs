using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Verilator;

/// <summary>hdlsim.vlt.SimImage: builds <c>obj_dir/simv</c> with <c>verilator --binary</c>; C/C++ DPI sources are compiled into it.</summary>
public sealed class VltSimImage : SimImageBase
{
    /// <inheritdoc />
    protected override string ToolName => "Verilator";

    /// <inheritdoc />
    protected override string ImagePath => VltCommandLine.ImagePath;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new VltLogParser(suppressed);

    /// <inheritdoc />
    protected override Task<int> BuildAsync(TaskRunCtxt ctxt, SimSources sources, Action<string> logFilter)
        => ctxt.ExecAsync(VltCommandLine.Build(sources, Environment.ProcessorCount), BuildLog, logFilter: logFilter);

    /// <inheritdoc />
    protected override IEnumerable<string> ReportedDependencies(string runDir, SimSources sources) => VltDepFile.Read(runDir);
}

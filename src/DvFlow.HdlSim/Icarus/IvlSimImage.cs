using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Icarus;

/// <summary>hdlsim.ivl.SimImage: compiles <c>simv.vvp</c> with <c>iverilog -g2012</c>.</summary>
public sealed class IvlSimImage : SimImageBase
{
    /// <inheritdoc />
    protected override string ToolName => "Icarus Verilog";

    /// <inheritdoc />
    protected override string ImagePath => IvlCommandLine.ImagePath;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new IvlLogParser(suppressed);

    /// <inheritdoc />
    protected override IEnumerable<string> Unsupported(SimSources sources)
    {
        if (sources.CFiles.Count > 0) yield return "Icarus Verilog does not support DPI: C/C++ sources cannot be part of an hdlsim.ivl image";
        foreach (var lib in sources.DpiLibs)
            yield return $"Icarus Verilog does not support DPI: the DPI library '{lib}' cannot be used by an hdlsim.ivl image (VPI libraries can, via hdlsim.ivl.SimLibVPI)";
        foreach (var problem in IvlCommandLine.UnsupportedEntryPoints(sources.VpiLibs)) yield return problem;
    }

    /// <inheritdoc />
    protected override Task<int> BuildAsync(TaskRunCtxt ctxt, TaskDataInput input, SimSources sources, Action<string> logFilter)
        => ctxt.ExecAsync(IvlCommandLine.Compile(sources), BuildLog, logFilter: logFilter);

    /// <inheritdoc />
    protected override IEnumerable<string> ReportedDependencies(string runDir, SimSources sources)
    {
        var file = Path.Combine(runDir, IvlCommandLine.DepFile);
        return File.Exists(file)
            ? File.ReadAllLines(file).Where(l => l.Trim().Length > 0).Select(l => Path.GetFullPath(l.Trim(), runDir)).ToList()
            : [];
    }
}

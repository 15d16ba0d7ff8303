using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim;

/// <summary>
/// The simulator-independent part of SimImage: gathers sources, runs the tool's build with a log parser,
/// records every file the image depends on (including headers the tool reports) in the memento, and
/// outputs a <c>simDir</c> FileSet whose base is the run directory. Being an <see cref="IUpToDateCheck"/>,
/// it rebuilds when a recorded dependency changed even though no input item did.
/// </summary>
public abstract class SimImageBase : ITaskImplementation, IUpToDateCheck
{
    /// <summary>Log file of the build, in the run directory.</summary>
    public const string BuildLog = "build.log";

    /// <summary>The simulator's name for messages.</summary>
    protected abstract string ToolName { get; }

    /// <summary>The image file, relative to the run directory.</summary>
    protected abstract string ImagePath { get; }

    /// <summary>Creates the parser for the build's output.</summary>
    protected abstract ISimLogParser CreateParser(IReadOnlySet<string> suppressed);

    /// <summary>Runs the build in the run directory (<paramref name="input"/> for simulator-specific parameters); returns the exit status.</summary>
    protected abstract Task<int> BuildAsync(TaskRunCtxt ctxt, TaskDataInput input, SimSources sources, Action<string> logFilter);

    /// <summary>The files the image depends on besides its sources (after a successful build): those the tool reports, or included files.</summary>
    protected abstract IEnumerable<string> ReportedDependencies(string runDir, SimSources sources);

    /// <summary>
    /// The shared libraries the simulator loads when the image runs rather than building them into it: output beside
    /// the simDir as systemVerilogDPI / verilogVPI FileSets, which SimRun consumes, so a flow whose image needs a DPI
    /// library runs the same on a simulator that links it (Verilator) and on one that loads it at run time.
    /// </summary>
    protected virtual (IEnumerable<string> Dpi, IEnumerable<VpiLib> Vpi) LoadedAtRun(SimSources sources) => ([], []);

    /// <summary>Problems with the sources this simulator cannot handle (reported as errors before building).</summary>
    protected virtual IEnumerable<string> Unsupported(SimSources sources) => [];

    /// <inheritdoc />
    public async Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult();
        var sources = SimSourceCollector.Collect(input);
        var problems = Unsupported(sources).ToList();
        if (sources.HdlFiles.Count == 0) problems.Add($"no Verilog or SystemVerilog sources among the inputs (need FileSets of filetype systemVerilogSource or verilogSource)");
        if (problems.Count > 0)
        {
            result.Status = 1;
            result.Markers.AddRange(problems.Select(p => new TaskMarker(MarkerSeverity.Error, p)));
            return result;
        }
        // A stale image must never survive a failed build: a later SimRun would run old code.
        var image = Path.Combine(input.RunDir, ImagePath);
        if (File.Exists(image)) File.Delete(image);

        var parser = CreateParser(sources.Suppressed);
        result.Status = await BuildAsync(ctxt, input, sources, line =>
        {
            if (parser.Parse(line) is { } marker) ctxt.AddMarker(marker);
        }).ConfigureAwait(false);
        if (parser.Flush() is { } last) ctxt.AddMarker(last);
        if (result.Status == 0 && !File.Exists(image))
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, $"{ToolName} finished but produced no image '{image}' (see the logs in {input.RunDir})"));
        }
        if (result.Status != 0) return result;

        var deps = DependencySet.Capture(sources.HdlFiles.Concat(sources.CFiles).Concat(sources.DpiLibs).Concat(sources.VpiLibs.Select(l => l.Path)).Concat(ReportedDependencies(input.RunDir, sources)));
        result.Memento = new ImageMemento(GetType().Name, deps).ToValue();
        await File.WriteAllLinesAsync(Path.Combine(input.RunDir, SourcePathResolver.SourceListFile), deps.Files.Select(f => f.Path)).ConfigureAwait(false);
        result.Output.Add(FileSetItem.Create("simDir", input.RunDir, [ImagePath]));
        var (dpi, vpi) = LoadedAtRun(sources);
        foreach (var lib in dpi.Distinct(StringComparer.Ordinal))
            result.Output.Add(FileSetItem.Create("systemVerilogDPI", Path.GetDirectoryName(lib)!, [Path.GetFileName(lib)]));
        foreach (var lib in vpi.Distinct())
            result.Output.Add(FileSetItem.Create("verilogVPI", Path.GetDirectoryName(lib.Path)!, [Path.GetFileName(lib.Path)],
                attributes: lib.EntryPoint is null ? [] : [VpiLib.EntryPointAttribute + lib.EntryPoint]));
        return result;
    }

    /// <inheritdoc />
    public string? WhyRun(string runDir, object? memento)
    {
        if (!File.Exists(Path.Combine(runDir, ImagePath))) return "the simulation image is missing";
        return ImageMemento.WhyStale(memento, GetType().Name, "image");
    }
}

using DvFlow.HdlSim.Logs;
using DvFlow.HdlSim.RunData;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim;

/// <summary>
/// The simulator-independent part of SimRun: finds the one simDir input, runs the image in the task's
/// own run directory with output in <c>sim.log</c> after copying its run data there (<see cref="RunDataStager"/>),
/// and fails when the simulator exits non-zero or its log reports errors (<c>$error</c>, <c>$fatal</c>, UVM_ERROR/UVM_FATAL). Outputs a <c>simRunDir</c>
/// FileSet holding the log and any waveform.
/// </summary>
public abstract class SimRunBase : ITaskImplementation
{
    /// <summary>The simulation log, in the run directory.</summary>
    public const string SimLog = "sim.log";

    private static readonly string[] WaveformPatterns = ["*.fst", "*.vcd"];

    /// <summary>The image file inside the simDir FileSet's base directory.</summary>
    protected abstract string ImagePath { get; }

    /// <summary>Creates the parser for the simulator's messages.</summary>
    protected abstract ISimLogParser CreateParser(IReadOnlySet<string> suppressed);

    /// <summary>The command running <paramref name="image"/> (<paramref name="input"/> for simulator-specific parameters).</summary>
    protected abstract IReadOnlyList<string> Command(string image, SimRunOptions options, TaskDataInput input);

    /// <summary>Problems with the options this simulator cannot handle (reported as errors before running).</summary>
    protected virtual IEnumerable<string> Unsupported(SimRunOptions options) => [];

    /// <summary>Environment variables the simulator needs besides the task's, or null.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Environment(TaskRunCtxt ctxt, SimRunOptions options) => null;

    /// <inheritdoc />
    public async Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult();
        var simDirs = input.Inputs.Where(i => i.Type == FileSetItem.Type && i.GetString("filetype") == "simDir").ToList();
        if (simDirs.Count != 1)
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, simDirs.Count == 0
                ? $"no simDir input (needs a SimImage task)"
                : $"{simDirs.Count} simDir inputs; a SimRun runs exactly one image"));
            return result;
        }
        var imageDir = simDirs[0].GetString("basedir");
        var image = Path.GetFullPath(ImagePath, imageDir);
        if (!File.Exists(image))
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, $"simulation image '{image}' not found"));
            return result;
        }
        // Old waveforms would be mistaken for this run's.
        foreach (var old in WaveformPatterns.SelectMany(p => Directory.EnumerateFiles(input.RunDir, p))) File.Delete(old);

        var options = SimRunOptions.From(input);
        var problems = Unsupported(options).ToList();
        if (problems.Count > 0)
        {
            result.Status = 1;
            result.Markers.AddRange(problems.Select(p => new TaskMarker(MarkerSeverity.Error, p)));
            return result;
        }
        // Run data goes where the simulation runs, before it starts; a file that cannot be staged fails the run.
        var reserved = new HashSet<string>(StringComparer.Ordinal) { SimLog, input.Name + ".exec_data.json" };
        var (runData, planErrors) = RunDataStager.Plan(input, reserved);
        var stageErrors = planErrors.Count > 0 ? planErrors : RunDataStager.Copy(input.RunDir, runData, RunMemento.FromValue(input.Memento).Staged);
        if (stageErrors.Count > 0)
        {
            result.Status = 1;
            result.Markers.AddRange(stageErrors.Select(e => new TaskMarker(MarkerSeverity.Error, e)));
            return result;
        }
        result.Memento = new RunMemento(runData.Select(f => f.Destination).ToList()).ToValue();
        var argv = Command(image, options, input);
        if (options.Valgrind) argv = ["valgrind", "--error-exitcode=1", .. argv];
        var parser = CreateParser(new HashSet<string>(input.List("suppress_warnings"), StringComparer.OrdinalIgnoreCase));
        var uvm = new UvmReportParser();
        var paths = SourcePathResolver.Load(imageDir);
        var logErrors = 0;
        void Report(TaskMarker? marker)
        {
            if (marker is null) return;
            if (marker.Severity == MarkerSeverity.Error) Interlocked.Increment(ref logErrors);
            ctxt.AddMarker(paths.Resolve(marker));
        }
        // Both parsers see every line: a multi-line parser may complete an earlier message on a UVM line.
        var exit = await ctxt.ExecAsync(argv, SimLog, env: Environment(ctxt, options), logFilter: line =>
        {
            Report(parser.Parse(line));
            Report(uvm.Parse(line));
        }).ConfigureAwait(false);
        Report(parser.Flush());

        result.Status = exit;
        var reported = Math.Max(logErrors, uvm.SummaryErrors);
        if (exit == 0 && reported > 0)
        {
            // The simulator finished normally, but the testbench reported failures.
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, $"the simulation reported {reported} error(s) (see {Path.Combine(input.RunDir, SimLog)})"));
        }
        // The verdict at normal console verbosity: a user running the flow wants to see it without -v:n.
        if (result.Status == 0) ctxt.Info($"simulation passed ({Path.Combine(input.RunDir, SimLog)})");
        var files = new List<string> { SimLog };
        files.AddRange(WaveformPatterns.SelectMany(p => Directory.EnumerateFiles(input.RunDir, p)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));
        result.Output.Add(FileSetItem.Create("simRunDir", input.RunDir, files));
        return result;
    }
}

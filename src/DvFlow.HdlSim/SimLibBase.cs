using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim;

/// <summary>
/// SimLib for simulators with precompiled libraries (VCS, Xcelium, Questa): compiles the HDL sources
/// among its inputs into the library <c>libname</c> (default: the task's own name) in the run directory and
/// outputs a <c>simLib</c> FileSet naming it, which SimImage links against. Its include directories go
/// along when <c>propagate_incdirs</c> is set. Like SimImage it records the sources and the files they
/// include, so editing an included file recompiles the library.
/// </summary>
public abstract class SimLibBase : ITaskImplementation, IUpToDateCheck
{
    /// <summary>The compile log, in the run directory.</summary>
    public const string CompileLog = "compile.log";

    /// <summary>Creates the parser for the compiler's output.</summary>
    protected abstract ISimLogParser CreateParser(IReadOnlySet<string> suppressed);

    /// <summary>Compiles <paramref name="sources"/> into library <paramref name="libname"/>, the directory of that name in the run directory.</summary>
    protected abstract Task<int> CompileAsync(TaskRunCtxt ctxt, string libname, SimSources sources, Action<string> logFilter);

    /// <summary>The library name for <paramref name="input"/>: the parameter, or the last part of the task name.</summary>
    public static string LibName(TaskDataInput input)
    {
        var name = input.Str("libname");
        if (name.Length > 0) return name;
        var last = input.Name[(input.Name.LastIndexOf('.') + 1)..];
        return new string(last.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
    }

    /// <inheritdoc />
    public async Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult();
        var sources = SimSourceCollector.Collect(input);
        if (sources.HdlFiles.Count == 0)
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, $"no Verilog or SystemVerilog sources among the inputs to compile into a library"));
            return result;
        }
        var libname = LibName(input);
        var parser = CreateParser(sources.Suppressed);
        result.Status = await CompileAsync(ctxt, libname, sources, line =>
        {
            if (parser.Parse(line) is { } marker) ctxt.AddMarker(marker);
        }).ConfigureAwait(false);
        if (parser.Flush() is { } last) ctxt.AddMarker(last);
        if (result.Status != 0) return result;

        var deps = DependencySet.Capture(sources.HdlFiles.Concat(IncludeScanner.Scan(sources.HdlFiles, sources.IncDirs)));
        result.Memento = new ImageMemento(GetType().Name, deps).ToValue();
        var incdirs = input.Params.ContainsKey("propagate_incdirs") && !input.Bool("propagate_incdirs") ? [] : sources.IncDirs;
        result.Output.Add(FileSetItem.Create("simLib", input.RunDir, [libname], incdirs: incdirs));
        return result;
    }

    /// <inheritdoc />
    public string? WhyRun(string runDir, object? memento) => ImageMemento.WhyStale(memento, GetType().Name, "library");
}

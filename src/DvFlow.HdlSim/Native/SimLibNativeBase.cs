using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Native;

/// <summary>
/// SimLibDPI and SimLibVPI: compiles the consumed C/C++ sources (FileSets of filetype cSource or cppSource,
/// with their incdirs and defines, then the task's own) one object each with <c>-fPIC</c>, in parallel,
/// and links them into a shared library in the run directory with <c>-shared</c>. The simulator supplies
/// its headers (svdpi.h, vpi_user.h) and link flags. Outputs a FileSet of the library with the filetype
/// SimImage and SimRun consume (<c>systemVerilogDPI</c> or <c>verilogVPI</c>). The compiler's dependency
/// files record every header, so an edited header rebuilds the library although no input changed.
/// </summary>
public abstract class SimLibNativeBase : ITaskImplementation, IUpToDateCheck
{
    /// <summary>Folder in the run directory holding objects and dependency files.</summary>
    public const string ObjDir = "obj";

    /// <summary>The filetype of the output FileSet.</summary>
    protected abstract string FileType { get; }

    /// <summary>The library's file name for <paramref name="libname"/>.</summary>
    protected abstract string LibFileName(string libname);

    /// <summary>The simulator's compile and link flags; null when they could not be found (an error marker says why).</summary>
    protected abstract Task<NativeToolFlags?> ToolFlagsAsync(TaskRunCtxt ctxt, TaskDataInput input);

    /// <inheritdoc />
    public async Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult();
        var sources = Collect(input);
        var libname = input.Str("libname") is { Length: > 0 } n ? n : input.Name[(input.Name.LastIndexOf('.') + 1)..];
        if (sources.Count == 0 || libname.IndexOfAny(['/', '\\']) >= 0)
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, sources.Count == 0
                ? "no C or C++ sources among the inputs (need FileSets of filetype cSource or cppSource)"
                : $"libname '{libname}' must be a plain name, not a path"));
            return result;
        }
        var lib = Path.Combine(input.RunDir, LibFileName(libname));
        // A stale library must never survive a failed build: the image would link old code.
        if (File.Exists(lib)) File.Delete(lib);
        var flags = await ToolFlagsAsync(ctxt, input).ConfigureAwait(false);
        if (flags is null)
        {
            result.Status = 1;
            return result;
        }

        Directory.CreateDirectory(Path.Combine(input.RunDir, ObjDir));
        var parser = new GccLogParser();
        void Filter(string line)
        {
            if (parser.Parse(line) is { } marker) ctxt.AddMarker(marker);
        }
        var cc = ctxt.Env.GetValueOrDefault("CC") is { Length: > 0 } c ? c : "cc";
        var cxx = ctxt.Env.GetValueOrDefault("CXX") is { Length: > 0 } x ? x : "c++";
        var objects = sources.Select((s, i) => Path.Combine(ObjDir, $"{i}_{Path.GetFileNameWithoutExtension(s.Path)}.o")).ToList();
        var compiles = sources.Select((s, i) => new ExecCmd(
            [s.Cpp ? cxx : cc, "-c", "-fPIC", .. flags.CFlags, .. s.IncDirs.Select(d => "-I" + d), .. s.Defines.Select(d => "-D" + d),
             "-MD", "-MF", Path.ChangeExtension(objects[i], ".d"), "-o", objects[i], s.Path],
            LogFile: Path.ChangeExtension(objects[i], ".log"))
        { LogFilter = Filter }).ToList();
        var statuses = await ctxt.ExecParallelAsync(compiles).ConfigureAwait(false);
        result.Status = statuses.FirstOrDefault(s => s != 0);
        if (result.Status != 0) return result;

        var linker = sources.Any(s => s.Cpp) ? cxx : cc;
        result.Status = await ctxt.ExecAsync([linker, "-shared", "-o", lib, .. objects, .. flags.LdFlags], "link.log", logFilter: Filter).ConfigureAwait(false);
        if (result.Status != 0) return result;

        var headers = objects.Select(o => Path.Combine(input.RunDir, Path.ChangeExtension(o, ".d"))).Where(File.Exists)
            .SelectMany(d => MakeDepFile.Parse(File.ReadAllText(d), input.RunDir));
        // The library itself is recorded too: deleting or replacing it rebuilds it.
        var deps = DependencySet.Capture(sources.Select(s => s.Path).Concat(headers).Append(lib));
        result.Memento = new ImageMemento(GetType().Name, deps).ToValue();
        result.Output.Add(FileSetItem.Create(FileType, input.RunDir, [Path.GetFileName(lib)]));
        return result;
    }

    /// <inheritdoc />
    public string? WhyRun(string runDir, object? memento) => ImageMemento.WhyStale(memento, GetType().Name, "library");

    /// <summary>The C/C++ sources in input order, each with its FileSet's incdirs and defines followed by the task's.</summary>
    public static IReadOnlyList<NativeSource> Collect(TaskDataInput input)
    {
        var taskIncDirs = input.List("incdirs").Select(d => Path.GetFullPath(d, input.SrcDir)).ToList();
        var taskDefines = input.List("defines");
        var result = new List<NativeSource>();
        foreach (var fs in input.Inputs.Where(i => i.Type == FileSetItem.Type))
        {
            var filetype = fs.GetString("filetype");
            if (filetype is not ("cSource" or "cppSource")) continue;
            var basedir = Path.GetFullPath(fs.GetString("basedir") is { Length: > 0 } b ? b : ".", input.SrcDir);
            var incdirs = fs.GetStrings("incdirs").Select(d => Path.GetFullPath(d, basedir)).Concat(taskIncDirs).Distinct(StringComparer.Ordinal).ToList();
            var defines = fs.GetStrings("defines").Concat(taskDefines).Distinct(StringComparer.Ordinal).ToList();
            foreach (var f in fs.GetStrings("files"))
            {
                var path = Path.GetFullPath(f, basedir);
                // A cSource FileSet may still list C++ files (dfm's FileSet types files by pattern, not extension).
                var cpp = filetype == "cppSource" || Path.GetExtension(path) is ".cpp" or ".cc" or ".cxx" or ".C";
                result.Add(new NativeSource(path, cpp, incdirs, defines));
            }
        }
        return result;
    }
}

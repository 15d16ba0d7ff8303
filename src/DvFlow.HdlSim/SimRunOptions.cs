using DvFlow.TaskApi;

namespace DvFlow.HdlSim;

/// <summary>
/// What SimRun passes to the simulator: plusargs (without '+'), arguments, tracing, valgrind, and the DPI
/// and VPI shared libraries to load (from parameters, SimRunArgs items and systemVerilogDPI / verilogVPI
/// FileSets; absolute paths). Verilator links DPI and VPI libraries into the image and ignores them here;
/// Icarus has no DPI and loads the VPI libraries with <c>vvp -m</c>.
/// </summary>
public sealed record SimRunOptions(IReadOnlyList<string> Plusargs, IReadOnlyList<string> Args, bool Trace, bool Valgrind)
{
    /// <summary>DPI shared libraries to load.</summary>
    public IReadOnlyList<string> DpiLibs { get; init; } = [];

    /// <summary>VPI shared libraries to load, with their entry points.</summary>
    public IReadOnlyList<VpiLib> VpiLibs { get; init; } = [];

    /// <summary>The task's parameters merged with its hdlsim.SimRunArgs inputs (items first, in input order).</summary>
    public static SimRunOptions From(TaskDataInput input)
    {
        var plusargs = new List<string>();
        var args = new List<string>();
        foreach (var item in input.Inputs.Where(i => i.Type == "hdlsim.SimRunArgs"))
        {
            plusargs.AddRange(item.GetStrings("plusargs").Select(StripPlus));
            args.AddRange(ArgSplitter.SplitAll(item.GetStrings("args")));
        }
        plusargs.AddRange(input.List("plusargs").Select(StripPlus));
        args.AddRange(ArgSplitter.SplitAll(input.List("args")));
        var dpi = new List<string>();
        var vpi = new List<VpiLib>();
        foreach (var item in input.Inputs)
        {
            if (item.Type == "hdlsim.SimRunArgs")
            {
                dpi.AddRange(item.GetStrings("dpilibs").Select(l => Path.GetFullPath(l, input.SrcDir)));
                vpi.AddRange(item.GetStrings("vpilibs").Select(l => new VpiLib(Path.GetFullPath(l, input.SrcDir))));
            }
            else if (item.Type == FileSetItem.Type && item.GetString("filetype") is "systemVerilogDPI" or "verilogVPI")
            {
                var basedir = Path.GetFullPath(item.GetString("basedir") is { Length: > 0 } b ? b : ".", input.SrcDir);
                var files = item.GetStrings("files").Select(f => Path.GetFullPath(f, basedir));
                if (item.GetString("filetype") == "systemVerilogDPI") dpi.AddRange(files);
                else vpi.AddRange(files.Select(f => new VpiLib(f, VpiLib.EntryPointOf(item.GetStrings("attributes")))));
            }
        }
        dpi.AddRange(input.List("dpilibs").Select(l => Path.GetFullPath(l, input.SrcDir)));
        vpi.AddRange(input.List("vpilibs").Select(l => new VpiLib(Path.GetFullPath(l, input.SrcDir))));
        return new SimRunOptions(plusargs, args, input.Bool("trace"), input.Bool("valgrind"))
        {
            DpiLibs = dpi.Distinct(StringComparer.Ordinal).ToList(),
            VpiLibs = vpi.Distinct().ToList(),
        };
    }

    // Users write both "seed=1" and "+seed=1"; the command lines add the '+' themselves.
    private static string StripPlus(string p) => p.StartsWith('+') ? p[1..] : p;

    /// <summary>A shared library's path without its extension, as the simulators' <c>-sv_lib</c> takes it.</summary>
    public static string SvLibPath(string lib) => Path.Combine(Path.GetDirectoryName(lib) ?? "", Path.GetFileNameWithoutExtension(lib));
}

namespace DvFlow.HdlSim.Icarus;

/// <summary>Builds Icarus Verilog's command lines: <c>iverilog</c> to compile, <c>vvp</c> to run.</summary>
public static class IvlCommandLine
{
    /// <summary>The compiled image, relative to the run directory.</summary>
    public const string ImagePath = "simv.vvp";

    /// <summary>The dependency list iverilog writes with <c>-M</c>: every file it read, one per line.</summary>
    public const string DepFile = "simv.deps";

    /// <summary>The compile command.</summary>
    public static IReadOnlyList<string> Compile(SimSources s)
    {
        var argv = new List<string> { "iverilog", "-g2012", "-o", ImagePath, "-M", DepFile };
        argv.AddRange(s.IncDirs.Select(d => "-I" + d));
        argv.AddRange(s.Defines.Select(d => "-D" + d));
        argv.AddRange(s.Args);
        argv.AddRange(s.CompArgs);
        argv.AddRange(s.ElabArgs);
        foreach (var top in s.Top) argv.AddRange(["-s", top]);
        // -m records each VPI module in the image (vvp loads it when the image runs); vvp appends ".vpi" itself.
        foreach (var lib in s.VpiLibs) argv.Add(Module(lib));
        argv.AddRange(s.HdlFiles);
        return argv;
    }

    private static string Module(VpiLib lib) => "-m" + (lib.Path.EndsWith(".vpi", StringComparison.Ordinal) ? lib.Path[..^4] : lib.Path);

    /// <summary>Icarus registers a VPI module only through its vlog_startup_routines table: a named entry point cannot be honoured.</summary>
    public static IEnumerable<string> UnsupportedEntryPoints(IEnumerable<VpiLib> libs)
        => libs.Where(l => l.EntryPoint is not null)
            .Select(l => $"Icarus Verilog registers VPI modules only through vlog_startup_routines: entry point '{l.EntryPoint}' of {l.Path} cannot be used (remove the entrypoint attribute, or export the routine in vlog_startup_routines)");

    /// <summary>The run command: <c>vvp</c> options, the image, extended options (<c>-fst</c>), then plusargs and args.</summary>
    public static IReadOnlyList<string> Run(string image, SimRunOptions o)
    {
        var argv = new List<string> { "vvp", "-n" };
        // VPI libraries given to SimRun load at run time (those given to SimImage are recorded in the image).
        argv.AddRange(o.VpiLibs.Select(Module));
        argv.Add(image);
        // vvp's extended arguments follow the image; -fst makes $dumpfile write FST like Verilator's --trace-fst.
        if (o.Trace) argv.Add("-fst");
        argv.AddRange(o.Plusargs.Select(p => "+" + p));
        argv.AddRange(o.Args);
        return argv;
    }
}

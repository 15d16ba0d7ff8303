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
        foreach (var lib in s.VpiLibs) argv.Add("-m" + (lib.EndsWith(".vpi", StringComparison.Ordinal) ? lib[..^4] : lib));
        argv.AddRange(s.HdlFiles);
        return argv;
    }

    /// <summary>The run command: <c>vvp</c> options, the image, extended options (<c>-fst</c>), then plusargs and args.</summary>
    public static IReadOnlyList<string> Run(string image, SimRunOptions o)
    {
        var argv = new List<string> { "vvp", "-n" };
        // VPI libraries given to SimRun load at run time (those given to SimImage are recorded in the image).
        argv.AddRange(o.VpiLibs.Select(lib => "-m" + (lib.EndsWith(".vpi", StringComparison.Ordinal) ? lib[..^4] : lib)));
        argv.Add(image);
        // vvp's extended arguments follow the image; -fst makes $dumpfile write FST like Verilator's --trace-fst.
        if (o.Trace) argv.Add("-fst");
        argv.AddRange(o.Plusargs.Select(p => "+" + p));
        argv.AddRange(o.Args);
        return argv;
    }
}

namespace DvFlow.HdlSim.Verilator;

/// <summary>
/// Builds Verilator's command line. <c>--binary</c> (Verilator 5) generates C++, a main and the make
/// invocation in one step; <c>-Wno-fatal</c> keeps warnings from stopping the build (they still become
/// markers) as in the reference library.
/// </summary>
public static class VltCommandLine
{
    /// <summary>Name of the executable Verilator builds in <c>obj_dir</c>.</summary>
    public const string Executable = "simv";

    /// <summary>The image path relative to the run directory.</summary>
    public static string ImagePath => Path.Combine("obj_dir", Executable);

    /// <summary>The arguments after <c>verilator</c>.</summary>
    public static IReadOnlyList<string> Build(SimSources s, int jobs)
    {
        var argv = new List<string> { "verilator", "--binary", "-o", Executable, "-Wno-fatal", "-j", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        argv.Add(s.Timing ? "--timing" : "--no-timing");
        switch (s.TraceFormat)
        {
            case "fst": argv.Add("--trace-fst"); break;
            case "vcd": argv.Add("--trace"); break;
        }
        foreach (var code in s.Suppressed) argv.Add("-Wno-" + code);
        argv.AddRange(s.IncDirs.Select(d => "+incdir+" + d));
        argv.AddRange(s.Defines.Select(d => "+define+" + d));
        argv.AddRange(s.Args);
        argv.AddRange(s.CompArgs);
        argv.AddRange(s.ElabArgs);
        argv.AddRange(s.HdlFiles);
        argv.AddRange(s.CFiles);
        // --binary builds one model; the first top names it, further tops are kept as top-level modules by Verilator itself.
        if (s.Top.Count > 0) argv.AddRange(["--top-module", s.Top[0]]);
        return argv;
    }
}

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

    /// <summary>
    /// The Verilator command. With <paramref name="vpiMain"/> (an image loading VPI libraries) the model
    /// is built around that main instead of <c>--binary</c>'s, with <c>--vpi</c>, the class prefix
    /// <see cref="VltVpiMain.Prefix"/> the main includes, and exported symbols for the libraries to bind to.
    /// </summary>
    public static IReadOnlyList<string> Build(SimSources s, int jobs, string? vpiMain = null)
    {
        var argv = new List<string> { "verilator" };
        if (vpiMain is null) argv.Add("--binary");
        else argv.AddRange(["--cc", "--exe", "--build", "--vpi", "--prefix", VltVpiMain.Prefix, "-LDFLAGS", "-rdynamic -ldl"]);
        argv.AddRange(["-o", Executable, "-Wno-fatal", "-j", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        argv.Add(s.Timing ? "--timing" : "--no-timing");
        switch (s.TraceFormat)
        {
            case "fst": argv.Add("--trace-fst"); break;
            case "vcd": argv.Add("--trace"); break;
        }
        if (s.Vpi && vpiMain is null) argv.Add("--vpi");
        if (s.PublicAccess) argv.Add("--public-flat-rw");
        foreach (var code in s.Suppressed) argv.Add("-Wno-" + code);
        argv.AddRange(s.IncDirs.Select(d => "+incdir+" + d));
        argv.AddRange(s.Defines.Select(d => "+define+" + d));
        argv.AddRange(s.Args);
        argv.AddRange(s.CompArgs);
        argv.AddRange(s.ElabArgs);
        argv.AddRange(s.HdlFiles);
        argv.AddRange(s.CFiles);
        // Verilator links .so files named on its command line; without a soname the image records the absolute path.
        argv.AddRange(s.DpiLibs);
        if (vpiMain is not null) argv.Add(vpiMain);
        // --binary builds one model; the first top names it, further tops are kept as top-level modules by Verilator itself.
        if (s.Top.Count > 0) argv.AddRange(["--top-module", s.Top[0]]);
        return argv;
    }
}

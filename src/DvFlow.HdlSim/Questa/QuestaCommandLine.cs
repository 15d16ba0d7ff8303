namespace DvFlow.HdlSim.Questa;

/// <summary>
/// Builds Siemens Questa's command lines: <c>vlib</c> creates a library, <c>vlog</c> compiles into it
/// (C/C++ DPI sources too), <c>vopt</c> optimises the top modules into the design <c>simv_opt</c>, and
/// <c>vsim -c</c> runs it to the end. A <c>modelsim.ini</c> in the image directory maps the libraries.
/// </summary>
public static class QuestaCommandLine
{
    /// <summary>The optimised design vopt writes into the work library.</summary>
    public const string Design = "simv_opt";

    /// <summary>The library mapping file.</summary>
    public const string IniFile = "modelsim.ini";

    /// <summary>
    /// modelsim.ini mapping <paramref name="libs"/> (absolute directories) by directory name, after the
    /// installation's own mappings (std, ieee, mtiUvm...).
    /// </summary>
    public static string Ini(IEnumerable<string> libs)
    {
        var lines = new List<string> { "[Library]", "others = $MODEL_TECH/../modelsim.ini" };
        lines.AddRange(libs.Select(l => $"{Path.GetFileName(l)} = {l}"));
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>
    /// Questa's <c>-suppress</c> takes message numbers: <c>vlog-2643</c> and <c>2643</c> both give 2643;
    /// codes without a number are left to the log parser.
    /// </summary>
    public static IEnumerable<string> Suppress(IEnumerable<string> codes)
    {
        var numbers = codes.Select(c => c[(c.LastIndexOf('-') + 1)..]).Where(n => n.Length > 0 && n.All(char.IsAsciiDigit)).Distinct().ToList();
        return numbers.Count > 0 ? ["-suppress", string.Join(",", numbers)] : [];
    }

    /// <summary>vlib creating <paramref name="library"/>.</summary>
    public static IReadOnlyList<string> Vlib(string library) => ["vlib", library];

    /// <summary>vlog compiling the HDL (and, with <paramref name="withC"/>, C/C++) sources into <paramref name="library"/>; the 64-bit tool with <paramref name="full64"/>.</summary>
    public static IReadOnlyList<string> Vlog(SimSources s, string library, bool withC, bool full64 = false)
    {
        var argv = new List<string> { "vlog", "-sv", "-work", library };
        if (full64) argv.Add("-64");
        argv.AddRange(Suppress(s.Suppressed));
        // Libraries this one builds on (packages it imports), mapped in modelsim.ini.
        foreach (var lib in s.Libs) argv.AddRange(["-L", Path.GetFileName(lib)]);
        argv.AddRange(s.IncDirs.Select(d => "+incdir+" + d));
        argv.AddRange(s.Defines.Select(d => "+define+" + d));
        argv.AddRange(s.Args);
        argv.AddRange(s.CompArgs);
        argv.AddRange(s.HdlFiles);
        if (withC) argv.AddRange(s.CFiles);
        return argv;
    }

    /// <summary>vopt optimising the top modules into <see cref="Design"/>; <c>+acc</c> keeps signals visible when tracing or for VPI; the 64-bit tool with <paramref name="full64"/>.</summary>
    public static IReadOnlyList<string> Vopt(SimSources s, string library, bool full64 = false)
    {
        var argv = new List<string> { "vopt", "-work", library };
        if (full64) argv.Add("-64");
        if (s.Visible) argv.Add("+acc");
        argv.AddRange(Suppress(s.Suppressed));
        foreach (var lib in s.Libs) argv.AddRange(["-L", Path.GetFileName(lib)]);
        argv.AddRange(s.Args);
        argv.AddRange(s.ElabArgs);
        argv.AddRange(s.Top);
        argv.AddRange(["-o", Design]);
        return argv;
    }

    /// <summary>
    /// vsim in batch: runs <see cref="Design"/> from the image's work library to the end and exits
    /// (also on <c>$finish</c>), with DPI (<c>-sv_lib</c>) and VPI (<c>-pli</c>) libraries, arguments,
    /// plusargs and <c>+trace</c> when tracing; the 64-bit tool with <paramref name="full64"/>.
    /// </summary>
    public static IReadOnlyList<string> Vsim(string imageDir, SimRunOptions o, bool full64 = false)
    {
        var argv = new List<string>
        {
            "vsim", "-c", "-modelsimini", Path.Combine(imageDir, IniFile), "-lib", Path.Combine(imageDir, "work"),
            "-onfinish", "exit", "-do", "run -all; quit -f", Design,
        };
        if (full64) argv.Add("-64");
        foreach (var lib in o.DpiLibs) argv.AddRange(["-sv_lib", SimRunOptions.SvLibPath(lib)]);
        foreach (var lib in o.VpiLibs) argv.AddRange(["-pli", lib.WithEntry()]);
        argv.AddRange(o.Args);
        argv.AddRange(o.Plusargs.Select(p => "+" + p));
        if (o.Trace) argv.Add("+trace");
        return argv;
    }
}

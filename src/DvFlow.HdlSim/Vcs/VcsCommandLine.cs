namespace DvFlow.HdlSim.Vcs;

/// <summary>
/// Builds Synopsys VCS's command lines for the three-step flow: <c>vlogan</c> analyses sources into a
/// library named in <c>synopsys_sim.setup</c>, <c>vcs</c> elaborates the top modules into the executable
/// <c>simv</c> (compiling C/C++ DPI sources into it), and <c>simv</c> runs.
/// </summary>
public static class VcsCommandLine
{
    /// <summary>The executable, relative to the run directory.</summary>
    public const string Executable = "simv";

    /// <summary>The library mapping file vlogan and vcs read from their working directory.</summary>
    public const string SetupFile = "synopsys_sim.setup";

    /// <summary>
    /// The setup file: <paramref name="work"/> is the default (WORK) library; each of
    /// <paramref name="libs"/> (absolute library directories) is mapped by its directory name.
    /// </summary>
    public static string Setup(string work, IEnumerable<string> libs)
    {
        var lines = new List<string> { "WORK > DEFAULT", $"DEFAULT : ./{work}" };
        lines.AddRange(libs.Select(l => $"{Path.GetFileName(l)} : {l}"));
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The setup file of a SimLib: <paramref name="library"/> in the current directory and the <paramref name="libs"/> it builds on.</summary>
    public static string LibrarySetup(string library, IEnumerable<string> libs)
        => string.Join("\n", new[] { $"{library} : ./{library}" }.Concat(libs.Select(l => $"{Path.GetFileName(l)} : {l}"))) + "\n";

    /// <summary>vlogan's options for warning codes the user suppressed.</summary>
    public static IEnumerable<string> Suppress(IEnumerable<string> codes) => codes.Select(c => "+warn=no" + c);

    /// <summary>The <c>-ntb_opts</c> value among the compile arguments (UVM from SimLibUVM), or null.</summary>
    public static string? NtbOpts(SimSources s)
    {
        var i = s.CompArgs.IndexOf("-ntb_opts");
        return i >= 0 && i + 1 < s.CompArgs.Count ? s.CompArgs[i + 1] : null;
    }

    /// <summary>
    /// Analyses the UVM library VCS ships into the work library: with <c>-ntb_opts</c> and no sources, vlogan
    /// compiles UVM itself, which later analyses that import uvm_pkg need.
    /// </summary>
    public static IReadOnlyList<string> AnalyseUvm(string ntbOpts) => ["vlogan", "-full64", "-sverilog", "-ntb_opts", ntbOpts];

    /// <summary>vlogan analysing the HDL sources; into <paramref name="library"/> when given, else the setup's default.</summary>
    public static IReadOnlyList<string> Analyse(SimSources s, string? library)
    {
        var argv = new List<string> { "vlogan", "-full64", "-sverilog" };
        if (library is not null) argv.AddRange(["-work", library]);
        argv.AddRange(Suppress(s.Suppressed));
        argv.AddRange(s.IncDirs.Select(d => "+incdir+" + d));
        argv.AddRange(s.Defines.Select(d => "+define+" + d));
        argv.AddRange(s.Args);
        argv.AddRange(s.CompArgs);
        argv.AddRange(s.HdlFiles);
        return argv;
    }

    /// <summary>vcs elaborating the top modules into <see cref="Executable"/>; <c>-debug_access+all</c> when tracing or asked for full access, <c>+vpi</c> for VPI, <c>-partcomp</c> when asked.</summary>
    public static IReadOnlyList<string> Elaborate(SimSources s, VcsElabOptions options)
    {
        var argv = new List<string> { "vcs", "-full64", "-o", Executable };
        argv.AddRange(options.Args());
        if (s.TraceFormat != "none" || s.PublicAccess) argv.Add("-debug_access+all");
        argv.AddRange(Suppress(s.Suppressed));
        if (s.Libs.Count > 0) argv.AddRange(["-liblist", string.Join("+", s.Libs.Select(Path.GetFileName))]);
        argv.AddRange(s.Args);
        argv.AddRange(s.ElabArgs);
        // VPI libraries are loaded when simv is built (DPI libraries when it runs); VPI code needs read access.
        if (s.VpiLibs.Count > 0 || s.Vpi)
        {
            argv.Add("+vpi");
            if (s.TraceFormat == "none" && !s.PublicAccess) argv.Add("-debug_access");
            foreach (var lib in s.VpiLibs) argv.AddRange(["-load", lib.WithEntry()]);
        }
        argv.AddRange(s.CFiles);
        foreach (var top in s.Top) argv.AddRange(["-top", top]);
        return argv;
    }

    /// <summary>
    /// simv with DPI libraries (<c>-sv_lib</c>, without extension, as simulators take them), VPI libraries
    /// (<c>-load</c>), arguments, plusargs, and <c>+trace</c> when tracing (for the testbench to test).
    /// </summary>
    public static IReadOnlyList<string> Run(string image, SimRunOptions o)
    {
        var argv = new List<string> { image };
        foreach (var lib in o.DpiLibs) argv.AddRange(["-sv_lib", SimRunOptions.SvLibPath(lib)]);
        foreach (var lib in o.VpiLibs) argv.AddRange(["-load", lib.WithEntry()]);
        argv.AddRange(o.Args);
        argv.AddRange(o.Plusargs.Select(p => "+" + p));
        if (o.Trace) argv.Add("+trace");
        return argv;
    }
}

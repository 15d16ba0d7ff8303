namespace DvFlow.HdlSim.Xcelium;

/// <summary>
/// Builds Cadence Xcelium's command lines: <c>xmvlog -work</c> compiles a SimLib library (mapped in
/// <c>cds.lib</c>, the default in <c>hdl.var</c>); <c>xrun -elaborate</c> compiles and elaborates an image
/// into the snapshot <c>simv</c> under <c>xcelium.d</c> (C/C++ DPI sources, <c>-uvmhome</c> and
/// precompiled libraries through <c>-reflib</c> included); <c>xrun -R</c> simulates that snapshot.
/// </summary>
public static class XceliumCommandLine
{
    /// <summary>The snapshot name.</summary>
    public const string Snapshot = "simv";

    /// <summary>The library directory xrun uses, in the image's run directory.</summary>
    public const string LibDir = "xcelium.d";

    /// <summary>
    /// cds.lib defining <paramref name="library"/> in the current directory and the <paramref name="libs"/>
    /// it builds on (absolute directories, by directory name), after the installation's defaults.
    /// </summary>
    public static string CdsLib(string library, IEnumerable<string> libs)
        => string.Join("\n", new[] { "SOFTINCLUDE $CDS_INST_DIR/tools/inca/files/cds.lib", $"DEFINE {library} ./{library}" }
            .Concat(libs.Select(l => $"DEFINE {Path.GetFileName(l)} {l}"))) + "\n";

    /// <summary>hdl.var making <paramref name="library"/> the work library.</summary>
    public static string HdlVar(string library) => $"DEFINE WORK {library}\n";

    /// <summary>Options that silence the warning codes the user suppressed.</summary>
    public static IEnumerable<string> Suppress(IEnumerable<string> codes) => codes.SelectMany(c => new[] { "-nowarn", c });

    /// <summary>xmvlog compiling the HDL sources into <paramref name="library"/>.</summary>
    public static IReadOnlyList<string> Xmvlog(SimSources s, string library)
    {
        var argv = new List<string> { "xmvlog", "-64bit", "-sv", "-work", library };
        argv.AddRange(Suppress(s.Suppressed));
        foreach (var d in s.IncDirs) argv.AddRange(["-incdir", d]);
        foreach (var d in s.Defines) argv.AddRange(["-define", d]);
        argv.AddRange(s.Args);
        argv.AddRange(s.CompArgs);
        argv.AddRange(s.HdlFiles);
        return argv;
    }

    /// <summary>xrun compiling and elaborating the image; <c>-access +rwc</c> makes signals visible when tracing or for VPI.</summary>
    public static IReadOnlyList<string> Elaborate(SimSources s)
    {
        var argv = new List<string> { "xrun", "-64bit", "-elaborate", "-sv", "-xmlibdirname", LibDir, "-snapshot", Snapshot };
        if (s.Visible) argv.AddRange(["-access", "+rwc"]);
        argv.AddRange(Suppress(s.Suppressed));
        foreach (var d in s.IncDirs) argv.AddRange(["-incdir", d]);
        foreach (var d in s.Defines) argv.AddRange(["-define", d]);
        foreach (var lib in s.Libs) argv.AddRange(["-reflib", lib]);
        argv.AddRange(s.Args);
        argv.AddRange(s.CompArgs);
        argv.AddRange(s.ElabArgs);
        argv.AddRange(s.HdlFiles);
        argv.AddRange(s.CFiles);
        foreach (var top in s.Top) argv.AddRange(["-top", top]);
        return argv;
    }

    /// <summary>
    /// xrun simulating the snapshot of <paramref name="imageDir"/> with DPI (<c>-sv_lib</c>) and VPI
    /// (<c>-loadvpi</c>, at the FileSet's entry point or the usual bootstrap) libraries, arguments, plusargs and
    /// <c>+trace</c> when tracing.
    /// </summary>
    public static IReadOnlyList<string> Run(string imageDir, SimRunOptions o)
    {
        var argv = new List<string> { "xrun", "-64bit", "-R", "-xmlibdirname", Path.Combine(imageDir, LibDir), "-snapshot", Snapshot };
        foreach (var lib in o.DpiLibs) argv.AddRange(["-sv_lib", SimRunOptions.SvLibPath(lib)]);
        foreach (var lib in o.VpiLibs) argv.AddRange(["-loadvpi", lib.WithEntry("vlog_startup_routines_bootstrap")]);
        argv.AddRange(o.Args);
        argv.AddRange(o.Plusargs.Select(p => "+" + p));
        if (o.Trace) argv.Add("+trace");
        return argv;
    }
}

namespace DvFlow.HdlSim.Xsim;

/// <summary>
/// Builds AMD Vivado simulator (xsim) command lines: <c>xvlog --sv --incr</c> compiles the HDL sources into
/// the <c>work</c> library under <c>xsim.dir</c>; <c>xsc</c> compiles C/C++ DPI sources into
/// <c>xsim.dir/work/xsc/dpi.so</c>; <c>xelab --snapshot simv.snap</c> elaborates the top modules into a
/// snapshot, binding DPI libraries; <c>xsim simv.snap --runall</c> simulates it.
/// </summary>
public static class XsimCommandLine
{
    /// <summary>The snapshot name.</summary>
    public const string Snapshot = "simv.snap";

    /// <summary>The directory the tools keep libraries and snapshots in, in the image's run directory.</summary>
    public const string XsimDir = "xsim.dir";

    /// <summary>The DPI library <c>xsc</c> builds by default, as <c>--sv_lib</c> names it.</summary>
    public const string XscLibrary = "dpi";

    /// <summary>xvlog compiling the HDL sources into the work library; <c>--incr</c> skips unchanged files.</summary>
    public static IReadOnlyList<string> Xvlog(SimSources s)
    {
        var argv = new List<string> { "xvlog", "--sv", "--incr" };
        foreach (var d in s.IncDirs) argv.AddRange(["-i", d]);
        foreach (var d in s.Defines) argv.AddRange(["-d", d]);
        argv.AddRange(s.Args);
        argv.AddRange(s.CompArgs);
        argv.AddRange(s.HdlFiles);
        return argv;
    }

    /// <summary>xsc compiling the C/C++ DPI sources into <see cref="XscLibrary"/>.</summary>
    public static IReadOnlyList<string> Xsc(SimSources s) => ["xsc", .. s.CFiles];

    /// <summary>
    /// xelab elaborating the top modules into <see cref="Snapshot"/>: <c>--debug all</c> makes signals visible
    /// when tracing or asked for full access; each DPI library is bound by its directory (<c>--sv_root</c>) and its name without
    /// extension (<c>--sv_lib</c>), and the library xsc built from C sources by its default name.
    /// </summary>
    public static IReadOnlyList<string> Xelab(SimSources s)
    {
        var argv = new List<string> { "xelab", "--snapshot", Snapshot };
        if (s.TraceFormat != "none" || s.PublicAccess) argv.AddRange(["--debug", "all"]);
        argv.AddRange(s.Args);
        argv.AddRange(s.ElabArgs);
        foreach (var lib in s.DpiLibs) argv.AddRange(["--sv_root", Path.GetDirectoryName(lib) ?? "/", "--sv_lib", Path.GetFileNameWithoutExtension(lib)]);
        if (s.CFiles.Count > 0) argv.AddRange(["--sv_lib", XscLibrary]);
        argv.AddRange(s.Top);
        return argv;
    }

    /// <summary>
    /// xsim simulating the snapshot of <paramref name="imageDir"/> to the end, with arguments, plusargs
    /// (<c>--testplusarg</c>, without '+') and <c>--testplusarg trace</c> when tracing.
    /// </summary>
    public static IReadOnlyList<string> Run(string imageDir, SimRunOptions o)
    {
        var argv = new List<string> { "xsim", Snapshot, "--xsimdir", Path.Combine(imageDir, XsimDir), "--runall" };
        argv.AddRange(o.Args);
        foreach (var p in o.Plusargs) argv.AddRange(["--testplusarg", p]);
        if (o.Trace) argv.AddRange(["--testplusarg", "trace"]);
        return argv;
    }

    /// <summary>
    /// LD_LIBRARY_PATH for a run loading <paramref name="dpiLibs"/>: their directories before
    /// <paramref name="existing"/>, so xsim finds the libraries xelab bound by name.
    /// </summary>
    public static string LibraryPath(IEnumerable<string> dpiLibs, string? existing)
    {
        var dirs = dpiLibs.Select(l => Path.GetDirectoryName(l) ?? "/").Distinct(StringComparer.Ordinal).ToList();
        if (!string.IsNullOrEmpty(existing)) dirs.Add(existing);
        return string.Join(Path.PathSeparator, dirs);
    }
}

using DvFlow.TaskApi;

namespace DvFlow.HdlSim;

/// <summary>
/// Gathers SimImage's inputs in order: FileSets by filetype (HDL sources, include-only FileSets, include
/// directories, C/C++ DPI sources, precompiled libraries), hdlsim.SimCompileArgs / SimElabArgs / SuppressWarnings items, then
/// the task's own parameters.
/// </summary>
public static class SimSourceCollector
{
    /// <summary>Collects the sources of <paramref name="input"/>.</summary>
    public static SimSources Collect(TaskDataInput input)
    {
        var s = new SimSources();
        foreach (var item in input.Inputs)
        {
            switch (item.Type)
            {
                case "std.FileSet": AddFileSet(s, item, input.SrcDir); break;
                case "hdlsim.SimCompileArgs":
                    s.CompArgs.AddRange(ArgSplitter.SplitAll(item.GetStrings("args")));
                    foreach (var d in item.GetStrings("incdirs")) s.AddIncDir(Path.GetFullPath(d, input.SrcDir));
                    foreach (var d in item.GetStrings("defines")) s.AddDefine(d);
                    s.Vpi |= IsTrue(item, "vpi");
                    s.PublicAccess |= IsTrue(item, "public_flat_rw");
                    break;
                case "hdlsim.SimElabArgs":
                    s.ElabArgs.AddRange(ArgSplitter.SplitAll(item.GetStrings("args")));
                    s.DpiLibs.AddRange(item.GetStrings("dpilibs").Select(l => Path.GetFullPath(l, input.SrcDir)));
                    s.VpiLibs.AddRange(item.GetStrings("vpilibs").Select(l => new VpiLib(Path.GetFullPath(l, input.SrcDir))));
                    if (item.GetString("trace_fmt") is "vcd" or "fst" && s.TraceFormat == "none") s.TraceFormat = item.GetString("trace_fmt");
                    break;
                case "hdlsim.SuppressWarnings":
                    foreach (var c in item.GetStrings("codes")) s.Suppressed.Add(c);
                    break;
            }
        }
        s.Top.AddRange(input.List("top"));
        s.Args.AddRange(ArgSplitter.SplitAll(input.List("args")));
        s.CompArgs.AddRange(ArgSplitter.SplitAll(input.List("compargs")));
        s.ElabArgs.AddRange(ArgSplitter.SplitAll(input.List("elabargs")));
        foreach (var d in input.List("incdirs")) s.AddIncDir(Path.GetFullPath(d, input.SrcDir));
        foreach (var d in input.List("defines")) s.AddDefine(d);
        foreach (var c in input.List("suppress_warnings")) s.Suppressed.Add(c);
        s.DpiLibs.AddRange(input.List("dpilibs").Select(l => Path.GetFullPath(l, input.SrcDir)));
        s.VpiLibs.AddRange(input.List("vpilibs").Select(l => new VpiLib(Path.GetFullPath(l, input.SrcDir))));
        // A trace parameter without an explicit format asks for FST, the compact format both viewers read.
        if (input.Bool("trace") && s.TraceFormat == "none") s.TraceFormat = "fst";
        s.Timing = !input.Params.ContainsKey("timing") || input.Bool("timing");
        return s;
    }

    private static void AddFileSet(SimSources s, DataItem fs, string srcDir)
    {
        var basedir = Path.GetFullPath(fs.GetString("basedir") is { Length: > 0 } b ? b : ".", srcDir);
        foreach (var d in fs.GetStrings("defines")) s.AddDefine(d);
        var files = fs.GetStrings("files").Select(f => Path.GetFullPath(f, basedir));
        switch (fs.GetString("filetype"))
        {
            case "cSource" or "cppSource":
                s.CFiles.AddRange(files);
                break;
            case "verilogIncDir":
                s.AddIncDir(basedir);
                break;
            case "verilogInclude" or "systemVerilogInclude":
                // Headers are not compiled; their directories are searched. A FileSet without incdirs means its base.
                AddIncDirs(s, fs, basedir, defaultToBase: true);
                break;
            case "simLib":
                // A library compiled by SimLib: its sources are in it; its include directories still serve the image's sources.
                foreach (var lib in files) if (!s.Libs.Contains(lib, StringComparer.Ordinal)) s.Libs.Add(lib);
                AddIncDirs(s, fs, basedir, defaultToBase: false);
                break;
            case "systemVerilogDPI":
                s.DpiLibs.AddRange(files);
                break;
            case "verilogVPI":
                var entry = VpiLib.EntryPointOf(fs.GetStrings("attributes"));
                s.VpiLibs.AddRange(files.Select(f => new VpiLib(f, entry)));
                break;
            case "simDir":
                break;
            default:
                s.HdlFiles.AddRange(files);
                AddIncDirs(s, fs, basedir, defaultToBase: false);
                break;
        }
    }

    private static bool IsTrue(DataItem item, string field) => item.TryGet(field, out var v) && v is true;

    private static void AddIncDirs(SimSources s, DataItem fs, string basedir, bool defaultToBase)
    {
        var incdirs = fs.GetStrings("incdirs");
        if (incdirs.Count == 0 && defaultToBase) s.AddIncDir(basedir);
        foreach (var d in incdirs) s.AddIncDir(Path.GetFullPath(d, basedir));
    }
}

namespace DvFlow.HdlSim.Verilator;

/// <summary>
/// Reads the make-style dependency files Verilator writes (<c>obj_dir/V*__ver.d</c>): generated outputs,
/// a colon, then every input it read, including <c>`include</c>d files and the Verilator binary itself.
/// </summary>
public static class VltDepFile
{
    /// <summary>The input files listed in <paramref name="content"/>, resolved against <paramref name="baseDir"/>.</summary>
    public static IReadOnlyList<string> Parse(string content, string baseDir) => Native.MakeDepFile.Parse(content, baseDir);

    /// <summary>The inputs listed by every dependency file in <c>obj_dir</c> of <paramref name="runDir"/>.</summary>
    public static IReadOnlyList<string> Read(string runDir)
    {
        var objDir = Path.Combine(runDir, "obj_dir");
        if (!Directory.Exists(objDir)) return [];
        return Directory.EnumerateFiles(objDir, "*__ver.d").SelectMany(f => Parse(File.ReadAllText(f), runDir)).Distinct(StringComparer.Ordinal).ToList();
    }
}

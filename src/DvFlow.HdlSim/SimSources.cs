namespace DvFlow.HdlSim;

/// <summary>Everything SimImage gathered from its inputs and parameters, in input order, ready for a command line.</summary>
public sealed record SimSources
{
    /// <summary>HDL source files to compile (absolute paths).</summary>
    public List<string> HdlFiles { get; } = new();
    /// <summary>C and C++ sources (DPI implementations) to compile and link.</summary>
    public List<string> CFiles { get; } = new();
    /// <summary>DPI shared libraries to link (absolute paths).</summary>
    public List<string> DpiLibs { get; } = new();
    /// <summary>VPI shared libraries to load (absolute paths, with their entry points).</summary>
    public List<VpiLib> VpiLibs { get; } = new();
    /// <summary>Include directories (absolute, without duplicates).</summary>
    public List<string> IncDirs { get; } = new();
    /// <summary>Preprocessor defines (NAME or NAME=VALUE).</summary>
    public List<string> Defines { get; } = new();
    /// <summary>Arguments for both compilation and elaboration.</summary>
    public List<string> Args { get; } = new();
    /// <summary>Compile arguments.</summary>
    public List<string> CompArgs { get; } = new();
    /// <summary>Elaboration arguments.</summary>
    public List<string> ElabArgs { get; } = new();
    /// <summary>Precompiled simulator libraries (simLib FileSets from SimLib tasks): absolute library directories.</summary>
    public List<string> Libs { get; } = new();
    /// <summary>Top modules.</summary>
    public List<string> Top { get; } = new();
    /// <summary>Warning codes that produce no diagnostics.</summary>
    public HashSet<string> Suppressed { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Waveform format requested: none, vcd or fst.</summary>
    public string TraceFormat { get; set; } = "none";
    /// <summary>Whether timing constructs are supported.</summary>
    public bool Timing { get; set; } = true;
    /// <summary>Compile for VPI access (an hdlsim.SimCompileArgs item's <c>vpi</c>).</summary>
    public bool Vpi { get; set; }
    /// <summary>Make every signal readable and writable from VPI (an hdlsim.SimCompileArgs item's <c>public_flat_rw</c>).</summary>
    public bool PublicAccess { get; set; }

    /// <summary>Whether the design's signals must stay visible: for a waveform, for VPI code, or on request.</summary>
    public bool Visible => TraceFormat != "none" || Vpi || VpiLibs.Count > 0 || PublicAccess;

    /// <summary>Adds an include directory once.</summary>
    public void AddIncDir(string dir)
    {
        if (!IncDirs.Contains(dir, StringComparer.Ordinal)) IncDirs.Add(dir);
    }

    /// <summary>Adds a define once.</summary>
    public void AddDefine(string define)
    {
        if (!Defines.Contains(define, StringComparer.Ordinal)) Defines.Add(define);
    }
}

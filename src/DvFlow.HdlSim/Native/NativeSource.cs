namespace DvFlow.HdlSim.Native;

/// <summary>One C or C++ source of a DPI or VPI library, with the include directories and defines its FileSet gave it.</summary>
public sealed record NativeSource(string Path, bool Cpp, IReadOnlyList<string> IncDirs, IReadOnlyList<string> Defines);

namespace DvFlow.HdlSim;

/// <summary>The options selecting a simulator's built-in UVM: compile arguments, include directories, elaboration arguments.</summary>
public sealed record UvmOptions(IReadOnlyList<string> CompileArgs, IReadOnlyList<string> IncDirs, IReadOnlyList<string> ElabArgs);

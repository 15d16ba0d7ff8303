namespace DvFlow.HdlSim.RunData;

/// <summary>A run-data file to stage: its absolute <paramref name="Source"/>, its place in the run directory (<paramref name="Destination"/>, relative) and the task that listed it.</summary>
public sealed record RunDataFile(string Source, string Destination, string From);

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// Marks a built-in implementation that writes nothing into its run directory: the runner does not create the
/// directory before running it (the exec data writer creates it with the record), saving a file-system call per
/// task in large flows of light tasks.
/// </summary>
internal interface IWritesNoFiles;

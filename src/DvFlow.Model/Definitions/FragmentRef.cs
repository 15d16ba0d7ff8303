using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Definitions;

/// <summary>An entry of <c>fragments:</c>: a file, or a directory searched for flow files.</summary>
public sealed record FragmentRef(string Path, SourceLocation Location, string ReferencingFile);

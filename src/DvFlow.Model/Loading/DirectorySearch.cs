namespace DvFlow.Model.Loading;

/// <summary>
/// What a search of a directory tree for flow files found: the files, every directory searched, and whether the search
/// stopped at <see cref="FlowLimits.MaxDirectoriesSearched"/> (then <see cref="Files"/> is empty).
/// </summary>
public sealed record DirectorySearch(IReadOnlyList<string> Files, IReadOnlyList<string> Searched, bool LimitReached);

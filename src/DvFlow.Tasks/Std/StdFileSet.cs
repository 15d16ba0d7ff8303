using DvFlow.Model.Expressions;
using DvFlow.TaskApi;
using Microsoft.Extensions.FileSystemGlobbing;

using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Std;

/// <summary>
/// std.FileSet: collects files under <c>base</c> (default: the flow file's directory) matching the
/// <c>include</c> globs and none of the <c>exclude</c> globs, into one std.FileSet of filetype <c>type</c>.
/// Unlike dfm, <c>**</c> matches any number of directories; results are sorted for stable builds.
/// An include pattern that matches nothing is an error, as in dfm.
/// </summary>
[StdTask("std.FileSet")]
public sealed class StdFileSet : ITaskImplementation, IWritesNoFiles, IAlwaysRuns
{
    /// <inheritdoc />
    /// <remarks>Its globs may match new files at any time.</remarks>
    public bool AlwaysRuns(FlowMap parameters) => true;

    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult();
        var baseDir = BaseDir(input.SrcDir, input.Str("base"));
        if (!Directory.Exists(baseDir))
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, $"FileSet base directory '{baseDir}' does not exist"));
            return Task.FromResult(result);
        }
        var files = new List<string>();
        foreach (var unmatched in Match(baseDir, input.List("include"), input.List("exclude"), files))
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, $"Include pattern '{unmatched}' did not match any files in '{baseDir}'"));
        }
        var stamps = files.Select(f => (object?)new object?[] { f, File.GetLastWriteTimeUtc(Path.Combine(baseDir, f)).Ticks }).ToArray();
        var memento = FlowMap.Of(("basedir", baseDir), ("files", stamps));
        result.Changed = input.Changed || input.Memento is null || !FlowValues.ValueEquals(input.Memento, memento);
        result.Memento = memento;
        result.Output.Add(FileSetItem.Create(input.Str("type"), baseDir, files, input.List("incdirs"), input.List("defines"), input.List("attributes")));
        return Task.FromResult(result);
    }

    /// <summary>
    /// Adds the files under <paramref name="baseDir"/> (relative, '/'-separated, each pattern's matches sorted, first match
    /// first) that an include pattern matches and no exclude pattern does, to <paramref name="files"/>; returns the include
    /// patterns that matched nothing.
    /// </summary>
    public static IReadOnlyList<string> Match(string baseDir, IReadOnlyList<string> includes, IReadOnlyList<string> excludes, List<string> files)
    {
        var unmatched = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in includes.Where(p => p.Trim().Length > 0))
        {
            var m = new Matcher(StringComparison.Ordinal);
            m.AddInclude(pattern.Trim());
            m.AddExcludePatterns(excludes);
            var matched = m.GetResultsInFullPath(baseDir).Select(f => Path.GetRelativePath(baseDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            if (matched.Count == 0 && !IsExcludedLiteral(pattern, excludes)) unmatched.Add(pattern);
            foreach (var f in matched)
                if (seen.Add(f)) files.Add(f);
        }
        return unmatched;
    }

    /// <summary>The base directory of a FileSet with parameter <c>base</c> declared in <paramref name="srcDir"/>.</summary>
    public static string BaseDir(string srcDir, string baseParam)
        => (baseParam.Trim().Length == 0 ? srcDir : Path.GetFullPath(Path.Combine(srcDir, baseParam.Trim()))).TrimEnd(Path.DirectorySeparatorChar);

    private static bool IsExcludedLiteral(string pattern, IReadOnlyList<string> excludes) => excludes.Contains(pattern);
}

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
public sealed class StdFileSet : ITaskImplementation, IWritesNoFiles
{
    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var result = new TaskDataResult();
        var baseParam = input.Str("base").Trim();
        var baseDir = baseParam.Length == 0 ? input.SrcDir : Path.GetFullPath(Path.Combine(input.SrcDir, baseParam));
        baseDir = baseDir.TrimEnd(Path.DirectorySeparatorChar);
        if (!Directory.Exists(baseDir))
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, $"FileSet base directory '{baseDir}' does not exist"));
            return Task.FromResult(result);
        }
        var excludes = input.List("exclude");
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in input.List("include").Where(p => p.Trim().Length > 0))
        {
            var m = new Matcher(StringComparison.Ordinal);
            m.AddInclude(pattern.Trim());
            m.AddExcludePatterns(excludes);
            var matched = m.GetResultsInFullPath(baseDir).Select(f => Path.GetRelativePath(baseDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            if (matched.Count == 0 && !IsExcludedLiteral(pattern, excludes))
            {
                result.Status = 1;
                result.Markers.Add(new TaskMarker(MarkerSeverity.Error, $"Include pattern '{pattern}' did not match any files in '{baseDir}'"));
                continue;
            }
            foreach (var f in matched)
                if (seen.Add(f)) files.Add(f);
        }
        var stamps = files.Select(f => (object?)new object?[] { f, File.GetLastWriteTimeUtc(Path.Combine(baseDir, f)).Ticks }).ToArray();
        var memento = FlowMap.Of(("basedir", baseDir), ("files", stamps));
        result.Changed = input.Changed || input.Memento is null || !FlowValues.ValueEquals(input.Memento, memento);
        result.Memento = memento;
        result.Output.Add(FileSetItem.Create(input.Str("type"), baseDir, files, input.List("incdirs"), input.List("defines"), input.List("attributes")));
        return Task.FromResult(result);
    }

    private static bool IsExcludedLiteral(string pattern, IReadOnlyList<string> excludes) => excludes.Contains(pattern);
}

using DvFlow.Model.Dataflow;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;
using Microsoft.Extensions.FileSystemGlobbing;

using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Std;

/// <summary>
/// std.SetEnv: outputs one std.Env item (<c>vals</c>, <c>append_path</c>, <c>prepend_path</c>) that the
/// direct dependents' processes see. Values with glob characters are expanded relative to the flow
/// file's directory (several matches are joined with the path separator), as in dfm.
/// </summary>
[StdTask("std.SetEnv")]
public sealed class StdSetEnv : ITaskImplementation, IWritesNoFiles
{
    /// <summary>The std.Env type name.</summary>
    public const string EnvType = "std.Env";

    /// <inheritdoc />
    public Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var vals = Resolve(input.Map("setenv"), input.SrcDir);
        var append = Resolve(input.Map("append_path"), input.SrcDir);
        var prepend = Resolve(input.Map("prepend_path"), input.SrcDir);
        var item = new DataItem(EnvType, null, -1, FlowMap.Of(("vals", vals), ("append_path", append), ("prepend_path", prepend)));
        var memento = item.Fields;
        var result = new TaskDataResult
        {
            Changed = input.Changed || input.Memento is null || !FlowValues.ValueEquals(input.Memento, memento),
            Memento = memento,
        };
        result.Output.Add(item);
        return Task.FromResult(result);
    }

    private static FlowMap Resolve(IReadOnlyDictionary<string, object?> map, string srcdir)
        => new(map.Select(kv => new KeyValuePair<string, object?>(kv.Key, Expand(FlowValues.ToDisplayString(kv.Value), srcdir))));

    private static string Expand(string value, string srcdir)
    {
        if (value.IndexOfAny(['*', '?', '[']) < 0) return value;
        var root = Path.IsPathRooted(value) ? Path.GetPathRoot(value)! : srcdir;
        var pattern = Path.IsPathRooted(value) ? Path.GetRelativePath(root, value) : value;
        var m = new Matcher();
        m.AddInclude(pattern);
        var files = m.GetResultsInFullPath(root).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            // Directories are matched too, as dfm's glob does.
            files = Directory.Exists(root)
                ? Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)
                    .Where(d => MatchesDir(pattern, Path.GetRelativePath(root, d))).Order(StringComparer.Ordinal).ToList()
                : [];
        }
        return files.Count == 0 ? value : string.Join(Path.PathSeparator, files);
    }

    private static bool MatchesDir(string pattern, string relative)
    {
        var m = new Matcher();
        m.AddInclude(pattern);
        return m.Match(relative).HasMatches;
    }
}

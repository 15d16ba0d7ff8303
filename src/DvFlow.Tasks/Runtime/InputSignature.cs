using System.Security.Cryptography;
using System.Text;
using DvFlow.Model.Dataflow;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// A digest of everything a task reads: each input item's content, and for items naming files
/// (FileSet files and include directories' headers are not listed) each file's size and modification
/// time. Equal digests mean the task would see the same inputs.
/// </summary>
public static class InputSignature
{
    /// <summary>Computes the digest of <paramref name="items"/>.</summary>
    public static string Compute(IEnumerable<DataItem> items)
    {
        if (items is IReadOnlyCollection<DataItem> { Count: 0 }) return Empty;
        var sb = new StringBuilder();
        foreach (var item in items)
        {
            sb.Append(FlowValues.ToJson(item.ToMap())).Append('\n');
            foreach (var file in FilesOf(item))
            {
                var fi = new FileInfo(file);
                sb.Append(file).Append('|');
                if (fi.Exists) sb.Append(fi.Length).Append('|').Append(fi.LastWriteTimeUtc.Ticks);
                else sb.Append("missing");
                sb.Append('\n');
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()))).ToLowerInvariant();
    }

    // Most tasks of a large flow have no inputs; this is the digest of nothing.
    private static readonly string Empty = Convert.ToHexString(SHA256.HashData([])).ToLowerInvariant();

    /// <summary>The absolute paths of the files an item names (FileSet: basedir + files).</summary>
    public static IEnumerable<string> FilesOf(DataItem item)
    {
        var files = item.GetStrings("files");
        if (files.Count == 0) yield break;
        var basedir = item.GetString("basedir");
        foreach (var f in files)
            yield return Path.IsPathRooted(f) || basedir.Length == 0 ? f : Path.Combine(basedir, f);
    }
}

using System.Collections.Concurrent;
using DvFlow.Model.Values;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// Reads and writes exec data. Writes go to a temporary file that is renamed over the record, so an
/// interrupted build never leaves a half-written record. Reads are cached by path and timestamp for the
/// life of the store (one per build and process).
/// </summary>
public sealed class ExecDataStore
{
    private readonly ConcurrentDictionary<string, (DateTime Stamp, ExecData? Data)> _cache = new(StringComparer.Ordinal);

    /// <summary>The record's path.</summary>
    public static string PathOf(string runDir, string name) => Path.Combine(runDir, ExecData.FileName(name));

    /// <summary>The record, or null when missing or unreadable.</summary>
    public ExecData? Read(string runDir, string name)
    {
        var path = PathOf(runDir, name);
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        var stamp = info.LastWriteTimeUtc;
        if (_cache.TryGetValue(path, out var hit) && hit.Stamp == stamp) return hit.Data;
        ExecData? data = null;
        try
        {
            if (JsonValues.TryParse(File.ReadAllText(path), out var v)) data = ExecData.FromMap(v);
        }
        catch (IOException) { }
        _cache[path] = (stamp, data);
        return data;
    }

    /// <summary>Writes the record atomically.</summary>
    public void Write(ExecData data)
    {
        Directory.CreateDirectory(data.RunDir);
        var path = PathOf(data.RunDir, data.Name);
        var tmp = path + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(tmp, JsonValues.Serialize(data.ToMap(), indented: true) + "\n");
        File.Move(tmp, path, overwrite: true);
        _cache[path] = (new FileInfo(path).LastWriteTimeUtc, data);
    }

    /// <summary>Removes the record before a task runs, so that a crash mid-run cannot leave an old "done" record.</summary>
    public void Invalidate(string runDir, string name)
    {
        var path = PathOf(runDir, name);
        _cache.TryRemove(path, out _);
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

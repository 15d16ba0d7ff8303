using System.Collections.Concurrent;
using DvFlow.Model.Values;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// Reads and writes exec data. Writes go to a temporary file that is renamed over the record, so an
/// interrupted build never leaves a half-written record. Reads are cached by path and timestamp for the
/// life of the store (one per build and process).
/// </summary>
/// <remarks>
/// With <c>writeBehind</c>, records are written by a background thread while the build goes on (creating a
/// file costs 0.1–1 ms on a busy disk, as much as running a light task), and readers of this store see them at
/// once. <see cref="Dispose"/> (MSBuild disposes the store when the build ends) waits for the writes. A record that is not yet written when the process dies is simply missing: the task runs again
/// next time, which is the safe direction.
/// </remarks>
public sealed class ExecDataStore(bool writeBehind = false) : IDisposable
{
    private readonly ConcurrentDictionary<string, (DateTime Stamp, ExecData? Data)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExecData> _pending = new(StringComparer.Ordinal);
    private readonly BlockingCollection<string> _queue = new();
    private readonly object _io = new();
    private Thread? _writer;
    private Exception? _writeError;

    /// <summary>The record's path.</summary>
    public static string PathOf(string runDir, string name) => Path.Combine(runDir, ExecData.FileName(name));

    /// <summary>The record, or null when missing or unreadable.</summary>
    public ExecData? Read(string runDir, string name)
    {
        var path = PathOf(runDir, name);
        if (_pending.TryGetValue(path, out var pending)) return pending;
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        var stamp = info.LastWriteTimeUtc;
        if (_cache.TryGetValue(path, out var hit) && hit.Stamp == stamp) return hit.Data;
        ExecData? data = null;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
            data = ExecData.FromJson(doc.RootElement);
        }
        catch (IOException) { }
        catch (System.Text.Json.JsonException) { }
        _cache[path] = (stamp, data);
        return data;
    }

    /// <summary>
    /// Records <paramref name="data"/>: at once when <paramref name="durable"/> (other processes must see it, e.g. before
    /// a cross-process lock is released) or the store does not write behind; otherwise on the writer thread.
    /// </summary>
    public void Write(ExecData data, bool durable = false)
    {
        var path = PathOf(data.RunDir, data.Name);
        if (!writeBehind || durable)
        {
            lock (_io)
            {
                _pending.TryRemove(path, out _);
                WriteFile(path, data);
            }
            return;
        }
        _pending[path] = data;
        lock (_queue) _writer ??= StartWriter();
        _queue.Add(path);
    }

    /// <summary>Removes the record before a task runs, so that a crash mid-run cannot leave an old "done" record.</summary>
    public void Invalidate(string runDir, string name)
    {
        var path = PathOf(runDir, name);
        lock (_io)
        {
            _pending.TryRemove(path, out _);
            _cache.TryRemove(path, out _);
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The first background write that failed since the last call, or null; the caller reports it.</summary>
    public Exception? TakeWriteError() => Interlocked.Exchange(ref _writeError, null);

    /// <summary>Writes every pending record now (before another process may read them).</summary>
    public void Flush()
    {
        lock (_io)
        {
            foreach (var (path, data) in _pending) WritePending(path, data);
        }
    }

    /// <summary>Writes what is pending and stops the writer.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _writer?.Join();
    }

    private Thread StartWriter()
    {
        var t = new Thread(WriteLoop) { IsBackground = true, Name = "DvFlow exec data writer" };
        t.Start();
        return t;
    }

    private void WriteLoop()
    {
        foreach (var path in _queue.GetConsumingEnumerable())
        {
            lock (_io)
            {
                // Written (or invalidated) since it was queued: nothing to do, or a newer record to write.
                if (_pending.TryGetValue(path, out var data)) WritePending(path, data);
            }
        }
    }

    // Under _io: a failed write is reported once (TakeWriteError); the task then runs again next time.
    private void WritePending(string path, ExecData data)
    {
        try { WriteFile(path, data); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { Interlocked.CompareExchange(ref _writeError, ex, null); }
        _pending.TryRemove(new KeyValuePair<string, ExecData>(path, data));
    }

    private void WriteFile(string path, ExecData data)
    {
        Directory.CreateDirectory(data.RunDir);
        var tmp = path + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(tmp, JsonValues.Serialize(data.ToMap(), indented: true) + "\n");
        File.Move(tmp, path, overwrite: true);
        _cache[path] = (new FileInfo(path).LastWriteTimeUtc, data);
    }
}

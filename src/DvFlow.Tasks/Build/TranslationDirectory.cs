using System.Security.Cryptography;
using System.Text;
using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Build;

/// <summary>
/// One translation of a flow on disk (<c>obj/dvflow/</c>, or a subdirectory per config and overrides): the generated
/// targets, the plan, the manifest of what translation read (<c>flow.inputs</c>) and the stamp (<c>flow.stamp</c>:
/// the settings fingerprint and the translation's id, written last, so a missing stamp means "not translated").
/// </summary>
internal sealed class TranslationDirectory(string path)
{
    public string Path { get; } = path;
    public string Targets => System.IO.Path.Combine(Path, "flow.g.targets");
    public string Plan => System.IO.Path.Combine(Path, FlowPlanJson.FileName);
    public string Stamp => System.IO.Path.Combine(Path, "flow.stamp");
    public string Manifest => System.IO.Path.Combine(Path, "flow.inputs");

    /// <summary>
    /// The id of the translation held here when it is current for <paramref name="fingerprint"/>: its stamp records
    /// that fingerprint and nothing it read (flow files, fragment directories, generator inputs) changed since. Else null.
    /// </summary>
    public string? CurrentId(string fingerprint)
    {
        if (!File.Exists(Stamp) || !File.Exists(Manifest) || !File.Exists(Targets) || !File.Exists(Plan)) return null;
        string[] stamp;
        try { stamp = File.ReadAllLines(Stamp); }
        catch (IOException) { return null; }
        if (stamp.Length < 2 || stamp[0] != fingerprint) return null;
        var time = File.GetLastWriteTimeUtc(Stamp);
        foreach (var line in File.ReadLines(Manifest))
        {
            if (line.Length < 3) continue;
            var p = line[2..];
            var current = line[0] switch
            {
                'F' => File.Exists(p) && File.GetLastWriteTimeUtc(p) <= time,
                'D' => Directory.Exists(p) && Directory.GetLastWriteTimeUtc(p) <= time,
                'M' => !File.Exists(p) && !Directory.Exists(p),
                _ => true,
            };
            if (!current) return null;
        }
        return stamp[1];
    }

    /// <summary>The id a translation gets: a digest of everything the generated files are made of.</summary>
    public static string IdOf(string planText, string fingerprint, IEnumerable<string> parts)
    {
        var sb = new StringBuilder(fingerprint).Append('\n');
        foreach (var p in parts) sb.Append(p).Append('\n');
        sb.Append(planText);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16].ToLowerInvariant();
    }

    /// <summary>
    /// Writes a translation: plan and targets only where their content changed (so MSBuild's caches stay warm), then the
    /// manifest, then the stamp. Each file is replaced atomically, so concurrent translations never leave a torn file.
    /// </summary>
    /// <returns>Whether the plan or the targets changed.</returns>
    public bool Write(string planText, string targetsText, IEnumerable<string> inputs, string fingerprint, string id)
    {
        Directory.CreateDirectory(Path);
        Remove(Stamp);
        var wrotePlan = WriteIfChanged(Plan, planText);
        var wroteTargets = WriteIfChanged(Targets, targetsText);
        Replace(Manifest, string.Join("\n", inputs.Select(ManifestLine)) + "\n");
        Replace(Stamp, fingerprint + "\n" + id + "\n");
        return wrotePlan || wroteTargets;
    }

    /// <summary>Removes the generated files after a failed translation, so that no stale graph can run.</summary>
    public void Clear()
    {
        foreach (var f in (string[])[Stamp, Targets, Plan]) Remove(f);
    }

    // F: a file read; D: a directory searched (its time changes when entries come or go); M: a path looked for and not found.
    private static string ManifestLine(string path)
    {
        if (path.EndsWith(System.IO.Path.DirectorySeparatorChar)) return "D " + path.TrimEnd(System.IO.Path.DirectorySeparatorChar);
        return (File.Exists(path) ? "F " : path.StartsWith('<') ? "B " : "M ") + path;
    }

    private static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content) return false;
        Replace(path, content);
        return true;
    }

    private static void Replace(string path, string content)
    {
        var tmp = path + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(tmp, content);
        File.Move(tmp, path, overwrite: true);
    }

    private static void Remove(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }
}

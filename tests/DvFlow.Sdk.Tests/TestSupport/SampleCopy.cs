namespace DvFlow.Sdk.Tests.TestSupport;

/// <summary>A copy of a sample folder as a test project, its project file pinned to the packed SDK version.</summary>
public static class SampleCopy
{
    /// <summary>Copies samples/<paramref name="sample"/> (without rundir/ and obj/) into a new <see cref="FlowProject"/>.</summary>
    public static FlowProject Create(SdkFeed feed, string sample)
    {
        var src = Path.Combine(feed.RepoRoot, "samples", sample);
        var p = new FlowProject(feed, "");
        foreach (var f in Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(src, f);
            // Build products of the sample (and of its C# projects) are not part of it.
            if (rel.Split(Path.DirectorySeparatorChar).Any(part => part is "rundir" or "obj" or "bin" or "feed")) continue;
            var dest = Path.Combine(p.Dir, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(f, dest, overwrite: true);
        }
        var proj = Directory.EnumerateFiles(p.Dir, "*.proj").First(f => f != p.ProjectFile);
        File.Delete(p.ProjectFile);
        File.WriteAllText(p.ProjectFile, File.ReadAllText(proj).Replace("Sdk=\"DvFlow.Sdk\"", $"Sdk=\"DvFlow.Sdk/{feed.Version}\""));
        File.Delete(proj);
        return p;
    }
}

namespace DvFlow.Sdk.Tests.TestSupport;

/// <summary>
/// A repository of several projects in a temporary directory, as users lay one out: a nuget.config naming the test feed and
/// a global.json pinning DvFlow.Sdk, so flow projects are the documented two lines <c>&lt;Project Sdk="DvFlow.Sdk" /&gt;</c>.
/// </summary>
public sealed class TestRepository : IDisposable
{
    private readonly SdkFeed _feed;

    public TestRepository(SdkFeed feed)
    {
        _feed = feed;
        Dir = Path.Combine(feed.Root, "r" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Dir);
        feed.WriteNuGetConfig(Dir);
        Write("global.json", "{\"msbuild-sdks\": {\"DvFlow.Sdk\": \"" + feed.Version + "\"}}\n");
    }

    public string Dir { get; }

    /// <summary>A copy of samples/<paramref name="sample"/> (without build products) as a repository using the packed SDK.</summary>
    public static TestRepository FromSample(SdkFeed feed, string sample)
    {
        var repo = new TestRepository(feed);
        var src = Path.Combine(feed.RepoRoot, "samples", sample);
        foreach (var f in Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(src, f);
            if (rel.Split(Path.DirectorySeparatorChar).Any(part => part is "rundir" or "obj" or "bin" or "TestResults")) continue;
            var dest = Path.Combine(repo.Dir, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(f, dest, overwrite: true);
        }
        return repo;
    }

    /// <summary>Environment variables every command gets.</summary>
    public Dictionary<string, string> Environment { get; } = new();

    public string Write(string relative, string content)
    {
        var full = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content.ReplaceLineEndings("\n"));
        return full;
    }

    public string Path_(string relative) => Path.Combine(Dir, relative);

    /// <summary>A flow project <paramref name="dir"/>/<paramref name="dir"/>.proj with the given flow file and project body.</summary>
    public string FlowProject(string dir, string flowYaml, string body = "")
    {
        Write(Path.Combine(dir, "flow.yaml"), flowYaml);
        var name = Path.GetFileName(dir);
        return Write(Path.Combine(dir, name + ".proj"), body.Length == 0 ? "<Project Sdk=\"DvFlow.Sdk\" />\n" : $"<Project Sdk=\"DvFlow.Sdk\">\n{body}\n</Project>\n");
    }

    /// <summary>A C# class library <paramref name="dir"/>/<paramref name="dir"/>.csproj with the given extra project content.</summary>
    public string ClassLibrary(string dir, string body = "")
    {
        var name = Path.GetFileName(dir);
        Write(Path.Combine(dir, "Class1.cs"), $"namespace {name}; public static class Class1 {{ public const int Answer = 42; }}\n");
        return Write(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            {body}
            </Project>
            """);
    }

    /// <summary>Runs a dotnet command in the repository (or in <paramref name="cwd"/> below it).</summary>
    public ProcessResult Dotnet(params string[] args) => DotnetIn("", args);

    public ProcessResult DotnetIn(string cwd, params string[] args)
        => TestSupport.Dotnet.Run(Path.Combine(Dir, cwd), args, new Dictionary<string, string>(Environment) { ["NUGET_PACKAGES"] = _feed.Packages }, TimeSpan.FromMinutes(10));

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

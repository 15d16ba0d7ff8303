using System.Diagnostics;

namespace DvFlow.Sdk.Tests.TestSupport;

/// <summary>
/// Packs DvFlow.Sdk (with DvFlow.TaskApi and the DvFlow.HdlSim plugin) once per test run into a private feed, with a version unique to the run so that
/// no NuGet cache can serve an older build, and a private NuGet packages folder.
/// </summary>
public sealed class SdkFeed : IDisposable
{
    public SdkFeed()
    {
        RepoRoot = RepositoryRoot.Find();
        Root = Path.Combine(Path.GetTempPath(), "dvflow-sdk-tests", DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + Guid.NewGuid().ToString("N")[..6]);
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Version = "0.1.0-t" + DateTime.UtcNow.ToString("MMddHHmmss");
        var config = Environment.GetEnvironmentVariable("DVFLOW_TEST_CONFIGURATION") ?? BuildConfiguration;
        foreach (var project in Packages_)
        {
            var r = Dotnet.Run(RepoRoot, ["pack", Path.Combine(RepoRoot, "src", project, project + ".csproj"), "-c", config, "-o", Feed, $"-p:Version={Version}", "-nologo"], null, TimeSpan.FromMinutes(10));
            if (r.ExitCode != 0) throw new InvalidOperationException($"packing {project} failed:\n" + r.Output);
        }
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    /// <summary>The packages 'dotnet pack' produces at the repository root: the SDK, the task API and the hdlsim plugin.</summary>
    private static readonly string[] Packages_ = ["DvFlow.Sdk", "DvFlow.TaskApi", "DvFlow.HdlSim"];

    public string RepoRoot { get; }
    public string Root { get; }
    public string Feed { get; }
    public string Packages { get; }
    public string Version { get; }

    /// <summary>Writes a nuget.config into <paramref name="dir"/> whose only source is this feed.</summary>
    public void WriteNuGetConfig(string dir) => File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="dvflow-test" value="{Feed}" />
          </packageSources>
        </configuration>
        """);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class SdkCollection : ICollectionFixture<SdkFeed>
{
    public const string Name = "sdk";
}

using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DvFlow.Model.Tests.Fuzz;
using DvFlow.Sdk.Tests.TestSupport;
using Xunit.Abstractions;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>
/// Hundreds of mutated flows (the samples' and the model fuzz fixture's flow files, mutated as in the model's fuzz test:
/// deletions, duplications, type swaps, random bytes, deep nesting, aliases) through one real, memory-capped
/// <c>dotnet build</c> of a traversal project that builds one project per mutant in parallel: no build may crash
/// (MSB4018, a stack trace, out of memory) or hang, and every error must name a user file with a DVF code (or, for inline
/// C#, the compiler's CS code at the task's line).
/// </summary>
[Collection(SdkCollection.Name)]
public partial class EndToEndFuzzTests(SdkFeed feed, ITestOutputHelper output)
{
    // The flows mutated, as (folder under the repository, the flow files in it that mutations edit, the package map its
    // imports resolve with: the hdlsim packages, or the model fuzz fixture's stand-ins for them that the fixture was written against).
    private static readonly (string Folder, string[] Files, string Map)[] Sources =
    [
        ("samples/hello", ["flow.yaml"], "packages.map"),
        ("samples/dataflow", ["flow.yaml"], "packages.map"),
        ("samples/counter", ["flow.yaml"], "packages.map"),
        ("samples/regression", ["flow.yaml"], "packages.map"),
        ("samples/dpi", ["flow.yaml"], "packages.map"),
        ("samples/repo/ips/fifo", ["flow.yaml"], "packages.map"),
        ("samples/repo/ips/soc", ["flow.yaml"], "packages.map"),
        ("tests/DvFlow.Model.Tests/Fuzz/Samples/soc", ["flow.yaml", "rtl/flow.yaml", "tb/flow.yaml", "ip/uart/flow.yaml", "tests/smoke/flow.yaml", "tests/regress/flow.yaml"], "fixture.map"),
    ];

    [GeneratedRegex(@"^\s*(?<file>/[^()]+?)(\((?<line>\d+),(?<col>\d+)\))? ?: error (?<code>[A-Z]+\d+): (?<msg>.*?)( \[(?<proj>[^\]]+)\])?$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"/(?<m>m\d{3})/")]
    private static partial Regex MutantDir();

    [Fact]
    public void MutatedFlowsBuildOrFailWithLocatedErrorsNeverCrashOrHang()
    {
        // DVFLOW_E2E_FUZZ_SEED / DVFLOW_E2E_FUZZ_MUTANTS explore further; the defaults keep the test deterministic and within its time budget.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DVFLOW_E2E_FUZZ_SEED"), out var s) ? s : 20261204;
        var count = int.TryParse(Environment.GetEnvironmentVariable("DVFLOW_E2E_FUZZ_MUTANTS"), out var n) ? n : 300;
        var rng = new Random(seed);
        var root = Path.Combine(feed.Root, "fuzz" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            WriteSharedFiles(root);
            var mutations = new Dictionary<string, string>(StringComparer.Ordinal);
            // The first mutant of each source is left unmutated, to show what the harness does with a good flow: m000
            // (samples/hello) must build; the simulator samples fail at their first simulator task (no plugin implementations).
            for (var i = 0; i < count; i++)
            {
                var (folder, files, map) = Sources[i % Sources.Length];
                var dir = Path.Combine(root, $"m{i:D3}");
                CopyFolder(Path.Combine(feed.RepoRoot, folder), dir);
                File.WriteAllText(Path.Combine(dir, "flow.proj"), $"""
                    <Project Sdk="DvFlow.Sdk/{feed.Version}">
                      <ItemGroup><DvFlowPackageMap Include="../{map}" /></ItemGroup>
                    </Project>
                    """);
                if (i < Sources.Length)
                {
                    mutations[$"m{i:D3}"] = $"{folder}: unmutated";
                    continue;
                }
                var desc = new StringBuilder(folder + ":");
                var rounds = rng.Next(10) < 7 ? 1 : rng.Next(2, 4);
                for (var r = 0; r < rounds; r++)
                {
                    var file = files[rng.Next(files.Length)];
                    var path = Path.Combine(dir, file);
                    File.WriteAllText(path, Mutator.Mutate(File.ReadAllText(path), rng, out var what));
                    desc.Append($" [{file}: {what}]");
                }
                mutations[$"m{i:D3}"] = desc.ToString();
            }

            var clock = Stopwatch.StartNew();
            var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.Packages };
            var result = Dotnet.RunCapped(root, ["build", "dirs.proj", "--no-restore", "-m:2", "-nologo", "-v:m", "-clp:NoSummary"], env, TimeSpan.FromMinutes(10));
            clock.Stop();

            var problems = new List<string>();
            foreach (var marker in (string[])["MSB4018", "MSB4166", "MSB4015", "Unhandled exception", "OutOfMemory", "Out of memory", "   at "])
                foreach (var line in result.Output.Split('\n').Where(l => l.Contains(marker, StringComparison.Ordinal)).Take(3))
                    problems.Add($"'{marker}': {line.Trim()}");

            var rejected = new HashSet<string>(StringComparer.Ordinal);
            var firstError = new Dictionary<string, string>(StringComparer.Ordinal);
            var codes = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var errorLines = result.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
            foreach (var line in errorLines)
            {
                var m = ErrorLine().Match(line.TrimEnd('\r'));
                var file = m.Success ? m.Groups["file"].Value.Trim() : "";
                // Every error names a user file under a mutant (never a generated or SDK file) with a DVF code, or the C#
                // compiler's code for inline C# (shell: csharp), which it reports at the task's line.
                var code = m.Success ? m.Groups["code"].Value : "";
                if (!m.Success || !(code.StartsWith("DVF", StringComparison.Ordinal) || code.StartsWith("CS", StringComparison.Ordinal)) || !file.StartsWith(root, StringComparison.Ordinal)
                    || file.EndsWith(".targets", StringComparison.Ordinal) || file.EndsWith(".props", StringComparison.Ordinal) || MutantDir().Match(file) is not { Success: true } dir)
                {
                    problems.Add($"unlocated error: {line.Trim()}");
                    continue;
                }
                rejected.Add(dir.Groups["m"].Value);
                firstError.TryAdd(dir.Groups["m"].Value, $"{m.Groups["code"].Value}: {m.Groups["msg"].Value}");
                codes[m.Groups["code"].Value] = codes.GetValueOrDefault(m.Groups["code"].Value) + 1;
            }

            output.WriteLine($"{count} mutants (seed {seed}) in {clock.Elapsed.TotalSeconds:F0} s: {count - rejected.Count} built, {rejected.Count} rejected with located errors, {problems.Count} problems");
            output.WriteLine("errors by code: " + string.Join(", ", codes.Select(kv => $"{kv.Key} x{kv.Value}")));
            foreach (var (mutant, what) in mutations.Take(Sources.Length + 12))
                output.WriteLine($"{mutant} {what} -> {(firstError.TryGetValue(mutant, out var err) ? err : "built")}");
            foreach (var p in problems.Take(10))
            {
                var which = MutantDir().Match(p) is { Success: true } d ? " <- " + mutations[d.Groups["m"].Value] : "";
                output.WriteLine("PROBLEM " + p + which);
            }

            Assert.True(problems.Count == 0, $"{problems.Count} problems, first: {string.Join("\n", problems.Take(5))}\n--- output tail:\n{Tail(result.Output)}");
            Assert.False(rejected.Contains("m000"), $"the unmutated sample must build:\n{Tail(result.Output)}");
            Assert.True(rejected.Count > count / 4, $"the mutations should break many of the flows ({rejected.Count} of {count} broke)");
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];

    // The traversal project, the feed, and the packages the samples import: the hdlsim packages and an unmutated copy of
    // the repo sample's fifo IP.
    private void WriteSharedFiles(string root)
    {
        feed.WriteNuGetConfig(root);
        File.WriteAllText(Path.Combine(root, "dirs.proj"), """
            <Project>
              <ItemGroup>
                <Mutant Include="m*/flow.proj" />
              </ItemGroup>
              <Target Name="Build">
                <MSBuild Projects="@(Mutant)" Targets="Build" BuildInParallel="true" ContinueOnError="ErrorAndContinue" />
              </Target>
            </Project>
            """);
        // The hdlsim packages' own flow files, without the plugin's implementations: translation sees the real task
        // definitions, and a simulator task that is reached fails with a located error instead of running a simulator.
        var map = new StringBuilder();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(feed.RepoRoot, "src/DvFlow.HdlSim/Packages")).Order(StringComparer.Ordinal))
        {
            CopyFolder(dir, Path.Combine(root, "packages", Path.GetFileName(dir)));
            map.Append($"{Path.GetFileName(dir)}: packages/{Path.GetFileName(dir)}/flow.yaml\n");
        }
        CopyFolder(Path.Combine(feed.RepoRoot, "samples/repo/ips/fifo"), Path.Combine(root, "packages/fifo"));
        map.Append("fifo: packages/fifo/flow.yaml\n");
        File.WriteAllText(Path.Combine(root, "packages.map"), map.ToString());
        var fixtures = Path.Combine(feed.RepoRoot, "tests/DvFlow.Model.Tests/Fuzz/Samples");
        CopyFolder(Path.Combine(fixtures, "hdlsim"), Path.Combine(root, "fixture/hdlsim"));
        CopyFolder(Path.Combine(fixtures, "hdlsim_vlt"), Path.Combine(root, "fixture/hdlsim_vlt"));
        File.WriteAllText(Path.Combine(root, "fixture.map"), "hdlsim: fixture/hdlsim/flow.dv\nhdlsim.vlt: fixture/hdlsim_vlt/flow.dv\n");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, f);
            if (rel.Split(Path.DirectorySeparatorChar).Any(part => part is "rundir" or "obj" or "bin") || rel.EndsWith(".proj", StringComparison.Ordinal)) continue;
            var dest = Path.Combine(to, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(f, dest, overwrite: true);
        }
    }
}

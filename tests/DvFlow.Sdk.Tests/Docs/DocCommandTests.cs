using System.Text.RegularExpressions;
using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Docs;

/// <summary>
/// Every command README.md and docs/ show works when pasted into bash as printed: each runs with <c>bash -c</c> in a copy of
/// samples/ laid out as in the repository (its nuget.config naming the test feed instead of artifacts/packages), in the
/// sample its text is about. <c>samples/run.sh NAME ARGS</c> runs what the script runs once the SDK is packed: the sample's
/// prepare.sh, then <c>dotnet build ARGS</c> in its folder (File.Copy keeps the script's execute bit). A command that cannot run here is listed in
/// <see cref="NotRunHere"/> with the test that covers it instead; a new command in the docs that is neither runnable nor
/// listed fails the test.
/// </summary>
[Collection(SdkCollection.Name)]
public partial class DocCommandTests(SdkFeed feed)
{
    /// <summary>Commands the docs show that this test does not run, and why.</summary>
    private static readonly Dictionary<string, string> NotRunHere = new()
    {
        ["samples/run.sh NAME [dotnet build args]"] = "the script's synopsis, not a command",
        ["dotnet test DvFlow.sln -c Release"] = "the test suite this test is part of",
        ["dotnet test repo.slnx --logger trx --logger \"junit;LogFileName={assembly}.xml\""] = "samples/repo's Verilator builds of two IPs; RepoSampleTests runs it (with TRX and JUnit files, parsed) in a fresh clone of samples/repo",
        ["dotnet test dirs.proj"] = "samples/repo's traversal project; RepoSampleTests runs dotnet test dirs.proj (with TRX and JUnit files, parsed) in a fresh clone",
        ["dotnet pack -c Release -o artifacts/packages"] = "packs the repository's own packages into the checkout; SdkFeed packs each package the same way before any test",
        ["dotnet pack"] = "packing a plugin: samples/run.sh plugin (run here) packs the sample plugin with its prepare.sh",
        ["dotnet build -p:Config=vcs"] = "needs Synopsys VCS; CommercialSimulatorFlowTests runs the same config switch against a fake vcs",
    };

    /// <summary>
    /// What a command's output must show, and must not, where working without complaint does not prove it does what the
    /// docs say (a filter that silently filters nothing).
    /// </summary>
    private static readonly Dictionary<string, (string Shows, string Lacks)> Expected = new()
    {
        // samples/counter: the two FileSets produce systemVerilogSource; the image produces a simulation image.
        ["dotnet build -t:DvFlowShow -p:DvFlowProduces=\"type=std.FileSet filetype=systemVerilogSource\""] = ("counter.tb_src", "counter.image"),
    };

    /// <summary>The sample a command's page is about, when the command does not name one.</summary>
    private static string DefaultSample(string docFile) => docFile switch
    {
        "docs/benchmarks.md" => "regression",
        "docs/task-development.md" => "csharp-task",
        _ => "counter",
    };

    /// <summary>The docs' placeholders, as the sample fills them.</summary>
    private static string Fill(string command, string sample) => command
        .Replace("-t:NAME", sample == "counter" ? "-t:sim" : "-t:NAME")
        .Replace("DvFlowTask=NAME", sample == "counter" ? "DvFlowTask=sim" : "DvFlowTask=NAME")
        .Replace("dotnet sln add my_ip.proj", $"dotnet new sln -n all --force >/dev/null && dotnet sln add {sample}.proj");

    [GeneratedRegex(@"(: error |: warning (DVF|MSB|NU|NETSDK|CS)\d)")]
    private static partial Regex Complaint();

    [GeneratedRegex(@"^samples/run\.sh(?:\s+(\S+))?\s*(.*)$")]
    private static partial Regex RunScript();

    [Fact]
    public void EveryDocumentedCommandWorksAsPrinted()
    {
        var commands = DocCommands.In(feed.RepoRoot);
        Assert.True(commands.Count > 20, "few commands found in the docs: " + string.Join("\n", commands));
        var samples = CopySamples();
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.Packages, ["DvFlowVersion"] = feed.Version };
        var failures = new List<string>();
        var ran = new HashSet<(string, string)>();
        // A solution made by 'dotnet sln add' stays in the sample folder, where it makes every later bare command ambiguous
        // (MSB1011), as for a user: those run last.
        foreach (var c in commands.OrderBy(c => c.Text.StartsWith("dotnet sln", StringComparison.Ordinal)))
        {
            if (NotRunHere.ContainsKey(c.Text)) continue;
            string sample, line;
            var script = RunScript().Match(c.Text);
            if (script.Success)
            {
                sample = script.Groups[1].Success ? script.Groups[1].Value : "hello"; // the script's default
                if (!Directory.Exists(Path.Combine(samples, sample))) { failures.Add($"{c}: no sample '{sample}'"); continue; }
                var prepare = File.Exists(Path.Combine(samples, sample, "prepare.sh")) ? "./prepare.sh >/dev/null && " : "";
                line = $"{prepare}dotnet build -nologo {script.Groups[2].Value}".TrimEnd();
            }
            else
            {
                sample = DefaultSample(c.File);
                line = Fill(c.Text, sample);
            }
            if (!ran.Add((sample, line))) continue;
            if (c.Text.Contains("NAME", StringComparison.Ordinal) && line.Contains("NAME", StringComparison.Ordinal))
            {
                failures.Add($"{c}: a placeholder this test cannot fill for samples/{sample}");
                continue;
            }
            var r = Dotnet.Bash(Path.Combine(samples, sample), line, env, TimeSpan.FromMinutes(5));
            // The product's own errors and warnings; a sample's markers (a TODO warning) are its output, not a complaint.
            var complaints = r.Output.Split('\n').Where(l => Complaint().IsMatch(l)).ToList();
            if (r.ExitCode != 0 || complaints.Count > 0)
                failures.Add($"{c}\n  ran in samples/{sample}: {line}\n  exit {r.ExitCode}\n  " + string.Join("\n  ", complaints.Count > 0 ? complaints : r.Output.Split('\n').TakeLast(15)));
            else if (Expected.TryGetValue(c.Text, out var expected) && (!r.Output.Contains(expected.Shows, StringComparison.Ordinal) || r.Output.Contains(expected.Lacks, StringComparison.Ordinal)))
                failures.Add($"{c}\n  ran in samples/{sample}: {line}\n  expected its output to show '{expected.Shows}' and not '{expected.Lacks}':\n  " + string.Join("\n  ", r.Output.Split('\n').TakeLast(15)));
        }
        Assert.True(failures.Count == 0, "documented commands that do not work as printed:\n" + string.Join("\n", failures));
    }

    /// <summary>The only placeholders the docs use are the ones <see cref="Fill"/> knows, so nothing is silently not run.</summary>
    [Fact]
    public void EveryDocumentedCommandIsRunOrSaysWhyNot()
    {
        var commands = DocCommands.In(RepositoryRoot.Find());
        var unknown = commands.Where(c => !NotRunHere.ContainsKey(c.Text) && !RunScript().IsMatch(c.Text)
                                          && Fill(c.Text, DefaultSample(c.File)).Contains("NAME", StringComparison.Ordinal)).ToList();
        Assert.True(unknown.Count == 0, "commands with placeholders no sample fills:\n" + string.Join("\n", unknown));
        var stale = NotRunHere.Keys.Concat(Expected.Keys).Where(k => commands.All(c => c.Text != k)).ToList();
        Assert.True(stale.Count == 0, "NotRunHere or Expected lists commands the docs no longer show: " + string.Join(", ", stale));
    }

    /// <summary>samples/ as in the repository, without build products, its feed the test feed and its SDK the packed one.</summary>
    private string CopySamples()
    {
        var dest = Path.Combine(feed.Root, "docs" + Guid.NewGuid().ToString("N")[..8], "samples");
        var src = Path.Combine(feed.RepoRoot, "samples");
        foreach (var f in Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(src, f);
            if (rel.Split(Path.DirectorySeparatorChar).Any(part => part is "rundir" or "obj" or "bin" or "feed" or "TestResults")) continue;
            var to = Path.Combine(dest, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
        feed.WriteNuGetConfig(dest);
        File.WriteAllText(Path.Combine(dest, "global.json"), "{\"msbuild-sdks\": {\"DvFlow.Sdk\": \"" + feed.Version + "\"}}\n");
        return dest;
    }
}

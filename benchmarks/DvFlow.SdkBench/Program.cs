using System.Globalization;
using System.Text;

// Times whole `dotnet build` processes on generated flows, as a user experiences them:
//   dotnet run --project benchmarks/DvFlow.SdkBench -c Release [-- --runs 3]
// The SDK is packed from the working tree into a private feed first.
//   dotnet run --project benchmarks/DvFlow.SdkBench -c Release -- --regression [--runs 1] [--scale 64]
// times samples/regression through dotnet build against its simulator commands run directly.
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(3);
var repo = FindRepo();
if (args.Contains("--regression"))
    return RegressionBench.Run(repo, args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(1),
        args.SkipWhile(a => a != "--scale").Skip(1).Select(int.Parse).FirstOrDefault(64));
var root = Path.Combine(Path.GetTempPath(), "dvflow-bench-" + Guid.NewGuid().ToString("N")[..8]);
var feed = Path.Combine(root, "feed");
var packages = Path.Combine(root, "packages");
var version = "0.1.0-bench" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
Directory.CreateDirectory(feed);
TimedProcess.Run(repo, "dotnet", $"pack src/DvFlow.Sdk/DvFlow.Sdk.csproj -c Release -o {feed} -p:Version={version} -nologo -v:q", packages);

var results = new List<string>();
void Case(string name, string flow, string buildArgs, bool noop)
{
    var dir = Path.Combine(root, name);
    Directory.CreateDirectory(dir);
    File.WriteAllText(Path.Combine(dir, "flow.yaml"), flow);
    File.WriteAllText(Path.Combine(dir, "bench.proj"), $"<Project Sdk=\"DvFlow.Sdk/{version}\" />\n");
    File.WriteAllText(Path.Combine(dir, "nuget.config"), $"<configuration><packageSources><clear /><add key=\"f\" value=\"{feed}\" /></packageSources></configuration>");
    TimedProcess.Run(dir, "dotnet", "build -t:Restore -nologo -v:q", packages); // restore/translate once; not timed
    var full = new List<double>();
    var again = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var rundir = Path.Combine(dir, "rundir");
        if (Directory.Exists(rundir)) Directory.Delete(rundir, true);
        full.Add(TimedProcess.Run(dir, "dotnet", $"build {buildArgs} -nologo -v:q", packages));
        if (noop) again.Add(TimedProcess.Run(dir, "dotnet", $"build {buildArgs} -nologo -v:q", packages));
    }
    var line = $"| {name} | {Median(full):F2} s |" + (noop ? $" {Median(again):F2} s |" : " - |");
    results.Add(line);
    Console.WriteLine(line);
}

string Chain(int n)
{
    var sb = new StringBuilder("package:\n  name: chain\n  tasks:\n");
    for (var i = 0; i < n; i++)
        sb.Append($"  - name: t{i}\n    uses: std.Message\n    with: {{msg: \"task {i}\"}}\n" + (i > 0 ? $"    needs: [t{i - 1}]\n" : ""));
    sb.Append($"  - root: all\n    needs: [t{n - 1}]\n");
    return sb.ToString();
}

string FanIn(int n)
{
    var sb = new StringBuilder("package:\n  name: fanin\n  tasks:\n");
    for (var i = 0; i < n; i++) sb.Append($"  - name: t{i}\n    uses: std.Message\n    with: {{msg: \"task {i}\"}}\n");
    sb.Append("  - root: all\n    needs: [" + string.Join(", ", Enumerable.Range(0, n).Select(i => "t" + i)) + "]\n");
    return sb.ToString();
}

string Sleeps(int n, double seconds)
{
    var sb = new StringBuilder("package:\n  name: par\n  tasks:\n");
    for (var i = 0; i < n; i++) sb.Append($"  - name: s{i}\n    shell: bash\n    run: sleep {seconds.ToString(CultureInfo.InvariantCulture)}\n");
    sb.Append("  - root: all\n    needs: [" + string.Join(", ", Enumerable.Range(0, n).Select(i => "s" + i)) + "]\n");
    return sb.ToString();
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores; median of {runs} runs; whole dotnet build process");
Console.WriteLine("| case | full run | no-op rerun |");
Console.WriteLine("| --- | --- | --- |");
Case("chain-1000-messages", Chain(1000), "-t:all", noop: true);
Case("fanin-1000-messages", FanIn(1000), "-t:all", noop: true);
Case("parallel-64-sleep0.5-m8", Sleeps(64, 0.5), "-t:all -m:8", noop: false);
try { Directory.Delete(root, true); } catch (IOException) { }
return 0;

static double Median(List<double> xs) { var s = xs.Order().ToList(); return s[s.Count / 2]; }

static string FindRepo()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "DvFlow.sln"))) return d.FullName;
    throw new InvalidOperationException("run from inside the repository");
}

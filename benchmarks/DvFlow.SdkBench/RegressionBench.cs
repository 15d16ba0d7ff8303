using System.Globalization;

/// <summary>
/// <c>--regression</c>: times samples/regression's 16 simulations through <c>dotnet build</c> (-m:4 and
/// -m:1, the image already built) against the same 16 simulator commands run directly by a shell script
/// (one at a time and four at a time with <c>xargs -P</c>), and reports the orchestration overhead
/// (build time - direct time) / direct time. Packs DvFlow.Sdk, DvFlow.TaskApi and DvFlow.HdlSim first.
/// </summary>
internal static class RegressionBench
{
    private static readonly string[] Tests = ["smoke", "fill", "drain", "stress"];
    private static readonly int[] Seeds = [1, 2, 3, 4];

    public static int Run(string repo, int runs, int scale)
    {
        var root = Path.Combine(Path.GetTempPath(), "dvflow-regbench-" + Guid.NewGuid().ToString("N")[..8]);
        var feed = Path.Combine(root, "feed");
        var packages = Path.Combine(root, "packages");
        var version = "0.1.0-bench" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(feed);
        foreach (var p in new[] { "DvFlow.Sdk", "DvFlow.TaskApi", "DvFlow.HdlSim" })
            TimedProcess.Run(repo, "dotnet", $"pack src/{p}/{p}.csproj -c Release -o {feed} -p:Version={version} -nologo -v:q", packages);

        var dir = Path.Combine(root, "regression");
        CopySample(Path.Combine(repo, "samples", "regression"), dir);
        var proj = Directory.EnumerateFiles(dir, "*.proj").Single();
        File.WriteAllText(proj, File.ReadAllText(proj).Replace("Sdk=\"DvFlow.Sdk\"", $"Sdk=\"DvFlow.Sdk/{version}\""));
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"<configuration><packageSources><clear /><add key=\"f\" value=\"{feed}\" /></packageSources></configuration>");

        var props = $"-p:D_scale={scale}";
        // The image is built once, untimed: the regression's cost is its runs.
        TimedProcess.Run(dir, "dotnet", $"build -t:image -m:2 {props} -nologo -v:q", packages);
        var image = Path.Combine(dir, "rundir", "regression.image", "obj_dir", "simv");
        if (!File.Exists(image)) throw new InvalidOperationException($"no image at {image}");

        var script = WriteDirectScript(root, image, scale);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load {Load()}; samples/regression, 16 runs, scale {scale}; median of {runs}");
        var build4 = Median(runs, () => TimedProcess.Run(dir, "dotnet", $"build -m:4 {props} -nologo -v:q", packages));
        var build1 = Median(runs, () => TimedProcess.Run(dir, "dotnet", $"build -m:1 {props} -nologo -v:q", packages));
        var direct4 = Median(runs, () => TimedProcess.Run(root, "bash", $"{script} 4", packages));
        var direct1 = Median(runs, () => TimedProcess.Run(root, "bash", $"{script} 1", packages));
        Console.WriteLine("| parallel | dotnet build | direct script | overhead |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Console.WriteLine($"| 4 (-m:4, xargs -P4) | {build4:F2} s | {direct4:F2} s | {Overhead(build4, direct4)} |");
        Console.WriteLine($"| 1 (-m:1, one at a time) | {build1:F2} s | {direct1:F2} s | {Overhead(build1, direct1)} |");
        Console.WriteLine($"load after: {Load()}");
        try { Directory.Delete(root, true); } catch (IOException) { }
        return 0;
    }

    private static string Overhead(double build, double direct) => ((build - direct) / direct * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    /// <summary>A script running the 16 simulator commands, each in its own directory with its log, N at a time.</summary>
    private static string WriteDirectScript(string root, string image, int scale)
    {
        var direct = Path.Combine(root, "direct");
        var lines = new List<string>();
        foreach (var t in Tests)
        {
            foreach (var s in Seeds)
            {
                var d = Path.Combine(direct, $"{t}_{s}");
                Directory.CreateDirectory(d);
                lines.Add($"cd {d} && {image} +TEST={t} +SEED={s} +SCALE={scale} +FAIL_SEED=0 > sim.log 2>&1");
            }
        }
        File.WriteAllLines(Path.Combine(root, "commands.txt"), lines);
        var script = Path.Combine(root, "direct.sh");
        File.WriteAllText(script, $"#!/usr/bin/env bash\nset -e\n# runs commands.txt, $1 at a time\nxargs -P \"$1\" -d '\\n' -I{{}} sh -c '{{}}' < {Path.Combine(root, "commands.txt")}\n");
        return script;
    }

    private static void CopySample(string src, string dest)
    {
        foreach (var f in Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(src, f);
            if (rel.Split(Path.DirectorySeparatorChar).Any(part => part is "rundir" or "obj" or "bin")) continue;
            var to = Path.Combine(dest, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
    }

    private static double Median(int runs, Func<double> measure)
    {
        var xs = Enumerable.Range(0, runs).Select(_ => measure()).Order().ToList();
        return xs[xs.Count / 2];
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

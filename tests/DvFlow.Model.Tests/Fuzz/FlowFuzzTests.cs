using System.Text;
using DvFlow.Model.Dataflow;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Graph;
using DvFlow.Model.Loading;
using DvFlow.Model.Tests.TestSupport;
using Xunit.Abstractions;

namespace DvFlow.Model.Tests.Fuzz;

/// <summary>
/// Feeds deterministic mutations of a realistic multi-file flow (package, fragments, imports, configs,
/// a compound and a matrix; Fuzz/Samples) through loading and graph building: bad input may produce
/// any diagnostics, but no exception may escape.
/// </summary>
public class FlowFuzzTests(ITestOutputHelper output)
{
    private static readonly string SampleRoot = Path.Combine(AppContext.BaseDirectory, "Fuzz", "Samples");

    private static Dictionary<string, string> ReadSamples()
        => Directory.EnumerateFiles(SampleRoot, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(p => Path.GetRelativePath(SampleRoot, p).Replace('\\', '/'), File.ReadAllText);

    private static (FlowModel Model, TaskGraph Graph) Run(FlowFiles f, IReadOnlyDictionary<string, string> files, string? config, string[] overrides)
    {
        foreach (var (rel, text) in files) f.Write(rel, text);
        var reg = new PackageRegistry().Add("hdlsim", f.PathOf("hdlsim/flow.dv")).Add("hdlsim.vlt", f.PathOf("hdlsim_vlt/flow.dv"));
        var model = FlowElaborator.Elaborate(f.PathOf("soc"), new ElaborationOptions
        {
            Registry = reg,
            Config = config,
            ParameterOverrides = overrides,
            Environment = new Dictionary<string, string> { ["HOME"] = "/home/fuzz" },
        });
        var graph = new TaskGraphBuilder(model).BuildAll();
        ProducesValidator.Validate(graph);
        return (model, graph);
    }

    [Fact]
    public void SampleLoadsCleanly()
    {
        using var f = new FlowFiles();
        var (m, g) = Run(f, ReadSamples(), null, []);
        FlowAssert.NoErrors(m);
        FlowAssert.NoWarnings(m.Diagnostics);
        FlowAssert.NoErrors(g);
        Assert.Equal(27, g.Nodes.Count);
        Assert.Equal(["soc.build", "soc.opts", "soc.run", "soc.report", "soc.rtl_files", "soc.rtl_lint", "soc.tbfrag.tb_files", "soc.tbfrag.gen", "soc.regress", "soc.smoke"],
            g.Roots.Select(r => r.Name));
        Assert.Equal(8L, m.Packages["uart"].ParamValues["fifo_depth"]);
        var (wide, wg) = Run(f, ReadSamples(), "wide", ["seeds=5,6"]);
        FlowAssert.NoErrors(wide);
        FlowAssert.NoErrors(wg);
        Assert.Equal(new object?[] { "+seed=5", "+verbose" }, (IEnumerable<object?>)wg.ByName["soc.run"].ParamValues["plusargs"]!);
        Assert.Equal(new object?[] { "wide" }, (IEnumerable<object?>)wg.ByName["uart.files"].ParamValues["attributes"]!);
    }

    [Fact]
    public void MutatedFlowsNeverThrow()
    {
        var samples = ReadSamples();
        var editable = samples.Keys.Where(k => k.StartsWith("soc/", StringComparison.Ordinal)).ToArray();
        // DVFLOW_FUZZ_SEED / DVFLOW_FUZZ_VARIANTS explore further; the defaults keep the test deterministic.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DVFLOW_FUZZ_SEED"), out var s) ? s : 20240611;
        var variants = int.TryParse(Environment.GetEnvironmentVariable("DVFLOW_FUZZ_VARIANTS"), out var v) ? v : 600;
        var rng = new Random(seed);
        string?[] configs = [null, null, "dbg", "wide", "nosuch"];
        string[][] overrides = [[], [], ["width=8"], ["soc.debug=true", "run.plusargs=a,b"], ["width=bad"], ["x"]];
        using var f = new FlowFiles();
        var failures = new List<string>();
        var withErrors = 0;
        for (var i = 0; i < variants; i++)
        {
            var files = new Dictionary<string, string>(samples);
            var desc = new StringBuilder();
            var rounds = rng.Next(10) < 7 ? 1 : rng.Next(2, 4);
            for (var r = 0; r < rounds; r++)
            {
                var file = editable[rng.Next(editable.Length)];
                files[file] = Mutator.Mutate(files[file], rng, out var what);
                desc.Append($"[{file}: {what}] ");
            }
            var config = configs[rng.Next(configs.Length)];
            var ovr = overrides[rng.Next(overrides.Length)];
            try
            {
                var (m, g) = Run(f, files, config, ovr);
                if (m.HasErrors || g.HasErrors) withErrors++;
                // Every diagnostic must say where it is (a file at least) and what is wrong.
                foreach (var d in m.Diagnostics.Concat(g.Diagnostics))
                    if (string.IsNullOrWhiteSpace(d.Message))
                        failures.Add($"variant {i} {desc}: empty message {d}");
            }
            catch (Exception ex)
            {
                failures.Add($"variant {i} {desc}(config {config ?? "-"}, -D {string.Join(' ', ovr)}): {ex}");
            }
            foreach (var (rel, _) in files) File.Delete(f.PathOf(rel));
        }
        output.WriteLine($"{variants} variants, {withErrors} with errors, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
        Assert.True(withErrors > variants / 4, "the mutations should break many of the variants");
    }

    [Fact]
    public void EveryTruncationOfTheRootFileIsHandled()
    {
        var samples = ReadSamples();
        var text = samples["soc/flow.yaml"];
        using var f = new FlowFiles();
        for (var cut = 0; cut < text.Length; cut += 7)
        {
            var files = new Dictionary<string, string>(samples) { ["soc/flow.yaml"] = text[..cut] };
            var ex = Record.Exception(() => Run(f, files, null, []));
            Assert.True(ex is null, $"truncated at {cut}: {ex}");
        }
    }
}

/// <summary>Text mutations that imitate editing mistakes in YAML flow files.</summary>
internal static class Mutator
{
    private static readonly string[] Keys = ["name", "uses", "needs", "with", "body", "tasks", "run", "iff", "type", "value", "consumes", "passthrough",
        "rundir", "strategy", "matrix", "override", "export", "root", "local", "scope", "feeds", "produces", "imports", "fragments", "configs", "package", "fragment", "bogus"];

    private static readonly string[] Values = ["", "~", "42", "-1", "true", "no", "[]", "{}", "[a, b]", "{x: 1}", "\"${{ width }}\"", "${{ nope }}", "${{ 1 +", "${{ width / 0 }}",
        "inherit", "unique", "all", "none", "unused", "soc.build", "build", "std.FileSet", "hdlsim.vlt.SimImage", "SocOpts", "&a x", "*a", "'quoted'", "|", ">", "0x1F", "1e999"];

    private static readonly string[] Inserts = [":", "-", "- ", "{", "}", "[", "]", "${{", "}}", "\"", "'", "#", "&", "*", "!", "|", ">", "%", "@", "`", "\t", "\n", "  ", ": ", ",", "?", "<<: ", "\u00e9", "\0"];

    public static string Mutate(string text, Random rng, out string what)
    {
        var lines = text.Split('\n').ToList();
        int Line() => rng.Next(lines.Count);
        switch (rng.Next(12))
        {
            case 10 or 11:
            {
                // Point a uses/needs at another task of the flow (or at itself): cycles, self-containing compounds.
                var names = lines.Select(l => l.Trim().TrimStart('-').Trim())
                    .Where(l => l.StartsWith("name:", StringComparison.Ordinal) || l.StartsWith("root:", StringComparison.Ordinal) || l.StartsWith("export:", StringComparison.Ordinal))
                    .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).Where(n => n.Length > 0).ToList();
                var refs = lines.Select((l, i) => (l, i)).Where(x => x.l.TrimStart().StartsWith("uses:", StringComparison.Ordinal) || x.l.TrimStart().StartsWith("needs:", StringComparison.Ordinal)).ToList();
                if (names.Count == 0 || refs.Count == 0) goto case 1;
                var (l, i) = refs[rng.Next(refs.Count)];
                var target = names[rng.Next(names.Count)];
                var key = l.TrimStart().StartsWith("uses:", StringComparison.Ordinal) ? "uses" : "needs";
                var indent = l[..(l.Length - l.TrimStart().Length)];
                what = $"retarget {key} on line {i + 1} to '{target}'";
                lines[i] = indent + (key == "uses" ? $"uses: {target}" : $"needs: [{target}]");
                break;
            }
            case 0:
            {
                var at = rng.Next(text.Length + 1);
                what = $"truncate at {at}";
                return text[..at];
            }
            case 1:
            {
                var l = Line();
                what = $"delete line {l + 1}";
                lines.RemoveAt(l);
                break;
            }
            case 2:
            {
                var l = Line();
                what = $"duplicate line {l + 1}";
                lines.Insert(l, lines[l]);
                break;
            }
            case 3:
            {
                var l = Line();
                var delta = rng.Next(-4, 5);
                what = $"indent line {l + 1} by {delta}";
                lines[l] = delta >= 0 ? new string(' ', delta) + lines[l] : lines[l][Math.Min(-delta, lines[l].Length - lines[l].TrimStart().Length)..];
                break;
            }
            case 4:
            {
                var tokens = Tokens(text);
                if (tokens.Count < 2) goto case 1;
                var a = tokens[rng.Next(tokens.Count)];
                var b = tokens[rng.Next(tokens.Count)];
                what = $"swap '{a}' and '{b}'";
                return text.Replace(a, "\u0001").Replace(b, a).Replace("\u0001", b);
            }
            case 5:
            {
                var at = rng.Next(text.Length + 1);
                var ins = Inserts[rng.Next(Inserts.Length)];
                what = $"insert '{ins.Replace("\n", "\\n").Replace("\t", "\\t")}' at {at}";
                return text.Insert(at, ins);
            }
            case 6:
            {
                var candidates = lines.Select((s, i) => (s, i)).Where(x => x.s.Contains(':')).ToList();
                if (candidates.Count == 0) goto case 1;
                var (s, i) = candidates[rng.Next(candidates.Count)];
                var colon = s.IndexOf(':');
                var start = s.Length - s.TrimStart(' ', '-').Length;
                if (start >= colon) goto case 1;
                var key = Keys[rng.Next(Keys.Length)];
                what = $"rename key on line {i + 1} to '{key}'";
                lines[i] = s[..start] + key + s[colon..];
                break;
            }
            case 7:
            {
                var candidates = lines.Select((s, i) => (s, i)).Where(x => x.s.Contains(": ")).ToList();
                if (candidates.Count == 0) goto case 1;
                var (s, i) = candidates[rng.Next(candidates.Count)];
                var value = Values[rng.Next(Values.Length)];
                what = $"set value on line {i + 1} to '{value}'";
                lines[i] = s[..(s.IndexOf(": ", StringComparison.Ordinal) + 2)] + value;
                break;
            }
            case 8:
            {
                var a = Line();
                var b = Line();
                what = $"swap lines {a + 1} and {b + 1}";
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            }
            default:
            {
                var l = Line();
                var c = (char)rng.Next(32, 127);
                var at = rng.Next(lines[l].Length + 1);
                what = $"insert '{c}' on line {l + 1}";
                lines[l] = lines[l].Insert(at, c.ToString());
                break;
            }
        }
        return string.Join('\n', lines);
    }

    private static List<string> Tokens(string text)
        => text.Split([' ', '\n', '[', ']', '{', '}', ',', ':'], StringSplitOptions.RemoveEmptyEntries).Where(t => t.Length > 1 && t != "-").Distinct().ToList();
}

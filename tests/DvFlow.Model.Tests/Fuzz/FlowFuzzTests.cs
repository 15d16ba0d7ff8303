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

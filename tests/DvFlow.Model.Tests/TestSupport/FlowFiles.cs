using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Graph;
using DvFlow.Model.Loading;

namespace DvFlow.Model.Tests.TestSupport;

/// <summary>A temporary directory holding flow files written by a test; deleted on dispose.</summary>
public sealed class FlowFiles : IDisposable
{
    public FlowFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "dvflow-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes a file (relative path) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content.ReplaceLineEndings("\n"));
        return full;
    }

    /// <summary>Writes flow.yaml at the root and loads it.</summary>
    public FlowModel Load(string flowYaml, ElaborationOptions? options = null)
    {
        var path = Write("flow.yaml", flowYaml);
        return FlowElaborator.Elaborate(path, WithEnv(options));
    }

    /// <summary>Loads an already written file (or directory), relative to the root.</summary>
    public FlowModel LoadFile(string relative, ElaborationOptions? options = null)
        => FlowElaborator.Elaborate(Path.Combine(Root, relative), WithEnv(options));

    /// <summary>The full path of a relative file.</summary>
    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    /// <summary>Loads flow.yaml with the given -D overrides and config.</summary>
    public FlowModel Load(string flowYaml, string? config, params string[] overrides)
        => Load(flowYaml, new ElaborationOptions { Config = config, ParameterOverrides = overrides });

    /// <summary>A registry holding the fake hdlsim packages (see <see cref="FakeHdlsim"/>).</summary>
    public PackageRegistry HdlsimRegistry() => FakeHdlsim.Register(this, new PackageRegistry());

    private static ElaborationOptions WithEnv(ElaborationOptions? o)
        => (o ?? new ElaborationOptions()) is var x && x.Environment is null ? x with { Environment = new Dictionary<string, string> { ["HOME"] = "/home/test", ["DV_TEST"] = "yes" } } : x;

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

public static class FlowAssert
{
    /// <summary>Asserts the model loaded without errors and returns it.</summary>
    public static FlowModel NoErrors(FlowModel m)
    {
        var errors = m.Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, "unexpected errors:\n" + string.Join("\n", errors));
        return m;
    }

    /// <summary>Asserts the graph built without errors and returns it.</summary>
    public static TaskGraph NoErrors(TaskGraph g)
    {
        var errors = g.Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, "unexpected errors:\n" + string.Join("\n", errors));
        return g;
    }

    /// <summary>Asserts exactly one error with the code exists whose message contains <paramref name="fragment"/>; returns it.</summary>
    public static Diagnostic HasError(IEnumerable<Diagnostic> diags, string code, string fragment)
    {
        var list = diags.ToList();
        var match = list.FirstOrDefault(d => d.IsError && d.Code == code && d.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.True(match is not null, $"expected error {code} containing '{fragment}', got:\n" + string.Join("\n", list));
        return match!;
    }

    public static Diagnostic HasWarning(IEnumerable<Diagnostic> diags, string code, string fragment)
    {
        var list = diags.ToList();
        var match = list.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Warning && d.Code == code && d.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.True(match is not null, $"expected warning {code} containing '{fragment}', got:\n" + string.Join("\n", list));
        return match!;
    }

    /// <summary>Asserts there is no warning at all.</summary>
    public static void NoWarnings(IEnumerable<Diagnostic> diags)
    {
        var w = diags.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
        Assert.True(w.Count == 0, "unexpected warnings:\n" + string.Join("\n", w));
    }

    /// <summary>Asserts a diagnostic is at the given file (name), line and column.</summary>
    public static void At(Diagnostic d, string fileName, int line, int column)
    {
        Assert.NotNull(d.Location);
        Assert.Equal(fileName, Path.GetFileName(d.Location!.File));
        Assert.True((line, column) == (d.Location.Line, d.Location.Column), $"expected {fileName}({line},{column}), got {d}");
    }

    /// <summary>The names of a node's needs.</summary>
    public static string[] Needs(TaskNode n) => n.Needs.Select(x => x.Name).ToArray();

    /// <summary>Loads, asserts no errors, builds the graph for <paramref name="tasks"/>, asserts no errors.</summary>
    public static TaskGraph Graph(FlowModel m, params string[] tasks)
    {
        NoErrors(m);
        var b = new TaskGraphBuilder(m);
        return NoErrors(tasks.Length == 0 ? b.BuildAll() : b.Build(tasks));
    }
}

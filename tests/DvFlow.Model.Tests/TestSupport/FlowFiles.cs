using DvFlow.Model.Diagnostics;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Graph;

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
    public FlowModel Load(string flowYaml, FlowLoadOptions? options = null)
    {
        var path = Write("flow.yaml", flowYaml);
        return FlowLoader.Load(path, WithEnv(options));
    }

    private static FlowLoadOptions WithEnv(FlowLoadOptions? o)
        => (o ?? new FlowLoadOptions()) is var x && x.Environment is null ? x with { Environment = new Dictionary<string, string> { ["HOME"] = "/home/test", ["DV_TEST"] = "yes" } } : x;

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

    /// <summary>Loads, asserts no errors, builds the graph for <paramref name="tasks"/>, asserts no errors.</summary>
    public static TaskGraph Graph(FlowModel m, params string[] tasks)
    {
        NoErrors(m);
        var b = new TaskGraphBuilder(m);
        return NoErrors(tasks.Length == 0 ? b.BuildAll() : b.Build(tasks));
    }
}

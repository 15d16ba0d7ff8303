using System.Security.Cryptography;
using System.Text;
using DvFlow.TaskApi;

namespace MyTasks;

/// <summary>Parameters of <see cref="Compile"/>, bound by name from the flow (case-insensitive, <c>_</c> ignored).</summary>
public sealed class CompileParams
{
    public string Output { get; set; } = "out.txt";
    public bool Upper { get; set; }
    public int Repeat { get; set; } = 1;
}

/// <summary>What <see cref="Compile"/> remembers between runs.</summary>
public sealed record CompileMemento(string Hash, int Runs);

/// <summary>
/// run: MyTasks.Compile — a class task: concatenates the consumed text files into one output file and
/// produces it as a FileSet. A typed memento lets it skip rewriting an identical output.
/// </summary>
public sealed class Compile : FlowTask<CompileParams>
{
    public override async Task<TaskDataResult> RunAsync()
    {
        var text = new StringBuilder();
        foreach (var item in Input.Inputs.Where(i => i.Type == "std.FileSet"))
            foreach (var file in Files(item))
                text.Append(await File.ReadAllTextAsync(file, Ctxt.Cancel));
        var body = string.Concat(Enumerable.Repeat(Params.Upper ? text.ToString().ToUpperInvariant() : text.ToString(), Params.Repeat));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

        var prev = Input.MementoAs<CompileMemento>();
        var output = Path.Combine(Input.RunDir, Params.Output);
        var same = prev?.Hash == hash && File.Exists(output);
        if (!same) await File.WriteAllTextAsync(output, body, Ctxt.Cancel);
        Ctxt.Info(same ? $"{Params.Output} unchanged (run {prev!.Runs + 1})" : $"wrote {Params.Output}");

        var result = new TaskDataResult { Changed = !same, Memento = new CompileMemento(hash, (prev?.Runs ?? 0) + 1) };
        result.Output.Add(new DataItem("std.FileSet", null, -1, FlowMap.Of(
            ("filetype", "text"), ("basedir", Input.RunDir), ("files", (object?)new List<object?> { Params.Output }))));
        return result;
    }

    private static IEnumerable<string> Files(DataItem fileset)
    {
        var basedir = fileset.GetString("basedir");
        return fileset.TryGet("files", out var f) && f is IReadOnlyList<object?> files
            ? files.Select(x => Path.Combine(basedir, FlowValues.ToDisplayString(x)))
            : [];
    }
}

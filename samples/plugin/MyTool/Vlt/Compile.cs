using DvFlow.TaskApi;

namespace MyTool.Vlt;

/// <summary>Parameters of my_tool.Compile, bound by name from the flow.</summary>
public sealed class CompileParams
{
    public List<string> Top { get; set; } = [];
    public string Optimization { get; set; } = "O2";
    public bool Debug { get; set; }
}

/// <summary>What <see cref="Compile"/> remembers: the command it ran and the sources' time stamps.</summary>
public sealed record CompileMemento(List<string> Command, Dictionary<string, long> Stamps);

/// <summary>
/// my_tool.vlt.Compile: builds a Verilator simulation binary from the consumed SystemVerilog FileSets and
/// CompileArgs items. Verilator's messages become markers at their file and line. The compile is skipped
/// when the command and every source are unchanged since the last successful run.
/// </summary>
public sealed class Compile : FlowTask<CompileParams>
{
    public override async Task<TaskDataResult> RunAsync()
    {
        var sources = new List<string>();
        var args = new List<string>();
        foreach (var item in Input.Inputs)
        {
            if (item.Type == "std.FileSet")
            {
                var basedir = item.GetString("basedir");
                sources.AddRange(item.GetStrings("files").Select(f => Path.GetFullPath(f, basedir)));
                args.AddRange(item.GetStrings("incdirs").Select(d => "-I" + Path.GetFullPath(d, basedir)));
                args.AddRange(item.GetStrings("defines").Select(d => "+define+" + d));
            }
            else if (item.Type == "my_tool.CompileArgs")
            {
                args.AddRange(item.GetStrings("args"));
                args.AddRange(item.GetStrings("defines").Select(d => "+define+" + d));
            }
        }
        var result = new TaskDataResult();
        if (sources.Count == 0)
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, "no Verilog or SystemVerilog sources among the inputs"));
            return result;
        }

        var cmd = new List<string> { "verilator", "--binary", "-" + Params.Optimization, "-Mdir", "obj", "-o", "Vsim", "-Wno-fatal" };
        if (Params.Debug) cmd.Add("--trace");
        cmd.AddRange(Params.Top.SelectMany(t => new[] { "--top-module", t }));
        cmd.AddRange(args);
        cmd.AddRange(sources);

        var image = Path.Combine(Input.RunDir, "obj", "Vsim");
        var memento = new CompileMemento(cmd, sources.Distinct().ToDictionary(s => s, s => File.GetLastWriteTimeUtc(s).Ticks));
        var previous = Input.MementoAs<CompileMemento>();
        var unchanged = previous is not null && File.Exists(image) && previous.Command.SequenceEqual(cmd)
                        && previous.Stamps.Count == memento.Stamps.Count && previous.Stamps.All(kv => memento.Stamps.TryGetValue(kv.Key, out var t) && t == kv.Value);
        if (unchanged)
        {
            Ctxt.Info("sources and options unchanged; image is current");
            result.Changed = false;
        }
        else
        {
            result.Status = await Ctxt.ExecAsync(cmd, logFile: "compile.log", logFilter: line => VerilatorLog.Parse(line, Ctxt));
            result.Markers.AddRange(Ctxt.Markers);
        }
        if (result.Status == 0) result.Memento = memento;
        result.Output.Add(FileSetItem.Create("simDir", Input.RunDir, [Path.Combine("obj", "Vsim")]));
        return result;
    }
}

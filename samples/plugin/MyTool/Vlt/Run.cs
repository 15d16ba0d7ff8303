using DvFlow.TaskApi;

namespace MyTool.Vlt;

/// <summary>Parameters of my_tool.Run.</summary>
public sealed class RunParams
{
    public List<string> Args { get; set; } = [];
    public List<string> Plusargs { get; set; } = [];
}

/// <summary>
/// my_tool.vlt.Run: runs the image of the consumed simDir FileSet in the task's run directory. The run fails on
/// a non-zero exit or a Verilator %Error line in its log.
/// </summary>
public sealed class Run : FlowTask<RunParams>
{
    public override async Task<TaskDataResult> RunAsync()
    {
        var result = new TaskDataResult();
        var simDir = Input.Inputs.FirstOrDefault(i => i.Type == "std.FileSet" && i.GetString("filetype") == "simDir");
        if (simDir is null)
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, "no simDir input; connect a my_tool Compile task with 'needs'"));
            return result;
        }
        var image = Path.GetFullPath(simDir.GetStrings("files")[0], simDir.GetString("basedir"));
        var cmd = new List<string> { image };
        cmd.AddRange(Params.Args);
        cmd.AddRange(Params.Plusargs.Select(p => p.StartsWith('+') ? p : "+" + p));
        result.Status = await Ctxt.ExecAsync(cmd, logFile: "sim.log", logFilter: line => VerilatorLog.Parse(line, Ctxt));
        result.Markers.AddRange(Ctxt.Markers);
        if (result.Status == 0 && result.Markers.Any(m => m.Severity == MarkerSeverity.Error)) result.Status = 1;
        result.Output.Add(FileSetItem.Create("simRunDir", Input.RunDir, ["sim.log"]));
        return result;
    }
}

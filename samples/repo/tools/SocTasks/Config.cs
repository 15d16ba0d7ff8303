using DvFlow.TaskApi;

namespace SocTasks;

/// <summary>Tasks that turn the SoC's configuration into files its RTL and testbenches read.</summary>
public static class Config
{
    /// <summary>
    /// run: SocTasks.Config.Header — writes soc_cfg.svh with the FIFO's depth and width (parameters <c>depth</c>, <c>width</c>)
    /// and outputs it as a SystemVerilog include, with its directory on the include path.
    /// </summary>
    public static async Task<TaskDataResult> Header(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var depth = input.Int("depth");
        var width = input.Int("width");
        var result = new TaskDataResult();
        if (depth < 2 || (depth & (depth - 1)) != 0)
        {
            result.Status = 1;
            result.Markers.Add(new TaskMarker(MarkerSeverity.Error, $"fifo depth must be a power of two of at least 2, not {depth}"));
            return result;
        }
        var text = $"`define SOC_FIFO_DEPTH {depth}\n`define SOC_FIFO_WIDTH {width}\n";
        var path = Path.Combine(input.RunDir, "soc_cfg.svh");
        // Rewritten only when it changes, so the image is not rebuilt for nothing.
        result.Changed = !File.Exists(path) || await File.ReadAllTextAsync(path, ctxt.Cancel) != text;
        if (result.Changed) await File.WriteAllTextAsync(path, text, ctxt.Cancel);
        ctxt.Info($"soc_cfg.svh: depth {depth}, width {width}");
        result.Output.Add(FileSetItem.Create("systemVerilogInclude", input.RunDir, ["soc_cfg.svh"], [input.RunDir], [], []));
        return result;
    }
}

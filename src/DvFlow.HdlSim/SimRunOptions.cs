using DvFlow.TaskApi;

namespace DvFlow.HdlSim;

/// <summary>What SimRun passes to the simulator: plusargs (without '+'), arguments, tracing, valgrind.</summary>
public sealed record SimRunOptions(IReadOnlyList<string> Plusargs, IReadOnlyList<string> Args, bool Trace, bool Valgrind)
{
    /// <summary>The task's parameters merged with its hdlsim.SimRunArgs inputs (items first, in input order).</summary>
    public static SimRunOptions From(TaskDataInput input)
    {
        var plusargs = new List<string>();
        var args = new List<string>();
        foreach (var item in input.Inputs.Where(i => i.Type == "hdlsim.SimRunArgs"))
        {
            plusargs.AddRange(item.GetStrings("plusargs").Select(StripPlus));
            args.AddRange(ArgSplitter.SplitAll(item.GetStrings("args")));
        }
        plusargs.AddRange(input.List("plusargs").Select(StripPlus));
        args.AddRange(ArgSplitter.SplitAll(input.List("args")));
        return new SimRunOptions(plusargs, args, input.Bool("trace"), input.Bool("valgrind"));
    }

    // Users write both "seed=1" and "+seed=1"; the command lines add the '+' themselves.
    private static string StripPlus(string p) => p.StartsWith('+') ? p[1..] : p;
}

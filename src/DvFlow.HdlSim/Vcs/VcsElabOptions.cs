using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Vcs;

/// <summary>hdlsim.vcs.SimImage's own parameters: partitioned compilation and its parallel jobs (0: VCS's default).</summary>
public sealed record VcsElabOptions(bool PartComp, long FastPartComp)
{
    /// <summary>Without partitioned compilation.</summary>
    public static VcsElabOptions None { get; } = new(false, 0);

    /// <summary>Reads <c>partcomp</c> and <c>fastpartcomp</c> (defaults: on, 4 jobs, as their flow.yaml declares).</summary>
    public static VcsElabOptions From(TaskDataInput input)
        => new(!input.Params.ContainsKey("partcomp") || input.Bool("partcomp"), input.Params.ContainsKey("fastpartcomp") ? input.Int("fastpartcomp") : 4);

    /// <summary>The vcs options.</summary>
    public IEnumerable<string> Args()
    {
        if (!PartComp) yield break;
        yield return "-partcomp";
        if (FastPartComp > 0) yield return $"-fastpartcomp=j{FastPartComp}";
    }
}

using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Xsim;

/// <summary>
/// hdlsim.xsm.SimRun: simulates the image's snapshot with <c>xsim --runall</c>. xelab binds DPI libraries
/// at elaboration, so the run's DPI libraries only put their directories on LD_LIBRARY_PATH; xsim loads
/// no VPI libraries, so a run given one fails with an error saying so.
/// </summary>
public sealed class XsimSimRun : SimRunBase
{
    /// <inheritdoc />
    protected override string ImagePath => XsimSimImage.ImageStamp;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new XsimLogParser(suppressed);

    /// <inheritdoc />
    protected override IReadOnlyList<string> Command(string image, SimRunOptions o, TaskDataInput input)
        => XsimCommandLine.Run(Path.GetDirectoryName(image)!, o);

    /// <inheritdoc />
    protected override IEnumerable<string> Unsupported(SimRunOptions o)
        => o.VpiLibs.Count > 0 ? [$"the Vivado simulator (xsim) does not load VPI libraries: remove {string.Join(", ", o.VpiLibs.Select(l => l.Path))} from the run's inputs"] : [];

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string>? Environment(TaskRunCtxt ctxt, SimRunOptions o)
        => o.DpiLibs.Count == 0 ? null
            : new Dictionary<string, string> { ["LD_LIBRARY_PATH"] = XsimCommandLine.LibraryPath(o.DpiLibs, ctxt.Env.GetValueOrDefault("LD_LIBRARY_PATH")) };
}

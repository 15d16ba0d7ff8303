using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Questa;

/// <summary>hdlsim.mti.SimRun: runs the optimised design with <c>vsim -c</c> to the end.</summary>
public sealed class QuestaSimRun : SimRunBase
{
    /// <inheritdoc />
    protected override string ImagePath => QuestaSimImage.ImageStamp;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new QuestaLogParser(suppressed);

    /// <inheritdoc />
    protected override IReadOnlyList<string> Command(string image, SimRunOptions o, TaskDataInput input)
        => QuestaCommandLine.Vsim(Path.GetDirectoryName(image)!, o, QuestaSimImage.Full64(input));
}

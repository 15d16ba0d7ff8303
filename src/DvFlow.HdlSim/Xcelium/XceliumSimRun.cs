using DvFlow.HdlSim.Logs;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Xcelium;

/// <summary>hdlsim.xcm.SimRun: simulates the image's snapshot with <c>xrun -R</c>.</summary>
public sealed class XceliumSimRun : SimRunBase
{
    /// <inheritdoc />
    protected override string ImagePath => XceliumSimImage.ImageStamp;

    /// <inheritdoc />
    protected override ISimLogParser CreateParser(IReadOnlySet<string> suppressed) => new XceliumLogParser(suppressed);

    /// <inheritdoc />
    protected override IReadOnlyList<string> Command(string image, SimRunOptions o, TaskDataInput input)
        => XceliumCommandLine.Run(Path.GetDirectoryName(image)!, o);
}

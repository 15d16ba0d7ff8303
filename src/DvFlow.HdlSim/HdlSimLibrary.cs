using DvFlow.HdlSim.Icarus;
using DvFlow.HdlSim.Native;
using DvFlow.HdlSim.Uvm;
using DvFlow.HdlSim.Verilator;
using DvFlow.TaskApi;

[assembly: TaskLibrary(typeof(DvFlow.HdlSim.HdlSimLibrary))]

namespace DvFlow.HdlSim;

/// <summary>The implementations behind the <c>hdlsim.vlt</c> and <c>hdlsim.ivl</c> packages.</summary>
public sealed class HdlSimLibrary : ITaskLibrary
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, Func<ITaskImplementation>> Implementations { get; } = new Dictionary<string, Func<ITaskImplementation>>(StringComparer.Ordinal)
    {
        ["hdlsim.vlt.SimLib"] = () => new SimLibPassthrough(),
        ["hdlsim.vlt.SimImage"] = () => new VltSimImage(),
        ["hdlsim.vlt.SimRun"] = () => new VltSimRun(),
        ["hdlsim.ivl.SimLib"] = () => new SimLibPassthrough(),
        ["hdlsim.ivl.SimImage"] = () => new IvlSimImage(),
        ["hdlsim.ivl.SimRun"] = () => new IvlSimRun(),
        ["hdlsim.vlt.SimLibDPI"] = () => new VltSimLibDpi(),
        ["hdlsim.vlt.SimLibVPI"] = () => new VltSimLibVpi(),
        ["hdlsim.vlt.SimLibUVM"] = () => new VltSimLibUvm(),
        ["hdlsim.ivl.SimLibDPI"] = () => new IvlSimLibDpi(),
        ["hdlsim.ivl.SimLibVPI"] = () => new IvlSimLibVpi(),
        ["hdlsim.ivl.SimLibUVM"] = () => new IvlSimLibUvm(),
    };
}

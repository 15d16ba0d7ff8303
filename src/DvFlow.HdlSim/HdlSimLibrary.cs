using DvFlow.HdlSim.Icarus;
using DvFlow.HdlSim.Questa;
using DvFlow.HdlSim.Vcs;
using DvFlow.HdlSim.Native;
using DvFlow.HdlSim.Uvm;
using DvFlow.HdlSim.Verilator;
using DvFlow.HdlSim.Xcelium;
using DvFlow.HdlSim.Xsim;
using DvFlow.TaskApi;

[assembly: TaskLibrary(typeof(DvFlow.HdlSim.HdlSimLibrary))]

namespace DvFlow.HdlSim;

/// <summary>
/// The implementations behind the backend packages: <c>hdlsim.vlt</c> (Verilator), <c>hdlsim.ivl</c> (Icarus),
/// <c>hdlsim.vcs</c> (Synopsys VCS), <c>hdlsim.xcm</c> (Cadence Xcelium), <c>hdlsim.mti</c> (Siemens Questa) and <c>hdlsim.xsm</c> (AMD Vivado simulator, xsim).
/// </summary>
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
        ["hdlsim.vcs.SimLib"] = () => new VcsSimLib(),
        ["hdlsim.vcs.SimLibUVM"] = () => new VcsSimLibUvm(),
        ["hdlsim.vcs.SimImage"] = () => new VcsSimImage(),
        ["hdlsim.vcs.SimRun"] = () => new VcsSimRun(),
        ["hdlsim.xcm.SimLib"] = () => new XceliumSimLib(),
        ["hdlsim.xcm.SimLibUVM"] = () => new XceliumSimLibUvm(),
        ["hdlsim.xcm.SimImage"] = () => new XceliumSimImage(),
        ["hdlsim.xcm.SimRun"] = () => new XceliumSimRun(),
        ["hdlsim.mti.SimLib"] = () => new QuestaSimLib(),
        ["hdlsim.mti.SimLibUVM"] = () => new QuestaSimLibUvm(),
        ["hdlsim.mti.SimImage"] = () => new QuestaSimImage(),
        ["hdlsim.mti.SimRun"] = () => new QuestaSimRun(),
        ["hdlsim.xsm.SimLib"] = () => new SimLibPassthrough(),
        ["hdlsim.xsm.SimLibUVM"] = () => new XsimSimLibUvm(),
        ["hdlsim.xsm.SimImage"] = () => new XsimSimImage(),
        ["hdlsim.xsm.SimRun"] = () => new XsimSimRun(),
        ["hdlsim.vlt.SimLibDPI"] = () => new VltSimLibDpi(),
        ["hdlsim.vlt.SimLibVPI"] = () => new VltSimLibVpi(),
        ["hdlsim.vlt.SimLibUVM"] = () => new VltSimLibUvm(),
        ["hdlsim.ivl.SimLibDPI"] = () => new IvlSimLibDpi(),
        ["hdlsim.ivl.SimLibVPI"] = () => new IvlSimLibVpi(),
        ["hdlsim.ivl.SimLibUVM"] = () => new IvlSimLibUvm(),
    };
}

using DvFlow.Model.Loading;

namespace DvFlow.Model.Tests.TestSupport;

/// <summary>
/// A small stand-in for dfm's hdlsim plugin packages: <c>hdlsim</c> (types and abstract simulator tasks)
/// and the Verilator backend <c>hdlsim.vlt</c>, registered by name as an installed plugin would be.
/// </summary>
public static class FakeHdlsim
{
    public const string Hdlsim = """
        package:
          name: hdlsim
          desc: simulator-independent tasks and types
          with:
            sim: {type: str, value: "unset"}
          types:
          - name: SimElabArgs
            with:
              args: {type: list}
          - name: SimCompileArgs
            with:
              args: {type: list}
              defines: {type: list}
              incdirs: {type: list}
          - name: SimRunArgs
            with:
              args: {type: list}
              plusargs: {type: list}
          tasks:
          - export: SimImage
            desc: Build a simulation image
            consumes:
            - type: std.FileSet
            - type: hdlsim.SimElabArgs
            - type: hdlsim.SimCompileArgs
            produces:
            - type: hdlsim.SimImage
              sim: "${{ sim:-unset }}"
            with:
              top: {type: list}
              debug: {type: bool, value: false}
              optimization: {type: str, value: "O2"}
          - export: SimRun
            desc: Run a simulation image
            uptodate: false
            with:
              plusargs: {type: list}
        """;

    public const string Vlt = """
        package:
          name: hdlsim.vlt
          tasks:
          - export: SimImage
            uses: hdlsim.SimImage
            shell: pytask
            run: hdlsim.vlt.SimImage
          - export: SimRun
            uses: hdlsim.SimRun
            shell: pytask
            run: hdlsim.vlt.SimRun
        """;

    public const string Xcelium = """
        package:
          name: hdlsim.xcelium
          tasks:
          - export: SimImage
            uses: hdlsim.SimImage
            shell: pytask
            run: hdlsim.xcelium.SimImage
          - export: SimRun
            uses: hdlsim.SimRun
            shell: pytask
            run: hdlsim.xcelium.SimRun
        """;

    /// <summary>Writes the packages under <c>_plugins/</c> of <paramref name="f"/> and registers them.</summary>
    public static PackageRegistry Register(FlowFiles f, PackageRegistry registry)
    {
        registry.Add("hdlsim", f.Write("_plugins/hdlsim/flow.dv", Hdlsim));
        registry.Add("hdlsim.vlt", f.Write("_plugins/hdlsim_vlt/flow.dv", Vlt));
        registry.Add("hdlsim.xcelium", f.Write("_plugins/hdlsim_xcelium/flow.dv", Xcelium));
        return registry;
    }
}

using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.HdlSim;

/// <summary>The hdlsim packages in flows of their own: data items configuring SimImage, DPI, tracing, log verdicts.</summary>
[Collection(SdkCollection.Name)]
public class HdlSimFlowTests(SdkFeed feed)
{
    [Fact]
    public void VerilatorImageTakesDpiSourcesCompileArgsSuppressionsAndTraces()
    {
        RequiredTool.Ensure("verilator", "verilator");
        using var p = new FlowProject(feed, """
            package:
              name: feat
              imports:
              - name: hdlsim.vlt
              tasks:
              - name: sv
                uses: std.FileSet
                with: {base: src, type: systemVerilogSource, include: "*.sv"}
              - name: c
                uses: std.FileSet
                with: {base: src, type: cSource, include: "*.c"}
              - name: cargs
                uses: hdlsim.SimCompileArgs
                with: {defines: ["MAGIC=7"]}
              - name: quiet
                uses: hdlsim.SuppressWarnings
                with: {codes: [WIDTH]}
              - name: img
                uses: hdlsim.vlt.SimImage
                needs: [sv, c, cargs, quiet]
                with: {top: [top], trace: true}
              - root: run
                uses: hdlsim.vlt.SimRun
                needs: [img]
                with: {trace: true, plusargs: [seed=5]}
            """, FlowProject.HdlSimReference);
        p.Write("src/dpi.c", """
            /* Verilator compiles C sources as C++: DPI functions need C linkage. */
            #ifdef __cplusplus
            extern "C"
            #endif
            int add_one(int x) { return x + 1; }
            """);
        p.Write("src/top.sv", """
            module top;
              import "DPI-C" function int add_one(input int x);
              logic [3:0] narrow;
              int seed;
              initial begin
                if ($test$plusargs("trace")) begin
                  $dumpfile("top.fst");
                  $dumpvars(0, top);
                end
                narrow = 8'hff;
                if (!$value$plusargs("seed=%d", seed)) $fatal(1, "no seed");
                #1;
                if (add_one(41) != 42) $fatal(1, "DPI call failed");
                if (`MAGIC != 7) $fatal(1, "define missing");
                $display("PASS dpi=%0d seed=%0d", add_one(41), seed);
                $finish;
              end
            endmodule
            """);
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("PASS dpi=42 seed=5");
        r.AssertOutputContains("+define+MAGIC=7");
        r.AssertOutputContains("--trace-fst");
        r.AssertOutputLacks("warning WIDTH");
        Assert.True(File.Exists(Path.Combine(p.RunDir, "feat.run", "top.fst")), "the waveform is kept in the run directory");
    }

    [Fact]
    public void IcarusRunWithErrorsButExitCodeZeroFailsWithLocatedMarkers()
    {
        RequiredTool.Ensure("iverilog", "iverilog");
        using var p = new FlowProject(feed, """
            package:
              name: errs
              imports:
              - name: hdlsim.ivl
                as: sim
              tasks:
              - name: sv
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "t.sv"}
              - name: img
                uses: sim.SimImage
                needs: [sv]
                with: {top: [t]}
              - root: run
                uses: sim.SimRun
                needs: [img]
            """, FlowProject.HdlSimReference);
        // $error does not stop Icarus, and $finish exits with status 0: only the log shows the failure.
        p.Write("t.sv", """
            module t;
              initial begin
                $error("checker saw %0d", 3);
                $display("done");
                $finish;
              end
            endmodule
            """);
        var r = p.Build();
        Assert.False(r.Succeeded, r.Describe());
        r.AssertOutputMatches(@"t\.sv\(3\): error [A-Z0-9_]+: errs\.run: checker saw 3");
        r.AssertOutputContains("errs.run: the simulation reported 1 error(s)");
    }

    [Fact]
    public void ImageWithoutSourcesIsAnError()
    {
        using var p = new FlowProject(feed, """
            package:
              name: empty
              imports:
              - name: hdlsim.vlt
              tasks:
              - root: img
                uses: hdlsim.vlt.SimImage
                with: {top: [t]}
            """, FlowProject.HdlSimReference);
        var r = p.Build();
        Assert.False(r.Succeeded, r.Describe());
        r.AssertOutputContains("empty.img: no Verilog or SystemVerilog sources among the inputs");
        r.AssertOutputLacks("empty.img: empty.img:");
    }
}

using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.HdlSim;

/// <summary>
/// SimLibDPI, SimLibVPI and SimLibUVM of hdlsim.vlt and hdlsim.ivl: real C compiles into shared libraries
/// that images link or load, incremental rebuilds driven by the compiler's header list, and clear errors
/// where a simulator cannot do what is asked (DPI on Icarus, UVM without a source tree).
/// </summary>
[Collection(SdkCollection.Name)]
public class NativeLibTests(SdkFeed feed)
{
    /// <summary>A VPI library printing a message (with a define's value) at the start of simulation: works with both simulators.</summary>
    private const string VpiSource = """
        #include <vpi_user.h>
        #include "greeting.h"
        static PLI_INT32 at_start(p_cb_data cb) { (void)cb; vpi_printf("%s %d\n", GREETING, ANSWER); return 0; }
        static void register_start(void) {
          s_cb_data cb = {0};
          cb.reason = cbStartOfSimulation;
          cb.cb_rtn = at_start;
          vpi_register_cb(&cb);
        }
        void (*vlog_startup_routines[])(void) = {register_start, 0};
        """;

    private static FlowProject VpiProject(SdkFeed feed, string sim)
    {
        var p = new FlowProject(feed, $$"""
            package:
              name: vpi
              imports:
              - name: hdlsim.{{sim}}
                as: sim
              tasks:
              - name: csrc
                uses: std.FileSet
                with: {base: c, type: cSource, include: "*.c", incdirs: [inc]}
              - name: lib
                uses: sim.SimLibVPI
                needs: [csrc]
                with: {libname: greet, defines: ["ANSWER=42"]}
              - name: sv
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "t.sv"}
              - name: img
                uses: sim.SimImage
                needs: [sv, lib]
                with: {top: [t]}
              - root: run
                uses: sim.SimRun
                needs: [img]
            """, FlowProject.HdlSimReference);
        p.Write("c/vpi.c", VpiSource);
        p.Write("c/inc/greeting.h", "#define GREETING \"hello from vpi\"\n");
        p.Write("t.sv", """
            module t;
              initial begin
                #1 $display("simulated");
                $finish;
              end
            endmodule
            """);
        return p;
    }

    [Theory]
    [InlineData("vlt", "verilator", "libgreet.so")]
    [InlineData("ivl", "iverilog", "greet.vpi")]
    public void VpiLibraryIsCompiledLoadedAndRebuiltWhenAHeaderChanges(string sim, string tool, string libFile)
    {
        RequiredTool.Ensure(tool, tool);
        using var p = VpiProject(feed, sim);

        var first = p.Build();
        Assert.True(first.Succeeded, first.Describe());
        Assert.True(File.Exists(Path.Combine(p.RunDir, "vpi.lib", libFile)), $"the library {libFile} is in the run directory");
        var simLog = File.ReadAllText(Path.Combine(p.RunDir, "vpi.run", "sim.log"));
        Assert.Contains("hello from vpi 42", simLog);
        Assert.Contains("simulated", simLog);
        first.AssertOutputContains("-fPIC");
        first.AssertOutputContains("-DANSWER=42");

        var second = p.Build();
        Assert.True(second.Succeeded, second.Describe());
        second.AssertOutputContains("vpi.lib: skipped, up to date");

        // The header is no input of any task; the compiler's dependency file makes it one.
        var header = Path.Combine(p.Dir, "c", "inc", "greeting.h");
        File.WriteAllText(header, "#define GREETING \"hi again from vpi\"\n");
        File.SetLastWriteTimeUtc(header, DateTime.UtcNow.AddSeconds(2));
        var third = p.Build();
        Assert.True(third.Succeeded, third.Describe());
        third.AssertOutputMatches(@"vpi\.lib: running \(dependency '[^']*greeting\.h' changed\)");
        Assert.Contains("hi again from vpi 42", File.ReadAllText(Path.Combine(p.RunDir, "vpi.run", "sim.log")));
    }

    [Fact]
    public void VerilatorLinksADpiLibraryAndACompileErrorIsLocated()
    {
        RequiredTool.Ensure("verilator", "verilator");
        using var p = new FlowProject(feed, """
            package:
              name: dpi
              imports:
              - name: hdlsim.vlt
                as: sim
              tasks:
              - name: csrc
                uses: std.FileSet
                with: {base: c, type: cppSource, include: "*.cpp"}
              - name: lib
                uses: sim.SimLibDPI
                needs: [csrc]
                with: {defines: ["STEP=2"]}
              - name: sv
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "t.sv"}
              - name: img
                uses: sim.SimImage
                needs: [sv, lib]
                with: {top: [t]}
              - root: run
                uses: sim.SimRun
                needs: [img]
            """, FlowProject.HdlSimReference);
        var cpp = p.Write("c/step.cpp", """
            #include "svdpi.h"
            extern "C" int step(int x) { return x + STEP; }
            """);
        p.Write("t.sv", """
            module t;
              import "DPI-C" function int step(input int x);
              initial begin
                if (step(40) != 42) $fatal(1, "step(40) = %0d", step(40));
                $display("PASS step=%0d", step(40));
                $finish;
              end
            endmodule
            """);
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("PASS step=42");
        Assert.True(File.Exists(Path.Combine(p.RunDir, "dpi.lib", "liblib.so")), "the library is named for the task without libname");
        r.AssertOutputContains("c++ -c -fPIC");

        File.WriteAllText(cpp, "extern \"C\" int step(int x) { return x + undefined_name; }\n");
        var bad = p.Build();
        Assert.False(bad.Succeeded, bad.Describe());
        bad.AssertOutputMatches(@"c/step\.cpp\(1,\d+\): error [A-Z0-9_]+: dpi\.lib: .*undefined_name");
        Assert.False(File.Exists(Path.Combine(p.RunDir, "dpi.lib", "liblib.so")), "no library after a failed build");
    }

    [Fact]
    public void IcarusImageRejectsADpiLibrary()
    {
        RequiredTool.Ensure("iverilog", "iverilog");
        using var p = new FlowProject(feed, """
            package:
              name: nodpi
              imports:
              - name: hdlsim.ivl
                as: sim
              tasks:
              - name: csrc
                uses: std.FileSet
                with: {base: ".", type: cSource, include: "*.c"}
              - name: lib
                uses: sim.SimLibDPI
                needs: [csrc]
              - name: sv
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "t.sv"}
              - root: img
                uses: sim.SimImage
                needs: [sv, lib]
                with: {top: [t]}
            """, FlowProject.HdlSimReference);
        p.Write("f.c", "int f(int x) { return x; }\n");
        p.Write("t.sv", "module t; initial $finish; endmodule\n");
        var r = p.Build();
        Assert.False(r.Succeeded, r.Describe());
        r.AssertOutputMatches(@"Icarus Verilog does not support DPI: the DPI library '[^']*liblib\.so' cannot be used by an hdlsim\.ivl image");
    }

    [Fact]
    public void UvmLibraryNeedsASourceTreeOnVerilatorAndIsUnavailableOnIcarus()
    {
        RequiredTool.Ensure("verilator", "verilator");
        using var p = new FlowProject(feed, """
            package:
              name: uvm
              imports:
              - name: hdlsim.vlt
              - name: hdlsim.ivl
              tasks:
              - root: vlt_missing
                uses: hdlsim.vlt.SimLibUVM
              - root: ivl_uvm
                uses: hdlsim.ivl.SimLibUVM
              - name: vlt_uvm
                uses: hdlsim.vlt.SimLibUVM
                with: {uvm_home: fake_uvm}
              - name: sv
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "t.sv"}
              - name: img
                uses: hdlsim.vlt.SimImage
                needs: [vlt_uvm, sv]
                with: {top: [t]}
              - root: uvm_sim
                uses: hdlsim.vlt.SimRun
                needs: [img]
            """, FlowProject.HdlSimReference);
        // A stand-in UVM tree: the package and its include directory reach the image, with UVM_NO_DPI defined.
        p.Write("fake_uvm/src/uvm_macros.svh", "`define FAKE_UVM_MACRO 5\n");
        p.Write("fake_uvm/src/uvm_pkg.sv", """
            `include "uvm_macros.svh"
            package uvm_pkg;
            `ifdef UVM_NO_DPI
              function automatic int version(); return `FAKE_UVM_MACRO; endfunction
            `endif
            endpackage
            """);
        p.Write("t.sv", """
            module t;
              import uvm_pkg::*;
              initial begin
                $display("PASS uvm version %0d", version());
                $finish;
              end
            endmodule
            """);
        var missing = p.Build("-t:vlt_missing");
        Assert.False(missing.Succeeded, missing.Describe());
        missing.AssertOutputContains("uvm.vlt_missing: Verilator has no built-in UVM library; set the task's uvm_home parameter (or the UVM_HOME environment variable)");
        var ivl = p.Build("-t:ivl_uvm");
        Assert.False(ivl.Succeeded, ivl.Describe());
        ivl.AssertOutputContains("uvm.ivl_uvm: Icarus Verilog has no UVM library and cannot compile one");

        var withTree = p.Build("-t:uvm_sim");
        Assert.True(withTree.Succeeded, withTree.Describe());
        withTree.AssertOutputContains("PASS uvm version 5");
    }
}

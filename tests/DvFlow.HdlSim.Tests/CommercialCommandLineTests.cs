using DvFlow.HdlSim.Questa;
using DvFlow.HdlSim.Vcs;
using DvFlow.HdlSim.Xcelium;
using DvFlow.HdlSim.Xsim;

namespace DvFlow.HdlSim.Tests;

public class CommercialCommandLineTests
{
    private static SimSources Sources()
    {
        var s = new SimSources();
        s.HdlFiles.AddRange(["/p/rtl/c.sv", "/p/tb/tb.sv"]);
        s.CFiles.Add("/p/dpi/model.c");
        s.AddIncDir("/p/rtl");
        s.AddDefine("WIDTH=8");
        s.CompArgs.Add("-c1");
        s.ElabArgs.Add("-e1");
        s.Top.Add("tb");
        return s;
    }

    private static readonly SimRunOptions Run = new(["seed=3"], ["-a1"], Trace: true, Valgrind: false) { DpiLibs = ["/l/libdpi.so"], VpiLibs = [new("/l/vpi.so")] };

    [Fact]
    public void VcsAnalysesThenElaboratesWithLibrariesAndTrace()
    {
        var s = Sources();
        s.Libs.Add("/r/lib/mylib");
        s.Suppressed.Add("TFIPC");
        s.TraceFormat = "fst";
        Assert.Equal(["vlogan", "-full64", "-sverilog", "+warn=noTFIPC", "+incdir+/p/rtl", "+define+WIDTH=8", "-c1", "/p/rtl/c.sv", "/p/tb/tb.sv"], VcsCommandLine.Analyse(s, null));
        Assert.Equal(["vcs", "-full64", "-o", "simv", "-debug_access+all", "+warn=noTFIPC", "-liblist", "mylib", "-e1", "/p/dpi/model.c", "-top", "tb"], VcsCommandLine.Elaborate(s, VcsElabOptions.None));
        Assert.Equal(["vcs", "-full64", "-o", "simv", "-partcomp", "-fastpartcomp=j4"], VcsCommandLine.Elaborate(s, new VcsElabOptions(true, 4)).Take(6));
        Assert.Equal(["vcs", "-full64", "-o", "simv", "-partcomp", "-debug_access+all"], VcsCommandLine.Elaborate(s, new VcsElabOptions(true, 0)).Take(6));
        Assert.Equal("WORK > DEFAULT\nDEFAULT : ./work\nmylib : /r/lib/mylib\n", VcsCommandLine.Setup("work", s.Libs));
        Assert.Equal(["/i/simv", "-sv_lib", "/l/libdpi", "-load", "/l/vpi.so", "-a1", "+seed=3", "+trace"], VcsCommandLine.Run("/i/simv", Run));
    }

    [Fact]
    public void VcsUvmComesFromNtbOpts()
    {
        var s = Sources();
        s.CompArgs.AddRange(["-ntb_opts", "uvm-1.2"]);
        Assert.Equal("uvm-1.2", VcsCommandLine.NtbOpts(s));
        Assert.Null(VcsCommandLine.NtbOpts(Sources()));
    }

    [Fact]
    public void XceliumElaboratesWithXrunAndRunsTheSnapshot()
    {
        var s = Sources();
        s.Libs.Add("/r/lib/mylib");
        s.TraceFormat = "vcd";
        Assert.Equal(["xrun", "-64bit", "-elaborate", "-sv", "-xmlibdirname", "xcelium.d", "-snapshot", "simv", "-access", "+rwc",
            "-incdir", "/p/rtl", "-define", "WIDTH=8", "-reflib", "/r/lib/mylib", "-c1", "-e1", "/p/rtl/c.sv", "/p/tb/tb.sv", "/p/dpi/model.c", "-top", "tb"],
            XceliumCommandLine.Elaborate(s));
        Assert.Equal(["xrun", "-64bit", "-R", "-xmlibdirname", "/i/xcelium.d", "-snapshot", "simv", "-sv_lib", "/l/libdpi",
            "-loadvpi", "/l/vpi.so:vlog_startup_routines_bootstrap", "-a1", "+seed=3", "+trace"], XceliumCommandLine.Run("/i", Run));
        Assert.Equal(["xmvlog", "-64bit", "-sv", "-work", "lib1", "-nowarn", "W1", "-incdir", "/p/rtl", "-define", "WIDTH=8", "-c1", "/p/rtl/c.sv", "/p/tb/tb.sv"],
            XceliumCommandLine.Xmvlog(WithSuppressed(Sources(), "W1"), "lib1"));
    }

    [Fact]
    public void XsimCompilesIncrementallyElaboratesASnapshotAndRunsIt()
    {
        var s = Sources();
        s.DpiLibs.Add("/l/libext.so");
        s.TraceFormat = "vcd";
        Assert.Equal(["xvlog", "--sv", "--incr", "-i", "/p/rtl", "-d", "WIDTH=8", "-c1", "/p/rtl/c.sv", "/p/tb/tb.sv"], XsimCommandLine.Xvlog(s));
        Assert.Equal(["xsc", "/p/dpi/model.c"], XsimCommandLine.Xsc(s));
        Assert.Equal(["xelab", "--snapshot", "simv.snap", "--debug", "all", "-e1", "--sv_root", "/l", "--sv_lib", "libext", "--sv_lib", "dpi", "tb"],
            XsimCommandLine.Xelab(s));
        Assert.Equal(["xsim", "simv.snap", "--xsimdir", "/i/xsim.dir", "--runall", "-a1", "--testplusarg", "seed=3", "--testplusarg", "trace"],
            XsimCommandLine.Run("/i", Run));
        Assert.Equal("/l:/d", XsimCommandLine.LibraryPath(["/l/a.so", "/l/b.so"], "/d"));
        Assert.Equal("/l", XsimCommandLine.LibraryPath(["/l/a.so"], null));
    }

    [Fact]
    public void XsimWithoutTraceOrCSourcesNeitherDebugsNorBindsXscOutput()
    {
        var s = new SimSources();
        s.HdlFiles.Add("/p/t.sv");
        s.Top.AddRange(["t", "glbl"]);
        Assert.Equal(["xelab", "--snapshot", "simv.snap", "t", "glbl"], XsimCommandLine.Xelab(s));
    }

    [Fact]
    public void QuestaCompilesOptimisesAndRunsInBatch()
    {
        var s = WithSuppressed(Sources(), "vlog-2643");
        s.Libs.Add("/r/lib/mylib");
        s.TraceFormat = "fst";
        Assert.Equal(["vlog", "-sv", "-work", "work", "-suppress", "2643", "-L", "mylib", "+incdir+/p/rtl", "+define+WIDTH=8", "-c1", "/p/rtl/c.sv", "/p/tb/tb.sv", "/p/dpi/model.c"],
            QuestaCommandLine.Vlog(s, "work", withC: true));
        Assert.Equal(["vopt", "-work", "work", "+acc", "-suppress", "2643", "-L", "mylib", "-e1", "tb", "-o", "simv_opt"], QuestaCommandLine.Vopt(s, "work"));
        Assert.Equal(["vsim", "-c", "-modelsimini", "/i/modelsim.ini", "-lib", "/i/work", "-onfinish", "exit", "-do", "run -all; quit -f", "simv_opt",
            "-sv_lib", "/l/libdpi", "-pli", "/l/vpi.so", "-a1", "+seed=3", "+trace"], QuestaCommandLine.Vsim("/i", Run));
        Assert.Equal("[Library]\nothers = $MODEL_TECH/../modelsim.ini\nwork = /i/work\nmylib = /r/lib/mylib\n", QuestaCommandLine.Ini(["/i/work", .. s.Libs]));
        // full64 (SimImage's and SimRun's parameter) selects the 64-bit tools.
        Assert.Equal(["vlog", "-sv", "-work", "work", "-64"], QuestaCommandLine.Vlog(s, "work", withC: true, full64: true).Take(5));
        Assert.Equal(["vopt", "-work", "work", "-64"], QuestaCommandLine.Vopt(s, "work", full64: true).Take(4));
        Assert.Equal("-64", QuestaCommandLine.Vsim("/i", Run, full64: true)[11]);
    }

    [Fact]
    public void LibrariesMapTheLibrariesTheyBuildOn()
    {
        string[] deps = ["/r/base"];
        Assert.Equal("mylib : ./mylib\nbase : /r/base\n", VcsCommandLine.LibrarySetup("mylib", deps));
        Assert.Equal("SOFTINCLUDE $CDS_INST_DIR/tools/inca/files/cds.lib\nDEFINE mylib ./mylib\nDEFINE base /r/base\n", XceliumCommandLine.CdsLib("mylib", deps));
        Assert.Equal("[Library]\nothers = $MODEL_TECH/../modelsim.ini\nmylib = /r/mylib\nbase = /r/base\n", QuestaCommandLine.Ini(["/r/mylib", .. deps]));
    }

    [Fact]
    public void QuestaSuppressesOnlyNumberedCodes()
        => Assert.Equal(["-suppress", "2643,12110"], QuestaCommandLine.Suppress(["vlog-2643", "12110", "TFMPC", "vopt-2643"]));

    private static SimSources WithSuppressed(SimSources s, string code)
    {
        s.Suppressed.Add(code);
        return s;
    }

    private static void AssertFollows(IReadOnlyList<string> argv, params string[] seq)
        => Assert.True(Enumerable.Range(0, Math.Max(0, argv.Count - seq.Length + 1)).Any(i => argv.Skip(i).Take(seq.Length).SequenceEqual(seq)),
            $"expected [{string.Join(" ", seq)}] in: {string.Join(" ", argv)}");

    [Fact]
    public void VpiEntryPointsReachEachCommercialSimulator()
    {
        var s = Sources();
        s.VpiLibs.Add(new("/l/cocotb.so", "boot"));
        var elab = VcsCommandLine.Elaborate(s, VcsElabOptions.None);
        AssertFollows(elab, "+vpi", "-debug_access", "-load", "/l/cocotb.so:boot");
        var run = Run with { VpiLibs = [new("/l/cocotb.so", "boot"), new("/l/plain.so")] };
        AssertFollows(VcsCommandLine.Run("/i/simv", run), "-load", "/l/cocotb.so:boot", "-load", "/l/plain.so");
        AssertFollows(XceliumCommandLine.Run("/i", run), "-loadvpi", "/l/cocotb.so:boot", "-loadvpi", "/l/plain.so:vlog_startup_routines_bootstrap");
        AssertFollows(QuestaCommandLine.Vsim("/i", run), "-pli", "/l/cocotb.so:boot", "-pli", "/l/plain.so");
    }

    [Fact]
    public void SimCompileArgsVpiAndPublicAccessReachEveryCompiler()
    {
        var s = Sources();
        s.Vpi = true;
        s.PublicAccess = true;
        var vlt = DvFlow.HdlSim.Verilator.VltCommandLine.Build(s, 2);
        Assert.Contains("--vpi", vlt);
        Assert.Contains("--public-flat-rw", vlt);
        var vcs = VcsCommandLine.Elaborate(s, VcsElabOptions.None);
        Assert.Contains("-debug_access+all", vcs);
        Assert.Contains("+vpi", vcs);
        Assert.DoesNotContain("-debug_access", vcs);
        AssertFollows(XceliumCommandLine.Elaborate(s), "-access", "+rwc");
        Assert.Contains("+acc", QuestaCommandLine.Vopt(s, "work"));
        AssertFollows(XsimCommandLine.Xelab(s), "--debug", "all");
        var plain = Sources();
        Assert.DoesNotContain("--public-flat-rw", DvFlow.HdlSim.Verilator.VltCommandLine.Build(plain, 2));
        Assert.DoesNotContain("-access", XceliumCommandLine.Elaborate(plain));
    }
}

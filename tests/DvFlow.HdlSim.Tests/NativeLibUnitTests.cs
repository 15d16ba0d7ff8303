using DvFlow.HdlSim.Logs;
using DvFlow.HdlSim.Native;
using DvFlow.HdlSim.Verilator;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Tests;

public class NativeLibUnitTests
{
    [Fact]
    public void CompilerDepFileListsSourceAndHeaders()
    {
        var deps = MakeDepFile.Parse("obj/0_vpi.o: /p/c/vpi.c /usr/include/stdio.h \\\n inc/greeting.h\n", "/run/lib");
        Assert.Equal(["/p/c/vpi.c", "/usr/include/stdio.h", "/run/lib/inc/greeting.h"], deps);
    }

    [Fact]
    public void GccErrorAndWarningWithAndWithoutColumn()
    {
        var p = new GccLogParser();
        Assert.Equal(new TaskMarker(MarkerSeverity.Error, "'x' was not declared in this scope", "/p/c/step.cpp", 2, 40), p.Parse("/p/c/step.cpp:2:40: error: 'x' was not declared in this scope"));
        Assert.Equal(new TaskMarker(MarkerSeverity.Warning, "unused variable 'y' [-Wunused-variable]", "a.c", 7), p.Parse("a.c:7: warning: unused variable 'y' [-Wunused-variable]"));
        Assert.Equal(MarkerSeverity.Error, p.Parse("a.c:1:10: fatal error: missing.h: No such file or directory")?.Severity);
        Assert.Null(p.Parse("a.c: In function 'main':"));
        Assert.Null(p.Parse("    2 |   return x;"));
    }

    [Fact]
    public void VerilatorWithVpiLibrariesBuildsAroundTheGeneratedMain()
    {
        var s = new SimSources();
        s.HdlFiles.Add("/p/t.sv");
        s.DpiLibs.Add("/r/lib/libdpi.so");
        var binary = VltCommandLine.Build(s, 2);
        Assert.Contains("--binary", binary);
        Assert.Equal("/r/lib/libdpi.so", binary[^1]);

        var vpi = VltCommandLine.Build(s, 2, "/r/img/dvflow_vpi_main.cpp");
        Assert.DoesNotContain("--binary", vpi);
        Assert.Contains("--vpi", vpi);
        Assert.Equal(VltVpiMain.Prefix, vpi[vpi.ToList().IndexOf("--prefix") + 1]);
        Assert.Equal("/r/img/dvflow_vpi_main.cpp", vpi[^1]);

        var main = VltVpiMain.Source([new("/r/lib/libgreet.so"), new("/odd \"dir\"/v.so", "my_boot")]);
        Assert.Contains("{\"/r/lib/libgreet.so\", nullptr},", main);
        Assert.Contains("{\"/odd \\\"dir\\\"/v.so\", \"my_boot\"},", main);
        Assert.Contains("#include \"Vsim.h\"", main);
    }
}

public class IvlVpiCommandLineTests
{
    [Fact]
    public void VpiLibrariesLoadAtCompileAndAtRunTime()
    {
        var s = new SimSources();
        s.HdlFiles.Add("/p/t.sv");
        s.VpiLibs.AddRange([new("/r/lib/greet.vpi"), new("/r/other/libx.so")]);
        var compile = DvFlow.HdlSim.Icarus.IvlCommandLine.Compile(s);
        Assert.Contains("-m/r/lib/greet", compile);
        Assert.Contains("-m/r/other/libx.so", compile);

        var run = DvFlow.HdlSim.Icarus.IvlCommandLine.Run("/r/img/simv.vvp", new SimRunOptions(["seed=1"], [], false, false) { VpiLibs = [new("/r/lib/greet.vpi")] });
        Assert.Equal(["vvp", "-n", "-m/r/lib/greet", "/r/img/simv.vvp", "+seed=1"], run);
    }

    [Fact]
    public void IcarusCannotHonourANamedEntryPoint()
    {
        var problem = Assert.Single(DvFlow.HdlSim.Icarus.IvlCommandLine.UnsupportedEntryPoints([new("/r/a.vpi"), new("/r/b.vpi", "boot")]));
        Assert.Equal("Icarus Verilog registers VPI modules only through vlog_startup_routines: entry point 'boot' of /r/b.vpi cannot be used (remove the entrypoint attribute, or export the routine in vlog_startup_routines)", problem);
    }
}

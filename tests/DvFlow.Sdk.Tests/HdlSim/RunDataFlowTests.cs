using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.HdlSim;

/// <summary>
/// SimRun's run data (simRunData FileSets) in real builds: copied into the run directory before the simulation
/// starts whichever task made it, part of the run's inputs, refused with an error naming the file when it
/// cannot be staged; with Verilator and Icarus, and with each commercial simulator's fake.
/// </summary>
[Collection(SdkCollection.Name)]
public class RunDataFlowTests(SdkFeed feed)
{
    public static TheoryData<string> FreeSimulators => new(["vlt", "ivl"]);
    public static TheoryData<string> CommercialSimulators => new(["vcs", "xcm", "mti", "xsm"]);

    // Prints the first line of smoke.dat, or that it cannot open it.
    private const string Testbench = """
        module smoke;
          integer fd;
        `ifdef __ICARUS__
          reg [8*64-1:0] line;
        `else
          string line;
        `endif
          initial begin
            fd = $fopen("smoke.dat", "r");
            if (fd == 0) begin
              $display("Failed to open smoke.dat");
            end else begin
              if ($fgets(line, fd) == 0) $display("smoke.dat is empty");
              $display("Data: %0s", line);
            end
            $finish;
          end
        endmodule

        """;

    private static void RequireSimulator(string sim)
    {
        if (sim == "vlt") RequiredTool.Ensure("verilator", "verilator");
        else RequiredTool.Ensure("iverilog", "iverilog");
    }

    private string SimLog(FlowProject p, string task) => File.ReadAllText(Path.Combine(p.RunDir, task, "sim.log"));

    [Theory]
    [MemberData(nameof(FreeSimulators))]
    public void RunDataFromCreateFileSetFileTypeOrAFileSetIsInTheRunDirectoryWhenTheSimulationStarts(string sim)
    {
        RequireSimulator(sim);
        using var p = new FlowProject(feed, $$"""
            package:
              name: rd
              imports:
              - name: hdlsim.{{sim}}
                as: sim
              tasks:
              - name: tb
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "smoke.sv"}
              - name: img
                uses: sim.SimImage
                needs: [tb]
                with: {top: [smoke]}
              - name: created
                uses: std.CreateFile
                with: {type: simRunData, filename: smoke.dat, content: "from CreateFile"}
              - name: notes
                uses: std.CreateFile
                with: {type: markdown, filename: smoke.dat, content: "from SetFileType"}
              - name: retyped
                uses: std.SetFileType
                needs: [notes]
                with: {filetype: simRunData}
              - name: listed
                uses: std.FileSet
                with: {base: data, type: simRunData, include: "smoke.dat"}
              - root: run_created
                uses: sim.SimRun
                needs: [created, img]
              - root: run_retyped
                uses: sim.SimRun
                needs: [retyped, img]
              - root: run_listed
                uses: sim.SimRun
                needs: [listed, img]
              - root: run_without
                uses: sim.SimRun
                needs: [img]
            """, FlowProject.HdlSimReference);
        p.Write("smoke.sv", Testbench);
        p.Write("data/smoke.dat", "from FileSet\n");
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        Assert.Contains("Data: from CreateFile", SimLog(p, "rd.run_created"));
        Assert.Contains("Data: from SetFileType", SimLog(p, "rd.run_retyped"));
        Assert.Contains("Data: from FileSet", SimLog(p, "rd.run_listed"));
        Assert.Contains("Failed to open smoke.dat", SimLog(p, "rd.run_without"));
        // A copy, not a link: the simulation may change it without touching the source.
        Assert.Null(new FileInfo(Path.Combine(p.RunDir, "rd.run_listed", "smoke.dat")).LinkTarget);
    }

    [Theory]
    [MemberData(nameof(FreeSimulators))]
    public void AChangedRunDataFileRerunsTheSimulationAndADroppedOneIsRemoved(string sim)
    {
        RequireSimulator(sim);
        string Flow(string runNeeds) => $$"""
            package:
              name: rdu
              imports:
              - name: hdlsim.{{sim}}
                as: sim
              tasks:
              - name: tb
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "smoke.sv"}
              - name: img
                uses: sim.SimImage
                needs: [tb]
                with: {top: [smoke]}
              - name: listed
                uses: std.FileSet
                with: {base: data, type: simRunData, include: "smoke.dat"}
              - root: run
                uses: sim.SimRun
                uptodate: true
                needs: [{{runNeeds}}]
            """;
        using var p = new FlowProject(feed, Flow("listed, img"), FlowProject.HdlSimReference);
        p.Write("smoke.sv", Testbench);
        var data = p.Write("data/smoke.dat", "first\n");

        var first = p.Build();
        Assert.True(first.Succeeded, first.Describe());
        Assert.Contains("Data: first", SimLog(p, "rdu.run"));

        var again = p.Build();
        Assert.True(again.Succeeded, again.Describe());
        again.AssertOutputContains("rdu.run: skipped, up to date");

        File.WriteAllText(data, "second\n");
        File.SetLastWriteTimeUtc(data, DateTime.UtcNow.AddSeconds(2));
        var changed = p.Build();
        Assert.True(changed.Succeeded, changed.Describe());
        changed.AssertOutputContains("rdu.run: running (inputs changed)");
        changed.AssertOutputContains("rdu.img: skipped, up to date");
        Assert.Contains("Data: second", SimLog(p, "rdu.run"));

        p.Write("flow.yaml", Flow("img"));
        var dropped = p.Build();
        Assert.True(dropped.Succeeded, dropped.Describe());
        Assert.Contains("Failed to open smoke.dat", SimLog(p, "rdu.run"));
        Assert.False(File.Exists(Path.Combine(p.RunDir, "rdu.run", "smoke.dat")));
    }

    [Theory]
    [MemberData(nameof(CommercialSimulators))]
    public void CommercialSimulatorsRunWithTheRunDataInTheirRunDirectory(string sim)
    {
        using var p = new FlowProject(feed, $$"""
            package:
              name: rdc
              imports:
              - name: hdlsim.{{sim}}
                as: sim
              tasks:
              - name: tb
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "smoke.sv"}
              - name: img
                uses: sim.SimImage
                needs: [tb]
                with: {top: [smoke]}
              - name: created
                uses: std.CreateFile
                with: {type: simRunData, filename: smoke.dat, content: "from CreateFile"}
              - root: run
                uses: sim.SimRun
                needs: [created, img]
            """, FlowProject.HdlSimReference);
        var fakes = new FakeSimulators(p.Dir);
        p.Environment["PATH"] = fakes.PathWithFakes;
        p.Environment["FAKE_SIM_RUN_READS"] = "smoke.dat";
        p.Write("smoke.sv", Testbench);
        var r = p.Build();
        Assert.True(r.Succeeded, r.Describe());
        r.AssertOutputContains("FAKE SIM PASS");
        Assert.Contains("Data: from CreateFile", SimLog(p, "rdc.run"));
    }

    [Fact]
    public void RunDataThatCannotBeStagedFailsTheRunNamingTheFileAtTheRunsLine()
    {
        using var p = new FlowProject(feed, """
            package:
              name: bad
              imports:
              - name: hdlsim.vcs
              tasks:
              - name: tb
                uses: std.FileSet
                with: {base: ".", type: systemVerilogSource, include: "smoke.sv"}
              - name: img
                uses: hdlsim.vcs.SimImage
                needs: [tb]
                with: {top: [smoke]}
              - name: listed
                shell: bash
                run: |
                  echo "{\"type\": \"std.FileSet\", \"filetype\": \"simRunData\", \"basedir\": \"$DFM_SRCDIR/data\", \"files\": [\"missing.dat\", \"adir\", \"fifo\", \"sim.log\"]}" >> "$DFM_OUTPUT"
              - root: sim
                uses: hdlsim.vcs.SimRun
                needs: [listed, img]
              - name: linked
                uses: std.FileSet
                with: {base: data, type: simRunData, include: ["smoke.dat", "sub/more.dat"]}
              - root: sim_linked
                uses: hdlsim.vcs.SimRun
                needs: [linked, img]
            """, FlowProject.HdlSimReference);
        var fakes = new FakeSimulators(p.Dir);
        p.Environment["PATH"] = fakes.PathWithFakes;
        p.Write("smoke.sv", Testbench);
        p.Write("data/sim.log", "not the run's log\n");
        p.Write("data/smoke.dat", "data\n");
        p.Write("data/sub/more.dat", "more\n");
        Directory.CreateDirectory(Path.Combine(p.Dir, "data", "adir"));
        using (var mk = System.Diagnostics.Process.Start("mkfifo", Path.Combine(p.Dir, "data", "fifo"))) mk.WaitForExit();
        var data = Path.Combine(p.Dir, "data");

        var r = p.Build("-t:sim");
        Assert.False(r.Succeeded, r.Describe());
        var at = @"flow\.yaml\(17,\d+\): error DVF6000: bad\.sim: ";
        r.AssertOutputMatches(at + System.Text.RegularExpressions.Regex.Escape($"run-data file '{data}/missing.dat' (from bad.listed) does not exist"));
        r.AssertOutputMatches(at + System.Text.RegularExpressions.Regex.Escape($"run-data file '{data}/adir' (from bad.listed) is a directory"));
        r.AssertOutputMatches(at + System.Text.RegularExpressions.Regex.Escape($"run-data file '{data}/fifo' (from bad.listed) is not a regular file"));
        r.AssertOutputMatches(at + System.Text.RegularExpressions.Regex.Escape($"run-data file '{data}/sim.log' (from bad.listed) would replace the run's own 'sim.log'"));
        Assert.Empty(fakes.Calls("simv"));

        // Links planted in the run directory (by an earlier shell task, say) are never written through.
        var outside = Directory.CreateDirectory(Path.Combine(p.Dir, "outside")).FullName;
        var victim = Path.Combine(outside, "victim.txt");
        File.WriteAllText(victim, "keep\n");
        var runDir = Directory.CreateDirectory(Path.Combine(p.RunDir, "bad.sim_linked")).FullName;
        File.CreateSymbolicLink(Path.Combine(runDir, "smoke.dat"), victim);
        Directory.CreateSymbolicLink(Path.Combine(runDir, "sub"), outside);
        var linked = p.Build("-t:sim_linked");
        Assert.False(linked.Succeeded, linked.Describe());
        linked.AssertOutputContains($"bad.sim_linked: refusing to copy run-data file '{data}/sub/more.dat' (from bad.linked) to '{runDir}/sub/more.dat': '{runDir}/sub' is a symbolic link");
        Assert.Equal("keep\n", File.ReadAllText(victim));
        Assert.False(File.Exists(Path.Combine(outside, "more.dat")));
        Assert.Empty(fakes.Calls("simv"));
    }
}

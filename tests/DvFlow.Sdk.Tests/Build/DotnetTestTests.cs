using System.Xml.Linq;
using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>
/// dotnet test on a flow project: every SimRun (each matrix cell) and every task tagged as a test runs, all of them past
/// failures; each is a test result in the console, the TRX and the JUnit file; --filter selects, --list-tests lists,
/// --no-build runs on the last build; the exit code says whether a test failed.
/// </summary>
[Collection(SdkCollection.Name)]
public class DotnetTestTests(SdkFeed feed)
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    // An Icarus image run as a 2x2 matrix (beta fails with seed 2), a shell check tagged with a tag type of the package,
    // a failing one tagged with std.Tag itself, a disabled one, and a task that is no test.
    private const string Flow = """
        package:
          name: t
          imports:
          - name: hdlsim.ivl
          types:
          - name: Check
            uses: std.Tag
            with: {category: test}
          tasks:
          - name: sv
            uses: std.FileSet
            with: {base: src, type: systemVerilogSource, include: "*.sv"}
          - name: img
            uses: hdlsim.ivl.SimImage
            needs: [sv]
            with: {top: [top]}
          - name: tests
            needs: [img]
            strategy:
              matrix:
                test: [alpha, beta]
                seed: [1, 2]
            body:
            - name: run
              uses: hdlsim.ivl.SimRun
              with: {plusargs: ["TEST=${{ matrix.test }}", "SEED=${{ matrix.seed }}"]}
          - name: lint
            tags: [t.Check]
            run: echo lint clean
          - name: style
            tags:
            - std.Tag: {category: test, value: style}
            run: |
              echo "style: 2 problems"
              exit 3
          - name: later
            tags: [t.Check]
            iff: ${{ false }}
            run: echo never
          - name: helper
            run: echo not a test
        """;

    private const string Top = """
        module top;
          reg [8*16-1:0] test;
          integer seed;
          initial begin
            if (!$value$plusargs("TEST=%s", test)) $fatal(1, "no TEST");
            if (!$value$plusargs("SEED=%d", seed)) $fatal(1, "no SEED");
            $display("running %0s seed %0d", test, seed);
            if (test == "beta" && seed == 2) $fatal(1, "beta fails with seed 2");
            $display("PASS %0s %0d", test, seed);
            $finish;
          end
        endmodule
        """;

    private static readonly string[] Names =
    [
        "t.tests.run_0_0(test: alpha, seed: 1)", "t.tests.run_0_1(test: alpha, seed: 2)",
        "t.tests.run_1_0(test: beta, seed: 1)", "t.tests.run_1_1(test: beta, seed: 2)",
        "t.lint", "t.style", "t.later",
    ];

    private FlowProject Project()
    {
        RequiredTool.Ensure("iverilog", "iverilog");
        var p = new FlowProject(feed, Flow, FlowProject.HdlSimReference);
        p.Write("src/top.sv", Top);
        return p;
    }

    [Fact]
    public void EveryTestRunsAndIsReportedInTheConsoleTheTrxAndTheJUnitFile()
    {
        using var p = Project();
        var run = p.Test("--logger", "trx;LogFileName=run.trx", "--logger", "junit;LogFilePath=ci/{assembly}.junit.xml", "--results-directory", "out");
        Assert.True(run.ExitCode != 0, run.Describe());
        run.AssertOutputContains("Failed!  - Failed:     2, Passed:     4, Skipped:     1, Total:     7, Duration: ");
        run.AssertOutputContains(" - flow.proj (dvflow)");
        // Each failure names the test (with its matrix cell), its error located in the testbench, and its log.
        run.AssertOutputContains("  Failed t.tests.run_1_1(test: beta, seed: 2) [");
        run.AssertOutputMatches(@"src/top\.sv\(8\): error DVF6000: t\.tests\.run_1_1: beta fails with seed 2");
        run.AssertOutputContains("  Failed t.style [");
        run.AssertOutputContains($"Results File: {Path.Combine(p.Dir, "out", "run.trx")}");
        run.AssertOutputContains($"Results File: {Path.Combine(p.Dir, "ci", "flow.junit.xml")}");
        // The task that is no test did not run.
        Assert.False(Directory.Exists(Path.Combine(p.RunDir, "t.helper")));

        var trx = XDocument.Load(Path.Combine(p.Dir, "out", "run.trx")).Root!;
        var counters = trx.Element(Trx + "ResultSummary")!.Element(Trx + "Counters")!;
        Assert.Equal("Failed", trx.Element(Trx + "ResultSummary")!.Attribute("outcome")!.Value);
        Assert.Equal(("7", "6", "4", "2", "1"), (counters.Attribute("total")!.Value, counters.Attribute("executed")!.Value,
            counters.Attribute("passed")!.Value, counters.Attribute("failed")!.Value, counters.Attribute("notExecuted")!.Value));
        var results = trx.Element(Trx + "Results")!.Elements(Trx + "UnitTestResult").ToDictionary(r => r.Attribute("testName")!.Value);
        Assert.Equal(Names, results.Keys);
        Assert.Equal(["Passed", "Passed", "Passed", "Failed", "Passed", "Failed", "NotExecuted"], results.Values.Select(r => r.Attribute("outcome")!.Value));
        var beta2 = results["t.tests.run_1_1(test: beta, seed: 2)"].Element(Trx + "Output")!;
        Assert.Matches(@"src/top\.sv\(8\): t\.tests\.run_1_1: beta fails with seed 2$", beta2.Element(Trx + "ErrorInfo")!.Element(Trx + "Message")!.Value);
        Assert.Contains("running beta seed 2", beta2.Element(Trx + "StdOut")!.Value);
        Assert.Contains("PASS alpha 2", results["t.tests.run_0_1(test: alpha, seed: 2)"].Element(Trx + "Output")!.Element(Trx + "StdOut")!.Value);
        Assert.True(TimeSpan.Parse(results["t.tests.run_0_0(test: alpha, seed: 1)"].Attribute("duration")!.Value) > TimeSpan.Zero);
        // Definitions and entries line up with the results, as Azure DevOps and Visual Studio join them.
        var definitions = trx.Element(Trx + "TestDefinitions")!.Elements(Trx + "UnitTest").ToList();
        Assert.Equal(results.Values.Select(r => r.Attribute("testId")!.Value), definitions.Select(d => d.Attribute("id")!.Value));
        Assert.Equal(("t.tests", "run_1_1(test: beta, seed: 2)"), (definitions[3].Element(Trx + "TestMethod")!.Attribute("className")!.Value,
            definitions[3].Element(Trx + "TestMethod")!.Attribute("name")!.Value));
        Assert.Equal(results.Values.Select(r => r.Attribute("executionId")!.Value),
            trx.Element(Trx + "TestEntries")!.Elements(Trx + "TestEntry").Select(e => e.Attribute("executionId")!.Value));

        var junit = XDocument.Load(Path.Combine(p.Dir, "ci", "flow.junit.xml")).Root!;
        var suite = Assert.Single(junit.Elements("testsuite"));
        Assert.Equal(("7", "2", "1", "0"), (suite.Attribute("tests")!.Value, suite.Attribute("failures")!.Value, suite.Attribute("skipped")!.Value, suite.Attribute("errors")!.Value));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(Names, cases.Select(c => c.Attribute("classname")!.Value + "." + c.Attribute("name")!.Value));
        Assert.Equal(["t.tests.run_1_1(test: beta, seed: 2)", "t.style"], cases.Where(c => c.Element("failure") is not null).Select(c => c.Attribute("classname")!.Value + "." + c.Attribute("name")!.Value));
        Assert.Contains("command failed with exit code 3", cases[5].Element("failure")!.Attribute("message")!.Value);
        Assert.Contains("flow.yaml(", cases[5].Element("failure")!.Value);
        Assert.Contains("style: 2 problems", cases[5].Element("system-out")!.Value);
        Assert.NotNull(cases[6].Element("skipped"));

        // Tests run again in the next dotnet test, whatever their records say; what they need does not.
        var again = p.Test("-v:n", "--filter", "FullyQualifiedName=t.lint");
        Assert.True(again.ExitCode == 0, again.Describe());
        again.AssertOutputContains("t.lint: running (a test: dotnet test runs every test it selects)");
        again.AssertOutputContains("  Passed t.lint [");
        again.AssertOutputContains("Passed!  - Failed:     0, Passed:     1, Skipped:     0, Total:     1, Duration: ");
        // Default file names: the TRX logger's user_machine_timestamp.trx, JunitXml's TestResults.xml, in TestResults/.
        var defaults = p.Test("--filter", "Name=t.lint", "--logger", "trx", "--logger", "junit");
        Assert.True(defaults.ExitCode == 0, defaults.Describe());
        Assert.Single(Directory.GetFiles(Path.Combine(p.Dir, "TestResults"), "*.trx"));
        Assert.True(File.Exists(Path.Combine(p.Dir, "TestResults", "TestResults.xml")));
    }

    [Fact]
    public void ATestWhoseImageFailsToCompileFailsCarryingTheCompileError()
    {
        using var p = Project();
        p.Write("src/top.sv", Top.Replace("$display(\"PASS %0s %0d\", test, seed);", "$display(\"PASS %0s %0d\", test, seed)"));
        var run = p.Test("--filter", "FullyQualifiedName~tests&Name!~alpha", "--logger", "junit;LogFileName=j.xml");
        Assert.True(run.ExitCode != 0, run.Describe());
        run.AssertOutputContains("Failed!  - Failed:     2, Passed:     0, Skipped:     0, Total:     2, Duration: ");
        run.AssertOutputMatches(@"Error Message:\s+not run: t\.img failed: \S*src/top\.sv\(10\): t\.img: syntax error");
        var cases = XDocument.Load(Path.Combine(p.Dir, "TestResults", "j.xml")).Root!.Element("testsuite")!.Elements("testcase").ToList();
        Assert.Equal(["run_1_0(test: beta, seed: 1)", "run_1_1(test: beta, seed: 2)"], cases.Select(c => c.Attribute("name")!.Value));
        Assert.All(cases, c => Assert.Matches(@"src/top\.sv\(10\): t\.img: syntax error", c.Element("failure")!.Attribute("message")!.Value));
        // The compile error is where the compiler put it, and once: the image is compiled once for all its runs.
        Assert.Equal(1, run.LinesContaining(": error DVF6000: t.img: syntax error"));
    }

    [Fact]
    public void ListTestsNoBuildAndBadOptions()
    {
        using var p = new FlowProject(feed, """
            package:
              name: t
              tasks:
              - name: prep
                run: echo prepared > "$DFM_RUNDIR/prep.txt"
              - name: a
                needs: [prep]
                tags: [{std.Tag: {category: test}}]
                run: test -f ../t.prep/prep.txt
              - name: b
                needs: [prep]
                tags: [{std.Tag: {category: test}}]
                run: echo b
              - name: c
                tags: [{std.Tag: {category: test}}]
                run: echo c
            """);
        var list = p.Test("--list-tests", "--filter", "Name=t.a|FullyQualifiedName~c");
        Assert.True(list.ExitCode == 0, list.Describe());
        list.AssertOutputMatches(@"The following Tests are available:\s+t\.a\s+t\.c\s");
        list.AssertOutputLacks("t.b");
        Assert.False(Directory.Exists(p.RunDir), "listing runs nothing");

        // --no-build: the tests run on what the last build left; a need never built fails its tests, and says so.
        var unbuilt = p.Test("--no-build", "--filter", "Name=t.a|Name=t.c");
        Assert.True(unbuilt.ExitCode != 0, unbuilt.Describe());
        unbuilt.AssertOutputMatches(@"flow\.yaml\(4,11\): error DVF6000: t\.prep: has not been built, and dotnet test --no-build runs only the tests");
        unbuilt.AssertOutputContains("Failed!  - Failed:     1, Passed:     1, Skipped:     0, Total:     2");
        var build = p.BuildWithoutBinlog("-t:DvFlowRun", "-p:DvFlowTask=prep");
        Assert.True(build.Succeeded, build.Describe());
        var built = p.Test("--no-build");
        Assert.True(built.ExitCode == 0, built.Describe());
        built.AssertOutputContains("Passed!  - Failed:     0, Passed:     3, Skipped:     0, Total:     3");

        var filter = p.Test("--filter", "Owner=me");
        Assert.True(filter.ExitCode != 0, filter.Describe());
        filter.AssertOutputMatches(@"flow\.proj.*error DVF0013: --filter ""Owner=me"": 'Owner' is not a property of flow tests; use FullyQualifiedName, Name, ClassName");
        var logger = p.Test("--logger", "html");
        Assert.True(logger.ExitCode != 0, logger.Describe());
        logger.AssertOutputContains("error DVF0014: --logger \"html\": flow projects write 'trx', 'junit' and 'console' results, not 'html'");
        var collect = p.Test("--filter", "Name=t.c", "--collect", "XPlat Code Coverage", "--blame");
        Assert.True(collect.ExitCode == 0, collect.Describe());
        collect.AssertOutputContains("warning DVF0016: dotnet test's --collect (XPlat Code Coverage), --blame drive vstest's own machinery, which a flow's tests do not run in; not applied");
        // 'Test' runs the same tests as VSTest, for dotnet msbuild and traversal projects.
        var msbuild = p.Msbuild("-t:Test", "-p:VSTestTestCaseFilter=Name=t.b");
        Assert.True(msbuild.Succeeded, msbuild.Describe());
        msbuild.AssertOutputContains("Passed!  - Failed:     0, Passed:     1, Skipped:     0, Total:     1");
    }
}

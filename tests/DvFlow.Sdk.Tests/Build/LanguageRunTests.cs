using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>Compound tasks, iff, matrix, overrides, extensions and dataflow filters, executed by real builds.</summary>
[Collection(SdkCollection.Name)]
public class LanguageRunTests(SdkFeed feed)
{
    [Fact]
    public void CompoundMatrixIffOverrideAndExtensionRunAsTheModelDefines()
    {
        using var p = new FlowProject(feed, """
            package:
              name: lang
              with:
                debug: {type: bool, value: false}
              tasks:
              - name: compile
                with:
                  opt: {type: str, value: O2}
                shell: bash
                run: echo "opt=${{ opt }}" > opt.txt
              - name: tests
                with:
                  tag: {type: str, value: base}
                strategy:
                  matrix:
                    seed: [1, 2]
                    test: [smoke, full]
                body:
                - name: run
                  shell: bash
                  run: echo "${{ matrix.test }} ${{ matrix.seed }} ${{ tag }}" > cell.txt
              - name: dbg
                iff: ${{ debug }}
                shell: bash
                run: touch "$DFM_SRCDIR/dbg-ran"
              - name: group
                rundir: unique
                body:
                - name: one
                  rundir: inherit
                  uses: std.CreateFile
                  with: {filename: one.txt, content: "1"}
                - name: two
                  rundir: inherit
                  needs: [one]
                  shell: bash
                  run: cat one.txt > two.txt
              - root: all
                needs: [compile, tests, dbg, group]
              configs:
              - name: fast
                tasks:
                - name: compile
                  override: compile
                  with: {opt: O0}
                extensions:
                - task: tests
                  with:
                    tag: {value: extended}
            """);
        var r = p.Build("-t:all", "-p:Config=fast");
        Assert.True(r.Succeeded, r.Describe());
        var rd = p.RunDir;
        Assert.Equal("opt=O0", File.ReadAllText(Path.Combine(rd, "lang.compile", "opt.txt")).Trim());
        Assert.Equal("full 2 extended", File.ReadAllText(Path.Combine(rd, "lang.tests.run_1_1", "cell.txt")).Trim());
        Assert.Equal("smoke 1 extended", File.ReadAllText(Path.Combine(rd, "lang.tests.run_0_0", "cell.txt")).Trim());
        Assert.False(File.Exists(Path.Combine(p.Dir, "dbg-ran")));
        Assert.Equal("1", File.ReadAllText(Path.Combine(rd, "lang.group", "two.txt")).Trim());

        var r2 = p.Build("-t:all", "-p:D_debug=true");
        Assert.True(r2.Succeeded, r2.Describe());
        Assert.True(File.Exists(Path.Combine(p.Dir, "dbg-ran")));
        Assert.Equal("opt=O2", File.ReadAllText(Path.Combine(rd, "lang.compile", "opt.txt")).Trim());
    }
}

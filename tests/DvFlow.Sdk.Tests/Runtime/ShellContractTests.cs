using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Runtime;

[Collection(SdkCollection.Name)]
public class ShellContractTests(SdkFeed feed)
{
    [Fact]
    public void ShellTasksGetDfmsScriptContract()
    {
        using var p = new FlowProject(feed, """
            package:
              name: sc
              tasks:
              - name: producer
                uses: std.CreateFile
                with: {filename: in.txt, content: data, type: text}
              - root: script
                needs: [producer]
                with:
                  count: {type: int, value: 3}
                  flags: {type: list, value: [a, b]}
                  on: {type: bool, value: true}
                shell: bash
                run: |
                  {
                    echo "RUNDIR=$DFM_RUNDIR"
                    echo "SRCDIR=$DFM_SRCDIR"
                    echo "NAME=$DFM_TASK_NAME"
                    echo "COUNT=$DFM_PARAM_COUNT FLAGS=$DFM_PARAM_FLAGS ON=$DFM_PARAM_ON"
                    echo "PWD=$PWD"
                  } > contract.txt
                  cp "$DFM_PARAMS" params.json
                  cp "$DFM_INPUTS" inputs.json
                  echo 'MY_VAR=from-script' >> "$DFM_ENV"
                  echo "$DFM_RUNDIR/bin" >> "$DFM_PATH"
                  echo '{"type": "std.FileSet", "filetype": "log", "basedir": ".", "files": ["contract.txt"]}' >> "$DFM_OUTPUT"
                  echo '{"round": 1}' > "$DFM_MEMENTO_OUT"
              - root: consumer
                needs: [script]
                shell: bash
                run: |
                  echo "MY_VAR=$MY_VAR" > env.txt; echo "$PATH" | cut -d: -f1 > path.txt
            """);
        var r = p.Build("-t:consumer");
        Assert.True(r.Succeeded, r.Describe());
        var rd = Path.Combine(p.RunDir, "sc.script");
        var contract = File.ReadAllText(Path.Combine(rd, "contract.txt"));
        Assert.Contains($"RUNDIR={rd}", contract);
        Assert.Contains($"SRCDIR={p.Dir}", contract);
        Assert.Contains("NAME=sc.script", contract);
        Assert.Contains("COUNT=3 FLAGS=[\"a\",\"b\"] ON=true", contract);
        Assert.Contains($"PWD={rd}", contract);
        var pj = File.ReadAllText(Path.Combine(rd, "params.json"));
        Assert.Contains("\"count\": 3", pj);
        var ij = File.ReadAllText(Path.Combine(rd, "inputs.json"));
        Assert.Contains("\"type\": \"std.FileSet\"", ij);
        Assert.Contains("\"src\": \"sc.producer\"", ij);
        Assert.Contains("\"files\": [", ij);
        Assert.Equal("MY_VAR=from-script", File.ReadAllText(Path.Combine(p.RunDir, "sc.consumer", "env.txt")).Trim());
        Assert.Equal(Path.Combine(rd, "bin"), File.ReadAllText(Path.Combine(p.RunDir, "sc.consumer", "path.txt")).Trim());
        var exec = File.ReadAllText(Path.Combine(rd, "sc.script.exec_data.json"));
        Assert.Contains("\"round\": 1", exec);
        Assert.Contains("\"filetype\": \"log\"", exec);
    }

    [Fact]
    public void AShellTasksMementoComesBackOnTheNextRun()
    {
        using var p = new FlowProject(feed, """
            package:
              name: mem
              with:
                round: {type: int, value: 1}
              tasks:
              - root: count
                with:
                  round: {type: int, value: "${{ round }}"}
                shell: bash
                run: |
                  if [ -n "$DFM_MEMENTO" ]; then cp "$DFM_MEMENTO" previous.json; else echo none > previous.json; fi
                  echo "{\"round\": $DFM_PARAM_ROUND}" > "$DFM_MEMENTO_OUT"
            """);
        Assert.True(p.Build("-t:count").Succeeded);
        Assert.Equal("none", File.ReadAllText(Path.Combine(p.RunDir, "mem.count", "previous.json")).Trim());
        var r = p.Build("-t:count", "-p:D_round=2");
        Assert.True(r.Succeeded, r.Describe());
        Assert.Contains("\"round\": 1", File.ReadAllText(Path.Combine(p.RunDir, "mem.count", "previous.json")));
    }
}

using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Std;

[Collection(SdkCollection.Name)]
public class StdTaskTests(SdkFeed feed)
{
    [Fact]
    public void StdTasksProduceTheirItemsAndEnvironment()
    {
        using var p = new FlowProject(feed, """
            package:
              name: s
              types:
              - name: Opts
                with:
                  args: {type: list}
              tasks:
              - name: files
                uses: std.FileSet
                with:
                  base: src
                  type: cSource
                  include: ["**/*.c"]
                  exclude: ["**/skip_*.c"]
              - name: made
                uses: std.CreateFile
                with: {filename: gen/made.h, content: "#define X 1\n", type: cHeader, incdir: true}
              - name: env
                uses: std.SetEnv
                with:
                  setenv: {GREETING: hi}
                  prepend_path: {MYPATH: /opt/tools}
              - name: retyped
                uses: std.SetFileType
                needs: [files]
                with: {filetype: cppSource}
              - name: incs
                uses: std.IncDirs
                needs: [made]
              - name: opts
                uses: Opts
                with: {args: [-O2]}
              - name: nothing
                uses: std.Null
                needs: [opts]
              - root: check
                needs: [retyped, incs, env, nothing]
                shell: bash
                run: |
                  echo "GREETING=$GREETING MYPATH=$MYPATH" > env.txt
                  cp "$DFM_INPUTS" inputs.json
              - root: exec
                uses: std.Exec
                with: {command: "echo exec-ran > exec.txt"}
            """);
        p.Write("src/a.c", "int a;");
        p.Write("src/deep/b.c", "int b;");
        p.Write("src/deep/skip_c.c", "int c;");
        var r = p.Build("-t:check;exec");
        Assert.True(r.Succeeded, r.Describe());
        var rd = p.RunDir;
        Assert.StartsWith("GREETING=hi MYPATH=/opt/tools", File.ReadAllText(Path.Combine(rd, "s.check", "env.txt")));
        var inputs = File.ReadAllText(Path.Combine(rd, "s.check", "inputs.json"));
        Assert.Contains("\"filetype\": \"cppSource\"", inputs);
        Assert.Contains("\"a.c\"", inputs);
        Assert.Contains("\"deep/b.c\"", inputs);
        Assert.DoesNotContain("skip_c.c", inputs);
        Assert.Contains("\"type\": \"s.Opts\"", inputs);
        Assert.Contains("\"-O2\"", inputs);
        Assert.Contains(Path.Combine(rd, "s.made"), inputs); // IncDirs: the created file's directory as an include dir
        Assert.Equal("#define X 1\n", File.ReadAllText(Path.Combine(rd, "s.made", "gen", "made.h")));
        Assert.Equal("exec-ran\n", File.ReadAllText(Path.Combine(rd, "s.exec", "exec.txt")));
    }

    [Fact]
    public void AFileSetPatternThatMatchesNothingIsAnError()
    {
        using var p = new FlowProject(feed, """
            package:
              name: fs
              tasks:
              - root: files
                uses: std.FileSet
                with: {type: x, include: "*.none"}
            """);
        var r = p.Build("-t:files");
        Assert.False(r.Succeeded);
        r.AssertOutputContains("Include pattern '*.none' did not match any files");
    }
}

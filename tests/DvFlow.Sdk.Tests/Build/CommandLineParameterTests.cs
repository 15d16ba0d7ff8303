using System.Text;
using System.Text.Json;
using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>
/// Parameters as people type them: <c>-p:D_name=value</c> and <c>-p:DvFlowDefines</c>, typed into bash (and as cmd
/// passes them), reach the task exactly, by either route; lists and produces filters have forms MSBuild's <c>-p:</c>
/// (which splits at ';' and ',') does not take apart.
/// </summary>
[Collection(SdkCollection.Name)]
public class CommandLineParameterTests(SdkFeed feed)
{
    /// <summary>Values a shell, MSBuild or a trimming parser would change.</summary>
    private static readonly string[] Hostile =
    [
        "say \"hi\" and 'bye'",
        "a;b;c",
        "x,y",
        "100% and %41 and %",
        "$(echo no) ${HOME} `id`",
        "@(Compile) @(x->'%(y)')",
        "line one\nline two",
        "  spaced out  ",
        "ünïcode ✓",
    ];

    private static string Flow()
    {
        var sb = new StringBuilder("""
            package:
              name: pr
              tasks:
              - root: show
                with:
                  seeds: {type: list, value: []}
                  pair: {type: list, value: []}
                  yaml: {type: list, value: []}

            """);
        for (var i = 0; i < Hostile.Length; i++) sb.Append($"      m{i}: {{type: str, value: \"\"}}\n");
        sb.Append("    shell: bash\n    run: cp \"$DFM_PARAMS\" \"$DFM_SRCDIR/params.json\"\n");
        return sb.ToString();
    }

    /// <summary>MSBuild's escape (%xx) for what its -p: parser takes apart or unescapes: ';', ',', '%', '"', and line breaks.</summary>
    private static string Escape(string value)
    {
        var sb = new StringBuilder();
        foreach (var c in value)
            sb.Append(c is ';' or ',' or '%' or '"' or '\n' or '\r' ? $"%{(int)c:X2}" : c.ToString());
        return sb.ToString();
    }

    /// <summary>A word for bash: single-quoted, with its single quotes spelled '\''.</summary>
    private static string Sh(string word) => "'" + word.Replace("'", "'\\''") + "'";

    private static JsonElement Params(FlowProject p) => JsonDocument.Parse(p.Read("params.json")).RootElement;

    private static void AssertValues(FlowProject p, string route)
    {
        var json = Params(p);
        for (var i = 0; i < Hostile.Length; i++)
            Assert.True(json.GetProperty($"m{i}").GetString() == Hostile[i], $"{route}: m{i} arrived as '{json.GetProperty($"m{i}").GetString()}', typed '{Hostile[i]}'");
        Assert.Equal(["5", "6"], json.GetProperty("seeds").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public void HostileValuesTypedInBashReachTheTaskExactlyByEitherRoute()
    {
        using var p = new FlowProject(feed, Flow());
        var env = new Dictionary<string, string>(p.Environment) { ["NUGET_PACKAGES"] = feed.Packages };

        // One -p:D_ a parameter, as typed into bash; lists separated by spaces, by an escaped comma, or a JSON list (MSBuild drops bare '"', so '%22').
        var d = string.Join(" ", Hostile.Select((v, i) => Sh($"-p:D_m{i}={Escape(v)}")));
        var r = Dotnet.Bash(p.Dir, $"dotnet build -nologo -t:show {d} -p:D_seeds=\"5 6\" -p:D_pair=7%2C8 -p:D_yaml='[%22c d%22%2C %22e%22]'", env, TimeSpan.FromMinutes(5));
        Assert.True(r.ExitCode == 0, r.Output);
        AssertValues(p, "-p:D_");
        var json = Params(p);
        Assert.Equal(["7", "8"], json.GetProperty("pair").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(["c d", "e"], json.GetProperty("yaml").EnumerateArray().Select(e => e.GetString()!).ToArray());

        // The same values in one DvFlowDefines, as cmd passes a double-quoted argument (MSBuild keeps its ';' inside).
        File.Delete(Path.Combine(p.Dir, "params.json"));
        var defines = string.Join(";", Hostile.Select((v, i) => $"m{i}={Escape(v)}").Append("seeds=5 6"));
        var cmd = Dotnet.Run(p.Dir, ["build", "-nologo", "-t:show", $"-p:DvFlowDefines=\"{defines}\""], env, TimeSpan.FromMinutes(5));
        Assert.True(cmd.ExitCode == 0, cmd.Output);
        AssertValues(p, "DvFlowDefines");
    }

    [Fact]
    public void ListsAndSeveralDefinesHaveFormsThatSurviveBashAndCmd()
    {
        using var p = new FlowProject(feed, Flow());
        var env = new Dictionary<string, string>(p.Environment) { ["NUGET_PACKAGES"] = feed.Packages };
        string[] Seeds() => Params(p).GetProperty("seeds").EnumerateArray().Select(e => e.GetString()!).ToArray();

        // cmd passes the quotes to MSBuild, which keeps a quoted ',' or ';' inside the value.
        var cmd = Dotnet.Run(p.Dir, ["build", "-nologo", "-t:show", "-p:D_seeds=\"5,6\""], env, TimeSpan.FromMinutes(5));
        Assert.True(cmd.ExitCode == 0, cmd.Output);
        Assert.Equal(["5", "6"], Seeds());
        // bash: a list in DvFlowDefines, its items separated by spaces; several parameters as several -p:D_.
        var bash = Dotnet.Bash(p.Dir, "dotnet build -nologo -t:show -p:DvFlowDefines=\"seeds=1 2 3\" -p:D_m0=first -p:D_m1=second", env, TimeSpan.FromMinutes(5));
        Assert.True(bash.ExitCode == 0, bash.Output);
        Assert.Equal(["1", "2", "3"], Seeds());
        Assert.Equal("first", Params(p).GetProperty("m0").GetString());
        Assert.Equal("second", Params(p).GetProperty("m1").GetString());
        // The old documented form typed in bash: MSBuild splits "m0=1;m1=2" into DvFlowDefines=m0=1 and a property m1. Said, not lost.
        var split = Dotnet.Bash(p.Dir, "dotnet build -nologo -t:show -p:DvFlowDefines=\"m0=1;m1=2\"", env, TimeSpan.FromMinutes(5));
        Assert.NotEqual(0, split.ExitCode);
        Assert.Contains("flow.yaml : error DVF1006: DvFlowDefines: MSBuild's -p: split 'm1=2' off it at a ';' (a shell drops the quotes that would keep it); give each parameter as -p:D_m1=2", split.Output);
    }

    [Fact]
    public void AProducesFilterTypedInBashKeepsEveryField()
    {
        using var p = new FlowProject(feed, """
            package:
              name: pf
              tasks:
              - name: vlog
                desc: Verilog sources
                produces: [{type: std.FileSet, filetype: verilog}]
                uses: std.Null
              - name: vhdl
                desc: VHDL sources
                produces: [{type: std.FileSet, filetype: vhdl}]
                uses: std.Null
            """);
        var env = new Dictionary<string, string>(p.Environment) { ["NUGET_PACKAGES"] = feed.Packages };
        foreach (var filter in new[] { "-p:DvFlowProduces=\"type=std.FileSet filetype=verilog\"", "-p:DvFlowProduces=type=std.FileSet%2Cfiletype=verilog" })
        {
            var r = Dotnet.Bash(p.Dir, $"dotnet build -nologo -t:DvFlowShow {filter}", env, TimeSpan.FromMinutes(5));
            Assert.True(r.ExitCode == 0, r.Output);
            Assert.Contains("pf.vlog", r.Output);
            Assert.DoesNotContain("pf.vhdl", r.Output);
        }
        var bad = Dotnet.Bash(p.Dir, "dotnet build -nologo -t:DvFlowShow -p:DvFlowProduces=\"type=std.FileSet verilog\"", env, TimeSpan.FromMinutes(5));
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("error DVF1006: DvFlowProduces: 'verilog' is not key=value", bad.Output);
        // The comma form typed in bash: MSBuild splits 'filetype=verilog' off into a property of its own; said, not lost.
        var split = Dotnet.Bash(p.Dir, "dotnet build -nologo -t:DvFlowShow -p:DvFlowProduces=type=std.FileSet,filetype=verilog", env, TimeSpan.FromMinutes(5));
        Assert.NotEqual(0, split.ExitCode);
        Assert.Contains("error DVF1006: DvFlowProduces: MSBuild's -p: split 'filetype=verilog' off the filter at a comma; separate the pairs with spaces (-p:DvFlowProduces=\"type=std.FileSet filetype=verilog\")", split.Output);
    }
}

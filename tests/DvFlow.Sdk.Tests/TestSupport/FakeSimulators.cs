namespace DvFlow.Sdk.Tests.TestSupport;

/// <summary>
/// Stand-ins for the commercial simulators (VCS, Xcelium, Questa, Vivado xsim), which the test machines do not have:
/// bash scripts with the tools' names in a bin directory, to put first on a build's PATH. Each records
/// its name and arguments in <see cref="RecordFile"/> and creates what the next step needs (vcs writes an
/// executable <c>simv</c>, vlib a library directory). Their output is controlled by environment variables:
/// <list type="bullet">
/// <item><c>FAKE_SIM_COMPILE_OUTPUT</c>: a file the compilers (vlogan, vlog, xmvlog, xrun -elaborate, xvlog, xsc, xelab) print;</item>
/// <item><c>FAKE_SIM_COMPILE_STATUS</c>: their exit status (default 0);</item>
/// <item><c>FAKE_SIM_RUN_OUTPUT</c>: a file the simulators (simv, vsim, xrun -R, xsim) print after "FAKE SIM PASS";</item>
/// <item><c>FAKE_SIM_RUN_READS</c>: a file, relative to where the simulator runs, whose first line it prints as <c>Data: ...</c>
/// (or <c>Failed to open ...</c>), as a testbench reading run data does.</item>
/// </list>
/// The plusarg <c>+fake_uvm_errors=N</c> (xsim: <c>--testplusarg fake_uvm_errors=N</c>) makes a simulator print
/// the UVM summary line <c>UVM_ERROR :    N</c>.
/// </summary>
public sealed class FakeSimulators
{
    /// <summary>Tool names written to the bin directory.</summary>
    public static readonly IReadOnlyList<string> Tools = ["vlogan", "vcs", "xmvlog", "xrun", "vlib", "vlog", "vopt", "vsim", "xvlog", "xsc", "xelab", "xsim"];

    private const char Separator = '\u001f';

    /// <summary>Writes the fakes under <paramref name="root"/>/fakesim.</summary>
    public FakeSimulators(string root)
    {
        var dir = Path.Combine(root, "fakesim");
        BinDir = Path.Combine(dir, "bin");
        RecordFile = Path.Combine(dir, "calls.log");
        Directory.CreateDirectory(BinDir);
        foreach (var tool in Tools) Script(Path.Combine(BinDir, tool), Body(tool));
    }

    /// <summary>The directory holding the fake tools.</summary>
    public string BinDir { get; }

    /// <summary>One line per call: the tool's name and its arguments, separated by U+001F.</summary>
    public string RecordFile { get; }

    /// <summary>PATH with the fakes first, for <see cref="FlowProject.Environment"/>.</summary>
    public string PathWithFakes => BinDir + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

    /// <summary>The argument lists of every recorded call of <paramref name="tool"/> (without the tool's name), in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Calls(string tool)
        => File.Exists(RecordFile)
            ? File.ReadAllLines(RecordFile).Select(l => l.Split(Separator)).Where(a => a[0] == tool).Select(a => (IReadOnlyList<string>)a[1..]).ToList()
            : [];

    /// <summary>The single call of <paramref name="tool"/>; fails the test when there was not exactly one.</summary>
    public IReadOnlyList<string> Call(string tool)
    {
        var calls = Calls(tool);
        Assert.True(calls.Count == 1, $"expected one call of {tool}, got {calls.Count}:\n{(File.Exists(RecordFile) ? File.ReadAllText(RecordFile) : "(no calls)")}");
        return calls[0];
    }

    /// <summary>Forgets the calls so far.</summary>
    public void ClearCalls() => File.Delete(RecordFile);

    // Records the call, then the tool's behaviour. $0's base name is the tool (simv is written by vcs).
    private string Body(string tool)
    {
        var record = $$"""
            rec() { { printf '%s' "$(basename "$0")"; for a in "$@"; do printf '\037%s' "$a"; done; printf '\n'; } >> '{{RecordFile}}'; }
            rec "$@"
            compile() { if [ -n "$FAKE_SIM_COMPILE_OUTPUT" ]; then cat "$FAKE_SIM_COMPILE_OUTPUT"; fi; exit "${FAKE_SIM_COMPILE_STATUS:-0}"; }
            simulate() {
              echo "${1}FAKE SIM PASS"
              for a in "$@"; do case "$a" in +fake_uvm_errors=*|fake_uvm_errors=*) echo "${1}UVM_ERROR :    ${a#*fake_uvm_errors=}";; esac; done
              if [ -n "$FAKE_SIM_RUN_OUTPUT" ]; then cat "$FAKE_SIM_RUN_OUTPUT"; fi
              if [ -n "$FAKE_SIM_RUN_READS" ]; then
                if [ -r "$FAKE_SIM_RUN_READS" ]; then echo "${1}Data: $(head -n 1 "$FAKE_SIM_RUN_READS")"; else echo "${1}Failed to open $FAKE_SIM_RUN_READS"; fi
              fi
              exit 0
            }
            """;
        var behaviour = tool switch
        {
            "vcs" => $$"""
                out=simv
                prev=
                for a in "$@"; do if [ "$prev" = "-o" ]; then out="$a"; fi; prev="$a"; done
                {
                  echo '#!/bin/bash'
                  echo "rec() { { printf '%s' \"\$(basename \"\$0\")\"; for a in \"\$@\"; do printf '\\037%s' \"\$a\"; done; printf '\\n'; } >> '{{RecordFile}}'; }"
                  echo 'rec "$@"'
                  declare -f simulate
                  echo 'simulate "" "$@"'
                } > "$out"
                chmod +x "$out"
                exit 0
                """,
            "vlib" => """
                mkdir -p "$1" && touch "$1/_info"
                exit 0
                """,
            "vsim" => """simulate "# " "$@" """,
            "xsim" => """simulate "" "$@" """,
            "xrun" => """
                for a in "$@"; do if [ "$a" = "-R" ]; then simulate "" "$@"; fi; done
                compile
                """,
            "vlogan" or "vlog" or "xmvlog" or "xvlog" or "xsc" or "xelab" => "compile",
            _ => "exit 0",
        };
        return "#!/bin/bash\n" + record + "\n" + behaviour + "\n";
    }

    private static void Script(string path, string body)
    {
        File.WriteAllText(path, body.ReplaceLineEndings("\n"));
        // The tests run on Linux, as the SDK does; the guard keeps the platform analyzer satisfied.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}

namespace DvFlow.Sdk.Tests.TestSupport;

/// <summary>
/// External tools (simulators) a test needs. A missing tool fails the test rather than skipping it, so a
/// CI machine without the simulator cannot report green; the message names the Debian package to install.
/// </summary>
public static class RequiredTool
{
    /// <summary>
    /// What a tool needs besides itself: Debian's verilator package does not pull in the make and C++ compiler it builds
    /// simulations with, nor zlib's header, which its FST tracing compiles against. A rooted path is a file, anything else a command.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (string Tool, string Package)[]> AlsoNeeds = new Dictionary<string, (string, string)[]>
    {
        ["verilator"] = [("make", "make"), ("g++", "g++"), ("/usr/include/zlib.h", "zlib1g-dev")],
    };

    /// <summary>Fails the test unless <paramref name="tool"/> (and what it needs to work) is on PATH, naming each missing tool and the install line.</summary>
    public static void Ensure(string tool, string aptPackage)
    {
        var missing = new[] { (tool, aptPackage) }.Concat(AlsoNeeds.GetValueOrDefault(tool) ?? []).Where(t => !(Path.IsPathRooted(t.Item1) ? File.Exists(t.Item1) : OnPath(t.Item1))).ToList();
        if (missing.Count == 0) return;
        var names = string.Join(", ", missing.Select(t => $"'{t.Item1}'"));
        var install = "apt-get install -y " + string.Join(" ", missing.Select(t => t.Item2));
        var ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        Assert.Fail(ci
            ? $"{names} not installed on this CI machine; install in the CI image: {install}"
            : $"{names} not installed; this test runs a real simulator ({tool}): sudo {install}");
    }

    private static bool OnPath(string tool)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}

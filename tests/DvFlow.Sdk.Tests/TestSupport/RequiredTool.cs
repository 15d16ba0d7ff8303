namespace DvFlow.Sdk.Tests.TestSupport;

/// <summary>
/// External tools (simulators) a test needs. A missing tool fails the test rather than skipping it, so a
/// CI machine without the simulator cannot report green; the message names the Debian package to install.
/// </summary>
public static class RequiredTool
{
    /// <summary>Fails the test unless <paramref name="tool"/> is on PATH.</summary>
    public static void Ensure(string tool, string aptPackage)
    {
        if (OnPath(tool)) return;
        var ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        Assert.Fail(ci
            ? $"'{tool}' is not installed on this CI machine; install it in the CI image (apt-get install -y {aptPackage})"
            : $"'{tool}' is not installed; this test runs a real simulator: sudo apt-get install -y {aptPackage}");
    }

    private static bool OnPath(string tool)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}

namespace DvFlow.Sdk.Tests.TestSupport;

/// <summary>The repository this test assembly was built from (the folder holding DvFlow.sln).</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root above the test assembly.</summary>
    public static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "DvFlow.sln"))) return d.FullName;
        throw new InvalidOperationException("cannot find the repository root (DvFlow.sln) above " + AppContext.BaseDirectory);
    }
}

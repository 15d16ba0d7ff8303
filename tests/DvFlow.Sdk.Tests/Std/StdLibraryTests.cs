using System.Text.RegularExpressions;
using DvFlow.Model.Expressions;
using DvFlow.Sdk.Tests.TestSupport;
using DvFlow.TaskApi;
using DvFlow.Tasks.Std;

namespace DvFlow.Sdk.Tests.Std;

/// <summary>std's one room: its flow file's built-in tasks and the classes marked [StdTask] beside it are the same set.</summary>
public partial class StdLibraryTests
{
    [GeneratedRegex(@"^\s+run: (std\.\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex BuiltinRun();

    [Fact]
    public void EveryBuiltinOfStdsFlowFileHasOneImplementationAndNoneIsExtra()
    {
        var flow = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "src", "DvFlow.Tasks", "Std", "flow.yaml"));
        var declared = BuiltinRun().Matches(flow).Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Contains("std.Exec", declared);
        Assert.Equal(declared, StdLibrary.Implementations.Select(i => i.Key).Order().ToList());
        foreach (var (name, create) in StdLibrary.Implementations)
            Assert.NotNull(create());
    }

    [Fact]
    public void WhatThePlannerNeedsIsDeclaredOnTheImplementation()
    {
        Assert.True(StdLibrary.RunsProcesses("std.Exec"));
        Assert.False(StdLibrary.RunsProcesses("std.Message"));
        Assert.False(StdLibrary.RunsProcesses("hdlsim.vlt.SimImage"));
        Assert.True(StdLibrary.AlwaysRuns("std.FileSet", FlowMap.Empty));
        Assert.True(StdLibrary.AlwaysRuns("std.Exec", new FlowMap([KeyValuePair.Create<string, object?>("when", "always")])));
        Assert.False(StdLibrary.AlwaysRuns("std.Exec", new FlowMap([KeyValuePair.Create<string, object?>("when", "changed")])));
        Assert.False(StdLibrary.AlwaysRuns("std.Message", FlowMap.Empty));
    }
}

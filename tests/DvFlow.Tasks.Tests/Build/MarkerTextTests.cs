using DvFlow.Tasks.Build;

namespace DvFlow.Tasks.Tests.Build;

/// <summary>A marker's build-log text names its task exactly once.</summary>
public class MarkerTextTests
{
    [Theory]
    [InlineData("pkg.task", "msg", "pkg.task: msg")]
    [InlineData("pkg.task", "pkg.task: msg", "pkg.task: msg")]
    [InlineData("pkg.task", "pkg.task2: msg", "pkg.task: pkg.task2: msg")]
    [InlineData("pkg.task", "pkg.task:msg", "pkg.task: pkg.task:msg")]
    [InlineData("", "msg", "msg")]
    public void TaskNamePrefixAppearsOnce(string task, string message, string expected) => Assert.Equal(expected, MarkerText.For(task, message));
}

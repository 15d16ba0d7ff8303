using DvFlow.Tasks.Testing;

namespace DvFlow.Tasks.Tests.Testing;

/// <summary>dotnet test's --filter syntax over flow tests: FullyQualifiedName, Name, ClassName; =, !=, ~, !~; &amp;, |, parentheses.</summary>
public class TestFilterTests
{
    private static readonly FlowTestCase[] Tests =
    [
        new("r.tests.run_0_0", "r.tests.run_0_0", "r.tests.run_0_0(test: smoke, seed: 1)", "r.tests", "run_0_0(test: smoke, seed: 1)", null),
        new("r.tests.run_0_1", "r.tests.run_0_1", "r.tests.run_0_1(test: smoke, seed: 2)", "r.tests", "run_0_1(test: smoke, seed: 2)", null),
        new("r.tests.run_1_0", "r.tests.run_1_0", "r.tests.run_1_0(test: fill, seed: 1)", "r.tests", "run_1_0(test: fill, seed: 1)", null),
        new("r.lint", "r.lint", "r.lint", "r", "lint", null),
    ];

    private static string[] Selected(string filter)
    {
        var f = TestFilter.Parse(filter, out var error);
        Assert.True(f is not null, error);
        return Tests.Where(f!.Matches).Select(t => t.Node).ToArray();
    }

    [Theory]
    [InlineData("FullyQualifiedName=r.lint", "r.lint")]
    [InlineData("fullyqualifiedname=R.LINT", "r.lint")]
    [InlineData("FullyQualifiedName~run_0", "r.tests.run_0_0 r.tests.run_0_1")]
    [InlineData("Name~seed: 1", "r.tests.run_0_0 r.tests.run_1_0")]
    [InlineData("Name=r.tests.run_1_0\\(test: fill, seed: 1\\)", "r.tests.run_1_0")]
    [InlineData("Name~smoke&Name!~seed: 2", "r.tests.run_0_0")]
    [InlineData("Name~fill|FullyQualifiedName=r.lint", "r.tests.run_1_0 r.lint")]
    [InlineData("ClassName=r.tests & (Name~fill | Name~seed: 2)", "r.tests.run_0_1 r.tests.run_1_0")]
    [InlineData("FullyQualifiedName!=r.lint&ClassName!~tests", "")]
    [InlineData("lint", "r.lint")]
    public void SelectsAsVstestWould(string filter, string expected)
        => Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), Selected(filter));

    [Theory]
    [InlineData("Priority=1", "'Priority' is not a property of flow tests; use FullyQualifiedName, Name, ClassName")]
    [InlineData("Name=", "the condition on Name has no value")]
    [InlineData("(Name~a", "a '(' is not closed")]
    [InlineData("Name~a|", "a condition is missing at the end")]
    [InlineData("Name~a)", "unexpected ')' at position 7")]
    public void ABadFilterSaysWhatIsWrong(string filter, string message)
    {
        Assert.Null(TestFilter.Parse(filter, out var error));
        Assert.Equal($"--filter \"{filter}\": {message}", error);
    }
}

using DvFlow.Model.Yaml;

namespace DvFlow.Model.Tests.Yaml;

public class NameSuggesterTests
{
    [Theory]
    [InlineData("neds", "needs")]
    [InlineData("uess", "uses")]
    [InlineData("Needs", "needs")]
    [InlineData("passthru", null)]
    [InlineData("xyz", null)]
    [InlineData("consume", "consumes")]
    public void SuggestsCloseNames(string typo, string? expected)
        => Assert.Equal(expected, NameSuggester.Suggest(typo, ["needs", "uses", "consumes", "passthrough", "name"]));

    [Fact]
    public void HintIsEmptyWithoutSuggestion() => Assert.Equal("", NameSuggester.Hint("zzzz", ["needs"]));

    [Fact]
    public void HintNamesTheSuggestion() => Assert.Equal(" (did you mean 'needs'?)", NameSuggester.Hint("neds", ["needs"]));

    [Fact]
    public void NoCandidatesNoSuggestion() => Assert.Null(NameSuggester.Suggest("a", []));
}

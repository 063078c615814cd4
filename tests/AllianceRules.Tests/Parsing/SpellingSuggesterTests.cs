using AllianceRules.Diagnostics;

namespace AllianceRules.Tests.Parsing;

public sealed class SpellingSuggesterTests
{
    [Theory]
    [InlineData("atack", "attack")]
    [InlineData("asist", "assist")]
    [InlineData("consutl", "consult")]
    [InlineData("requets", "request")]
    [InlineData("bombard", null)]
    [InlineData("x", null)]
    public void Suggests_the_nearest_verb_only_when_close(string typed, string? expected) =>
        Assert.Equal(expected, SpellingSuggester.Suggest(typed, ["attack", "assist", "consult", "request"]));

    [Fact]
    public void Ties_go_to_the_first_in_ordinal_order() =>
        Assert.Equal("bat", SpellingSuggester.Suggest("cat", ["rat", "bat"]));
}

using AllianceRules.History.Datasets;

namespace AllianceRules.Tests.Datasets;

public sealed class SkipReasonsTests
{
    [Theory]
    [InlineData(SkipReason.Header, "the line is a header")]
    [InlineData(SkipReason.WrongFieldCount, "the line has the wrong number of fields")]
    [InlineData(SkipReason.BadDate, "the date is not a valid date")]
    [InlineData(SkipReason.NoActorCountry, "the actor has no country")]
    [InlineData(SkipReason.UnknownActorCountry, "the actor's country is not a known country")]
    [InlineData(SkipReason.NoTargetCountry, "the target has no country")]
    [InlineData(SkipReason.UnknownTargetCountry, "the target's country is not a known country")]
    [InlineData(SkipReason.NoEventCode, "the event has no CAMEO code")]
    [InlineData(SkipReason.BadEventCode, "the event code is not a CAMEO code of 2 to 4 digits")]
    public void Each_reason_has_a_short_phrase(SkipReason reason, string phrase) =>
        Assert.Equal(phrase, reason.Describe());

    [Fact]
    public void Every_reason_has_a_phrase_and_occurs_in_the_samples()
    {
        var seen = DatasetSamples.ReadGdelt("sample.gdelt1.tsv", DatasetFormat.Gdelt1)
            .Concat(DatasetSamples.ReadGdelt("sample.gdelt2.tsv", DatasetFormat.Gdelt2))
            .Concat(DatasetSamples.ReadIcews("sample.icews.tab"))
            .Select(o => o.Skip).OfType<SkipReason>().ToHashSet();
        Assert.Equal(Enum.GetValues<SkipReason>().Order(), seen.Order());
        Assert.All(Enum.GetValues<SkipReason>(), r => Assert.False(string.IsNullOrEmpty(r.Describe())));
    }

    [Fact]
    public void Rows_carry_identifier_attribute_names_and_values_a_history_line_can_hold()
    {
        var rows = DatasetSamples.ReadGdelt("sample.gdelt1.tsv", DatasetFormat.Gdelt1)
            .Concat(DatasetSamples.ReadGdelt("sample.gdelt2.tsv", DatasetFormat.Gdelt2))
            .Concat(DatasetSamples.ReadIcews("sample.icews.tab"))
            .Select(o => o.Row).OfType<DatasetRow>().ToList();
        Assert.Equal(15, rows.Count);
        Assert.All(rows.SelectMany(r => r.Attributes), a =>
        {
            Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", a.Name);
            Assert.DoesNotMatch("[\"\r\n]", a.Value);
        });
        Assert.All(rows, r => Assert.DoesNotMatch("[\"\r\n]", r.Description ?? string.Empty));
        Assert.All(rows, r => Assert.Equal(r.Attributes.Length, r.Attributes.Select(a => a.Name).Distinct().Count()));
    }
}

using AllianceRules.Parsing;
using AllianceRules.Playground.Exercises;
using AllianceRules.Text;

namespace AllianceRules.Playground.Tests.Exercises;

/// <summary>Whether a prediction is the key's: a status exactly, a number to the precision the key writes (as alliance test reads it).</summary>
public sealed class QuestionTests
{
    private static Question Ask(string expectation)
    {
        var (key, problems) = TestFileParser.Parse(new SourceFile("k.test", $"test \"t\"\n  rules \"r\"\n  history \"h.events\"\n  expect {expectation}\nend\n"));
        Assert.Empty(problems);
        var test = key.Tests.Single();
        return new Question("q1-1", test, test.Expectations.Single());
    }

    [Theory]
    [InlineData("fulfilled", true)]
    [InlineData(" fulfilled\n", true)]
    [InlineData("violated", false)]
    [InlineData("Fulfilled", false)]
    [InlineData("no instance", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_status_is_accepted_only_as_the_key_writes_it(string? given, bool accepted) =>
        Assert.Equal(accepted, Ask("CST.art4 KAZ 2022-09-13 fulfilled").Accepts(given));

    [Theory]
    [InlineData("no instance", true)]
    [InlineData("violated", false)]
    public void No_instance_is_an_answer(string given, bool accepted) =>
        Assert.Equal(accepted, Ask("no CST.art4 ARM").Accepts(given));

    [Theory]
    [InlineData("0.33", true)]
    [InlineData("0.333", true)]
    [InlineData("0.3333", true)]
    [InlineData(" .33 ", true)]
    [InlineData("0.325", true)]
    [InlineData("0.34", false)]
    [InlineData("0.3", false)]
    [InlineData("1/3", false)]
    [InlineData("a third", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_number_is_accepted_at_the_key_precision(string? given, bool accepted) =>
        Assert.Equal(accepted, Ask("summary CST RUS reliability 0.33").Accepts(given));

    [Theory]
    [InlineData("1", true)]
    [InlineData("1.0", true)]
    [InlineData("0.5", false)]
    [InlineData("1.4", false)]
    [InlineData("0.999", false)]
    public void A_whole_number_key_accepts_no_fraction(string given, bool accepted) =>
        Assert.Equal(accepted, Ask("summary CST RUS reliability 1").Accepts(given));
}

using AllianceRules.Diagnostics;
using AllianceRules.Parsing;
using AllianceRules.Text;

namespace AllianceRules.Tests.Parsing;

/// <summary>
/// Every catalogue factory that words a did-you-mean also gives it as a fix (the misspelt name's
/// span and the suggestion), and gives none when it suggests nothing; the message is unchanged.
/// </summary>
public sealed class DiagnosticFixTests
{
    /// <summary>A file holding <paramref name="text"/>, and the span of <paramref name="word"/> in it.</summary>
    private static SourceRef At(string text, string word)
    {
        var file = new SourceFile("x.treaty", text);
        return file.At(new TextSpan(text.IndexOf(word, StringComparison.Ordinal), word.Length));
    }

    private static void AssertFix(Diagnostic d, SourceRef at, string replacement, string? word = null)
    {
        var fix = Assert.IsType<DiagnosticFix>(d.Fix);
        var expected = word is null ? at.Span : new TextSpan(at.File.Text.IndexOf(word, StringComparison.Ordinal), word.Length);
        Assert.Equal(expected, fix.Span);
        Assert.Equal(replacement, fix.Replacement);
        Assert.Contains($"did you mean '{replacement}'?", d.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<SourceRef, Diagnostic>, string, string> Suggesting => new()
    {
        { "AR2002", at => DiagnosticCatalog.UnknownKeyword(at, "knd", "a rule", ["kind", "cites"]), "knd", "kind" },
        { "AR2004", at => DiagnosticCatalog.UnknownKind(at, "defence", ["defense", "offense"]), "defence", "defense" },
        { "AR3008", at => DiagnosticCatalog.UnknownVerb(at, "atack", ["attack", "assist"]), "atack", "attack" },
        { "AR3009", at => DiagnosticCatalog.UnknownAssumption(at, "promt", "CST", ["prompt"]), "promt", "prompt" },
        { "AR3010", at => DiagnosticCatalog.UnknownTreaty(at, "NATP", ["NATO"]), "NATP", "NATO" },
        { "AR3011", at => DiagnosticCatalog.UnboundVariable(at, "vicitm", "'then'", ["victim"]), "$vicitm", "$victim" },
        { "AR3032", at => DiagnosticCatalog.UnknownReading(at, "windw", "CST", ["window"]), "windw", "window" },
        { "AR3033", at => DiagnosticCatalog.UnknownReadingOption(at, "window", "dys", ["days", "war"]), "dys", "days" },
        { "AR4001", at => DiagnosticCatalog.UndeclaredEventVerb(at, "atack", ["attack"]), "atack", "attack" },
        { "AR5008", at => DiagnosticCatalog.TestNamesUnknown(at, "assumption", "promt", ["prompt"]), "promt", "prompt" },
        { "AR6012", at => DiagnosticCatalog.UnknownParty(at, "UAS", "USA"), "UAS", "USA" },
        { "AR6014", at => DiagnosticCatalog.UnknownAttributeKey(at, "articel", "request", "where", "article"), "articel", "article" },
    };

    [Theory]
    [MemberData(nameof(Suggesting))]
    public void A_suggestion_comes_with_a_fix_for_the_misspelt_name(string code, Func<SourceRef, Diagnostic> make, string word, string replacement)
    {
        var at = At($"before {word} after", word);
        var d = make(at);
        Assert.Equal(code, d.Code);
        AssertFix(d, at, replacement);
    }

    [Fact]
    public void A_json_field_is_fixed_inside_its_quotes()
    {
        var at = At("{\"date\":\"2022-09-13\",\"actr\":\"RUS\"}", "\"actr\"");
        var d = DiagnosticCatalog.UnknownJsonField(at, "actr", ["date", "actor", "verb"]);
        Assert.Equal("AR4004", d.Code);
        AssertFix(d, at, "actor", "actr");
    }

    [Fact]
    public void A_span_wider_than_the_name_is_narrowed_to_the_name()
    {
        // A test's expectation is reported over its whole line; the fix is for the name alone.
        var at = At("expect CST.art4 RUS 2022-09-13 fulfilled", "expect CST.art4 RUS 2022-09-13 fulfilled");
        var d = DiagnosticCatalog.TestNamesUnknown(at, "rule", "CST.art4", ["CST.art5"]);
        AssertFix(d, at, "CST.art5", "CST.art4");
    }

    [Fact]
    public void No_suggestion_no_fix()
    {
        var at = At("x bombard y", "bombard");
        Assert.Null(DiagnosticCatalog.UnknownVerb(at, "bombard", ["attack"]).Fix);
        Assert.Null(DiagnosticCatalog.UnknownAttributeKey(at, "bombard", "request", "where", null).Fix);
        Assert.Null(DiagnosticCatalog.UnknownKeyword(at, "bombard", "a rule", ["kind"]).Fix);
        // A command-line diagnostic has no file to edit.
        Assert.Null(DiagnosticCatalog.UnknownSweep("promt", ["prompt"]).Fix);
    }

    [Fact]
    public void The_message_is_the_one_did_you_mean_words()
    {
        var at = At("a atack b", "atack");
        Assert.Equal($"unknown verb 'atack': no vocabulary declares it{SpellingSuggester.DidYouMean("atack", ["attack"])}", DiagnosticCatalog.UnknownVerb(at, "atack", ["attack"]).Message);
    }

    [Fact]
    public void A_misspelt_kind_from_the_parser_carries_its_fix()
    {
        var text = "treaty T \"T\" {\n  rule r \"R\" {\n    kind defence\n    forbid _ attack _\n  }\n}\n";
        var (_, found) = RuleFileParser.Parse(new SourceFile("x.treaty", text));
        var d = Assert.Single(found, d => d.Code == "AR2004");
        Assert.Equal(new DiagnosticFix(new TextSpan(text.IndexOf("defence", StringComparison.Ordinal), 7), "defense"), d.Fix);
    }
}

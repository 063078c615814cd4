using System.Text.Json;
using System.Text.RegularExpressions;
using AllianceRules.Tests.Support;

namespace AllianceRules.Cli.Tests.DiagnosticFormats;

/// <summary>
/// <c>--diagnostics-format text|json|sarif</c>: the same diagnostics, on standard error, as today's
/// text, one JSON document (docs/diagnostics.schema.json) or one SARIF 2.1.0 log, with the exit
/// status unchanged. Goldens beside their input (ALLIANCE_UPDATE_BASELINES=1 rewrites them).
/// </summary>
[Collection("cli")]
public sealed class DiagnosticFormatTests : IDisposable
{
    private static readonly string Here = Repo.Path("tests", "AllianceRules.Cli.Tests", "DiagnosticFormats");
    private static readonly string Pact = Repo.Path("tests", "AllianceRules.Cli.Tests", "FailOn");
    private readonly CliHarness _cli = new();

    public DiagnosticFormatTests()
    {
        _cli.Write("bad/misspelt-verb.treaty", File.ReadAllText(Path.Combine(Here, "misspelt-verb.treaty")));
        _cli.Write("broken/broken.treaty", "treaty PACT \"A pact\" {\n  members {\n    AAA 2000-01-01 ..\n");
        // A test whose rules do not load: its line says ERROR on standard output, its errors go with the others.
        _cli.Write("tests/bad.test", "test \"over a misspelt verb\"\n  rules \"../bad/misspelt-verb.treaty\"\n  history \"../pact/war.events\"\n  expect no PACT.help DEU\nend\n");
        foreach (var name in new[] { "pact.treaty", "war.events" }) _cli.Write($"pact/{name}", File.ReadAllText(Path.Combine(Pact, name)));
    }

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("text", "misspelt-verb.txt")]
    [InlineData("json", "misspelt-verb.json")]
    [InlineData("sarif", "misspelt-verb.sarif")]
    public void A_bad_rule_file_in_each_format(string format, string golden)
    {
        var (exit, stdout, stderr) = _cli.Run("check", "bad", "--diagnostics-format", format);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Baseline.Match(Path.Combine(Here, golden), Masked(stderr));
    }

    [Fact]
    public void Text_is_the_default_and_todays_output()
    {
        Assert.Equal(_cli.Run("check", "bad"), _cli.Run("check", "bad", "--diagnostics-format", "text"));
        Assert.StartsWith("bad/misspelt-verb.treaty:17:43: error AR3008: unknown verb 'asist'", _cli.Run("check", "bad").Err, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> FailingCommands() =>
    [
        ["check", "bad"],
        ["lint", "bad"],
        ["report", "bad"],
        ["explain", "bad", "--rule", "PACT.help"],
        ["study", "bad"],
        ["fmt", "broken", "--check"],
        ["test", "bad"],
        ["test", "tests"],
        ["check", "missing-folder"],
        ["check", "bad", "--bogus"],
        ["check", "pact", "--format", "yaml"],
        ["check"],
        ["import", "atop", "nope.csv", "-o", "out"],
        ["import", "atop", "nope.csv", "--states", "states.csv", "-o", "out"],
        ["import", "cow-war", "nope.csv", "-o", "out"],
    ];

    [Theory]
    [MemberData(nameof(FailingCommands))]
    public void Every_command_writes_one_conforming_document_and_keeps_its_exit_status(string[] args)
    {
        var text = _cli.Run(args);
        var json = _cli.Run([.. args, "--diagnostics-format", "json"]);
        var sarif = _cli.Run([.. args, "--diagnostics-format", "sarif"]);
        Assert.Equal(text.Exit, json.Exit);
        Assert.Equal(text.Exit, sarif.Exit);
        Assert.Equal(text.Out, json.Out);
        Assert.Equal(text.Out, sarif.Out);
        Schemas.AssertConforms(Schemas.Diagnostics, json.Err);
        Schemas.AssertConforms(SarifSchema.Value, sarif.Err);
        // Each diagnostic of the text is in the documents, by code.
        var codes = Codes(json.Err);
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Contains($" {code}: ", text.Err, StringComparison.Ordinal));
        Assert.Equal(codes, Results(sarif.Err).Select(r => r.GetProperty("ruleId").GetString()!));
    }

    [Fact]
    public void A_clean_run_writes_an_empty_document()
    {
        var (exit, stdout, stderr) = _cli.Run("check", "pact", "--as-of", "2020-12-31", "--diagnostics-format", "json", "--fail-on-violation");
        Assert.Equal(1, exit);
        Assert.Contains("violated", stdout, StringComparison.Ordinal);
        Schemas.AssertConforms(Schemas.Diagnostics, stderr);
        Assert.Empty(Codes(stderr));
        var sarif = _cli.Run("check", "pact", "--diagnostics-format", "sarif");
        Assert.Equal(0, sarif.Exit);
        Schemas.AssertConforms(SarifSchema.Value, sarif.Err);
        Assert.Empty(Results(sarif.Err));
    }

    [Fact]
    public void Lint_findings_and_checks_warnings_join_the_document()
    {
        // The pact without its citations: lint and check warn (AR6003).
        var uncited = string.Join('\n', File.ReadAllLines(Path.Combine(Pact, "pact.treaty")).Where(l => !l.TrimStart().StartsWith("cites", StringComparison.Ordinal) && !l.TrimStart().StartsWith("quote", StringComparison.Ordinal)));
        _cli.Write("uncited/pact.treaty", uncited);
        var text = _cli.Run("lint", "uncited");
        var warnings = text.Out.Split('\n').Where(l => l.Contains(": warning AR", StringComparison.Ordinal)).Select(l => l.Split(": warning ")[1][..6]).ToList();
        Assert.Contains("AR6003", warnings);
        var lint = _cli.Run("lint", "uncited", "--diagnostics-format", "sarif");
        Assert.Equal(text.Exit, lint.Exit);
        // Standard output keeps lint's summary line; the findings are in the document.
        Assert.Equal(text.Out.Split('\n')[^2] + "\n", lint.Out.ReplaceLineEndings("\n"));
        Schemas.AssertConforms(SarifSchema.Value, lint.Err);
        Assert.All(Results(lint.Err), r => Assert.Equal("warning", r.GetProperty("level").GetString()));
        Assert.Equal(warnings, Results(lint.Err).Select(r => r.GetProperty("ruleId").GetString()!));

        _cli.Write("uncited/war.events", File.ReadAllText(Path.Combine(Pact, "war.events")));
        var checkText = _cli.Run("check", "uncited");
        var check = _cli.Run("check", "uncited", "--diagnostics-format", "json");
        Assert.Equal(0, check.Exit);
        Assert.Equal(checkText.Out, check.Out);
        Schemas.AssertConforms(Schemas.Diagnostics, check.Err);
        Assert.Contains("AR6003", Codes(check.Err));
        Assert.All(Codes(check.Err), code => Assert.Contains($"warning {code}: ", checkText.Err, StringComparison.Ordinal));
    }

    [Fact]
    public void A_command_line_error_has_no_file_and_no_location()
    {
        var json = _cli.Run("check", "pact", "--diagnostics-format", "json", "--fail-on-violaton");
        Assert.Equal(2, json.Exit);
        var d = Assert.Single(Diagnostics(json.Err));
        Assert.Equal("AR9011", d.GetProperty("code").GetString());
        Assert.Equal("unknown option '--fail-on-violaton'; did you mean '--fail-on-violation'?", d.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, d.GetProperty("file").ValueKind);
        Assert.Equal(JsonValueKind.Null, d.GetProperty("line").ValueKind);
        var sarif = _cli.Run("check", "pact", "--diagnostics-format", "sarif", "--fail-on-violaton");
        Assert.False(Assert.Single(Results(sarif.Err)).TryGetProperty("locations", out _));
    }

    [Fact]
    public void A_bad_format_is_a_located_one_line_error_with_a_suggestion()
    {
        var (exit, stdout, stderr) = _cli.Run("check", "pact", "--diagnostics-format", "jsn");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(
            "alliance: error AR9011: --diagnostics-format 'jsn' is not one of text, json, sarif; did you mean 'json'?\nRun 'alliance check --help' for usage.\n",
            stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_fix_is_carried_at_the_misspelt_word()
    {
        var json = Diagnostics(_cli.Run("check", "bad", "--diagnostics-format", "json").Err).Single();
        var fix = json.GetProperty("fix");
        Assert.Equal("assist", fix.GetProperty("replacement").GetString());
        Assert.Equal((17, 43, 17, 48), (fix.GetProperty("line").GetInt32(), fix.GetProperty("column").GetInt32(), fix.GetProperty("endLine").GetInt32(), fix.GetProperty("endColumn").GetInt32()));
        var result = Results(_cli.Run("check", "bad", "--diagnostics-format", "sarif").Err).Single();
        var change = result.GetProperty("fixes")[0].GetProperty("artifactChanges")[0];
        Assert.Equal("bad/misspelt-verb.treaty", change.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("assist", change.GetProperty("replacements")[0].GetProperty("insertedContent").GetProperty("text").GetString());
    }

    [Fact]
    public void Paths_are_relative_with_forward_slashes()
    {
        var result = Results(_cli.Run("check", Path.Combine("bad", "misspelt-verb.treaty"), "--diagnostics-format", "sarif").Err).Single();
        Assert.Equal("bad/misspelt-verb.treaty", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Theory]
    [InlineData("rules/cst.treaty", "rules/cst.treaty")]
    [InlineData("my rules/a#b.treaty", "my%20rules/a%23b.treaty")]
    [InlineData("/home/me/rules/cst.treaty", "file:///home/me/rules/cst.treaty")]
    [InlineData("C:/rules/cst.treaty", "file:///C:/rules/cst.treaty")]
    public void A_path_becomes_a_uri_reference(string path, string uri)
    {
        var file = new AllianceRules.Text.SourceFile(path, "treaty X {\n");
        var diagnostic = new AllianceRules.Diagnostics.Diagnostic("AR2001", AllianceRules.Diagnostics.Severity.Error, file, new(0, 6), "a message");
        var sarif = AllianceRules.Reporting.DiagnosticDocuments.SarifWriter.Write([diagnostic], new AllianceRules.Reporting.ToolInfo("1.2.3"));
        Schemas.AssertConforms(SarifSchema.Value, sarif);
        var location = Results(sarif).Single().GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(uri, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("{\"startLine\":1,\"startColumn\":1,\"endLine\":1,\"endColumn\":7}", JsonSerializer.Serialize(location.GetProperty("region")));
    }

    [Fact]
    public void The_vendored_sarif_schema_rejects_what_breaks_it()
    {
        var sarif = _cli.Run("check", "bad", "--diagnostics-format", "sarif").Err;
        Assert.NotEmpty(Schemas.Problems(SarifSchema.Value, sarif.Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal)));
        Assert.NotEmpty(Schemas.Problems(SarifSchema.Value, sarif.Replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"", StringComparison.Ordinal)));
        Assert.Contains("OASIS", File.ReadAllText(Repo.Path("tests", "AllianceRules.Cli.Tests", "Schemas", "sarif-schema-2.1.0.LICENSE.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_code_has_the_title_the_catalogue_page_gives_it()
    {
        var page = File.ReadAllLines(Repo.Path("docs", "diagnostics.md"))
            .Where(l => l.StartsWith("### AR", StringComparison.Ordinal))
            .Select(l => l["### ".Length..].Split(": ", 2))
            .Select(p => $"{p[0]}: {p[1]}");
        Assert.Equal(page, AllianceRules.Diagnostics.DiagnosticTitles.All.Select(t => $"{t.Key}: {t.Value}"));
    }

    [Fact]
    public void The_diagnostics_page_shows_what_is_written()
    {
        var page = File.ReadAllText(Repo.Path("docs", "diagnostics.md")).ReplaceLineEndings("\n");
        var json = Regex.Match(page, "`alliance check bad --diagnostics-format json` writes on\nstandard error:\n\n```json\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(json.Success, "docs/diagnostics.md lost its JSON example");
        Assert.Equal(File.ReadAllText(Path.Combine(Here, "misspelt-verb.json")).ReplaceLineEndings("\n"), JsonGolden.Mask(json.Groups["body"].Value));
        Assert.Equal(File.ReadAllText(Path.Combine(Here, "misspelt-verb.treaty")), File.ReadAllText(Path.Combine(_cli.Directory, "bad", "misspelt-verb.treaty")));
        var (_, _, stderr) = _cli.Run("check", "pact", "--diagnostics-format", "jsn");
        Assert.Contains("```\n" + stderr.ReplaceLineEndings("\n") + "```\n", page, StringComparison.Ordinal);
    }

    /// <summary>The tool's version, which changes with each release, as goldens hold it.</summary>
    private static string Masked(string output) =>
        output.Replace($"ersion\": \"{ToolVersion.Info.Version}\"", $"ersion\": \"{JsonGolden.MaskedVersion}\"", StringComparison.Ordinal).ReplaceLineEndings("\n");

    private static List<JsonElement> Diagnostics(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("diagnostics").EnumerateArray()];

    private static List<string> Codes(string json) => [.. Diagnostics(json).Select(d => d.GetProperty("code").GetString()!)];

    private static List<JsonElement> Results(string sarif) =>
        [.. JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];
}

using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AllianceRules.Tests.Support;

namespace AllianceRules.Cli.Tests;

/// <summary>
/// The JSON report's <c>inputs</c> (schema 2.4.0): every file read, with its kind, the SHA-256 of its
/// bytes on disk and the lines of its text, computed here independently of the program.
/// </summary>
[Collection("cli")]
public sealed class JsonInputsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private void CopyBundled()
    {
        foreach (var folder in new[] { "rules", "seeds" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(CliHarness.RepoRoot, folder)))
            {
                File.Copy(file, Path.Combine(Directory.CreateDirectory(Path.Combine(_cli.Directory, folder)).FullName, Path.GetFileName(file)));
            }
        }
    }

    private List<(string Path, string Kind, string Sha256, long Lines)> Inputs(params string[] args)
    {
        var (exit, stdout, stderr) = _cli.Run(["check", .. args, "--format", "json", "--quiet"]);
        Assert.True(exit == 0, stderr);
        Schemas.AssertConforms(Schemas.Report, stdout);
        using var json = JsonDocument.Parse(stdout);
        // Right after the header, before asOf.
        Assert.Equal(["schemaVersion", "tool", "inputs", "asOf"], json.RootElement.EnumerateObject().Take(4).Select(p => p.Name));
        return [.. json.RootElement.GetProperty("inputs").EnumerateArray().Select(i => (
            i.GetProperty("path").GetString()!, i.GetProperty("kind").GetString()!, i.GetProperty("sha256").GetString()!, i.GetProperty("lines").GetInt64()))];
    }

    private (string, string, string, long) Expected(string path, string kind, string text)
    {
        var bytes = File.ReadAllBytes(Path.Combine(_cli.Directory, path));
        var lines = text.Count(c => c == '\n') + (text.Length > 0 && !text.EndsWith('\n') ? 1 : 0);
        return (path, kind, Convert.ToHexStringLower(SHA256.HashData(bytes)), lines);
    }

    [Fact]
    public void Check_lists_every_rule_file_and_history_with_its_digest_and_lines()
    {
        CopyBundled();
        // One history gzipped, one whose last line has no line feed.
        var plain = Path.Combine(_cli.Directory, "seeds", "nato-2001.events");
        var gzText = File.ReadAllText(plain);
        using (var gz = new GZipStream(File.Create(plain + ".gz"), CompressionLevel.Optimal)) gz.Write(File.ReadAllBytes(plain));
        File.Delete(plain);
        var unterminated = Path.Combine(_cli.Directory, "seeds", "kyrgyzstan-2010.events");
        File.WriteAllText(unterminated, File.ReadAllText(unterminated).TrimEnd('\n'));

        var inputs = Inputs("rules", "seeds");

        var files = Directory.GetFiles(Path.Combine(_cli.Directory, "rules")).Concat(Directory.GetFiles(Path.Combine(_cli.Directory, "seeds")))
            .Select(f => Path.GetRelativePath(_cli.Directory, f).Replace('\\', '/'))
            .Where(f => f.EndsWith(".treaty", StringComparison.Ordinal) || f.Contains(".events", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(files.Order(StringComparer.Ordinal), inputs.Select(i => i.Path).Order(StringComparer.Ordinal));
        foreach (var input in inputs)
        {
            var text = input.Path.EndsWith(".gz", StringComparison.Ordinal) ? gzText : File.ReadAllText(Path.Combine(_cli.Directory, input.Path));
            Assert.Equal(Expected(input.Path, input.Path.EndsWith(".treaty", StringComparison.Ordinal) ? "rules" : "events", text), input);
        }
        Assert.Contains(inputs, i => i.Path == "seeds/nato-2001.events.gz" && i.Lines == gzText.Count(c => c == '\n'));
        Assert.Contains(inputs, i => i.Path == "seeds/kyrgyzstan-2010.events");
    }

    [Fact]
    public void A_history_is_listed_with_its_format()
    {
        _cli.CopyContract();
        _cli.Write("more/late.jsonl", """{"date":"2022-11-01","actor":"ARM","verb":"request","target":"CSTO"}""" + "\n");
        _cli.Write("more/late.csv", "date,actor,verb,target\n2022-11-02,ARM,request,CSTO\n");
        var inputs = Inputs("rules", "seeds", "more");
        Assert.Equal(
            [("rules/cst.treaty", "rules"), ("seeds/armenia-2022.events", "events"), ("more/late.csv", "csv"), ("more/late.jsonl", "jsonl")],
            inputs.Select(i => (i.Path, i.Kind)).OrderBy(i => i.Path.StartsWith("more", StringComparison.Ordinal)).ThenBy(i => i.Path, StringComparer.Ordinal));
        Assert.All(inputs, i => Assert.Equal(Expected(i.Path, i.Kind, File.ReadAllText(Path.Combine(_cli.Directory, i.Path))), i));
    }

    /// <summary>
    /// Regression: the streamed digest of <c>check --format json</c> counted 0x0A bytes, so a
    /// UTF-16 history had a line more than the report's Inputs table gives (its last byte, 0x00 or
    /// the 0x0A of a big-endian line feed's second half, is not a line feed), and one more for each
    /// character with a 0x0A byte ("Ċ" is 0A 01 in UTF-16LE, 01 0A in UTF-16BE; "ਊ" is 0A 0A).
    /// The reader takes UTF-16 by its byte-order mark only: without one, the file is read as UTF-8
    /// and refused for its NUL bytes (AR1007), so only files with a mark are counted here.
    /// </summary>
    [Theory]
    [InlineData(false, true)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void A_utf16_history_has_as_many_lines_in_json_as_in_the_report(bool bigEndian, bool terminated)
    {
        _cli.CopyContract();
        var text = File.ReadAllText(CliHarness.Contract("armenia-2022.events")).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("Goris and Kapan", "Goris and Kapan (Ċ, ਊ)", StringComparison.Ordinal);
        Assert.Contains("Ċ", text, StringComparison.Ordinal);
        if (!terminated) text = text.TrimEnd('\n');
        var encoding = new System.Text.UnicodeEncoding(bigEndian, byteOrderMark: true);
        File.WriteAllBytes(Path.Combine(_cli.Directory, "seeds", "armenia-2022.events"), [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        var lines = text.Count(c => c == '\n') + (terminated ? 0 : 1);

        var json = Inputs("rules", "seeds").Single(i => i.Path == "seeds/armenia-2022.events");
        var (exit, markdown, stderr) = _cli.Run("report", "rules", "seeds");
        Assert.True(exit == 0, stderr);
        var row = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Single(l => l.StartsWith("| `seeds/armenia-2022.events` |", StringComparison.Ordinal));
        var reported = long.Parse(row.Split('|', StringSplitOptions.TrimEntries)[3], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal((lines, lines), (json.Lines, reported));
        Assert.Equal(Expected(json.Path, "events", text), json);
    }

    [Fact]
    public void Whole_and_streamed_reading_give_the_same_digests()
    {
        CopyBundled();
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _cli.Directory;
        try
        {
            var args = CommandLine.EvaluationArgs.None;
            var (whole, _) = CommandInput.Read(new InputRequest(["rules", "seeds"], args, null));
            var (streamed, _) = CommandInput.Read(new InputRequest(["rules", "seeds"], args, null) { StreamHistories = true });
            // The streamed histories are digested as they are read: read them as the engine would.
            foreach (var source in streamed!.HistorySources)
            {
                using var stream = source.Open();
                stream.CopyTo(Stream.Null);
            }
            Assert.Equal(whole!.AllDigests(), streamed.AllDigests());
            Assert.Empty(streamed.Streams.Failures);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}

using System.Collections;
using System.Text;
using AllianceRules.Parsing;
using AllianceRules.Text;
using AllianceRules.Tests.Support;

namespace AllianceRules.Tests.Parsing;

/// <summary>
/// The treaty grammar's parsers are static and shared by every thread; all that a parse writes
/// (diagnostics, depth, skips, nesting, where the last token ended) must stay with that parse.
/// </summary>
public sealed class ConcurrentParseTests
{
    [Fact]
    public void Files_parsed_in_parallel_give_what_they_give_one_by_one()
    {
        var files = Inputs();
        var alone = files.Select(Dump).ToArray();
        // Several rounds, so that different files are certainly in flight at once.
        const int rounds = 4;
        var together = new string[files.Count * rounds];
        Parallel.For(0, together.Length, i => together[i] = Dump(files[i % files.Count]));

        Assert.True(files.Count > 200, $"only {files.Count} inputs");
        Assert.Contains(alone, d => d.Contains("AR2", StringComparison.Ordinal) || d.Contains("AR1", StringComparison.Ordinal));
        for (var i = 0; i < together.Length; i++)
        {
            Assert.True(alone[i % files.Count] == together[i], $"{files[i % files.Count].Path} parsed differently in parallel");
        }
    }

    /// <summary>The repository's rules, every .treaty file of the corpus, and cuts of a real treaty (unclosed blocks, broken items).</summary>
    private static List<SourceFile> Inputs()
    {
        var paths = Directory.GetFiles(Repo.Path("rules"), "*.treaty")
            .Concat(Directory.GetFiles(Repo.Path("tests", "corpus"), "*.treaty", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
        var files = paths.Select(p => new SourceFile(Path.GetRelativePath(Repo.Root, p), File.ReadAllText(p))).ToList();
        var cst = File.ReadAllText(Repo.Path("rules", "cst.treaty"));
        for (var cut = 0; cut < cst.Length; cut += 97) files.Add(new SourceFile($"cst-{cut}.treaty", cst[..cut]));
        return files;
    }

    private static string Dump(SourceFile file)
    {
        var (syntax, diagnostics) = RuleFileParser.Parse(file);
        var sb = new StringBuilder();
        foreach (var d in diagnostics) sb.Append(d.Code).Append(' ').Append(d.Severity).Append(' ').Append(d.Span).Append(' ').AppendLine(d.Message);
        Write(sb, syntax);
        return sb.ToString();
    }

    /// <summary>Every property of the syntax tree, spans included (records print lists only by type).</summary>
    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case SourceFile f:
                sb.Append(f.Path);
                return;
            case string or TextSpan or ValueType:
                sb.Append(value);
                return;
            case IEnumerable items:
                sb.Append('[');
                foreach (var item in items)
                {
                    Write(sb, item);
                    sb.Append(',');
                }
                sb.Append(']');
                return;
        }
        var type = value.GetType();
        sb.Append(type.Name).Append('{');
        foreach (var property in type.GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            sb.Append(property.Name).Append('=');
            Write(sb, property.GetValue(value));
            sb.Append(';');
        }
        sb.Append('}');
    }
}

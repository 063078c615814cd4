using System.Globalization;
using System.Text;
using AllianceRules.Evaluation;

namespace AllianceRules.Reporting.Documents;

/// <summary>
/// Writes GitHub-flavoured Markdown a block at a time: headings (with the anchor GitHub gives
/// each, so a table of contents can link to them), tables, fenced blocks and paragraphs. Every text
/// from a rule file or a history goes through <see cref="Escape"/>.
/// </summary>
internal sealed class MarkdownBuilder
{
    private readonly StringBuilder _sb = new();
    private readonly Dictionary<string, int> _slugs;

    /// <param name="slugs">The anchors used so far, shared by the builders of one document so that a repeated heading gets GitHub's "-1" suffix.</param>
    public MarkdownBuilder(Dictionary<string, int> slugs) => _slugs = slugs;

    public int Length => _sb.Length;

    /// <summary>Writes a heading and gives its anchor, as GitHub makes it: "2022-09-13: ARM" → "2022-09-13-arm".</summary>
    public string Heading(int level, string text)
    {
        // Blocks end with a blank line; a heading after bare text needs one of its own.
        if (_sb.Length > 1 && !(_sb[^1] == '\n' && _sb[^2] == '\n')) _sb.AppendLine();
        _sb.Append('#', level).Append(' ').AppendLine(Escape(text));
        _sb.AppendLine();
        return Anchor(text);
    }

    public void Line(string markdown) => _sb.AppendLine(markdown);

    public void Paragraph(string markdown)
    {
        _sb.AppendLine(markdown);
        _sb.AppendLine();
    }

    public void Table(string[] header, IEnumerable<string[]> rows)
    {
        _sb.AppendLine("| " + string.Join(" | ", header) + " |");
        _sb.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows) _sb.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
        _sb.AppendLine();
    }

    /// <summary>A fenced block (a Mermaid chart): the lines as given, which the caller has made safe for the block's language.</summary>
    public void Fenced(string language, IEnumerable<string> lines)
    {
        _sb.Append("```").AppendLine(language);
        foreach (var line in lines) _sb.AppendLine(line);
        _sb.AppendLine("```");
        _sb.AppendLine();
    }

    public void Append(MarkdownBuilder other) => _sb.Append(other._sb);

    public override string ToString() => _sb.ToString();

    /// <summary>
    /// GitHub's anchor for a heading (github-slugger): lower case, every character but letters,
    /// digits, '_', '-' and spaces dropped, spaces as '-', and "-1", "-2"... for a repeat.
    /// </summary>
    private string Anchor(string text)
    {
        var slug = new string([.. text.ToLowerInvariant()
            .Where(c => char.IsLetterOrDigit(c) || c is '_' or '-' or ' ' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            .Select(c => c == ' ' ? '-' : c)]);
        if (!_slugs.TryGetValue(slug, out var seen))
        {
            _slugs[slug] = 1;
            return slug;
        }
        _slugs[slug] = seen + 1;
        return $"{slug}-{seen}";
    }

    private static string Cell(string text) => text.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);

    /// <summary>Text as text: HTML entities for what GitHub would read as markup, backslashes for Markdown's own signs (math's '$' among them), and '|' for tables.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\n': case '\r': sb.Append(' '); break;
                // '$' too: GitHub reads "$b attack $a" as inline math.
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '~' or '$':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Inline code in a table cell, for paths, ids and hashes (backticks inside are replaced, since code spans cannot escape them; '|' is escaped, as a table row needs even inside code).</summary>
    public static string Code(string text) => "`" + text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal) + "`";

    /// <summary>Inline code outside a table, where a backslash before '|' would show.</summary>
    public static string InlineCode(string text) => "`" + text.Replace('`', '\'') + "`";

    public static string Status(InstanceStatus s) => s switch
    {
        InstanceStatus.Fulfilled => "✅ fulfilled",
        InstanceStatus.Violated => "❌ violated",
        InstanceStatus.Pending => "⏳ pending",
        InstanceStatus.Discharged => "↩️ discharged",
        InstanceStatus.Indeterminate => "❔ indeterminate",
        _ => "➖ excused",
    };

    public static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Rate(double? r) => r is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—";
}

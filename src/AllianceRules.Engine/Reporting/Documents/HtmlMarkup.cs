using System.Globalization;
using System.Net;
using System.Text;
using AllianceRules.Evaluation;

namespace AllianceRules.Reporting.Documents;

/// <summary>A small writer for well-formed markup: elements opened and closed in pairs, text always escaped.</summary>
internal sealed class HtmlMarkup
{
    private readonly StringBuilder _sb = new();

    public HtmlMarkup Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    public HtmlMarkup Open(string tag, string? cssClass = null, string? id = null)
    {
        _sb.Append('<').Append(tag);
        if (id is not null) _sb.Append(" id=\"").Append(Esc(id)).Append('"');
        if (cssClass is not null) _sb.Append(" class=\"").Append(Esc(cssClass)).Append('"');
        _sb.Append('>');
        return this;
    }

    public HtmlMarkup Close(string tag)
    {
        _sb.Append("</").Append(tag).Append('>');
        if (tag is "p" or "h1" or "h2" or "h3" or "h4" or "figure" or "dl" or "ul" or "ol" or "nav" or "title" or "style" or "section") _sb.Append('\n');
        return this;
    }

    public HtmlMarkup Text(string text)
    {
        _sb.Append(Esc(text));
        return this;
    }

    /// <summary>A paragraph of text.</summary>
    public HtmlMarkup P(string text, string? cssClass = null) => Open("p", cssClass).Text(text).Close("p");

    /// <summary>A heading with an id, so the table of contents (and a reader) can link to it.</summary>
    public HtmlMarkup Heading(string tag, string id, string text) => Open(tag, id: id).Text(text).Close(tag);

    public void Table(string[] header, IEnumerable<string> rows)
    {
        Raw("<table><thead><tr>");
        foreach (var c in header) Open("th").Text(c).Close("th");
        Raw("</tr></thead><tbody>");
        foreach (var row in rows) Raw(row);
        Raw("</tbody></table>\n");
    }

    public override string ToString() => _sb.ToString();

    public static string Row(params string[] cells) => "<tr>" + string.Concat(cells) + "</tr>";

    public static string Cell(string text) => $"<td>{Esc(text)}</td>";

    public static string Num(int n) => $"<td class=\"num\">{n.ToString(CultureInfo.InvariantCulture)}</td>";

    public static string Rate(double? r) => $"<td class=\"num\">{(r is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—")}</td>";

    public static string Code(string text) => $"<td><code>{Esc(text)}</code></td>";

    public static string CodeList(IEnumerable<string> items) => "<td>" + string.Join(", ", items.Select(i => $"<code>{Esc(i)}</code>")) + "</td>";

    public static string Status(InstanceStatus s)
    {
        var name = DocumentText.StatusWord(s);
        return $"<td class=\"status {name}\">{name}</td>";
    }

    /// <summary>The status cell with what happened: "violated: performed 9 days late (1982-05-27, <c>f:12</c>)", "excused: 'unless …' held".</summary>
    public static string Verdict(InstanceResult i)
    {
        var name = DocumentText.StatusWord(i.Status);
        var detail = i switch
        {
            { Late: { } late } => $": <span class=\"detail\">{Esc(DocumentText.Late(late))}, <code>{Esc(DocumentText.Where(late.Event))}</code>)</span>",
            { Excuse: { } excuse } => $": <span class=\"detail\">{Esc(DocumentText.Excused(excuse))}</span>",
            _ => string.Empty,
        };
        return $"<td class=\"status {name}\">{name}{detail}</td>";
    }

    public static string F(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// Escapes text for element content and attribute values alike (the five XML specials), and
    /// shows a control character, which XML cannot carry, as the replacement character.
    /// </summary>
    public static string Esc(string text) =>
        WebUtility.HtmlEncode(text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            ? new string([.. text.Select(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r') ? '\uFFFD' : c)])
            : text);
}

using System.Text;
using System.Text.Json;
using AllianceRules.Diagnostics;
using AllianceRules.Parsing;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.History;

/// <summary>
/// Reads one <c>.jsonl</c> line into the same syntax as an <c>.events</c> line (language.md §4,
/// rule 5.1.8): string fields, and attributes whose values are strings or integers.
/// </summary>
internal static class JsonlLineReader
{
    private static readonly string[] EventFields = ["date", "end", "actor", "verb", "target", "attrs", "text"];

    /// <summary>Fields of the lines that describe the history rather than an event.</summary>
    private static readonly string[] HistoryFields = ["asOf", "observedFrom", "observedTo"];

    public static HistoryLineSyntax? Read(SourceFile file, int lineNumber, int start, int end, DiagnosticBag diagnostics)
    {
        var raw = file.Text[start..end].TrimEnd('\r');
        var bytes = Encoding.UTF8.GetBytes(raw);
        var fields = new Dictionary<string, (JsonTokenType Type, string Text, TextSpan Span)>(StringComparer.Ordinal);
        var attributes = new List<AttributeSyntax>();
        var attrNames = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        TextSpan SpanOf(long byteOffset, int length = 1) =>
            new(start + Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(byteOffset, bytes.Length)), Math.Max(1, length));
        var lineSpan = new TextSpan(start, Math.Max(1, raw.Length));
        var ok = true;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                diagnostics.Add(DiagnosticCatalog.MalformedJson(file.At(SpanOf(reader.TokenStartIndex)), "it must start with '{'"));
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var nameSpan = SpanOf(reader.TokenStartIndex, name.Length + 2);
                reader.Read();
                var valueSpan = SpanOf(reader.TokenStartIndex, (int)Math.Max(1, reader.ValueSpan.Length + (reader.TokenType == JsonTokenType.String ? 2 : 0)));
                if (HistoryFields.Contains(name) || EventFields.Contains(name))
                {
                    if (fields.ContainsKey(name))
                    {
                        diagnostics.Add(DiagnosticCatalog.JsonField(file.At(nameSpan), $"field '{name}' is given more than once"));
                        ok = false;
                    }
                    if (name == "attrs")
                    {
                        ok &= ReadAttributes(ref reader, file, attributes, attrNames, SpanOf, diagnostics);
                        fields[name] = (JsonTokenType.StartObject, string.Empty, nameSpan);
                        continue;
                    }
                    // An open interval's end is null (language.md §5.5).
                    if (name == "end" && reader.TokenType == JsonTokenType.Null)
                    {
                        fields[name] = (JsonTokenType.Null, string.Empty, valueSpan);
                        continue;
                    }
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        diagnostics.Add(DiagnosticCatalog.JsonField(file.At(valueSpan), name == "end" ? "field 'end' must be a date such as \"2022-09-13\", or null for an open end" : $"field '{name}' must be a string"));
                        reader.Skip();
                        ok = false;
                        continue;
                    }
                    fields[name] = (JsonTokenType.String, reader.GetString()!, valueSpan);
                }
                else
                {
                    var known = EventFields.Concat(HistoryFields);
                    diagnostics.Add(DiagnosticCatalog.UnknownJsonField(file.At(nameSpan), name, known));
                    reader.Skip();
                    ok = false;
                }
            }
            if (reader.Read())
            {
                diagnostics.Add(DiagnosticCatalog.MalformedJson(file.At(SpanOf(reader.TokenStartIndex)), "there is more after the closing '}'"));
                return null;
            }
        }
        catch (JsonException e)
        {
            var offset = e.BytePositionInLine ?? 0;
            diagnostics.Add(DiagnosticCatalog.MalformedJson(file.At(SpanOf(offset)), Plain(e.Message)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString() refuses a "\ud800" escape that no low surrogate follows: it encodes no text.
            diagnostics.Add(DiagnosticCatalog.MalformedJson(file.At(SpanOf(reader.TokenStartIndex)), "a string holds a broken \\u escape (an unpaired surrogate)"));
            return null;
        }
        if (!ok) return null;

        if (fields.TryGetValue("asOf", out var asOf))
        {
            if (fields.Count > 1)
            {
                diagnostics.Add(DiagnosticCatalog.JsonField(file.At(lineSpan), "a line with 'asOf' sets the horizon and can have no other field"));
                return null;
            }
            var date = DateOf(file, asOf.Text, asOf.Span, diagnostics);
            return date is null ? null : new AsOfSyntax(date, lineNumber, lineSpan);
        }

        if (fields.TryGetValue("observedFrom", out var observedFrom))
        {
            if (fields.Keys.Any(k => k is not "observedFrom" and not "observedTo"))
            {
                diagnostics.Add(DiagnosticCatalog.JsonField(file.At(lineSpan), "a line with 'observedFrom' states what the history covers and can have no field other than 'observedTo'"));
                return null;
            }
            var from = DateOf(file, observedFrom.Text, observedFrom.Span, diagnostics);
            var hasTo = fields.TryGetValue("observedTo", out var observedTo);
            var to = hasTo ? DateOf(file, observedTo.Text, observedTo.Span, diagnostics) : null;
            if (from is null || (hasTo && to is null)) return null;
            return new ObservedSyntax(new IntervalSyntax(from, to, lineSpan), lineNumber, lineSpan);
        }
        if (fields.TryGetValue("observedTo", out var lonelyTo))
        {
            diagnostics.Add(DiagnosticCatalog.JsonField(file.At(lonelyTo.Span), "'observedTo' needs 'observedFrom' on the same line"));
            return null;
        }

        foreach (var required in new[] { "date", "actor", "verb", "target" })
        {
            if (!fields.ContainsKey(required))
            {
                diagnostics.Add(DiagnosticCatalog.JsonField(file.At(lineSpan), $"this event has no '{required}' field"));
                ok = false;
            }
        }
        if (!ok) return null;

        var dateSyntax = DateOf(file, fields["date"].Text, fields["date"].Span, diagnostics);
        var actor = CodeOf(file, "actor", fields["actor"], diagnostics);
        var target = CodeOf(file, "target", fields["target"], diagnostics);
        var verbField = fields["verb"];
        Identifier? verb = null;
        if (Lexical.IsName(verbField.Text))
        {
            verb = new Identifier(verbField.Text, verbField.Span);
        }
        else
        {
            diagnostics.Add(DiagnosticCatalog.JsonField(file.At(verbField.Span), $"'verb' must be a lower-case name such as 'attack', not '{verbField.Text}'"));
        }
        EventEndSyntax? until = null;
        if (fields.TryGetValue("end", out var endField))
        {
            var endDate = endField.Type == JsonTokenType.Null ? null : DateOf(file, endField.Text, endField.Span, diagnostics);
            if (endField.Type != JsonTokenType.Null && endDate is null) return null;
            until = new EventEndSyntax(endDate, endField.Span);
        }
        if (dateSyntax is null || actor is null || target is null || verb is null) return null;
        var description = fields.TryGetValue("text", out var text) ? new StringLiteral(text.Text, text.Span) : null;
        return new EventLineSyntax(dateSyntax, actor, verb, target, attributes, description, raw, lineNumber, lineSpan, until);
    }

    private static string? IntegerText(ReadOnlySpan<byte> raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        var digits = text.StartsWith('-') ? text[1..] : text;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? text : null;
    }

    /// <summary>System.Text.Json's messages speak of readers and depths; say what is wrong with the line instead.</summary>
    private static string Plain(string message)
    {
        if (message.Contains("trailing comma", StringComparison.OrdinalIgnoreCase)) return "there is a comma before a closing '}' or ']'";
        if (message.Contains("is invalid after a value", StringComparison.Ordinal)) return "a comma is missing between two fields or values";
        if (message.Contains("within a number", StringComparison.Ordinal) || message.Contains("end of a number", StringComparison.Ordinal))
        {
            return "a value is not valid JSON (dates and other strings need double quotes)";
        }
        if (message.Contains("after a single JSON value", StringComparison.Ordinal)) return "there is more after the closing '}'";
        if (message.Contains("Expected depth to be zero", StringComparison.Ordinal) || message.Contains("reached end of data", StringComparison.Ordinal))
        {
            return "the line ends before the object is closed";
        }
        if (message.Contains("invalid start of a value", StringComparison.Ordinal)) return "a value is not valid JSON (strings need double quotes)";
        if (message.Contains("start of a property name", StringComparison.Ordinal)) return "a field name is not valid JSON (it needs double quotes)";
        if (message.Contains("is an invalid", StringComparison.Ordinal) || message.Contains("is invalid", StringComparison.Ordinal)) return "this is not valid JSON";
        return message.Split(" LineNumber:", 2)[0].Split(". Change the reader options", 2)[0].TrimEnd('.', ' ');
    }

    private static bool ReadAttributes(ref Utf8JsonReader reader, SourceFile file, List<AttributeSyntax> attributes, HashSet<string> names,
        Func<long, int, TextSpan> spanOf, DiagnosticBag diagnostics)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            diagnostics.Add(DiagnosticCatalog.JsonField(file.At(spanOf(reader.TokenStartIndex, 1)), "field 'attrs' must be an object such as {\"article\":\"4\"}"));
            reader.Skip();
            return false;
        }
        var ok = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var nameSpan = spanOf(reader.TokenStartIndex, name.Length + 2);
            reader.Read();
            string? value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                // Attribute values compare as text (rule 5.1.8): an integer keeps its digits, however long.
                JsonTokenType.Number when IntegerText(reader.ValueSpan) is { } digits => digits,
                _ => null,
            };
            if (!Lexical.IsName(name))
            {
                diagnostics.Add(DiagnosticCatalog.JsonField(file.At(nameSpan), $"attribute name '{name}' must be a lower-case name such as 'article'"));
                ok = false;
            }
            if (value is null)
            {
                diagnostics.Add(DiagnosticCatalog.JsonField(file.At(spanOf(reader.TokenStartIndex, 1)), $"attribute '{name}' must be a string or an integer"));
                reader.Skip();
                ok = false;
                continue;
            }
            if (!names.Add(name))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateAttribute(file.At(nameSpan), name));
                ok = false;
                continue;
            }
            attributes.Add(new AttributeSyntax(new Identifier(name, nameSpan), value, nameSpan));
        }
        return ok;
    }

    private static DateSyntax? DateOf(SourceFile file, string text, TextSpan span, DiagnosticBag diagnostics)
    {
        var r = Lexical.Date(new TextInput(text, 0, text.Length));
        if (!r.WasSuccessful || !r.Remainder.AtEnd)
        {
            diagnostics.Add(DiagnosticCatalog.JsonField(file.At(span), $"'{text}' is not a date such as 2022-09-13"));
            return null;
        }
        return r.Value with { Span = span };
    }

    private static Identifier? CodeOf(SourceFile file, string field, (JsonTokenType Type, string Text, TextSpan Span) value, DiagnosticBag diagnostics)
    {
        if (Lexical.IsCode(value.Text)) return new Identifier(value.Text, value.Span);
        diagnostics.Add(DiagnosticCatalog.JsonField(file.At(value.Span), $"'{field}' must be a party code such as 'RUS', not '{value.Text}'"));
        return null;
    }
}

using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using AllianceRules.Model;
using AllianceRules.Text;

namespace AllianceRules.Tests.Support;

/// <summary>
/// A model as text, property by property, without where it was written (locations, spans, the
/// line an event stood on): two files mean the same when their dumps are equal.
/// </summary>
public static class ModelDump
{
    public static string Of(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int depth)
    {
        if (depth > 40) throw new InvalidOperationException("The model is nested too deeply to dump.");
        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case string s:
                sb.Append('"').Append(s).Append('"');
                return;
            case IFormattable f when value.GetType().IsPrimitive || value is Enum || value.GetType().Namespace == "NodaTime":
                sb.Append(f.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool b:
                sb.Append(b);
                return;
            case IDictionary dictionary:
                sb.Append('{');
                foreach (var key in dictionary.Keys.Cast<object>().OrderBy(k => k.ToString(), StringComparer.Ordinal))
                {
                    sb.Append(key).Append(':');
                    Write(sb, dictionary[key], depth + 1);
                    sb.Append(',');
                }
                sb.Append('}');
                return;
            case IEnumerable sequence:
                sb.Append('[');
                foreach (var item in sequence)
                {
                    Write(sb, item, depth + 1);
                    sb.Append(',');
                }
                sb.Append(']');
                return;
        }
        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            Write(sb, type.GetProperty("Key")!.GetValue(value), depth + 1);
            sb.Append('=');
            Write(sb, type.GetProperty("Value")!.GetValue(value), depth + 1);
            return;
        }
        if (value is SourceRef or TextSpan || type == typeof(EventOrigin)) return;
        sb.Append(type.Name).Append('(');
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (p.PropertyType == typeof(SourceRef) || p.PropertyType == typeof(EventOrigin) || p.Name == "EqualityContract") continue;
            sb.Append(p.Name).Append('=');
            Write(sb, p.GetValue(value), depth + 1);
            sb.Append(';');
        }
        sb.Append(')');
    }
}

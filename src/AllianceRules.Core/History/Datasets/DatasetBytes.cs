using System.Buffers;
using System.Text;

namespace AllianceRules.History.Datasets;

/// <summary>
/// Dataset lines as UTF-8 bytes: a field is decoded only when it is read, exactly as the text reader
/// would have decoded it (an invalid byte reads as U+FFFD; a tab or line break, being ASCII, is never
/// part of a character), so that both give the same rows and the same skips.
/// </summary>
internal static class DatasetBytes
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The line without a byte-order mark and without its line break, as <see cref="DatasetFields.Line"/>.</summary>
    public static ReadOnlySpan<byte> Line(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith(Bom)) line = line[3..];
        return line.TrimEnd("\r\n"u8);
    }

    /// <summary>The text of <paramref name="bytes"/>, decoded into <paramref name="buffer"/>, which must hold at least as many chars as there are bytes.</summary>
    public static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> bytes, Span<char> buffer) =>
        buffer[..Encoding.UTF8.GetChars(bytes, buffer)];

    /// <summary><see cref="DatasetFields.Value"/> of a field given as text, or, when that is empty, as bytes; empty when the field is.</summary>
    public static string Value(ReadOnlySpan<char> text, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return DatasetFields.Value(text);
        var rented = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            return DatasetFields.Value(Decode(bytes, rented));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Whether the line is blank (white space only, as <see cref="MemoryExtensions.IsWhiteSpace"/> reads its text).</summary>
    public static bool IsWhiteSpace(ReadOnlySpan<byte> line)
    {
        while (!line.IsEmpty)
        {
            if (line[0] < 0x80)
            {
                if (!char.IsWhiteSpace((char)line[0])) return false;
                line = line[1..];
                continue;
            }
            // An invalid sequence decodes as U+FFFD, which is not white space.
            if (System.Text.Rune.DecodeFromUtf8(line, out var rune, out var used) != OperationStatus.Done || !System.Text.Rune.IsWhiteSpace(rune)) return false;
            line = line[used..];
        }
        return true;
    }
}

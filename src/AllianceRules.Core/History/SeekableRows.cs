using System.Text;
using AllianceRules.Model;

namespace AllianceRules.History;

/// <summary>
/// Reads evidence rows back from a history that can be opened again at an offset: one stream, opened
/// at the first row asked for and kept for the next, used by one thread at a time. A row read back must
/// have the length and hash of the row that was read, or the file changed in between: then the report
/// fails, naming the file and line, rather than print a row that is not the one the verdict rests on.
/// </summary>
internal sealed class SeekableRows(string path, Func<Stream> open) : RowSource
{
    /// <summary>Streams kept open for reading back, across every history: past this, a file is opened for each row and closed again, so a report citing rows of thousands of files (GDELT's 15-minute files) never runs out of file handles.</summary>
    internal const int MaxOpenStreams = 128;

    private static int s_open;

    private readonly Lock _lock = new();
    private Stream? _stream;

    /// <summary>How many read-back streams are open now, over every history (tests watch the bound).</summary>
    internal static int OpenStreams => Volatile.Read(ref s_open);

    public override string Path => path;

    /// <summary>
    /// The hash a row is known by, to tell a changed row from the one read: a multiply-xor hash of its
    /// bytes eight at a time, cheap for every row a rule can use. Not cryptographic, nor needed to be.
    /// </summary>
    public static int Hash(ReadOnlySpan<byte> row)
    {
        // Wrapping arithmetic is the point of a hash; the projects check overflow everywhere else.
        unchecked
        {
            var h = 0x9E3779B97F4A7C15UL ^ (ulong)row.Length;
            while (row.Length >= 8)
            {
                h = (h ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(row)) * 0xFF51AFD7ED558CCDUL;
                h ^= h >> 29;
                row = row[8..];
            }
            foreach (var b in row) h = (h ^ b) * 0x100000001B3UL;
            h ^= h >> 32;
            h *= 0xC4CEB9FE1A85EC53UL;
            h ^= h >> 29;
            return (int)h ^ (int)(h >> 32);
        }
    }

    public override string Read(EvidenceRow row)
    {
        var bytes = new byte[row.Length];
        lock (_lock)
        {
            try
            {
                if (_stream is null)
                {
                    _stream = open();
                    Interlocked.Increment(ref s_open);
                }
                _stream.Position = row.Offset;
                _stream.ReadExactly(bytes);
                if (OpenStreams > MaxOpenStreams) Close();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                Close();
                throw Changed(row, e is EndOfStreamException ? "is no longer there" : $"cannot be read again ({e.Message.TrimEnd('.')})");
            }
        }
        if (Hash(bytes) != row.Hash) throw Changed(row, "no longer holds the row that was read");
        return Encoding.UTF8.GetString(bytes);
    }

    private void Close()
    {
        if (_stream is null) return;
        _stream.Dispose();
        _stream = null;
        Interlocked.Decrement(ref s_open);
    }

    private HistoryChangedException Changed(EvidenceRow row, string what) =>
        new(path, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"it changed after it was read: line {row.Line}, which the report shows as evidence, {what}; run the check again"));
}

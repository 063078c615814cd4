using System.Globalization;
using System.Text;

namespace AllianceRules.Bench.Gen;

/// <summary>Appends UTF-8 bytes to a buffer and hands it to a stream when full: no string per line.</summary>
internal sealed class Utf8Sink(Stream output, int capacity = 1 << 20)
{
    private readonly byte[] _buffer = new byte[capacity];
    private int _length;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length) Flush();
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Append(byte b)
    {
        if (_length == _buffer.Length) Flush();
        _buffer[_length++] = b;
    }

    public void Append(string ascii) => Append(Encoding.UTF8.GetBytes(ascii));

    public void Append(long value, string? format = null)
    {
        if (_length + 32 > _buffer.Length) Flush();
        value.TryFormat(_buffer.AsSpan(_length), out var written, format, CultureInfo.InvariantCulture);
        _length += written;
    }

    public void Append(double value, string format)
    {
        if (_length + 64 > _buffer.Length) Flush();
        value.TryFormat(_buffer.AsSpan(_length), out var written, format, CultureInfo.InvariantCulture);
        _length += written;
    }

    public void Flush()
    {
        output.Write(_buffer, 0, _length);
        _length = 0;
    }
}

/// <summary>Dates as the two formats write them, kept for the day being written.</summary>
internal sealed class DateBytes
{
    private int _day = int.MinValue;

    public byte[] Iso { get; private set; } = [];        // yyyy-MM-dd

    public byte[] Compact { get; private set; } = [];    // yyyyMMdd

    public DateOnly Date { get; private set; }

    public void Set(int day)
    {
        if (day == _day) return;
        _day = day;
        Date = DateOnly.FromDayNumber(day);
        Iso = Encoding.ASCII.GetBytes(Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Compact = Encoding.ASCII.GetBytes(Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
    }
}

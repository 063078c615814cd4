using AllianceRules.History;
using System.IO.Compression;

namespace AllianceRules.Cli;

/// <summary>A gzip file that ends before its data does: a download cut short.</summary>
internal sealed class TruncatedGzipException() : IOException("the gzip data ends before its trailer");

/// <summary>A gzip file read whole whose text is larger than the whole-file limit: a few hundred KB can decompress to gigabytes.</summary>
internal sealed class DecompressedTooLargeException(long limit) : IOException($"it decompresses to more than {limit} bytes")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// Decompresses a <c>.gz</c> file and, at its end, checks the gzip trailer: .NET's GZipStream reads
/// a file cut short as if it had ended, which would silently lose the events after the cut (issue
/// #8). The trailer's ISIZE is the uncompressed size of the last member modulo 2^32; when it does
/// not match what was read, the file is cut short, unless it holds several members (where the
/// last member's size is not the whole), which is told by another gzip header in it. With a
/// <c>limit</c>, it stops with <see cref="DecompressedTooLargeException"/> once more than that many
/// bytes come out, so a file read whole is bounded by what it decompresses to, not its own size.
/// </summary>
internal sealed class CheckedGzipStream(Stream compressed, Func<Stream> reopen, long limit = long.MaxValue) : ReadOnlyStream
{
    private readonly GZipStream _inner = new(compressed, CompressionMode.Decompress);
    private long _read;
    private bool _verified;

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        if (n > 0)
        {
            _read += n;
            if (_read > limit) throw new DecompressedTooLargeException(limit);
        }
        else if (buffer.Length > 0)
        {
            Verify();
        }
        return n;
    }

    private void Verify()
    {
        if (_verified) return;
        _verified = true;
        using var file = reopen();
        if (!Complete(file, _read)) throw new TruncatedGzipException();
    }

    /// <summary>Whether a gzip file of which <paramref name="decompressed"/> bytes were read ends with a trailer that matches.</summary>
    public static bool Complete(Stream file, long decompressed)
    {
        // A header (10 bytes) and a trailer (8): anything shorter is cut.
        if (file.Length < 18) return false;
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        var size = BitConverter.ToUInt32(trailer);
        if (size == unchecked((uint)decompressed)) return true;
        return MoreThanOneMember(file);
    }

    /// <summary>Another gzip header (1F 8B 08) after the first: the file may be several members, whose last trailer counts only the last.</summary>
    private static bool MoreThanOneMember(Stream file)
    {
        file.Seek(3, SeekOrigin.Begin);
        var buffer = new byte[1 << 16];
        var (previous2, previous1) = (-1, -1);
        int n;
        while ((n = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < n; i++)
            {
                if (previous2 == 0x1F && previous1 == 0x8B && buffer[i] == 0x08) return true;
                (previous2, previous1) = (previous1, buffer[i]);
            }
        }
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}

namespace AllianceRules.Tests.Support;

/// <summary>Bytes in memory that tell a callback how far they have been read after each read (which may cancel, or throw).</summary>
internal sealed class ReadCallbackStream(byte[] bytes, Action<long> afterRead) : MemoryStream(bytes, writable: false)
{
    public override int Read(byte[] buffer, int offset, int count) => After(base.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => After(base.Read(buffer));

    private int After(int read)
    {
        afterRead(Position);
        return read;
    }
}

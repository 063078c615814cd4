using System.Text;

namespace AllianceRules.Cli.Tests;

/// <summary>Reports written to standard output pass through <see cref="TextWriterStream"/> as they are serialised.</summary>
public sealed class TextWriterStreamTests
{
    [Fact]
    public void Characters_split_across_writes_arrive_whole()
    {
        const string text = "Тбилиси — Ереван 🛡 done";
        var bytes = Encoding.UTF8.GetBytes(text);
        var output = new StringWriter();
        using (var stream = new TextWriterStream(output))
        {
            // One byte at a time splits every multi-byte character.
            foreach (var b in bytes) stream.Write([b], 0, 1);
        }
        Assert.Equal(text, output.ToString());
    }

    [Fact]
    public void Text_reaches_the_writer_before_the_stream_is_done()
    {
        var output = new StringWriter();
        using var stream = new TextWriterStream(output);
        stream.Write(Encoding.UTF8.GetBytes("{\"instances\": ["));
        Assert.Equal("{\"instances\": [", output.ToString());
    }
}

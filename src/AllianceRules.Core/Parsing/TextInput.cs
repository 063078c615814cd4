using Sprache;

namespace AllianceRules.Parsing;

/// <summary>
/// A Sprache input over a slice of a larger text, with absolute offsets. Histories are parsed a
/// line at a time over the whole file's text, and recovery can jump without re-reading.
/// Line and column are not tracked: diagnostics compute them from offsets when printed.
/// </summary>
internal sealed class TextInput : IInput
{
    private readonly int _end;

    public TextInput(string source, int position, int end)
    {
        Source = source;
        Position = position;
        _end = end;
        Memos = new Dictionary<object, object>();
    }

    public string Source { get; }

    public int Position { get; }

    public char Current => Source[Position];

    public bool AtEnd => Position >= _end;

    public int Line => 0;

    public int Column => 0;

    public IDictionary<object, object> Memos { get; }

    public IInput Advance()
    {
        if (AtEnd) throw new InvalidOperationException("The input is already at its end.");
        return new TextInput(Source, Position + 1, _end);
    }

    public IInput JumpTo(int position) => new TextInput(Source, Math.Min(position, _end), _end);

    public bool Equals(IInput? other) => other is TextInput t && ReferenceEquals(t.Source, Source) && t.Position == Position;

    public override bool Equals(object? obj) => obj is IInput i && Equals(i);

    public override int GetHashCode() => HashCode.Combine(Source.Length, Position);
}

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

    private Dictionary<object, object>? _memos;

    public TextInput(string source, int position, int end, ParseContext? context = null)
    {
        Source = source;
        Position = position;
        _end = end;
        Context = context;
    }

    public string Source { get; }

    /// <summary>The per-parse state of the treaty grammar, kept by every input derived from this one.</summary>
    public ParseContext? Context { get; }

    public int Position { get; }

    public char Current => Source[Position];

    public bool AtEnd => Position >= _end;

    public int Line => 0;

    public int Column => 0;

    /// <summary>
    /// Sprache's <c>Parse.Ref</c> keeps its left-recursion memos here, keyed by parser, so the table
    /// must belong to this position alone. It is made on first use: advancing a character must
    /// not allocate a dictionary (it once did, for every character of every history).
    /// </summary>
    public IDictionary<object, object> Memos => _memos ??= [];

    public IInput Advance()
    {
        if (AtEnd) throw new InvalidOperationException("The input is already at its end.");
        return new TextInput(Source, Position + 1, _end, Context);
    }

    /// <summary>The input at another offset of the same text (never past its end).</summary>
    public TextInput JumpTo(int position) => new(Source, Math.Min(position, _end), _end, Context);

    /// <summary>The offset where the run of characters satisfying <paramref name="accept"/> from here ends.</summary>
    public int ScanWhile(Func<char, bool> accept)
    {
        var i = Position;
        while (i < _end && accept(Source[i])) i++;
        return i;
    }

    public int End => _end;

    public bool Equals(IInput? other) => other is TextInput t && ReferenceEquals(t.Source, Source) && t.Position == Position;

    public override bool Equals(object? obj) => obj is IInput i && Equals(i);

    public override int GetHashCode() => HashCode.Combine(Source.Length, Position);
}

namespace AllianceRules.Text;

/// <summary>A run of characters in a source text, by offset. Lines and columns are computed only when printing.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    public TextSpan Shift(int offset) => new(Start + offset, Length);
}

namespace AllianceRules.Formatting;

internal enum TokenKind
{
    Word,
    String,
    Symbol,
    Comment,
}

/// <summary>A token as written: its text is kept exactly; only the space around it is the formatter's.</summary>
internal readonly record struct FormatToken(TokenKind Kind, string Text)
{
    public bool Is(string symbol) => Kind == TokenKind.Symbol && Text == symbol;
}

/// <summary>One physical line: its tokens, without the trailing comment, which is kept apart.</summary>
internal sealed record FormatLine(IReadOnlyList<FormatToken> Tokens, string? Comment)
{
    public bool IsBlank => Tokens.Count == 0 && Comment is null;

    public bool IsComment => Tokens.Count == 0 && Comment is not null;

    public string? First => Tokens.Count > 0 ? Tokens[0].Text : null;
}

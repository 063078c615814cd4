using Sprache;

namespace AllianceRules.Parsing;

/// <summary>
/// A Sprache failure that carries one of our own diagnostic codes. Sprache has no room for a code,
/// so it travels inside the message and <see cref="ParseFailureTranslator"/> takes it out again.
/// </summary>
internal static class CustomFailure
{
    private const char Marker = '\u0001';

    /// <summary>A failure reported at <paramref name="at"/>.</summary>
    public static IResult<T> Create<T>(IInput at, string code, int length, string message) =>
        Create<T>(at, at.Position, code, length, message);

    /// <summary>
    /// A failure reported at <paramref name="position"/> but with <paramref name="remainder"/> past it:
    /// having consumed input, it is not mistaken for "absent" by <c>XOptional</c> or <c>XOr</c>.
    /// </summary>
    public static IResult<T> Create<T>(IInput remainder, int position, string code, int length, string message) =>
        Result.Failure<T>(remainder, $"{Marker}{code}{Marker}{position}{Marker}{length}{Marker}{message}", []);

    public static bool TryRead(string? message, out string code, out int position, out int length, out string text)
    {
        code = text = string.Empty;
        position = length = 0;
        if (message is null || message.Length == 0 || message[0] != Marker) return false;
        var parts = message.Split(Marker);
        code = parts[1];
        position = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        length = int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
        text = parts[4];
        return true;
    }
}

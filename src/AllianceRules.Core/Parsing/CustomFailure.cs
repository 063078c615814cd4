using Sprache;

namespace AllianceRules.Parsing;

/// <summary>
/// A Sprache failure that carries one of our own diagnostic codes. Sprache has no room for a code,
/// so it travels inside the message and <see cref="ParseFailureTranslator"/> takes it out again.
/// </summary>
internal static class CustomFailure
{
    private const char Marker = '\u0001';

    public static IResult<T> Create<T>(IInput at, string code, int length, string message) =>
        Result.Failure<T>(at, $"{Marker}{code}{Marker}{length}{Marker}{message}", []);

    public static bool TryRead(string? message, out string code, out int length, out string text)
    {
        code = text = string.Empty;
        length = 0;
        if (message is null || message.Length == 0 || message[0] != Marker) return false;
        var parts = message.Split(Marker);
        code = parts[1];
        length = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        text = parts[3];
        return true;
    }
}

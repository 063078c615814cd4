namespace AllianceRules.Bench.Gen;

/// <summary>The verbs the generator writes: those of rules/vocabulary.treaty that have CAMEO codes.</summary>
/// <remarks><c>invoke</c> has no CAMEO code, so a GDELT row could not carry it; it is never generated.</remarks>
public enum Verb : byte
{
    Attack,
    Threaten,
    Request,
    Appeal,
    Consult,
    Assist,
    Refuse,
    Investigate,
    Ceasefire,
    Withdraw,
    Endorse,
    Pledge,
}

/// <summary>One verb: its name in the language and the full CAMEO event codes written for it.</summary>
/// <param name="Codes">
/// Event codes as GDELT writes them (3 or 4 digits); each falls under one of the codes the verb
/// declares in rules/vocabulary.treaty, and under no longer code of another verb.
/// </param>
/// <param name="Goldstein">The Goldstein scale of each code (GDELT field 30), in the same order.</param>
public sealed record VerbInfo(Verb Verb, string Name, string[] Codes, double[] Goldstein);

/// <summary>
/// Verbs and CAMEO codes, hard-coded from rules/vocabulary.treaty (the standard vocabulary):
/// attack 18, 19, 20 · threaten 13, 15 · request 0232, 0234 · appeal 02 · consult 04 ·
/// assist 072, 074 · refuse 1222, 1224 · investigate 09 · ceasefire 0871 · withdraw 1661 ·
/// endorse 051 · pledge 0332, 0334. A test in tests/AllianceRules.Peer.Tests checks every code
/// below against that file.
/// </summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<VerbInfo> Verbs =
    [
        new(Verb.Attack, "attack", ["190", "193", "194", "195", "183"], [-10.0, -10.0, -10.0, -10.0, -10.0]),
        new(Verb.Threaten, "threaten", ["138", "1384", "152", "154"], [-7.0, -7.0, -7.2, -7.2]),
        new(Verb.Request, "request", ["0232", "0234"], [3.4, 3.4]),
        new(Verb.Appeal, "appeal", ["020", "021", "0256"], [3.0, 3.4, 3.4]),
        new(Verb.Consult, "consult", ["040", "041", "042", "043", "046"], [1.0, 1.0, 1.9, 2.8, 7.0]),
        new(Verb.Assist, "assist", ["072", "074"], [8.3, 8.5]),
        new(Verb.Refuse, "refuse", ["1222", "1224"], [-4.0, -4.0]),
        new(Verb.Investigate, "investigate", ["090", "092"], [-2.0, -2.0]),
        new(Verb.Ceasefire, "ceasefire", ["0871"], [9.0]),
        new(Verb.Withdraw, "withdraw", ["1661"], [-5.0]),
        new(Verb.Endorse, "endorse", ["051"], [3.4]),
        new(Verb.Pledge, "pledge", ["0332", "0334"], [5.2, 5.2]),
    ];

    public static VerbInfo Of(Verb verb) => Verbs[(int)verb];

    /// <summary>GDELT's QuadClass of a root code: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict.</summary>
    public static int QuadClass(string code) => int.Parse(code.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture) switch
    {
        <= 5 => 1,
        <= 9 => 2,
        <= 14 => 3,
        _ => 4,
    };
}

using AllianceRules.Text;

namespace AllianceRules.Diagnostics;

/// <summary>
/// AR6xxx: lint findings about valid input that is probably not what was meant. Most are
/// warnings; AR6015 is information, printed by <c>lint</c> but never an error, even with
/// <c>--werror</c>. AR6010 (a malformed lint configuration) is with the other errors.
/// </summary>
public static partial class DiagnosticCatalog
{
    private static Diagnostic Warning(string code, SourceRef at, string message) => new(code, Severity.Warning, at.File, at.Span, message);

    public static Diagnostic UnusedAssumption(SourceRef at, string name, string treaty) =>
        Warning("AR6001", at, $"'assume {name}' of treaty '{treaty}' is never used: no 'within', 'every' or 'there was' of its rules names it");

    public static Diagnostic UnusedReading(SourceRef at, string name, string treaty) =>
        Warning("AR6011", at, $"'reading {name}' of treaty '{treaty}' is never used: no condition of its rules, member interval or assumption tests it, so no option changes a verdict");

    public static Diagnostic UnusedVerb(SourceRef at, string verb, bool withHistories) =>
        Warning("AR6002", at, $"verb '{verb}' is used by no rule{(withHistories ? " and no event of the histories" : " (and no history was given)")}");

    public static Diagnostic RuleWithout(SourceRef at, string rule, string item, string what) =>
        Warning("AR6003", at, $"rule '{rule}' has no '{item}'; give {what}, so a report can cite it");

    public static Diagnostic VersionsOverlap(SourceRef at, string article, string earlier, string later) =>
        Warning("AR6004", at, $"rules '{earlier}' and '{later}' are versions of {article}, and their 'effective' intervals overlap: on some dates both are in force");

    public static Diagnostic VersionsGap(SourceRef at, string article, string earlier, string later, string end, string start) =>
        Warning("AR6004", at, $"rules '{earlier}' and '{later}' are versions of {article}, and their 'effective' intervals leave a gap from {end} to {start}, when neither is in force");

    public static Diagnostic UnusedVariable(SourceRef at, string variable) =>
        Warning("AR6005", at, $"variable '${variable}' is bound here but never used; write '_' to match anyone");

    public static Diagnostic SubjectNeverMember(SourceRef at, string treaty, string rule) =>
        Warning("AR6006", at, $"no party is a member of '{treaty}' on any date rule '{rule}' is in force, so 'each member' never names anyone");

    public static Diagnostic UnproducibleVerb(SourceRef at, string verb, bool withHistories) =>
        Warning("AR6007", at, $"no event can set this rule off: verb '{verb}' has no CAMEO code for imported data{(withHistories ? " and no history uses it" : " (and no history was given)")}");

    public static Diagnostic MemberBeforeSignature(SourceRef at, string party, string treaty, string signed) =>
        Warning("AR6008", at, $"this membership of '{party}' starts before '{treaty}' was signed ({signed})");

    public static Diagnostic EventOutsideEveryRule(SourceRef at, string date, int margin) =>
        Warning("AR6009", at, $"this event ({date}) falls outside the 'effective' interval of every rule{(margin > 0 ? $", even {margin} days (the longest window) either side" : string.Empty)}, so no rule can use it");

    private static Diagnostic Information(string code, SourceRef at, string message) => new(code, Severity.Information, at.File, at.Span, message);

    public static Diagnostic UnknownParty(SourceRef at, string code, string nearest) =>
        Suggesting(Warning("AR6012", at, $"'{code}' is neither an ISO 3166 country code, nor a treaty of the rules, nor a party of the histories; did you mean '{nearest}'?"), code, nearest);

    public static Diagnostic ExceptNeverMember(SourceRef at, string party, string treaty) =>
        Warning("AR6013", at, $"'except {party}' excepts a party that is never a member of '{treaty}', so it excepts no one");

    public static Diagnostic UnknownAttributeKey(SourceRef at, string key, string verb, string place, string? nearest) =>
        Suggesting(Warning("AR6014", at, $"no '{verb}' event of the histories carries attribute '{key}', so this test matches no event: {place}{DidYouMean(nearest)}"), key, nearest);

    public static Diagnostic RuleNeverTriggered(SourceRef at, string rule, string? nearest, string? wanted) =>
        Information("AR6015", at, $"rule '{rule}' was triggered by no event of the histories{(nearest is null ? string.Empty : $"; nearest: {nearest} (the rule wants {wanted})")}");
}

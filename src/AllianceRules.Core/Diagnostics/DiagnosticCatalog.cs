using AllianceRules.Text;

namespace AllianceRules.Diagnostics;

/// <summary>
/// Every diagnostic the product can emit, one factory per code. Codes are grouped by phase:
/// AR1xxx lexical, AR2xxx syntax, AR3xxx rule-set semantics, AR4xxx event histories, AR9xxx
/// files and command line. A code never changes meaning once released.
/// </summary>
public static partial class DiagnosticCatalog
{
    private static Diagnostic Error(string code, SourceRef at, string message) => new(code, Severity.Error, at.File, at.Span, message);

    private static Diagnostic Error(string code, string message) => new(code, Severity.Error, null, default, message);

    // ---- AR1xxx: lexical ----------------------------------------------------------------------

    public static Diagnostic ImpossibleDate(SourceRef at, string text, string why) =>
        Error("AR1001", at, $"'{text}' is not a real calendar date ({why})");

    public static Diagnostic UnterminatedString(SourceRef at) =>
        Error("AR1002", at, "this string has no closing quote");

    public static Diagnostic UnknownEscape(SourceRef at, char c) =>
        Error("AR1003", at, $"unknown escape '\\{c}' in a string; only \\\" and \\\\ are escapes");

    public static Diagnostic NumberTooLarge(SourceRef at, string text) =>
        Error("AR1004", at, $"the number '{text}' is too large");

    public static Diagnostic NonPositivePeriod(SourceRef at, string text) =>
        Error("AR1005", at, $"a period must be longer than zero, but '{text}' is not");

    public static Diagnostic MalformedCameoCode(SourceRef at, string text) =>
        Error("AR1006", at, $"'{text}' is not a CAMEO code; expected 2 to 4 digits such as '18' or '0232'");

    public static Diagnostic UnreadableCharacter(SourceRef at, string what) =>
        Error("AR1007", at, $"the file holds {what}");

    // ---- AR2xxx: syntax -----------------------------------------------------------------------

    public static Diagnostic SyntaxError(SourceRef at, string found, string expected) =>
        Error("AR2001", at, $"unexpected {found}; expected {expected}");

    public static Diagnostic UnknownKeyword(SourceRef at, string word, string context, IReadOnlyCollection<string> keywords)
    {
        var suggestion = keywords.Count > 1 ? SpellingSuggester.Suggest(word, keywords) : null;
        return Suggesting(Error("AR2002", at, $"unknown keyword '{word}' in {context}; expected {Friendly.List(keywords.Select(k => $"'{k}'"))}{DidYouMean(suggestion)}"), word, suggestion);
    }

    public static Diagnostic UnclosedBlock(SourceRef at, string what, string before) =>
        Error("AR2003", at, $"{what} is not closed; expected '}}' before {before}");

    public static Diagnostic UnknownKind(SourceRef at, string word, IReadOnlyCollection<string> kinds)
    {
        var suggestion = SpellingSuggester.Suggest(word, kinds);
        return Suggesting(Error("AR2004", at, $"unknown rule kind '{word}'; expected {Friendly.List(kinds.Select(k => $"'{k}'"))}{DidYouMean(suggestion)}"), word, suggestion);
    }

    public static Diagnostic UnexpectedClosingBrace(SourceRef at) =>
        Error("AR2005", at, "unexpected '}' with no open block");

    public static Diagnostic QuoteInsideString(SourceRef at, string word) =>
        Error("AR2006", at, $"the string ends at this '\"', and '{word}' follows it on the line: a straight quote inside a quoted string ends it; write \\\" for a quote inside, or use a triple-quoted string \"\"\"...\"\"\"");

    // ---- AR3xxx: rule-set semantics ---------------------------------------------------------------

    public static Diagnostic DuplicateTreaty(SourceRef at, string code) =>
        Error("AR3001", at, $"treaty '{code}' is defined more than once");

    public static Diagnostic DuplicateRule(SourceRef at, string treaty, string id) =>
        Error("AR3002", at, $"rule id '{id}' is used more than once in treaty '{treaty}'; rules may share an id only when their 'if reading' gates exclude each other");

    public static Diagnostic DuplicateVerb(SourceRef at, string verb) =>
        Error("AR3003", at, $"verb '{verb}' is declared twice in this vocabulary");

    public static Diagnostic OverlappingMembership(SourceRef at, string party) =>
        Error("AR3004", at, $"the membership intervals of '{party}' overlap");

    public static Diagnostic EmptyMembership(SourceRef at, string party) =>
        Error("AR3005", at, $"this membership interval of '{party}' is empty: its end must be after its start");

    public static Diagnostic MembershipOutOfOrder(SourceRef at, string party) =>
        Error("AR3006", at, $"the membership intervals of '{party}' are out of order: list them from the earliest");

    public static Diagnostic EmptyEffective(SourceRef at) =>
        Error("AR3007", at, "this effective interval is empty: its end must be after its start");

    public static Diagnostic UnknownVerb(SourceRef at, string verb, IEnumerable<string> known)
    {
        var suggestion = SpellingSuggester.Suggest(verb, known);
        return Suggesting(Error("AR3008", at, $"unknown verb '{verb}': no vocabulary declares it{DidYouMean(suggestion)}"), verb, suggestion);
    }

    public static Diagnostic UnknownAssumption(SourceRef at, string name, string treaty, IEnumerable<string> known)
    {
        var suggestion = SpellingSuggester.Suggest(name, known);
        return Suggesting(Error("AR3009", at, $"treaty '{treaty}' has no 'assume {name}'{DidYouMean(suggestion)}"), name, suggestion);
    }

    public static Diagnostic UnknownTreaty(SourceRef at, string code, IEnumerable<string> known)
    {
        var suggestion = SpellingSuggester.Suggest(code, known);
        return Suggesting(Error("AR3010", at, $"unknown treaty '{code}'{DidYouMean(suggestion)}"), code, suggestion);
    }

    public static Diagnostic SubjectVariableOutOfScope(SourceRef at, string variable, string where) =>
        Error("AR3011", at, $"variable '${variable}' is introduced by 'each member ${variable}' and is not in scope in {where}; it can be used in the action required, 'unless' and 'until'");

    public static Diagnostic VariableOnlyInNestedThereWas(SourceRef at, string variable) =>
        Error("AR3011", at, $"variable '${variable}' is never bound: the 'there was' that names it stands under 'not' or 'or', which binds nothing; move that 'there was' to the top level of 'where', or write '_' for anyone");

    public static Diagnostic UnboundVariable(SourceRef at, string variable, string where, IEnumerable<string> known)
    {
        var suggestion = SpellingSuggester.Suggest(variable, known);
        var diagnostic = Error("AR3011", at, $"variable '${variable}' is used in {where} but never bound by 'when' or 'where'{(suggestion is { } s ? $"; did you mean '${s}'?" : where == "'until'" ? "; write '_' to match anyone" : string.Empty)}");
        return Suggesting(diagnostic, $"${variable}", suggestion is null ? null : $"${suggestion}");
    }

    public static Diagnostic UnboundVariableInCalendarDuty(SourceRef at, string variable, string where) =>
        Error("AR3011", at, $"variable '${variable}' is used in {where} but never bound: a calendar duty ('every') has no trigger event, so the only variable it binds is the subject of 'each member'");

    public static Diagnostic BothWhenAndForbid(SourceRef at, string rule) =>
        Error("AR3012", at, $"rule '{rule}' has more than one 'when ... then', 'every ... then' or 'forbid'; a rule has exactly one");

    public static Diagnostic NeitherWhenNorForbid(SourceRef at, string rule) =>
        Error("AR3013", at, $"rule '{rule}' has no 'when ... then', 'every ... then' or 'forbid'; a rule has exactly one");

    public static Diagnostic MissingKind(SourceRef at, string rule) =>
        Error("AR3014", at, $"rule '{rule}' has no 'kind'; add one of 'defense', 'offense', 'neutrality', 'nonaggression', 'consultation' or 'other'");

    public static Diagnostic RepeatedRuleItem(SourceRef at, string rule, string item) =>
        Error("AR3015", at, $"rule '{rule}' has more than one '{item}'");

    public static Diagnostic UntilWithForbid(SourceRef at, string rule) =>
        Error("AR3016", at, $"rule '{rule}' is a 'forbid', which cannot have 'until'");

    public static Diagnostic SubjectVariableNotNew(SourceRef at, string variable) =>
        Error("AR3017", at, $"'each member ${variable}' must introduce a new variable, but '${variable}' is already bound by 'when' or 'where'");

    public static Diagnostic WildcardNotAllowed(SourceRef at, string where) =>
        Error("AR3018", at, $"'_' matches anything and has no value, so it cannot be used {where}");

    public static Diagnostic DuplicateAssumption(SourceRef at, string treaty, string name) =>
        Error("AR3019", at, $"treaty '{treaty}' declares 'assume {name}' more than once");

    public static Diagnostic DuplicateMember(SourceRef at, string treaty, string party, int firstLine) =>
        Error("AR3020", at, $"'{party}' is already listed in the members of '{treaty}' on line {firstLine}; put all its intervals on one line");

    public static Diagnostic RepeatedTreatyItem(SourceRef at, string treaty, string item) =>
        Error("AR3021", at, $"treaty '{treaty}' has more than one '{item}'");

    public static Diagnostic ConflictingVerb(SourceRef at, string verb, string earlier) =>
        Error("AR3023", at, $"verb '{verb}' is declared differently at {earlier}; a verb declared in two vocabularies must have the same description and CAMEO codes");

    public static Diagnostic CameoCodeTwice(SourceRef at, string code, string verb) =>
        Error("AR3024", at, $"CAMEO code '{code}' is already declared by verb '{verb}'; a code maps to at most one verb");

    public static Diagnostic WildcardSubject(SourceRef at) =>
        Error("AR3022", at, "the obligated party cannot be '_'; name a party, a variable or 'each member $x'");

    public static Diagnostic CalendarWithoutStart(SourceRef at, string rule) =>
        Error("AR3025", at, $"rule '{rule}' says 'every' but not from when: write 'every ... from DATE', or give the rule an 'effective' interval or the treaty a 'signed' date");

    public static Diagnostic AttributeInCalendarDuty(SourceRef at, string name) =>
        Error("AR3026", at, $"'@{name}' reads the trigger event's attribute, but a calendar duty ('every') has no trigger event");

    public static Diagnostic EmptyJudgment(SourceRef at, string rule) =>
        Error("AR3028", at, $"rule '{rule}' says 'judgment' with no reason; say what the analyst must judge, such as \"ATOP codes this obligation as conditional on a particular adversary\"");

    public static Diagnostic TriggerAttributeInFindingPattern(SourceRef at, string name, string where) =>
        Error("AR3027", at, $"'@{name}' reads the trigger event's attribute, but a pattern of {where} is what finds the trigger; write the value itself, or test '@{name}' in 'where'");

    public static Diagnostic ReadingWithoutOption(SourceRef at, string treaty, string name) =>
        Error("AR3029", at, $"reading '{name}' of treaty '{treaty}' has no option; list at least one, such as 'state \"Only a state\"' (the first is the default)");

    public static Diagnostic DuplicateReading(SourceRef at, string treaty, string name) =>
        Error("AR3030", at, $"treaty '{treaty}' declares 'reading {name}' more than once");

    public static Diagnostic DuplicateReadingOption(SourceRef at, string reading, string option) =>
        Error("AR3031", at, $"reading '{reading}' lists the option '{option}' more than once");

    public static Diagnostic UnknownReading(SourceRef at, string name, string treaty, IEnumerable<string> known)
    {
        var suggestion = SpellingSuggester.Suggest(name, known);
        return Suggesting(Error("AR3032", at, $"treaty '{treaty}' has no 'reading {name}'{DidYouMean(suggestion)}"), name, suggestion);
    }

    public static Diagnostic UnknownReadingOption(SourceRef at, string reading, string option, IReadOnlyCollection<string> options)
    {
        var suggestion = SpellingSuggester.Suggest(option, options);
        return Suggesting(Error("AR3033", at, $"reading '{reading}' has no option '{option}'; its options are {Friendly.List(options.Select(o => $"'{o}'"), "and")}{DidYouMean(suggestion)}"), option, suggestion);
    }

    public static Diagnostic AssumptionWithoutValue(SourceRef at, string treaty, string name, string when) =>
        Error("AR3034", at, $"'assume {name}' of treaty '{treaty}' has no value when {when}; add a declaration for that reading, or one without 'if'");

    public static Diagnostic ReadingNamesAssumption(SourceRef at, string treaty, string name) =>
        Error("AR3035", at, $"treaty '{treaty}' declares '{name}' both as a reading and as an assumption; give them different names, so that --sweep {name}=... says which it varies");

    public static Diagnostic TriggerAttributeInList(SourceRef at, string name, string key) =>
        Error("AR3036", at, $"'@{name}' cannot stand in the list of '{key} in [...]', which holds values; write '{key}=@{name}' to match the trigger's value");

    public static Diagnostic RuleNeverInForce(SourceRef at, string treaty, string rule, string reading) =>
        Error("AR3037", at, $"rule '{rule}' of treaty '{treaty}' is in force under no option of reading '{reading}': its 'if reading' gates exclude each other");

    // ---- AR4xxx: event histories ------------------------------------------------------------

    public static Diagnostic UndeclaredEventVerb(SourceRef at, string verb, IEnumerable<string> known)
    {
        var suggestion = SpellingSuggester.Suggest(verb, known);
        return Suggesting(Error("AR4001", at, $"unknown verb '{verb}': no vocabulary of the rule set declares it{DidYouMean(suggestion)}"), verb, suggestion);
    }

    public static Diagnostic ConflictingAsOf(SourceRef at, string date, string earlier, string where) =>
        Error("AR4002", at, $"'as of {date}' contradicts 'as of {earlier}' at {where}; a history has one horizon");

    public static Diagnostic MalformedJson(SourceRef at, string why) =>
        Error("AR4003", at, $"this line is not a JSON object: {why}");

    public static Diagnostic JsonField(SourceRef at, string message) =>
        Error("AR4004", at, message);

    /// <summary>AR4004 for a field no event has; <paramref name="at"/> is the field's name, quotes included.</summary>
    public static Diagnostic UnknownJsonField(SourceRef at, string name, IEnumerable<string> known)
    {
        var suggestion = SpellingSuggester.Suggest(name, known);
        return Suggesting(JsonField(at, $"unknown field '{name}'; an event has the fields date, end, actor, verb, target, attrs and text{DidYouMean(suggestion)}"), name, suggestion);
    }

    public static Diagnostic CsvRow(SourceRef at, string why) =>
        Error("AR4007", at, $"CSV: {why}");

    public static Diagnostic DatasetHeader(SourceRef at, string why) =>
        Error("AR4008", at, why);

    public static Diagnostic LineTooLong(SourceRef at, int limit, bool csv) =>
        Error("AR4010", at, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"this line is longer than {limit:N0} characters, the most a history's line may hold{(csv ? " (is a quoted field never closed?)" : string.Empty)}; the rest of the file is not read"));

    public static Diagnostic UnknownDatasetLayout(SourceRef at) =>
        Error("AR4009", at, "cannot tell which dataset this file is from its first line (neither a GDELT 1.0 or 2.0 row nor the ICEWS header); name it with --events-format gdelt1|gdelt2|icews");

    public static Diagnostic DuplicateAttribute(SourceRef at, string name) =>
        Error("AR4005", at, $"attribute '{name}' is given more than once");

    public static Diagnostic EmptyEventInterval(SourceRef at, string start, string end) =>
        Error("AR4011", at, $"this event's interval is empty: its end {end} must be after its start {start} (the end is the first day on which the event no longer holds)");

    public static Diagnostic EmptyObserved(SourceRef at) =>
        Error("AR4006", at, "this observed interval is empty: its end must be after its start");

    // ---- AR5xxx: rule tests (.test files) ---------------------------------------------------

    public static Diagnostic TestNotEnded(SourceRef at, string name) =>
        Error("AR5001", at, $"test \"{name}\" has no 'end'; close each test with a line 'end' before the next 'test'");

    public static Diagnostic TestItemOutsideTest(SourceRef at, string keyword) =>
        Error("AR5002", at, $"'{keyword}' stands outside a test; it belongs between 'test \"NAME\"' and 'end'");

    public static Diagnostic TestWithout(SourceRef at, string name, string item) =>
        Error("AR5003", at, $"test \"{name}\" has no {item}; a test names its rules, its history and at least one expectation");

    public static Diagnostic TestRepeats(SourceRef at, string name, string item) =>
        Error("AR5005", at, $"test \"{name}\" gives {item} twice; give it once");

    public static Diagnostic InlineHistoryNotClosed(SourceRef at) =>
        Error("AR5006", at, "this 'history {' has no closing '}' on a line of its own, so it swallows the rest of the file");

    public static Diagnostic NoTests(SourceRef at) =>
        Error("AR5007", at, "this file holds no test; write 'test \"NAME\"' ... 'end'");

    public static Diagnostic TestNamesUnknown(SourceRef at, string what, string name, IEnumerable<string> known)
    {
        var suggestion = SpellingSuggester.Suggest(name, known);
        return Suggesting(Error("AR5008", at, $"no {what} '{name}' in the rules this test reads{DidYouMean(suggestion)}"), name, suggestion);
    }

    public static Diagnostic TestPathHoldsNothing(SourceRef at, string path, string what) =>
        Error("AR5009", at, $"'{path}' holds no {what}");

    public static Diagnostic TestPathNotFound(SourceRef at, string path, string resolved) =>
        Error("AR5004", at, $"'{path}' does not exist (looked for {resolved}, relative to the test file)");

    // ---- AR6xxx: lint (the findings are in DiagnosticCatalog.Lint.cs) ----------------------------

    public static Diagnostic BadLintConfig(SourceRef at, string why) =>
        Error("AR6010", at, $"lint configuration: {why}");

    // ---- AR7xxx: importing datasets (alliance import) --------------------------------------------

    public static Diagnostic ImportMissingColumns(SourceRef at, string what, IEnumerable<string> missing) =>
        Error("AR7001", at, $"{what} has no column{(missing.Count() == 1 ? string.Empty : "s")} {Friendly.List(missing.Select(m => $"'{m}'"), "and")} in its header; is it the right file?");

    public static Diagnostic ImportRow(SourceRef at, string why) =>
        Error("AR7002", at, $"this CSV row cannot be read: {why}");

    public static Diagnostic ImportNotANumber(SourceRef at, string column, string text) =>
        Error("AR7003", at, $"'{column}' must be a whole number, not '{text}'");

    public static Diagnostic ImportOutNotFolder(string path, string why) =>
        Error("AR7004", $"--out '{path}' {why}; name a folder, new or existing");

    // ---- AR9xxx: files and the command line -------------------------------------------------------

    public static Diagnostic PathNotFound(string path) =>
        Error("AR9001", $"'{path}' does not exist");

    public static Diagnostic UnsupportedExtension(string path) =>
        Error("AR9002", $"'{path}' is neither a rule file (.treaty) nor an event history (.events, .jsonl, .csv, .tsv, .tab, optionally .gz); for a dataset file of another name, give --events-format");

    public static Diagnostic CannotRead(string path, string why) =>
        Error("AR9003", $"cannot read '{path}': {why}");

    public static Diagnostic BadAsOf(string text) =>
        Error("AR9004", $"--as-of '{text}' is not a date ({DateText.Problem(text)}); write it like 2022-12-31");

    public static Diagnostic BadAssumeSyntax(string text) =>
        Error("AR9005", $"--assume '{text}' must look like NAME=DURATION, such as prompt=P10D or 'prompt=10 days'");

    public static Diagnostic UnknownAssumeOverride(string key, string? treaty, string name, IEnumerable<string> known) =>
        Error("AR9006", $"--assume '{key}': {(treaty is null ? "no treaty declares" : $"treaty '{treaty}' has no")} 'assume {name}'{SpellingSuggester.DidYouMean(name, known)}");

    public static Diagnostic BadAssumePeriod(string name, string text) =>
        Error("AR9007", $"--assume {name}='{text}' is not a positive duration of whole days, weeks, months or years, such as '10 days', '4 weeks', '1 month' or P10D");

    public static Diagnostic CannotWriteOutput(string path, string why, bool existed) =>
        Error("AR9008", $"cannot write '{path}': {why}; {(existed ? "the old file was left as it was" : "nothing was written")}");

    public static Diagnostic OutputIsInput(string path) =>
        Error("AR9010", $"--output '{path}' is one of the input files; refusing to overwrite it");

    /// <summary>The code of every command-line error, after which a usage hint is printed.</summary>
    public const string CommandLineCode = "AR9011";

    public static Diagnostic CommandLine(string message) =>
        Error(CommandLineCode, message);

    public static Diagnostic RepeatedAssume(string name) =>
        Error("AR9012", $"--assume {name}=... is given more than once; give each assumption once");

    public static Diagnostic BadObserved(string text, string why) =>
        Error("AR9013", $"--observed '{text}': {why}; write FROM..TO or FROM.., such as 2022-01-01..2023-01-01");

    public static Diagnostic NoSuchInstance(string wanted, string hint) =>
        Error("AR9014", $"no instance matches {wanted}{hint}");

    public static Diagnostic BadSweep(string text, string why) =>
        Error("AR9015", $"--sweep '{text}': {why}; write NAME=VALUE,VALUE,..., such as immediately=P1D,P7D,P30D, 'immediately=1 day,7 days' or, for a reading, aggressor=state,any");

    /// <summary>One assumption in two sweeps: its values would collide in every combination.</summary>
    public static Diagnostic SweptTwice(string text, string name) =>
        BadSweep(text, $"'{name}' is swept more than once; give all its values in one --sweep");

    public static Diagnostic UnknownSweep(string name, IEnumerable<string> known) =>
        Error("AR9016", $"--sweep {name}: no treaty declares 'assume {name}' or 'reading {name}'{SpellingSuggester.DidYouMean(name, known)}");

    public static Diagnostic InitNotEmpty(string directory) =>
        Error("AR9017", $"'{directory}' is not an empty folder; init writes only into a new or empty one, so nothing there is touched");

    public static Diagnostic CannotSortOnDisk(string why) =>
        Error("AR9018", $"cannot sort the history on disk: {why}; set TMPDIR to a folder with room, raise --max-memory, or leave it out to sort in memory");

    public static Diagnostic OptionsConflict(string first, string second, string why) =>
        Error("AR9019", $"{first} cannot be combined with {second}: {why}; leave one of them out");

    public static Diagnostic FileTooLarge(string path, long size, long limit, string why) =>
        Error("AR9020", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{path}' is {size:N0} bytes, more than {limit:N0}: {why}"));

    /// <summary>AR9020 for files each within their limit but too large together (the browser playground reads a bounded total).</summary>
    public static Diagnostic FilesTooLarge(string path, long total, long limit, string why) =>
        Error("AR9020", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"with '{path}' the files come to {total:N0} bytes, more than {limit:N0}: {why}"));

    public static Diagnostic DecompressedTooLarge(string path, long limit, string why) =>
        Error("AR9020", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{path}' decompresses to more than {limit:N0} bytes: {why}"));

    public static Diagnostic BadReadingSyntax(string text) =>
        Error("AR9021", $"--reading '{text}' must look like NAME=OPTION or TREATY.NAME=OPTION, such as aggressor=any or CST.aggressor=any");

    public static Diagnostic UnknownReadingOverride(string key, string? treaty, string name, IEnumerable<string> known) =>
        Error("AR9022", $"--reading '{key}': {(treaty is null ? "no treaty declares" : $"treaty '{treaty}' has no")} 'reading {name}'{SpellingSuggester.DidYouMean(name, known)}");

    public static Diagnostic UnknownOptionOverride(string option, string key, string reading, string value, IReadOnlyCollection<string> options) =>
        Error("AR9023", $"{option} {key}={value}: reading '{reading}' has no option '{value}'; its options are {Friendly.List(options.Select(o => $"'{o}'"), "and")}{SpellingSuggester.DidYouMean(value, options)}");

    public static Diagnostic RepeatedReading(string name) =>
        Error("AR9024", $"--reading {name}=... is given more than once; give each reading once");

    public static Diagnostic UnknownOptionTreaty(string option, string key, string treaty, IEnumerable<string> known) =>
        Error("AR9025", $"{option} '{key}': no treaty '{treaty}' is loaded{SpellingSuggester.DidYouMean(treaty, known)}");

    public static Diagnostic AmbiguousSweep(string key, IReadOnlyCollection<string> qualified) =>
        Error("AR9026", $"--sweep {key}: '{key}' is a reading in one treaty and an assumption in another; name one of them as {Friendly.List(qualified.Select(q => $"'{q}'"))}");

    public static Diagnostic NoEventThere(string where, string why) =>
        Error("AR9027", $"--event {where}: {why}");

    public static Diagnostic NoEventThere(SourceRef at, string where, string why) =>
        Error("AR9027", at, $"--event {where}: {why}");

    /// <summary>A <c>--baseline</c> that cannot be read at all (missing, unreadable): no position to point at.</summary>
    public static Diagnostic BadBaseline(string path, string why) =>
        Error("AR9028", $"--baseline '{path}': {why}");

    /// <summary>A <c>--baseline</c> that is not a JSON report this release reads, at the place it stops being one.</summary>
    public static Diagnostic BadBaseline(SourceRef at, string why) =>
        Error("AR9028", at, $"--baseline: {why}; give a report written by 'alliance check --format json'");

    // ---- AR8xxx: limits of an evaluation -------------------------------------------------------

    public static Diagnostic TooManyInstances(SourceRef at, string rule, int limit, NodaTime.LocalDate on) =>
        Error("AR8001", at, $"rule '{rule}' opened more than {limit:N0} obligation instances (the limit was passed by a trigger on {Text.DateText.Format(on)}); a rule that matches this often is almost certainly too broad: narrow its 'when' or 'where', or split the history by period");

    public static Diagnostic NoInput() =>
        Error("AR9009", "no rule file was given; name at least one .treaty file or a directory holding one");
}

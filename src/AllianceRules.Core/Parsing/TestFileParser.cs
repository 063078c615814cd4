using System.Globalization;
using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using AllianceRules.Text;
using Sprache;

namespace AllianceRules.Parsing;

/// <summary>
/// Parses <c>.test</c> files a line at a time, like histories: a broken line is reported and the
/// next one is read. An inline <c>history { ... }</c> becomes a history of its own whose lines keep
/// their numbers in the test file.
/// </summary>
public static class TestFileParser
{
    public static readonly string[] Statuses = ["fulfilled", "violated", "pending", "discharged", "excused", "indeterminate"];
    public static readonly string[] Measures = ["reliability", "invoked", "fulfilled", "violated", "pending", "discharged", "excused", "indeterminate", "episodes"];
    private static readonly string[] ItemKeywords = ["rules", "history", "as", "assume", "reading", "expect", "end"];

    public static (TestFileSyntax Syntax, IReadOnlyList<Diagnostic> Diagnostics) Parse(SourceFile file)
    {
        var bag = new DiagnosticBag();
        file = UnreadableText.Check(file, bag);
        var tests = new List<RuleTestSyntax>();
        Builder? current = null;
        var lines = file.Text.Split('\n');
        var offset = 0;
        for (var n = 0; n < lines.Length; n++)
        {
            var raw = lines[n];
            var start = offset;
            offset += raw.Length + 1;
            var end = start + raw.TrimEnd('\r').Length;
            var contentEnd = Lexical.ContentEnd(file.Text, start, end);
            var first = start;
            while (first < contentEnd && char.IsWhiteSpace(file.Text[first])) first++;
            if (current?.InlineStart is { } inlineStart)
            {
                if (file.Text.AsSpan(first, contentEnd - first).Trim().SequenceEqual("}"))
                {
                    current.CloseInline(file, inlineStart, n);
                }
                continue;
            }
            if (first >= contentEnd) continue;
            var r = Line(new TextInput(file.Text, first, contentEnd));
            if (!r.WasSuccessful)
            {
                bag.Add(ParseFailureTranslator.Translate(file, r));
                continue;
            }
            switch (r.Value)
            {
                case TestStart s:
                    if (current is not null) bag.Add(DiagnosticCatalog.TestNotEnded(file.At(current.NameSpan), current.Name.Value));
                    current = new Builder(s.Name, TextSpan.FromBounds(first, contentEnd));
                    break;
                case TestEnd:
                    if (current is null) bag.Add(DiagnosticCatalog.TestItemOutsideTest(file.At(TextSpan.FromBounds(first, contentEnd)), "end"));
                    else tests.Add(current.Build(file, bag, contentEnd));
                    current = null;
                    break;
                case var item when current is null:
                    bag.Add(DiagnosticCatalog.TestItemOutsideTest(file.At(TextSpan.FromBounds(first, contentEnd)), item.Keyword));
                    break;
                case InlineHistoryStart:
                    current.InlineStart = n + 1;
                    break;
                default:
                    current.Add(r.Value, TextSpan.FromBounds(first, contentEnd), file.Text[first..contentEnd]);
                    break;
            }
        }
        if (current?.InlineStart is { } open)
        {
            var lineStart = file.LineStart(open);
            bag.Add(DiagnosticCatalog.InlineHistoryNotClosed(file.At(new TextSpan(lineStart, Math.Max(1, file.GetLineText(open).Length)))));
        }
        else if (current is not null)
        {
            bag.Add(DiagnosticCatalog.TestNotEnded(file.At(current.NameSpan), current.Name.Value));
        }
        if (tests.Count == 0 && !bag.HasErrors) bag.Add(DiagnosticCatalog.NoTests(file.At(new TextSpan(0, 0))));
        return (new TestFileSyntax(file, tests), bag.ToSortedArray());
    }

    // ---- one line ------------------------------------------------------------------------------

    private abstract record Item(string Keyword);

    private sealed record TestStart(StringLiteral Name) : Item("test");

    private sealed record TestEnd() : Item("end");

    private sealed record RulesItem(IReadOnlyList<StringLiteral> Paths) : Item("rules");

    private sealed record HistoryItem(IReadOnlyList<StringLiteral> Paths) : Item("history");

    private sealed record InlineHistoryStart() : Item("history");

    private sealed record AsOfItem(DateSyntax Date) : Item("as of");

    private sealed record AssumeItem(Identifier Name, PeriodSyntax Period) : Item("assume");

    private sealed record ReadingItem(Identifier Name, Identifier Option) : Item("reading");

    private sealed record ExpectItem(Func<string, TextSpan, ExpectationSyntax> Make) : Item("expect");

    private static Parser<T> Tok<T>(Parser<T> parser) => Lexical.LineToken(parser);

    private static Parser<Identifier> Keyword(string keyword) => Lexical.LineKeyword(keyword);

    private static readonly Parser<Identifier> Code = Tok(Lexical.Word.Where(w => Lexical.IsCode(w.Text)).Named("a code such as 'RUS'"));

    private static readonly Parser<StringLiteral> Str = Tok(Lexical.String);

    private static readonly Parser<DateSyntax> Date = Tok(Lexical.Date);

    private static readonly Parser<Identifier> RuleId =
        (from treaty in Lexical.Word.Where(w => Lexical.IsCode(w.Text))
         from dot in Lexical.Symbol(".")
         from name in Lexical.Word.Where(w => Lexical.IsName(w.Text))
         from _ in Lexical.Trivia
         select new Identifier($"{treaty.Text}.{name.Text}", TextSpan.FromBounds(treaty.Span.Start, name.Span.End))).Named("a rule id such as 'CST.art4'");

    private static readonly Parser<string> Status =
        Tok(Lexical.Word.Where(w => Statuses.Contains(w.Text)).Select(w => w.Text)).Named("a status: fulfilled, violated, pending, discharged, excused or indeterminate");

    private static readonly Parser<decimal> Number =
        Tok(from whole in Lexical.Digits
            from fraction in Lexical.Symbol(".").Then(_ => Lexical.Digits).XOptional()
            select decimal.Parse(fraction.IsDefined ? $"{whole}.{fraction.Get()}" : whole, CultureInfo.InvariantCulture))
        .Named("a number such as 0.5");

    private static readonly Parser<PeriodSyntax> Period =
        from start in Lexical.Position
        from amount in Tok(Lexical.Integer.Named("a period such as '30 days'"))
        from unit in Tok(Lexical.Word.Where(w => PeriodWords.Of(w.Text) is not null).Named("a unit: days, weeks, months or years"))
        select new PeriodSyntax(amount, PeriodWords.Of(unit.Text)!.Value, $"{amount} {unit.Text}", TextSpan.FromBounds(start, unit.Span.End));

    private static readonly Parser<Item> TestLine =
        from kw in Keyword("test")
        from name in Str
        select (Item)new TestStart(name);

    private static readonly Parser<Item> EndLine = Keyword("end").Return((Item)new TestEnd());

    private static readonly Parser<Item> RulesLine =
        from kw in Keyword("rules")
        from paths in Str.AtLeastOnce()
        select (Item)new RulesItem(paths.ToList());

    private static readonly Parser<Item> HistoryLine =
        from kw in Keyword("history")
        from rest in Tok(Lexical.Symbol("{")).Return((Item)new InlineHistoryStart())
            .Or(Str.AtLeastOnce().Select(p => (Item)new HistoryItem(p.ToList())))
            .Named("a path in quotes, or '{' to write the history here")
        select rest;

    private static readonly Parser<Item> AsOfLine =
        from a in Keyword("as")
        from o in Keyword("of")
        from date in Date
        select (Item)new AsOfItem(date);

    private static readonly Parser<Item> AssumeLine =
        from kw in Keyword("assume")
        from name in Tok(Lexical.Word.Where(w => Lexical.IsName(w.Text)).Named("an assumption's name"))
        from eq in Tok(Lexical.Symbol("="))
        from period in Period
        select (Item)new AssumeItem(name, period);

    private static readonly Parser<Item> ReadingLine =
        from kw in Keyword("reading")
        from name in Tok(Lexical.Word.Where(w => Lexical.IsName(w.Text)).Named("a reading's name"))
        from eq in Tok(Lexical.Symbol("="))
        from option in Tok(Lexical.Word.Where(w => Lexical.IsName(w.Text)).Named("one of the reading's options"))
        select (Item)new ReadingItem(name, option);

    private static readonly Parser<Item> ExpectLine =
        from kw in Keyword("expect")
        from rest in
            (from no in Keyword("no")
             from rule in RuleId
             from party in Code
             from date in Date.XOptional()
             select (Func<string, TextSpan, ExpectationSyntax>)((t, s) => new NoInstanceExpectationSyntax(rule.Text, party.Text, date.GetOrDefault(), t, s) { RuleName = rule, PartyName = party }))
            .Or(from summary in Keyword("summary")
                from treaty in Code
                from party in Code
                from kind in Tok(Lexical.Word.Where(w => Keywords.Kinds.Contains(w.Text)).Select(w => w.Text)).XOptional()
                from measure in Tok(Lexical.Word.Where(w => Measures.Contains(w.Text)).Select(w => w.Text)).Named("a measure: reliability, invoked, fulfilled, violated, pending, discharged, excused, indeterminate or episodes")
                from value in Number
                select (Func<string, TextSpan, ExpectationSyntax>)((t, s) => new SummaryExpectationSyntax(treaty.Text, party.Text, measure, value, t, s, kind.GetOrDefault()) { TreatyName = treaty, PartyName = party }))
            .Or(from rule in RuleId
                from party in Code
                from date in Date
                from status in Status
                from decided in Keyword("decided").Then(_ => Date).XOptional()
                select (Func<string, TextSpan, ExpectationSyntax>)((t, s) => new InstanceExpectationSyntax(rule.Text, party.Text, date, status, t, s, decided.GetOrDefault()) { RuleName = rule, PartyName = party }))
        select (Item)new ExpectItem(rest);

    private static readonly Parser<Item> Line =
        from item in TestLine.Or(EndLine).Or(RulesLine).Or(HistoryLine).Or(AsOfLine).Or(AssumeLine).Or(ReadingLine).Or(ExpectLine)
            .Named(string.Join(", ", new[] { "test" }.Concat(ItemKeywords).Select(k => $"'{k}'")))
        from end in Sprache.Parse.Return<int>(0).End().Named("end of line")
        select item;

    /// <summary>Collects one test's items.</summary>
    private sealed class Builder(StringLiteral name, TextSpan span)
    {
        public StringLiteral Name { get; } = name;

        public TextSpan NameSpan { get; } = span;

        public int? InlineStart { get; set; }

        private readonly List<StringLiteral> _rules = [];
        private readonly List<StringLiteral> _histories = [];
        private readonly List<TestAssumeSyntax> _assumptions = [];
        private readonly List<TestReadingSyntax> _readings = [];
        private readonly List<ExpectationSyntax> _expectations = [];
        private DateSyntax? _asOf;
        private SourceFile? _inline;

        /// <summary>A second 'as of', to report.</summary>
        public TextSpan? Repeated { get; private set; }

        public void Add(object item, TextSpan span, string text)
        {
            switch (item)
            {
                case RulesItem r: _rules.AddRange(r.Paths); break;
                case HistoryItem h: _histories.AddRange(h.Paths); break;
                case AsOfItem a:
                    if (_asOf is not null) Repeated = span;
                    _asOf = a.Date;
                    break;
                case AssumeItem a: _assumptions.Add(new TestAssumeSyntax(a.Name, a.Period, span)); break;
                case ReadingItem r: _readings.Add(new TestReadingSyntax(r.Name, r.Option, span)); break;
                case ExpectItem e: _expectations.Add(e.Make(text, span)); break;
            }
        }

        /// <summary>The inline history: the test file with every other line blanked, so lines and columns stay those of the test file.</summary>
        private readonly List<(int From, int To)> _blocks = [];

        /// <summary>
        /// The inline history: the test file with every line outside its 'history { }' blocks
        /// blanked, so lines and columns stay those of the test file; several blocks add up.
        /// </summary>
        public void CloseInline(SourceFile file, int fromLine, int closingLine)
        {
            _blocks.Add((fromLine, closingLine));
            var lines = file.Text.Split('\n');
            var kept = lines.Select((l, i) => _blocks.Any(b => i >= b.From && i < b.To) ? l : string.Empty);
            _inline = new SourceFile(file.Path, string.Join('\n', kept));
            InlineStart = null;
        }

        public RuleTestSyntax Build(SourceFile file, DiagnosticBag bag, int end)
        {
            if (Repeated is { } again) bag.Add(DiagnosticCatalog.TestRepeats(file.At(again), Name.Value, "'as of'"));
            if (_rules.Count == 0) bag.Add(DiagnosticCatalog.TestWithout(file.At(NameSpan), Name.Value, "'rules'"));
            if (_histories.Count == 0 && _inline is null) bag.Add(DiagnosticCatalog.TestWithout(file.At(NameSpan), Name.Value, "'history'"));
            if (_expectations.Count == 0) bag.Add(DiagnosticCatalog.TestWithout(file.At(NameSpan), Name.Value, "'expect'"));
            // Dates and periods are checked as in rule files: an impossible one must not switch a check off.
            var dates = new[] { _asOf }.Concat(_expectations.SelectMany(e => e switch
            {
                InstanceExpectationSyntax i => new[] { i.TriggeredOn, i.DecidedOn },
                NoInstanceExpectationSyntax n => [n.TriggeredOn],
                _ => [],
            }));
            foreach (var date in dates.OfType<DateSyntax>().Where(d => d.Value is null))
            {
                bag.Add(DiagnosticCatalog.ImpossibleDate(file.At(date.Span), date.Text, date.Problem ?? "no such day"));
            }
            foreach (var assume in _assumptions)
            {
                if (assume.Period.Amount <= 0) bag.Add(DiagnosticCatalog.NonPositivePeriod(file.At(assume.Period.Span), assume.Period.Text));
            }
            foreach (var repeated in _assumptions.GroupBy(a => a.Name.Text).Where(g => g.Count() > 1).Select(g => g.Skip(1).First()))
            {
                bag.Add(DiagnosticCatalog.TestRepeats(file.At(repeated.Span), Name.Value, $"'assume {repeated.Name.Text}'"));
            }
            foreach (var repeated in _readings.GroupBy(r => r.Name.Text).Where(g => g.Count() > 1).Select(g => g.Skip(1).First()))
            {
                bag.Add(DiagnosticCatalog.TestRepeats(file.At(repeated.Span), Name.Value, $"'reading {repeated.Name.Text}'"));
            }
            return new RuleTestSyntax(Name, _rules, _histories, _inline, _asOf, _assumptions, _expectations, TextSpan.FromBounds(NameSpan.Start, end)) { Readings = _readings };
        }
    }
}

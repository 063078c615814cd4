using System.Globalization;
using System.Text;
using AllianceRules.Diagnostics;
using AllianceRules.Formatting;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Importing;

/// <summary>
/// <c>alliance import cow-war</c>: one history per war of the COW Inter-State War data. Participants
/// on opposite sides attack each other from the side of the war's initiators; participants on one
/// side assist each other; the war ends once, on its last end date. docs/importers.md gives every
/// convention and why. Pure: the caller reads the files and writes the results.
/// </summary>
public static class CowWarImporter
{
    internal static readonly string[] Columns =
    [
        "warnum", "warname", "ccode", "statename", "side", "initiator", "wherefought",
        "startmonth1", "startday1", "startyear1", "endmonth1", "endday1", "endyear1",
        "startmonth2", "startday2", "startyear2", "endmonth2", "endday2", "endyear2",
    ];

    internal enum Precision
    {
        Day,
        Month,
        Year,
    }

    internal sealed record Block(LocalDate Start, Precision StartPrecision, LocalDate? End, Precision EndPrecision);

    /// <param name="Where">The regions the state fought in (WhereFought), a key of <see cref="CowRegions.WhereFought"/> or null.</param>
    private sealed record Participant(int Line, int War, string WarName, int Ccode, string Party, string State, int Side, bool Initiator, List<Block> Blocks, int? Where);

    /// <summary>An event to write; <see cref="Until"/> is the day after the last of an interval (COW's ends are inclusive), null for a point, and <see cref="Open"/> for a block still going on.</summary>
    private sealed record Event(LocalDate Date, int Order, string Actor, string Verb, string Target, Precision Precision, string Description, LocalDate? Until = null, bool Open = false, string Attributes = "");

    /// <param name="dyads">The COW directed dyadic war file: with it, the attacks of each war it has come from its dyads (docs/importers.md "Dyads").</param>
    public static ImportOutcome Import(SourceFile wars, PartyCodes parties, SourceFile? dyads = null)
    {
        var bag = new DiagnosticBag();
        var table = CsvTable.Read(wars, "the COW inter-state war file", Columns, bag);
        var skipped = new List<SkippedRow>();
        var dyadTable = dyads is null ? null : DyadTable.Read(dyads, parties, bag, skipped);
        if (table is null || (dyads is not null && dyadTable is null)) return ImportOutcome.Failed(bag.ToSortedArray());
        var participants = new List<Participant>();
        foreach (var row in table.Rows)
        {
            if (table.RequiredInts(row, Columns.Where(c => c is not ("warname" or "statename")), bag) is not { } values) continue;
            void Skip(string reason, string detail) => skipped.Add(new SkippedRow(wars.Path, row.Line, reason, detail));
            if (parties.Code(values["ccode"]) is not { } party)
            {
                Skip("ccode is no known state", values["ccode"].ToString(CultureInfo.InvariantCulture));
                continue;
            }
            if (values["side"] is not (1 or 2))
            {
                Skip("side is not 1 or 2", values["side"].ToString(CultureInfo.InvariantCulture));
                continue;
            }
            var blocks = new List<Block>();
            string? problem = null;
            foreach (var n in (string[])["1", "2"])
            {
                var (sy, sm, sd) = (values["startyear" + n], values["startmonth" + n], values["startday" + n]);
                var (ey, em, ed) = (values["endyear" + n], values["endmonth" + n], values["endday" + n]);
                if (n == "2" && sy == -8) break;
                if (sy == -9 || ey == -9 || sy < 1)
                {
                    problem ??= $"unknown year|start {sy}, end {ey} (date block {n})";
                    break;
                }
                var start = Start(sy, sm, sd);
                var ongoing = ey == -7 || em == -7 || ed == -7;
                var end = ongoing ? (LocalDate.MaxIsoValue, Precision.Day) : End(ey, em, ed);
                if (start is null || end is null)
                {
                    problem ??= $"impossible date|{sy}-{sm}-{sd} .. {ey}-{em}-{ed} (date block {n})";
                    break;
                }
                // A block that ends before it starts meets no one: counted, never dropped silently (found in review).
                if (!ongoing && end.Value.Date < start.Value.Date)
                {
                    problem ??= $"ends before it starts|{sy}-{sm}-{sd} .. {ey}-{em}-{ed} (date block {n})";
                    break;
                }
                blocks.Add(new Block(start.Value.Date, start.Value.Precision, ongoing ? null : end.Value.Date, end.Value.Precision));
            }
            if (problem is not null)
            {
                var parts = problem.Split('|');
                Skip(parts[0], parts[1]);
                continue;
            }
            var where = CowRegions.WhereFought.ContainsKey(values["wherefought"]) ? values["wherefought"] : (int?)null;
            participants.Add(new Participant(row.Line, values["warnum"], Clean(table.Text(row, "warname")), values["ccode"], party, Clean(table.Text(row, "statename")), values["side"], values["initiator"] == 1, blocks, where));
        }
        if (bag.HasErrors) return ImportOutcome.Failed(bag.ToSortedArray());

        var files = new List<GeneratedFile>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["attack"] = 0, ["assist"] = 0, ["endwar"] = 0 };
        var (fromDyads, fromParticipants) = (0, 0);
        var written = new HashSet<int>();
        foreach (var war in participants.GroupBy(p => p.War).OrderBy(g => g.Key))
        {
            // A war needs two sides: one side alone has no attack and no end to write.
            if (war.Select(p => p.Side).Distinct().Count() < 2)
            {
                foreach (var p in war) skipped.Add(new SkippedRow(wars.Path, p.Line, "its war has no participant on the other side", $"war {war.Key}"));
                continue;
            }
            var warDyads = dyadTable?.GetValueOrDefault(war.Key);
            if (warDyads is not null) fromDyads++;
            else fromParticipants++;
            var (name, text, events) = History(war.Key, [.. war], wars.Path, dyadTable is null ? null : (dyads!.Path, warDyads), skipped);
            files.Add(new GeneratedFile(name, Formatter.FormatEvents(text)));
            written.Add(war.Key);
            foreach (var e in events) counts[e.Verb]++;
        }
        // Dyads of a war the participant file does not have (or whose rows were all skipped) have no history to go to.
        foreach (var (war, list) in dyadTable ?? [])
        {
            if (written.Contains(war)) continue;
            foreach (var line in list.SelectMany(d => d.Lines).Order()) skipped.Add(new SkippedRow(dyads!.Path, line, "its war has no history from the participant file", $"war {war}"));
        }
        var total = counts.Values.Sum();
        var summary = $"{files.Count} war{(files.Count == 1 ? string.Empty : "s")}, {total} events ({counts["attack"]} attack, {counts["assist"]} assist, {counts["endwar"]} endwar)";
        if (dyadTable is not null) summary += $"; attacks from dyads in {fromDyads} war{(fromDyads == 1 ? string.Empty : "s")}, from participants in {fromParticipants}";
        return new ImportOutcome([.. files], [.. skipped], [], summary);
    }

    /// <summary>A start date: an unknown day (-9) is the 1st of the month, an unknown month January.</summary>
    internal static (LocalDate Date, Precision Precision)? Start(int year, int month, int day)
    {
        // A year past the calendar's (NodaTime's 1..9999 here) made LocalDate throw (found by fuzzing, issue 8): it is an impossible date.
        if (year is < 1 or > 9999) return null;
        if (month == -9) return (new LocalDate(year, 1, 1), Precision.Year);
        if (month is < 1 or > 12) return null;
        if (day == -9) return (new LocalDate(year, month, 1), Precision.Month);
        if (day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)) return null;
        return (new LocalDate(year, month, day), Precision.Day);
    }

    /// <summary>An end date: an unknown day (-9) is the last day of the month, an unknown month December.</summary>
    internal static (LocalDate Date, Precision Precision)? End(int year, int month, int day)
    {
        // As in Start: a year past 9999 threw (found by fuzzing, issue 8).
        if (year is < 1 or > 9999) return null;
        if (month == -9) return (new LocalDate(year, 12, 31), Precision.Year);
        if (month is < 1 or > 12) return null;
        var last = CalendarSystem.Iso.GetDaysInMonth(year, month);
        if (day == -9) return (new LocalDate(year, month, last), Precision.Month);
        if (day < 1 || day > last) return null;
        return (new LocalDate(year, month, day), Precision.Day);
    }

    /// <summary>Text fit for a history's quoted string: no double quote, no backslash, no line break.</summary>
    /// <remarks>
    /// Control characters, and the replacement character that stands for bytes that were not UTF-8,
    /// become '?': a history may not hold them (AR1007), and what the importer writes must load
    /// (found by the fuzz smoke run).
    /// </remarks>
    private static string Clean(string text)
    {
        var cleaned = text.Replace('"', '\'').Replace('\\', '/').Replace('\n', ' ').Replace('\r', ' ');
        if (cleaned.Any(c => char.IsControl(c) || c is '\uFFFD' or '\uFEFF')) cleaned = string.Concat(cleaned.Select(c => char.IsControl(c) || c is '\uFFFD' or '\uFEFF' ? '?' : c));
        return cleaned.Trim();
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static bool Overlap(Block a, Block b) => a.Start <= (b.End ?? LocalDate.MaxIsoValue) && b.Start <= (a.End ?? LocalDate.MaxIsoValue);

    private static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length == 0) slug = "war";
        return slug.Split('-').Contains("war") ? slug : slug + "-war";
    }

    /// <param name="dyads">Null without <c>--dyads</c>; else the dyad file's name and this war's dyads, null when it has none.</param>
    private static (string Name, string Text, List<Event> Events) History(int war, List<Participant> participants, string sourcePath, (string Path, List<DyadTable.Dyad>? List)? dyads, List<SkippedRow> skipped)
    {
        var warName = participants[0].WarName;
        // Attacks run from the side that has the war's initiators; when both or neither has one, from side 1.
        var initiatorSides = participants.Where(p => p.Initiator).Select(p => p.Side).Distinct().ToList();
        var attackerSide = initiatorSides.Count == 1 ? initiatorSides[0] : 1;
        var events = new List<Event>();
        var seen = new HashSet<(LocalDate, string, string, string)>();
        void Add(Event e)
        {
            if (e.Actor != e.Target && seen.Add((e.Date, e.Actor, e.Verb, e.Target))) events.Add(e);
        }
        static (LocalDate Date, Precision Precision) Later(Block a, Block b) =>
            a.Start > b.Start ? (a.Start, a.StartPrecision) : b.Start > a.Start ? (b.Start, b.StartPrecision) : (a.Start, (Precision)Math.Max((int)a.StartPrecision, (int)b.StartPrecision));
        // Two states fight each other, or side by side, while both blocks last: up to the earlier
        // end, which COW includes, so the interval ends the day after; open while both go on.
        static (LocalDate? Until, bool Open) Together(Block a, Block b) =>
            (a.End, b.End) switch
            {
                (null, null) => (null, true),
                ({ } x, null) => (x.PlusDays(1), false),
                (null, { } y) => (y.PlusDays(1), false),
                ({ } x, { } y) => ((x < y ? x : y).PlusDays(1), false),
            };
        foreach (var a in participants)
        {
            foreach (var b in participants)
            {
                if (ReferenceEquals(a, b)) continue;
                foreach (var ba in a.Blocks)
                {
                    foreach (var bb in b.Blocks.Where(bb => Overlap(ba, bb)))
                    {
                        var (date, precision) = Later(ba, bb);
                        var (until, open) = Together(ba, bb);
                        // An attack holds while both fight, and so does the help of states on one side: help
                        // given since an earlier entry still holds inside the window of a later attack.
                        if (a.Side == attackerSide && b.Side != attackerSide && dyads?.List is null)
                        {
                            Add(new Event(date, 0, a.Party, "attack", b.Party, precision, $"{a.State} (side {a.Side}) fights {b.State} (side {b.Side})", until, open, dyads is null ? string.Empty : " basis=participants"));
                        }
                        else if (a.Side == b.Side)
                        {
                            Add(new Event(date, 1, a.Party, "assist", b.Party, precision, $"{a.State} fights on the side of {b.State} (side {a.Side})", until, open));
                        }
                    }
                }
            }
        }
        var dyadAttacks = dyads?.List is { } list ? DyadAttacks(list, participants, attackerSide, skipped, dyads.Value.Path) : [];
        foreach (var e in dyadAttacks) Add(e);
        // The war ends once: on the last end date of any participant, between the first participants of each side.
        Participant? First(int side) => participants.Where(p => p.Side == side).OrderBy(p => p.Blocks[0].Start).ThenBy(p => p.Line).FirstOrDefault();
        var blocks = participants.SelectMany(p => p.Blocks).ToList();
        if (First(1) is { } one && First(2) is { } two && blocks.All(b => b.End is not null))
        {
            var end = blocks.Max(b => b.End!.Value);
            var precision = blocks.Where(b => b.End == end).Max(b => b.EndPrecision);
            Add(new Event(end, 2, one.Party, "endwar", two.Party, precision, $"the war ends: the last end date of any participant"));
        }
        events.Sort((x, y) =>
        {
            var c = x.Date.CompareTo(y.Date);
            if (c == 0) c = x.Order.CompareTo(y.Order);
            if (c == 0) c = string.CompareOrdinal(x.Actor, y.Actor);
            return c != 0 ? c : string.CompareOrdinal(x.Target, y.Target);
        });

        var number = war.ToString("000", CultureInfo.InvariantCulture);
        var warNumber = war.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        var first = blocks.Min(b => b.Start);
        var last = blocks.All(b => b.End is not null) ? Iso(blocks.Max(b => b.End!.Value)) : "ongoing";
        sb.AppendLine($"# COW Inter-State War Data v4.0, war {warNumber}: {warName} ({Iso(first)} .. {last}).");
        sb.AppendLine($"# Imported by 'alliance import cow-war' from {sourcePath.Replace('\\', '/').Split('/')[^1]} (lines {string.Join(", ", participants.Select(p => p.Line).Order())}).");
        sb.AppendLine($"# Cite: {ImportVocabulary.CowWarCitation}");
        var sides = $"side {attackerSide}{(initiatorSides.Count == 1 ? ", the side of the initiators (Initiator = 1)" : initiatorSides.Count == 0 ? ": neither side has an initiator" : ": both sides have an initiator")}";
        if (dyads?.List is { } used)
        {
            var file = dyads.Value.Path.Replace('\\', '/').Split('/')[^1];
            sb.AppendLine($"# Attacks come from the COW directed dyadic war data, {file} ({used.Sum(d => d.Lines.Count)} rows, {used.Count} dyads): one per dyad over its own");
            sb.AppendLine("# dates, from the state that began the dyad (wardyadrole 1 against 3); where the dyad's rows disagree on that, from");
            sb.AppendLine($"# the initiators' side of the war (warole 1 or 2 against 3 or 4); where they disagree on that too, from {sides}.");
            sb.AppendLine("# Help holds while both states fight: from the later start up to the day after the earlier end.");
        }
        else
        {
            if (dyads is not null) sb.AppendLine("# The dyadic war data have no row of this war: attacks are read from the participants (basis=participants).");
            sb.AppendLine($"# Attacks run from {sides}.");
            sb.AppendLine("# Attacks and help hold while both states fight: from the later start up to the day after the earlier end.");
        }
        sb.AppendLine("# An attack says whether its actor and its target fought in the region each lies in (actor-home, target-home).");
        sb.AppendLine("# Participants: side, party, ccode and state, the dates of each block of fighting, where it fought (WhereFought), initiator:");
        foreach (var p in participants.OrderBy(p => p.Side).ThenBy(p => p.Blocks[0].Start).ThenBy(p => p.Line))
        {
            var dates = string.Join(", then ", p.Blocks.Select(b => $"{Iso(b.Start)}{Mark(b.StartPrecision)} .. {(b.End is { } e ? Iso(e) + Mark(b.EndPrecision) : "ongoing")}"));
            var where = p.Where is { } w ? $"  in {string.Join(", ", CowRegions.WhereFought[w])} ({w.ToString(CultureInfo.InvariantCulture)})" : string.Empty;
            sb.AppendLine($"#   side {p.Side}  {p.Party}  {p.Ccode} {p.State}  {dates}{where}{(p.Initiator ? "  initiator" : string.Empty)}  (line {p.Line})");
        }
        if (events.Any(e => e.Precision != Precision.Day))
        {
            sb.AppendLine("# Unknown days and months (-9) read as the 1st of the month or January for a start, the last day");
            sb.AppendLine("# of the month or December for an end; such events carry precision=month or precision=year.");
        }
        // Whether each side of an attack fought in its own region, for the rules of a location (docs/importers.md, "Regions");
        // a state with two rows (it changed sides) fought at home if either row says so.
        string Home(string attribute, string party)
        {
            var home = participants.Where(p => p.Party == party && p.Where is not null).Select(p => CowRegions.FoughtAtHome(p.Ccode, p.Where!.Value)).OfType<bool>().ToList();
            return home.Count == 0 ? string.Empty : $" {attribute}={(home.Contains(true) ? "yes" : "no")}";
        }
        foreach (var e in events)
        {
            var regions = e.Verb == "attack" ? Home(CowRegions.ActorAttribute, e.Actor) + Home(CowRegions.TargetAttribute, e.Target) : string.Empty;
            var precision = e.Precision switch
            {
                Precision.Month => " precision=month",
                Precision.Year => " precision=year",
                _ => string.Empty,
            };
            var when = e.Open ? $"{Iso(e.Date)} .." : e.Until is { } until && until != e.Date.PlusDays(1) ? $"{Iso(e.Date)} .. {Iso(until)}" : Iso(e.Date);
            sb.AppendLine($"{when} {e.Actor} {e.Verb} {e.Target} war={warNumber} name=\"{warName}\"{precision}{e.Attributes}{regions} \"{e.Description}\"");
        }
        return ($"COW{number}-{Slug(warName)}.events", sb.ToString(), events);
    }

    /// <summary>One attack per dyad and block of its dates, from the attacker its roles give; a dyad whose roles say nothing is read from the war's attacking side.</summary>
    private static List<Event> DyadAttacks(List<DyadTable.Dyad> dyads, List<Participant> participants, int attackerSide, List<SkippedRow> skipped, string path)
    {
        var events = new List<Event>();
        string Name(int ccode, string party) => participants.FirstOrDefault(p => p.Ccode == ccode)?.State ?? party;
        var all = participants.SelectMany(p => p.Blocks).ToList();
        var warStart = all.Min(b => b.Start);
        var warEnd = all.All(b => b.End is not null) ? all.Max(b => b.End!.Value) : LocalDate.MaxIsoValue;
        foreach (var d in dyads)
        {
            var (attacker, target, by) = (d.A, d.B, d.Direction == DyadTable.Direction.DyadRole ? "dyad-role" : "war-role");
            var (actor, victim) = (d.PartyA, d.PartyB);
            if (d.Direction == DyadTable.Direction.Unresolved)
            {
                bool On(int ccode, bool attacking) => participants.Where(p => p.Ccode == ccode).Select(p => p.Side == attackerSide).Distinct().SequenceEqual([attacking]);
                if (On(d.B, true) && On(d.A, false)) (attacker, target, actor, victim) = (d.B, d.A, d.PartyB, d.PartyA);
                else if (!(On(d.A, true) && On(d.B, false)))
                {
                    foreach (var line in d.Lines) skipped.Add(new SkippedRow(path, line, "its roles do not say who attacks", $"war {d.War}: {d.A} v {d.B}, dyadic roles {d.DyadRoles}, war roles {d.WarRoles}"));
                    continue;
                }
                by = "initiators-side";
            }
            foreach (var (spell, lines) in d.Blocks)
            {
                // The participant file dates the war and its endwar: fighting the dyad file dates wholly outside it is not this war's, and
                // an attack is cut at the war's end (war 130 runs on to 1945 there), or its obligations would wait for an end that has passed.
                if (spell.Start > warEnd || (spell.End is { } end && end < warStart))
                {
                    foreach (var line in lines.Order()) skipped.Add(new SkippedRow(path, line, "its dates lie outside the war's in the participant file", $"war {d.War}: {d.A} v {d.B}, {Iso(spell.Start)} .. {(spell.End is { } e ? Iso(e) : "ongoing")}"));
                    continue;
                }
                var b = spell;
                if (warEnd != LocalDate.MaxIsoValue && (b.End is null || b.End > warEnd)) b = b with { End = warEnd };
                var description = $"{Name(attacker, actor)} attacks {Name(target, victim)}: dyadic roles {d.DyadRoles}, war roles {d.WarRoles}";
                events.Add(new Event(b.Start, 0, actor, "attack", victim, b.StartPrecision, description, b.End?.PlusDays(1), b.End is null, $" basis=dyad direction={by}"));
            }
        }
        return events;
    }

    private static string Mark(Precision precision) => precision switch
    {
        Precision.Month => " (day unknown)",
        Precision.Year => " (month unknown)",
        _ => string.Empty,
    };
}

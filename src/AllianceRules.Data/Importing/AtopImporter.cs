using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AllianceRules.Diagnostics;
using AllianceRules.Formatting;
using AllianceRules.Text;
using NodaTime;

namespace AllianceRules.Importing;

/// <summary>
/// <c>alliance import atop</c>: one rule file per ATOP alliance, from the member-level file (and,
/// optionally, the alliance-level one for the signature date). The rules follow Leeds' logic for
/// the events of <see cref="CowWarImporter"/>; docs/importers.md gives every convention and why.
/// Pure: the caller reads the files and writes the results.
/// </summary>
public static class AtopImporter
{
    internal static readonly string[] MemberColumns =
    [
        "atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit", "phase", "cowwar",
        .. AtopObligation.All.Select(o => o.Variable),
        .. AtopObligation.All.Where(o => o.Summary is not null).Select(o => o.Summary!),
        .. AtopObligation.All.SelectMany(o => o.Conditions),
        "olimob", "obvary",
        .. AtopThreat.Columns,
    ];

    internal static readonly string[] AllianceColumns = ["atopid", "begyr", "begmo", "begday"];

    public static ImportOutcome Import(SourceFile members, SourceFile? alliances, PartyCodes parties)
    {
        var bag = new DiagnosticBag();
        var table = CsvTable.Read(members, "the ATOP member-level file", MemberColumns, bag);
        var allianceTable = alliances is null ? null : CsvTable.Read(alliances, "the ATOP alliance-level file (--alliances)", AllianceColumns, bag);
        if (table is null || (alliances is not null && allianceTable is null)) return ImportOutcome.Failed(bag.ToSortedArray());

        var skipped = new List<SkippedRow>();
        var rows = new List<AtopRow>();
        var rawPhases = new List<(int Atopid, int Member, int Phase, LocalDate Entry, LocalDate? Exit)>();
        foreach (var csv in table.Rows)
        {
            var values = new Dictionary<string, int>(StringComparer.Ordinal);
            var ok = true;
            foreach (var column in MemberColumns)
            {
                ok &= table.TryInt(csv, column, bag, out var v);
                values[column] = v ?? 0;
            }
            if (!ok) continue;
            foreach (var column in (string[])["atopid", "member", "yrent", "moent", "yrexit", "phase"])
            {
                if (table.Text(csv, column).Length == 0)
                {
                    bag.Add(DiagnosticCatalog.ImportNotANumber(table.At(csv, column), column, string.Empty));
                    ok = false;
                }
            }
            if (!ok) continue;
            // ATOP numbers its alliances from 1001; a negative one would name a treaty 'ATOP-305',
            // which no rule file can declare.
            if (values["atopid"] <= 0)
            {
                skipped.Add(new SkippedRow(members.Path, csv.Line, "atopid not a positive number", values["atopid"].ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            var entry = Date(values["yrent"], values["moent"], values["dayent"], start: true);
            LocalDate? exit = values["yrexit"] == 0 ? null : Date(values["yrexit"], values["moexit"], values["dayexit"], start: false);
            if (entry is null || (values["yrexit"] != 0 && exit is null))
            {
                skipped.Add(new SkippedRow(members.Path, csv.Line, "impossible entry or exit date", $"{values["yrent"]}-{values["moent"]}-{values["dayent"]} .. {values["yrexit"]}-{values["moexit"]}-{values["dayexit"]}"));
                continue;
            }
            // A known exit day is the last day in, so an exit on the entry day is one day of membership.
            var exitDayKnown = values["moexit"] > 0 && values["dayexit"] > 0;
            if (exit is { } x && (exitDayKnown ? x < entry.Value : x <= entry.Value))
            {
                skipped.Add(new SkippedRow(members.Path, csv.Line, "exit not after entry", $"{entry.Value:uuuu-MM-dd} .. {x:uuuu-MM-dd}"));
                continue;
            }
            // The exit day is the last day in the alliance (docs/importers.md, "Exit days"): the interval ends the day after.
            if (exit is { } last && exitDayKnown) exit = last.PlusDays(1);
            rawPhases.Add((values["atopid"], values["member"], values["phase"], entry.Value, exit));
            if (parties.Code(values["member"]) is not { } party)
            {
                skipped.Add(new SkippedRow(members.Path, csv.Line, "member is no known state", values["member"].ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            rows.Add(new AtopRow(csv.Line, values["atopid"], values["member"], party, values["phase"], entry.Value, table.Text(csv, "dayent").Length == 0, exit, values["yrexit"] != 0 && table.Text(csv, "dayexit").Length == 0, values, AtopThreat.Read(values, parties)));
        }
        var signed = new Dictionary<int, LocalDate>();
        if (allianceTable is not null)
        {
            foreach (var csv in allianceTable.Rows)
            {
                var ok = allianceTable.TryInt(csv, "atopid", bag, out var id) & allianceTable.TryInt(csv, "begyr", bag, out var y) & allianceTable.TryInt(csv, "begmo", bag, out var m) & allianceTable.TryInt(csv, "begday", bag, out var d);
                if (ok && id is { } atopid && y is { } year && m is { } month && Date(year, month, d ?? 0, start: true) is { } date) signed.TryAdd(atopid, date);
            }
        }
        if (bag.HasErrors) return ImportOutcome.Failed(bag.ToSortedArray());
        HandOver(rows, rawPhases);
        rows = AllianceWide(rows);

        var files = new List<GeneratedFile> { new(ImportVocabulary.FileName, Formatter.FormatTreaty(ImportVocabulary.Text)) };
        var ruleCount = 0;
        foreach (var alliance in rows.GroupBy(r => r.Atopid).OrderBy(g => g.Key))
        {
            var phases = EndAtNextPhase(rawPhases.Where(p => p.Atopid == alliance.Key).GroupBy(p => p.Phase).OrderBy(g => g.Key)
                .ToDictionary(g => g.Key, g => (Start: g.Min(p => p.Entry), End: g.Any(p => p.Exit is null) ? (LocalDate?)null : g.Max(p => p.Exit!.Value))));
            var (text, rules) = Treaty(alliance.Key, [.. alliance], phases, signed.TryGetValue(alliance.Key, out var s) ? s : null, members.Path);
            files.Add(new GeneratedFile($"ATOP{alliance.Key}.treaty", Formatter.FormatTreaty(text)));
            ruleCount += rules;
        }
        var alliancesWritten = files.Count - 1;
        var summary = $"{alliancesWritten} alliance{(alliancesWritten == 1 ? string.Empty : "s")}, {ruleCount} rule{(ruleCount == 1 ? string.Empty : "s")}";
        return new ImportOutcome([.. files], [.. skipped], [], summary);
    }

    /// <summary>The wars its members were fighting when they joined (cowwar), on each row of an alliance, for <see cref="AtopReading.Conflict"/>.</summary>
    private static List<AtopRow> AllianceWide(List<AtopRow> rows)
    {
        var wars = rows.GroupBy(r => r.Atopid).ToDictionary(g => g.Key, g => string.Join("+", g.Select(r => r.Values["cowwar"]).Where(w => w > 0).Distinct().Order().Select(w => w.ToString(CultureInfo.InvariantCulture))));
        return [.. rows.Select(r => r with { Wars = wars[r.Atopid] is { Length: > 0 } w ? w : null })];
    }

    /// <summary>
    /// A phase whose members leave on the day the next phase begins would, with the exit day
    /// counted as a day in, run one day into the next: it ends where the next begins instead, so
    /// that the rules of two phases are never in force together (a member that leaves that day
    /// stays a member through it).
    /// </summary>
    private static Dictionary<int, (LocalDate Start, LocalDate? End)> EndAtNextPhase(Dictionary<int, (LocalDate Start, LocalDate? End)> phases)
    {
        var ordered = phases.Keys.Order().ToList();
        for (var i = 0; i + 1 < ordered.Count; i++)
        {
            var (start, end) = phases[ordered[i]];
            var next = phases[ordered[i + 1]].Start;
            if (end == next.PlusDays(1)) phases[ordered[i]] = (start, next);
        }
        return phases;
    }

    /// <summary>
    /// A member that goes on in a phase beginning on its exit day passes from one phase to the
    /// next on that day: the old phase ends where the new one begins, not a day later, so that
    /// the rules of two phases are never in force together.
    /// </summary>
    private static void HandOver(List<AtopRow> rows, List<(int Atopid, int Member, int Phase, LocalDate Entry, LocalDate? Exit)> rawPhases)
    {
        // Another phase's entry on the exit day: the row's own entry on that day is a one-day membership, not a hand-over.
        var phasesEntered = rawPhases.ToLookup(p => (p.Atopid, p.Member, p.Entry), p => p.Phase);
        bool Continues(AtopRow r) =>
            r.Exit is { } e && r.Values["moexit"] > 0 && r.Values["dayexit"] > 0
            && phasesEntered[(r.Atopid, r.Ccode, e.PlusDays(-1))].Any(phase => phase != r.Phase);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (Continues(r)) rows[i] = r with { Exit = r.Exit!.Value.PlusDays(-1) };
        }
        var last = new Dictionary<(int, int, int, LocalDate), LocalDate?>();
        foreach (var r in rows) last.TryAdd((r.Atopid, r.Ccode, r.Phase, r.Entry), r.Exit);
        for (var i = 0; i < rawPhases.Count; i++)
        {
            var p = rawPhases[i];
            if (last.TryGetValue((p.Atopid, p.Member, p.Phase, p.Entry), out var exit)) rawPhases[i] = p with { Exit = exit };
        }
    }

    /// <summary>
    /// A date of the data. Day 0 or missing: the 1st of the month for an entry; for an exit, the
    /// 1st of the next month (the first day outside, so the whole month counts). A known exit day
    /// is the day itself, the last day in (the caller makes the interval end the day after). Null
    /// when no such day exists.
    /// </summary>
    private static LocalDate? Date(int year, int month, int day, bool start)
    {
        if (month is < 0 or > 12 || year is < 1 or > 9999) return null;
        // An exit in 9999 with its month (or December's day) unknown, or on 31 December, ends the day
        // after the calendar's last, which made PlusDays/PlusMonths throw (found by fuzzing, issue 8): no such date.
        if (!start && year == 9999 && (month == 0 || (month == 12 && (day <= 0 || day >= 31)))) return null;
        if (month == 0) return start ? new LocalDate(year, 1, 1) : new LocalDate(year, 12, 31).PlusDays(1);
        if (day <= 0) return start ? new LocalDate(year, month, 1) : new LocalDate(year, month, 1).PlusMonths(1);
        if (day > CalendarSystem.Iso.GetDaysInMonth(year, month)) return null;
        return new LocalDate(year, month, day);
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    internal static string Interval(LocalDate start, LocalDate? end) => end is { } e ? $"{Iso(start)} .. {Iso(e)}" : $"{Iso(start)} ..";

    internal static string PhaseList(IEnumerable<int> phases)
    {
        var list = phases.Order().Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList();
        return list.Count == 1 ? $"phase {list[0]}" : $"phases {Friendly.List(list, "and")}";
    }

    private static (string Text, int Rules) Treaty(int atopid, List<AtopRow> rows, Dictionary<int, (LocalDate Start, LocalDate? End)> phases, LocalDate? signedFromAlliances, string sourcePath)
    {
        var sb = new StringBuilder();
        var signed = signedFromAlliances ?? rows.Min(r => r.Entry);
        var id = atopid.ToString(CultureInfo.InvariantCulture);
        sb.AppendLine($"# ATOP 5.1 alliance {id}, imported by 'alliance import atop' from {Path(sourcePath)} (lines {string.Join(", ", rows.Select(r => r.Line).Order())}).");
        sb.AppendLine($"# Cite: {ImportVocabulary.AtopCitation}");
        if (phases.Count > 1 || phases.Keys.Any(p => p != 0))
        {
            sb.AppendLine($"# Phases (phase): {string.Join("; ", phases.OrderBy(p => p.Key).Select(p => $"{p.Key} from {Iso(p.Value.Start)} {(p.Value.End is { } end ? $"to {Iso(end)}" : "on")}"))}.");
        }
        sb.AppendLine($"treaty ATOP{id} \"ATOP alliance {id} ({signed.Year.ToString(CultureInfo.InvariantCulture)})\" {{");
        sb.AppendLine($"  signed {Iso(signed)}  # {(signedFromAlliances is null ? "the earliest entry (yrent, moent, dayent)" : "begyr, begmo, begday of the alliance-level file")}");
        sb.AppendLine($"  source \"ATOP 5.1, atopid {id}\"");
        sb.AppendLine();
        sb.AppendLine("  # One interval per phase: from the entry (yrent, moent, dayent) through the exit (yrexit, moexit,");
        sb.AppendLine("  # dayexit), \"the day that the alliance agreement ends for the state\", so up to the day after it,");
        sb.AppendLine("  # or up to the exit day where the member goes on in a phase that begins then; yrexit = 0 (in effect");
        sb.AppendLine("  # at the end of 2018) leaves it open. A missing dayent reads as the 1st of the month, a missing");
        sb.AppendLine("  # dayexit as the end of the month.");
        sb.AppendLine("  members {");
        foreach (var party in rows.GroupBy(r => r.Party).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var intervals = Merge(party.Select(r => (r.Entry, r.Exit)));
            var notes = party.OrderBy(r => r.Entry).ThenBy(r => r.Phase).Select(r =>
            {
                var missing = (r.EntryDayMissing ? ", dayent missing" : string.Empty) + (r.ExitDayMissing ? ", dayexit missing" : string.Empty);
                return $"phase {r.Phase} line {r.Line}{missing}";
            });
            var merged = intervals.Count < party.Count() ? "; overlapping phases merged" : string.Empty;
            sb.AppendLine($"    {party.Key} {string.Join(", ", intervals.Select(i => Interval(i.Start, i.End)))}  # member {party.First().Ccode}: {string.Join("; ", notes)}{merged}");
        }
        sb.AppendLine("  }");
        var body = new StringBuilder();
        var writer = new AtopRuleWriter(body, id);
        var rules = 0;
        foreach (var obligation in AtopObligation.All)
        {
            if (obligation.Kind != "nonaggression") rules += Rules(writer, obligation, rows, phases, forbid: false);
            if (obligation.Kind != "consultation") rules += Rules(writer, obligation, rows, phases, forbid: true);
        }
        foreach (var reading in AtopReading.All.Where(writer.UsedReadings.Contains))
        {
            sb.AppendLine();
            foreach (var line in reading.Declaration()) sb.AppendLine("  " + line);
        }
        sb.Append(body);
        sb.AppendLine("}");
        return (sb.ToString(), rules);
    }

    private static string Path(string path) => path.Replace('\\', '/').Split('/')[^1];

    /// <summary>Intervals from the earliest, overlapping ones merged (successor states' phases run side by side); touching ones stay apart.</summary>
    private static List<(LocalDate Start, LocalDate? End)> Merge(IEnumerable<(LocalDate Start, LocalDate? End)> intervals)
    {
        var result = new List<(LocalDate Start, LocalDate? End)>();
        foreach (var (start, end) in intervals.OrderBy(i => i.Start).ThenBy(i => i.End ?? LocalDate.MaxIsoValue))
        {
            if (result.Count > 0 && (result[^1].End is null || start < result[^1].End!.Value))
            {
                var last = result[^1];
                result[^1] = (last.Start, last.End is null || end is null ? null : LocalDate.Max(last.End.Value, end.Value));
                continue;
            }
            result.Add((start, end));
        }
        return result;
    }

    /// <summary>
    /// The rules of one obligation (or, with <paramref name="forbid"/>, its ban on force between
    /// members): phases coded alike share rules, and a rule limited to some phases is 'effective'
    /// for their dates; a phase whose members carry the obligation differently gets one rule per
    /// carrying member.
    /// </summary>
    private static int Rules(AtopRuleWriter writer, AtopObligation o, List<AtopRow> rows, Dictionary<int, (LocalDate Start, LocalDate? End)> phases, bool forbid)
    {
        // Each phase's coding: null when no member carries it; "=SIG" when every member carries it alike; else the carriers and theirs.
        var coding = new Dictionary<int, string?>();
        foreach (var phase in phases.Keys)
        {
            var members = rows.Where(r => r.Phase == phase).GroupBy(r => r.Party).Select(g => g.FirstOrDefault(r => r.Carries(o)) ?? g.First()).ToList();
            var carriers = members.Where(r => r.Carries(o)).ToList();
            if (carriers.Count == 0)
            {
                coding[phase] = null;
                continue;
            }
            var signatures = carriers.Select(r => r.Signature(o, forbid)).Distinct().ToList();
            coding[phase] = carriers.Count == members.Count && signatures.Count == 1
                ? "=" + signatures[0]
                : string.Join(";", carriers.OrderBy(r => r.Party, StringComparer.Ordinal).Select(r => $"{r.Party}:{r.Signature(o, forbid)}"));
        }
        var count = 0;
        var groups = coding.Where(c => c.Value is not null).GroupBy(c => c.Value!).OrderBy(g => g.Min(c => c.Key)).ToList();
        foreach (var group in groups)
        {
            var everywhere = groups.Count == 1 && group.Count() == phases.Count;
            var runs = everywhere ? [(Phases: group.Select(c => c.Key).ToList(), Start: (LocalDate?)null, End: (LocalDate?)null)] : Runs(group.Select(c => c.Key), phases);
            foreach (var run in runs)
            {
                var label = everywhere ? string.Empty : "-p" + string.Join("-p", run.Phases.Order());
                count += writer.Emit(o, forbid, group.Key, label, run.Phases, everywhere ? null : (run.Start!.Value, run.End));
            }
        }
        return count;
    }

    /// <summary>The phases of a group as runs of overlapping or touching date intervals.</summary>
    private static List<(List<int> Phases, LocalDate? Start, LocalDate? End)> Runs(IEnumerable<int> group, Dictionary<int, (LocalDate Start, LocalDate? End)> phases)
    {
        var runs = new List<(List<int> Phases, LocalDate? Start, LocalDate? End)>();
        foreach (var phase in group.OrderBy(p => phases[p].Start).ThenBy(p => p))
        {
            var (start, end) = phases[phase];
            if (runs.Count > 0 && (runs[^1].End is null || start <= runs[^1].End!.Value))
            {
                var last = runs[^1];
                last.Phases.Add(phase);
                runs[^1] = (last.Phases, last.Start, last.End is null || end is null ? null : LocalDate.Max(last.End.Value, end.Value));
                continue;
            }
            runs.Add(([phase], start, end));
        }
        return runs;
    }
}

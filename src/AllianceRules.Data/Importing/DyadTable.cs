using System.Globalization;
using AllianceRules.Diagnostics;
using AllianceRules.Text;
using NodaTime;
using static AllianceRules.Importing.CowWarImporter;

namespace AllianceRules.Importing;

/// <summary>
/// The COW Directed Dyadic Inter-State War data (<c>directed_dyadic_war.csv</c>) as
/// <c>import cow-war --dyads</c> reads it: one <see cref="Dyad"/> per war and pair of states, from
/// the rows of both directions and every war year. Its dates are the union of the rows' dates; who
/// attacks whom is read from the roles (docs/importers.md "Dyads"). Rows that cannot be placed are
/// skipped and counted, as for the participant file; a file that cannot be read is an error.
/// </summary>
internal static class DyadTable
{
    internal static readonly string[] Columns =
    [
        "warnum", "statea", "stateb",
        "warstrtmnth", "warstrtday", "warstrtyr", "warendmnth", "warenday", "warendyr",
        "warolea", "waroleb", "wardyadrolea", "wardyadroleb",
    ];

    /// <summary>How the attacker of a dyad was found: its dyadic role, its war role, or (neither saying) the participant file's initiators' side.</summary>
    internal enum Direction
    {
        DyadRole,
        WarRole,
        Unresolved,
    }

    /// <summary>
    /// One war's dyad: <see cref="A"/> and <see cref="B"/> with their roles over all rows (a state's
    /// roles as A in one direction and as B in the other); <see cref="A"/> attacks unless the
    /// direction is <see cref="Direction.Unresolved"/>, when the caller decides from the participants.
    /// </summary>
    internal sealed record Dyad(int War, int A, int B, string PartyA, string PartyB, Direction Direction, string DyadRoles, string WarRoles, List<Spell> Blocks, List<int> Lines);

    /// <summary>A block of the dyad's fighting and the rows it was merged from.</summary>
    internal sealed record Spell(Block Block, List<int> Lines);

    private sealed record Row(int Line, int War, int A, int B, string PartyA, string PartyB, int WarRoleA, int WarRoleB, int DyadRoleA, int DyadRoleB, Block Block);

    /// <summary>The file's dyads by war, or null when it cannot be read (the errors are in <paramref name="bag"/>).</summary>
    public static Dictionary<int, List<Dyad>>? Read(SourceFile file, PartyCodes parties, DiagnosticBag bag, List<SkippedRow> skipped)
    {
        var table = CsvTable.Read(file, "the COW directed dyadic war file", Columns, bag);
        if (table is null) return null;
        var rows = new List<Row>();
        foreach (var row in table.Rows)
        {
            if (table.RequiredInts(row, Columns, bag) is not { } values) continue;
            void Skip(string reason, string detail) => skipped.Add(new SkippedRow(file.Path, row.Line, reason, detail));
            var (a, b) = (values["statea"], values["stateb"]);
            if (parties.Code(a) is not { } partyA)
            {
                Skip("statea is no known state", a.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            if (parties.Code(b) is not { } partyB)
            {
                Skip("stateb is no known state", b.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            if (a == b)
            {
                Skip("statea and stateb are one state", a.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            var (sy, sm, sd) = (values["warstrtyr"], values["warstrtmnth"], values["warstrtday"]);
            var (ey, em, ed) = (values["warendyr"], values["warendmnth"], values["warenday"]);
            var dates = $"{sy}-{sm}-{sd} .. {ey}-{em}-{ed}";
            if (sy == -9 || ey == -9 || sy < 1)
            {
                Skip("unknown year", $"start {sy}, end {ey}");
                continue;
            }
            var ongoing = ey == -7 || em == -7 || ed == -7;
            var start = Start(sy, sm, sd);
            var end = ongoing ? (LocalDate.MaxIsoValue, Precision.Day) : End(ey, em, ed);
            if (start is null || end is null)
            {
                Skip("impossible date", dates);
                continue;
            }
            if (!ongoing && end.Value.Date < start.Value.Date)
            {
                Skip("ends before it starts", dates);
                continue;
            }
            var block = new Block(start.Value.Date, start.Value.Precision, ongoing ? null : end.Value.Date, end.Value.Precision);
            rows.Add(new Row(row.Line, values["warnum"], a, b, partyA, partyB, values["warolea"], values["waroleb"], values["wardyadrolea"], values["wardyadroleb"], block));
        }
        if (bag.HasErrors) return null;
        var dyads = new Dictionary<int, List<Dyad>>();
        // Both directions of a dyad and all its war years make one dyad, seen from its lower state code.
        foreach (var group in rows.GroupBy(r => (r.War, Low: Math.Min(r.A, r.B), High: Math.Max(r.A, r.B))).OrderBy(g => g.Key))
        {
            var seen = group.Select(r => r.A == group.Key.Low ? r : r with { A = r.B, B = r.A, PartyA = r.PartyB, PartyB = r.PartyA, WarRoleA = r.WarRoleB, WarRoleB = r.WarRoleA, DyadRoleA = r.DyadRoleB, DyadRoleB = r.DyadRoleA }).ToList();
            var first = seen[0];
            var dyadRoles = seen.Select(r => (r.DyadRoleA, r.DyadRoleB)).Distinct().ToList();
            var warSides = seen.Select(r => (Side(r.WarRoleA), Side(r.WarRoleB))).Distinct().ToList();
            // Dyadic role 1 initiated the dyad, 3 was its target; war roles 1 and 2 are the initiators' side, 3 and 4 the targets'.
            var (attackerIsLow, direction) = dyadRoles is [(1, 3) or (3, 1)]
                ? (dyadRoles[0].DyadRoleA == 1, Direction.DyadRole)
                : warSides is [('I', 'T') or ('T', 'I')] ? (warSides[0].Item1 == 'I', Direction.WarRole) : (true, Direction.Unresolved);
            static string Pair(IEnumerable<(int, int)> pairs, bool flip) => string.Join(" or ", pairs.Distinct().Select(p => flip ? $"{p.Item2} v {p.Item1}" : $"{p.Item1} v {p.Item2}"));
            var dyadText = Pair(seen.Select(r => (r.DyadRoleA, r.DyadRoleB)), !attackerIsLow);
            var warText = Pair(seen.Select(r => (r.WarRoleA, r.WarRoleB)), !attackerIsLow);
            var (x, y, px, py) = attackerIsLow ? (first.A, first.B, first.PartyA, first.PartyB) : (first.B, first.A, first.PartyB, first.PartyA);
            var dyad = new Dyad(group.Key.War, x, y, px, py, direction, dyadText, warText, Merge(seen.Select(r => new Spell(r.Block, [r.Line]))), [.. seen.Select(r => r.Line).Order()]);
            if (!dyads.TryGetValue(dyad.War, out var list)) dyads[dyad.War] = list = [];
            list.Add(dyad);
        }
        return dyads;
    }

    private static char Side(int warRole) => warRole switch
    {
        1 or 2 => 'I',
        3 or 4 => 'T',
        _ => '?',
    };

    /// <summary>The union of the rows' dates: blocks that overlap or touch become one, from the earliest start to the latest end.</summary>
    private static List<Spell> Merge(IEnumerable<Spell> spells)
    {
        var merged = new List<Spell>();
        foreach (var (b, lines) in spells.OrderBy(s => s.Block.Start).ThenByDescending(s => s.Block.StartPrecision).ThenBy(s => s.Lines[0]))
        {
            if (merged.Count > 0 && merged[^1] is var (last, lastLines) && (last.End is null || b.Start <= last.End.Value.PlusDays(1)))
            {
                lastLines.AddRange(lines);
                if (last.End is null) continue;
                if (b.End is null || b.End > last.End) merged[^1] = new Spell(last with { End = b.End, EndPrecision = b.EndPrecision }, lastLines);
                else if (b.End == last.End && b.EndPrecision > last.EndPrecision) merged[^1] = new Spell(last with { EndPrecision = b.EndPrecision }, lastLines);
                continue;
            }
            merged.Add(new Spell(b, [.. lines]));
        }
        return merged;
    }
}

namespace AllianceRules.History.Datasets;

/// <summary>
/// Reads one line of a GDELT event file (tab-separated, no header): GDELT 1.0 has 57 fields, or 58
/// with SOURCEURL; GDELT 2.0 has 61. Fields are sliced as spans; strings are made only for what a
/// row keeps. Layouts: the GDELT 1.0 and 2.0 event codebooks (docs/datasets.md).
/// </summary>
public static class GdeltRowReader
{
    internal const int Gdelt1Fields = 57;
    internal const int Gdelt2Fields = 61;

    private const int GlobalEventId = 0;
    private const int Day = 1;
    private const int Actor1Code = 5;
    private const int Actor1Name = 6;
    private const int Actor1CountryCode = 7;
    private const int Actor2Code = 15;
    private const int Actor2Name = 16;
    private const int Actor2CountryCode = 17;
    private const int EventCode = 26;
    private const int QuadClass = 29;
    private const int GoldsteinScale = 30;

    /// <param name="keep">Whether to keep a row's attributes, by its CAMEO code and date; null keeps them all. A reader of millions of rows asks for the few a rule set can use.</param>
    public static RowOutcome Read(ReadOnlySpan<char> line, DatasetFormat format, Func<string, NodaTime.LocalDate, bool>? keep = null)
    {
        CheckFormat(format);
        line = DatasetFields.Line(line);
        var count = line.Count('\t') + 1;
        var last = line.LastIndexOf('\t');
        return Read(line, count, format, keep, line[(last + 1)..]);
    }

    /// <summary>
    /// As <see cref="Read(ReadOnlySpan{char}, DatasetFormat, Func{string, NodaTime.LocalDate, bool}?)"/>,
    /// for a line as its UTF-8 bytes (without its line break): tabs are found in the bytes, and only the
    /// first fields (up to GoldsteinScale) and, for a kept row, the last are decoded, as the text reader
    /// would have decoded them (an invalid byte reads as U+FFFD and rejects no row).
    /// </summary>
    public static RowOutcome Read(ReadOnlySpan<byte> line, DatasetFormat format, Func<string, NodaTime.LocalDate, bool>? keep = null)
    {
        CheckFormat(format);
        line = DatasetBytes.Line(line);
        var count = line.Count((byte)'\t') + 1;
        // The first fields end at the tab after GoldsteinScale; a shorter line is read whole (and skipped
        // for its count). Fields here are a few bytes long, too short for a vectorised search to pay.
        Span<int> tabs = stackalloc int[GoldsteinScale + 1];
        var found = 0;
        for (var i = 0; i < line.Length && found < tabs.Length; i++)
        {
            if (line[i] == (byte)'\t') tabs[found++] = i;
        }
        var prefixBytes = found == tabs.Length ? line[..tabs[^1]] : line;
        Span<char> buffer = stackalloc char[512];
        var rented = prefixBytes.Length > buffer.Length ? System.Buffers.ArrayPool<char>.Shared.Rent(prefixBytes.Length) : null;
        try
        {
            var prefix = DatasetBytes.Decode(prefixBytes, rented ?? buffer);
            var lastBytes = line[(line.LastIndexOf((byte)'\t') + 1)..];
            // Every byte one character (ASCII, as GDELT's first fields are): the tabs are where the bytes had them.
            var known = found == tabs.Length && prefix.Length == prefixBytes.Length ? tabs : [];
            return Read(prefix, count, format, keep, default, lastBytes, known);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static void CheckFormat(DatasetFormat format)
    {
        if (format is not (DatasetFormat.Gdelt1 or DatasetFormat.Gdelt2))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "GDELT rows are gdelt1 or gdelt2; ICEWS rows need an IcewsRowReader.");
        }
    }

    /// <summary>
    /// The row of a line given as text from its start through at least GoldsteinScale, its field count
    /// and its last field: as chars (<paramref name="lastField"/>), or as bytes decoded only when kept.
    /// </summary>
    private static RowOutcome Read(ReadOnlySpan<char> line, int count, DatasetFormat format, Func<string, NodaTime.LocalDate, bool>? keep, ReadOnlySpan<char> lastField, ReadOnlySpan<byte> lastBytes = default, ReadOnlySpan<int> knownTabs = default)
    {
        var first = line.IndexOf('\t');
        if ((first < 0 ? line : line[..first]).Trim().Equals("GLOBALEVENTID", StringComparison.OrdinalIgnoreCase))
        {
            return RowOutcome.Skipped(SkipReason.Header);
        }

        var expected = format == DatasetFormat.Gdelt1 ? count is Gdelt1Fields or Gdelt1Fields + 1 : count == Gdelt2Fields;
        if (!expected)
        {
            var layout = format == DatasetFormat.Gdelt1 ? "GDELT 1.0 rows have 57 or 58" : "GDELT 2.0 rows have 61";
            return RowOutcome.Skipped(SkipReason.WrongFieldCount, $"{count} fields; {layout}");
        }
        // Only the first fields and the last are read, so only their tabs are found (if not already).
        Span<int> tabs = stackalloc int[GoldsteinScale + 1];
        if (knownTabs.Length == tabs.Length)
        {
            knownTabs.CopyTo(tabs);
            tabs[^1] = line.Length;
        }
        else
        {
            tabs[0] = first;
            // Fields here are a few characters long, too short for a vectorised search to pay.
            for (int k = 1, i = first + 1; k < tabs.Length; i++)
            {
                if (i == line.Length || line[i] == '\t') tabs[k++] = i;
            }
        }
        var fields = new Fields(line, tabs);

        if (!DatasetFields.TryCompactDate(fields[Day], out var date))
        {
            return RowOutcome.Skipped(SkipReason.BadDate, DatasetFields.Detail(fields[Day]));
        }
        if (Country(fields[Actor1CountryCode], fields[Actor1Code], fields[Actor1Name], SkipReason.NoActorCountry, SkipReason.UnknownActorCountry, out var actor) is { } noActor)
        {
            return noActor;
        }
        if (Country(fields[Actor2CountryCode], fields[Actor2Code], fields[Actor2Name], SkipReason.NoTargetCountry, SkipReason.UnknownTargetCountry, out var target) is { } noTarget)
        {
            return noTarget;
        }
        if (fields[EventCode].IsEmpty) return RowOutcome.Skipped(SkipReason.NoEventCode);
        if (DatasetFields.Cameo(fields[EventCode]) is not { } cameo)
        {
            return RowOutcome.Skipped(SkipReason.BadEventCode, fields[EventCode].ToString());
        }

        if (keep is not null && !keep(cameo, date)) return RowOutcome.Of(new DatasetRow(date, actor, target, cameo, null, []));

        // SOURCEURL is the last field of a 58-field GDELT 1.0 row and of every GDELT 2.0 row.
        var source = count is Gdelt1Fields + 1 or Gdelt2Fields ? DatasetBytes.Value(lastField, lastBytes) : null;
        ReadOnlySpan<(string Name, int Index)> others = [("actor1", Actor1Code), ("actor2", Actor2Code), ("quad", QuadClass), ("goldstein", GoldsteinScale)];
        var present = 1 + (string.IsNullOrEmpty(source) ? 0 : 1);
        foreach (var (_, index) in others) present += fields[index].IsEmpty ? 0 : 1;
        var attributes = new (string Name, string Value)[present];
        attributes[0] = ("gdelt_id", DatasetFields.Value(fields[GlobalEventId]));
        var next = 1;
        foreach (var (name, index) in others)
        {
            if (!fields[index].IsEmpty) attributes[next++] = (name, DatasetFields.Value(fields[index]));
        }
        if (!string.IsNullOrEmpty(source)) attributes[next] = ("source", source);
        return RowOutcome.Of(new DatasetRow(date, actor, target, cameo, null, attributes));
    }

    /// <summary>The trimmed first fields of a line (up to GoldsteinScale), by the positions of their tabs.</summary>
    private readonly ref struct Fields(ReadOnlySpan<char> line, ReadOnlySpan<int> tabs)
    {
        private readonly ReadOnlySpan<char> _line = line;
        private readonly ReadOnlySpan<int> _tabs = tabs;

        public ReadOnlySpan<char> this[int index] => _line[(index == 0 ? 0 : _tabs[index - 1] + 1).._tabs[index]].Trim();
    }

    /// <summary>Null and the country's ISO code, or the skip: an empty code, or one the table lacks.</summary>
    private static RowOutcome? Country(ReadOnlySpan<char> code, ReadOnlySpan<char> actorCode, ReadOnlySpan<char> actorName, SkipReason none, SkipReason unknown, out string iso3)
    {
        iso3 = string.Empty;
        if (code.IsEmpty && Organisations.Of(actorCode) is { } organisation)
        {
            iso3 = organisation;
            return null;
        }
        if (code.IsEmpty)
        {
            // Say who had no country (IGOUNO, "NATO"), so that a report can show what was dropped.
            var who = !actorCode.IsEmpty ? actorCode : actorName;
            return RowOutcome.Skipped(none, who.IsEmpty ? null : who.ToString());
        }
        if (!CountryCodes.TryFromCameo(code, out var found)) return RowOutcome.Skipped(unknown, code.ToString());
        iso3 = found;
        return null;
    }
}

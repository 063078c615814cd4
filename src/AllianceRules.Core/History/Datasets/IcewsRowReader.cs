using AllianceRules.Diagnostics;

namespace AllianceRules.History.Datasets;

/// <summary>
/// Reads the lines of an ICEWS event file (tab-separated, a header row, Harvard Dataverse). Columns
/// are found by name, so their order may vary. Countries are names ("Russian Federation") looked up
/// in <see cref="CountryCodes"/>; ICEWS writes <c>NA</c> for a missing value, as for the country of
/// an organisation.
/// </summary>
internal sealed class IcewsRowReader
{
    private static readonly string[] Required = ["Event Date", "Source Country", "CAMEO Code", "Target Country"];

    private readonly string _header;
    private readonly int _fields;
    private readonly int _date;
    private readonly int _sourceCountry;
    private readonly int _cameo;
    private readonly int _targetCountry;
    private readonly int _eventId;
    private readonly int _storyId;
    private readonly int _intensity;
    private readonly int _sourceName;
    private readonly int _targetName;
    private readonly int _eventText;

    private IcewsRowReader(string header, string[] columns)
    {
        int Column(string name) => Array.FindIndex(columns, c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
        (_header, _fields) = (header, columns.Length);
        (_date, _sourceCountry, _cameo, _targetCountry) = (Column("Event Date"), Column("Source Country"), Column("CAMEO Code"), Column("Target Country"));
        (_eventId, _storyId, _intensity) = (Column("Event ID"), Column("Story ID"), Column("Intensity"));
        (_sourceName, _targetName, _eventText) = (Column("Source Name"), Column("Target Name"), Column("Event Text"));
    }

    /// <summary>
    /// A reader for the file whose header line this is, or null and a message saying which required
    /// columns (Event Date, Source Country, CAMEO Code, Target Country) it lacks.
    /// </summary>
    public static IcewsRowReader? FromHeader(ReadOnlySpan<char> header, out string? error)
    {
        var line = DatasetFields.Line(header);
        var columns = new List<string>();
        foreach (var range in line.Split('\t')) columns.Add(DatasetFields.Unquote(line[range]).ToString());
        var missing = Required.Where(r => !columns.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            error = $"the ICEWS header has no column {Friendly.List(missing.Select(m => $"'{m}'"))}; an ICEWS file needs Event Date, Source Country, CAMEO Code and Target Country";
            return null;
        }
        error = null;
        return new IcewsRowReader(line.ToString(), [.. columns]);
    }

    /// <param name="keep">Whether to keep a row's attributes and description, by its CAMEO code and date; null keeps them all.</param>
    public RowOutcome Read(ReadOnlySpan<char> line, Func<string, NodaTime.LocalDate, bool>? keep = null)
    {
        line = DatasetFields.Line(line);
        if (line.SequenceEqual(_header)) return RowOutcome.Skipped(SkipReason.Header);
        var count = line.Count('\t') + 1;
        if (count != _fields) return RowOutcome.Skipped(SkipReason.WrongFieldCount, $"{count} fields; the header has {_fields}");
        var ranges = _fields <= 64 ? stackalloc Range[_fields] : new Range[_fields];
        line.Split(ranges, '\t');
        var fields = new Fields(line, ranges);

        if (fields[_date].Equals("Event Date", StringComparison.OrdinalIgnoreCase)) return RowOutcome.Skipped(SkipReason.Header);
        if (!DatasetFields.TryIcewsDate(fields[_date], out var date)) return RowOutcome.Skipped(SkipReason.BadDate, DatasetFields.Detail(fields[_date]));
        if (Country(fields[_sourceCountry], fields[_sourceName], SkipReason.NoActorCountry, SkipReason.UnknownActorCountry, out var actor) is { } noActor)
        {
            return noActor;
        }
        if (Country(fields[_targetCountry], fields[_targetName], SkipReason.NoTargetCountry, SkipReason.UnknownTargetCountry, out var target) is { } noTarget)
        {
            return noTarget;
        }
        if (fields[_cameo].IsEmpty) return RowOutcome.Skipped(SkipReason.NoEventCode);
        if (DatasetFields.Cameo(fields[_cameo]) is not { } cameo) return RowOutcome.Skipped(SkipReason.BadEventCode, fields[_cameo].ToString());

        if (keep is not null && !keep(cameo, date)) return RowOutcome.Of(new DatasetRow(date, actor, target, cameo, null, []));

        ReadOnlySpan<(string Name, int Index)> kept = [("icews_id", _eventId), ("story", _storyId), ("intensity", _intensity), ("source_name", _sourceName), ("target_name", _targetName)];
        var present = 0;
        foreach (var (_, index) in kept) present += fields[index].IsEmpty ? 0 : 1;
        var attributes = new (string Name, string Value)[present];
        var next = 0;
        foreach (var (name, index) in kept)
        {
            if (!fields[index].IsEmpty) attributes[next++] = (name, DatasetFields.Value(fields[index]));
        }
        var description = fields[_eventText].IsEmpty ? null : DatasetFields.Value(fields[_eventText]);
        return RowOutcome.Of(new DatasetRow(date, actor, target, cameo, description, attributes));
    }

    /// <summary>As <see cref="Read(ReadOnlySpan{char}, Func{string, NodaTime.LocalDate, bool}?)"/>, for a line as its UTF-8 bytes: decoded into a buffer, not a string.</summary>
    public RowOutcome Read(ReadOnlySpan<byte> line, Func<string, NodaTime.LocalDate, bool>? keep = null)
    {
        Span<char> buffer = stackalloc char[1024];
        var rented = line.Length > buffer.Length ? System.Buffers.ArrayPool<char>.Shared.Rent(line.Length) : null;
        try
        {
            return Read(DatasetBytes.Decode(line, rented ?? buffer), keep);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static RowOutcome? Country(ReadOnlySpan<char> name, ReadOnlySpan<char> who, SkipReason none, SkipReason unknown, out string iso3)
    {
        iso3 = string.Empty;
        if (name.IsEmpty) return RowOutcome.Skipped(none, who.IsEmpty ? null : DatasetFields.Value(who));
        if (!CountryCodes.TryFromName(name, out var found)) return RowOutcome.Skipped(unknown, name.ToString());
        iso3 = found;
        return null;
    }

    /// <summary>The unquoted fields of a split line; an absent column and ICEWS's <c>NA</c> read as empty.</summary>
    private readonly ref struct Fields(ReadOnlySpan<char> line, ReadOnlySpan<Range> ranges)
    {
        private readonly ReadOnlySpan<char> _line = line;
        private readonly ReadOnlySpan<Range> _ranges = ranges;

        public ReadOnlySpan<char> this[int index]
        {
            get
            {
                if (index < 0) return [];
                var value = DatasetFields.Unquote(_line[_ranges[index]]);
                return value.SequenceEqual("NA") ? [] : value;
            }
        }
    }
}

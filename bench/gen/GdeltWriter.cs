using System.Text;

namespace AllianceRules.Bench.Gen;

public enum GdeltLayout
{
    /// <summary>GDELT 1.0 daily event files: 58 tab-separated columns.</summary>
    V1,

    /// <summary>GDELT 2.0 event files: 61 columns (each geography block gains ADM2Code; DATEADDED has the time).</summary>
    V2,
}

/// <summary>
/// Writes the generated events as GDELT event rows (layouts: ../shared/research/domain.md §7.3–7.4),
/// tab-separated, no header. Fields an importer reads: 1 the date, 7 and 17 the actors' ISO codes,
/// 26 the CAMEO event code. The CSTO, which has no CAMEO country code, is written with actor code
/// <c>CSTO</c>, type <c>IGO</c> and an empty country code. The other fields are plausible or empty:
/// counts, tone and times are derived from a hash of the row number, not from the events' PRNG, so
/// both layouts hold exactly the events of the <c>.events</c> file of the same options.
/// </summary>
public static class GdeltWriter
{
    private sealed record PartyBytes(byte[] Code, byte[] Name, byte[] Country, byte[] Fips, byte[] GeoName, bool IsState);

    private static readonly PartyBytes[] PartyFields = [.. Parties.All.Select(p => new PartyBytes(
        Encoding.ASCII.GetBytes(p.Code),
        Encoding.ASCII.GetBytes(p.Name),
        Encoding.ASCII.GetBytes(p.IsState ? p.Code : ""),
        Encoding.ASCII.GetBytes(p.Fips),
        Encoding.ASCII.GetBytes(TitleCase(p.Name)),
        p.IsState))];

    /// <summary>Per verb and code: the event code, its base (3 digits) and root (2 digits), and its QuadClass.</summary>
    private static readonly (byte[] Code, byte[] Base, byte[] Root, int Quad)[][] CodeFields =
        [.. Vocabulary.Verbs.Select(v => v.Codes.Select(c => (Encoding.ASCII.GetBytes(c), Encoding.ASCII.GetBytes(c[..3]), Encoding.ASCII.GetBytes(c[..2]), Vocabulary.QuadClass(c))).ToArray())];

    private static readonly byte[] Gov = "GOV"u8.ToArray();
    private static readonly byte[] Mil = "MIL"u8.ToArray();
    private static readonly byte[] Igo = "IGO"u8.ToArray();

    private static string TitleCase(string upper) =>
        string.Join(' ', upper.Split(' ').Select(w => w is "OF" or "THE" or "AND" ? w.ToLowerInvariant() : w[..1] + w[1..].ToLowerInvariant()));

    /// <summary>The actor's role in a row: armed forces for force and aid, government otherwise.</summary>
    private static bool IsMilitary(Verb verb) => verb is Verb.Attack or Verb.Threaten or Verb.Assist or Verb.Withdraw;

    public static int Columns(GdeltLayout layout) => layout == GdeltLayout.V1 ? 58 : 61;

    public static void Write(Stream output, GeneratorOptions options, GdeltLayout layout)
    {
        var sink = new Utf8Sink(output);
        var date = new DateBytes();
        long id = 0;
        foreach (var e in HistoryGenerator.Generate(options))
        {
            id++;
            date.Set(e.Day);
            WriteRow(sink, e, id, date, layout);
        }
        sink.Flush();
    }

    public static string ToText(GeneratorOptions options, GdeltLayout layout)
    {
        using var memory = new MemoryStream();
        Write(memory, options, layout);
        return Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length);
    }

    private static void WriteRow(Utf8Sink s, in GeneratedEvent e, long id, DateBytes date, GdeltLayout layout)
    {
        const byte Tab = (byte)'\t';
        var hash = Mix.Hash((ulong)id);
        var d = date.Date;
        var verb = e.VerbInfo;
        var code = CodeFields[(int)e.Verb][e.Code];
        var actor = PartyFields[e.Actor];
        var target = PartyFields[e.Target];
        var role = IsMilitary(e.Verb) ? Mil : Gov;

        s.Append(id); s.Append(Tab);                                                   // 0 GLOBALEVENTID
        s.Append(date.Compact); s.Append(Tab);                                          // 1 SQLDATE / Day
        s.Append(date.Compact.AsSpan(0, 6)); s.Append(Tab);                             // 2 MonthYear
        s.Append(date.Compact.AsSpan(0, 4)); s.Append(Tab);                             // 3 Year
        s.Append(d.Year + (d.Month * 30 + d.Day) / 365.0, "0.0000"); s.Append(Tab);   // 4 FractionDate, as GDELT computes it
        WriteActor(s, actor, role);                                                     // 5-14
        WriteActor(s, target, role);                                                    // 15-24
        s.Append(hash % 5 == 0 ? (byte)'0' : (byte)'1'); s.Append(Tab);                 // 25 IsRootEvent
        s.Append(code.Code); s.Append(Tab);                                             // 26 EventCode
        s.Append(code.Base); s.Append(Tab);                                             // 27 EventBaseCode
        s.Append(code.Root); s.Append(Tab);                                             // 28 EventRootCode
        s.Append(code.Quad); s.Append(Tab);                                             // 29 QuadClass
        s.Append(verb.Goldstein[e.Code], "0.0"); s.Append(Tab);                         // 30 GoldsteinScale
        var mentions = 1 + (long)(hash >> 8) % 20;
        s.Append(mentions); s.Append(Tab);                                              // 31 NumMentions
        s.Append(1 + (long)(hash >> 16) % 3); s.Append(Tab);                            // 32 NumSources
        s.Append(mentions); s.Append(Tab);                                              // 33 NumArticles
        s.Append(verb.Goldstein[e.Code] / 2 - (hash >> 24) % 1000 / 250.0, "0.###############"); s.Append(Tab); // 34 AvgTone
        WriteGeo(s, actor, layout);                                                     // Actor1Geo_*
        WriteGeo(s, target, layout);                                                    // Actor2Geo_*
        WriteGeo(s, target.IsState ? target : actor, layout);                           // ActionGeo_*
        s.Append(date.Compact);                                                         // DATEADDED
        if (layout == GdeltLayout.V2)
        {
            s.Append((long)(hash >> 32) % 24, "00");
            s.Append((long)(hash >> 40) % 4 * 15, "00");
            s.Append("00"u8);
        }
        s.Append(Tab);
        s.Append("https://news"u8); s.Append((long)(hash >> 48) % 9);                   // SOURCEURL
        s.Append(".example.org/world/"u8); s.Append(date.Compact); s.Append((byte)'/');
        s.Append(id); s.Append(".html\n"u8);
    }

    /// <summary>Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1, Type2, Type3.</summary>
    private static void WriteActor(Utf8Sink s, PartyBytes p, byte[] role)
    {
        const byte Tab = (byte)'\t';
        s.Append(p.Code);
        if (p.IsState) s.Append(role);
        s.Append(Tab);
        s.Append(p.Name); s.Append(Tab);
        s.Append(p.Country); s.Append(Tab);
        s.Append("\t\t\t\t"u8);
        s.Append(p.IsState ? role : Igo); s.Append(Tab);
        s.Append("\t\t"u8);
    }

    /// <summary>Type, FullName, CountryCode, ADM1Code, [ADM2Code,] Lat, Long, FeatureID: a country-level location, without coordinates.</summary>
    private static void WriteGeo(Utf8Sink s, PartyBytes p, GdeltLayout layout)
    {
        const byte Tab = (byte)'\t';
        if (!p.IsState)
        {
            s.Append(layout == GdeltLayout.V1 ? "0\t\t\t\t\t\t\t"u8 : "0\t\t\t\t\t\t\t\t"u8);
            return;
        }
        s.Append((byte)'1'); s.Append(Tab);
        s.Append(p.GeoName); s.Append(Tab);
        s.Append(p.Fips); s.Append(Tab);
        s.Append(p.Fips); s.Append(Tab);
        if (layout == GdeltLayout.V2) s.Append(Tab);
        s.Append("\t\t"u8);
        s.Append(p.Fips); s.Append(Tab);
    }
}

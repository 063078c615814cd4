namespace AllianceRules.Bench.Gen;

/// <summary>One party of the synthetic histories: its code, and what a GDELT row needs.</summary>
/// <param name="Code">ISO 3166-1 alpha-3 for states; CSTO for the organisation.</param>
/// <param name="Fips">The FIPS 10-4 country code GDELT uses in its geography fields; empty for an organisation.</param>
/// <param name="Name">The name as GDELT writes actor names (upper case).</param>
/// <param name="Weight">How often the party appears in background events, relative to the others.</param>
public sealed record Party(string Code, string Fips, string Name, int Weight)
{
    public bool IsState => Fips.Length > 0;
}

/// <summary>
/// The 200 states of the synthetic histories (the 193 UN members and seven other ISO 3166 entries),
/// plus the CSTO. Codes are ISO 3166-1 alpha-3, as in rules/cst.treaty, rules/nato.treaty and
/// rules/states.treaty. Weights: great powers and the CSTO's neighbourhood appear most often.
/// </summary>
public static class Parties
{
    private const int Major = 24;     // great powers and frequent conflict parties
    private const int Region = 10;    // CSTO members and their neighbours
    private const int Nato = 5;       // NATO members not already above
    private const int Other = 1;

    public static readonly IReadOnlyList<Party> All =
    [
        new("USA", "US", "UNITED STATES", Major), new("RUS", "RS", "RUSSIA", Major), new("CHN", "CH", "CHINA", Major),
        new("GBR", "UK", "UNITED KINGDOM", Major), new("FRA", "FR", "FRANCE", Major), new("DEU", "GM", "GERMANY", Major),
        new("TUR", "TU", "TURKEY", Major), new("IRN", "IR", "IRAN", Major), new("IND", "IN", "INDIA", Major),
        new("PAK", "PK", "PAKISTAN", Major), new("ISR", "IS", "ISRAEL", Major), new("UKR", "UP", "UKRAINE", Major),
        new("SYR", "SY", "SYRIA", Major), new("IRQ", "IZ", "IRAQ", Major), new("AFG", "AF", "AFGHANISTAN", Major),
        new("JPN", "JA", "JAPAN", Major), new("KOR", "KS", "SOUTH KOREA", Major), new("PRK", "KN", "NORTH KOREA", Major),
        new("SAU", "SA", "SAUDI ARABIA", Major), new("EGY", "EG", "EGYPT", Major),
        // The CST's parties (rules/cst.treaty: ARM, AZE, BLR, GEO, KAZ, KGZ, RUS, TJK, UZB) and neighbours.
        new("ARM", "AM", "ARMENIA", Region), new("AZE", "AJ", "AZERBAIJAN", Region), new("BLR", "BO", "BELARUS", Region),
        new("GEO", "GG", "GEORGIA", Region), new("KAZ", "KZ", "KAZAKHSTAN", Region), new("KGZ", "KG", "KYRGYZSTAN", Region),
        new("TJK", "TI", "TAJIKISTAN", Region), new("UZB", "UZ", "UZBEKISTAN", Region), new("TKM", "TX", "TURKMENISTAN", Region),
        new("MDA", "MD", "MOLDOVA", Region), new("MNG", "MG", "MONGOLIA", Region),
        // NATO's parties as rules/nato.treaty lists them (USA, GBR, FRA, DEU, TUR above).
        new("BEL", "BE", "BELGIUM", Nato), new("CAN", "CA", "CANADA", Nato), new("DNK", "DA", "DENMARK", Nato),
        new("ISL", "IC", "ICELAND", Nato), new("ITA", "IT", "ITALY", Nato), new("LUX", "LU", "LUXEMBOURG", Nato),
        new("NLD", "NL", "NETHERLANDS", Nato), new("NOR", "NO", "NORWAY", Nato), new("PRT", "PO", "PORTUGAL", Nato),
        new("GRC", "GR", "GREECE", Nato), new("ESP", "SP", "SPAIN", Nato), new("CZE", "EZ", "CZECH REPUBLIC", Nato),
        new("HUN", "HU", "HUNGARY", Nato), new("POL", "PL", "POLAND", Nato), new("BGR", "BU", "BULGARIA", Nato),
        new("EST", "EN", "ESTONIA", Nato), new("LTU", "LH", "LITHUANIA", Nato), new("LVA", "LG", "LATVIA", Nato),
        new("ROU", "RO", "ROMANIA", Nato), new("SVK", "LO", "SLOVAKIA", Nato), new("SVN", "SI", "SLOVENIA", Nato),
        new("ALB", "AL", "ALBANIA", Nato), new("HRV", "HR", "CROATIA", Nato), new("MNE", "MJ", "MONTENEGRO", Nato),
        new("MKD", "MK", "NORTH MACEDONIA", Nato), new("FIN", "FI", "FINLAND", Nato), new("SWE", "SW", "SWEDEN", Nato),
        // The rest of the UN's members.
        new("DZA", "AG", "ALGERIA", Other), new("AND", "AN", "ANDORRA", Other), new("AGO", "AO", "ANGOLA", Other),
        new("ATG", "AC", "ANTIGUA AND BARBUDA", Other), new("ARG", "AR", "ARGENTINA", Other), new("AUS", "AS", "AUSTRALIA", Other),
        new("AUT", "AU", "AUSTRIA", Other), new("BHS", "BF", "BAHAMAS", Other), new("BHR", "BA", "BAHRAIN", Other),
        new("BGD", "BG", "BANGLADESH", Other), new("BRB", "BB", "BARBADOS", Other), new("BLZ", "BH", "BELIZE", Other),
        new("BEN", "BN", "BENIN", Other), new("BTN", "BT", "BHUTAN", Other), new("BOL", "BL", "BOLIVIA", Other),
        new("BIH", "BK", "BOSNIA AND HERZEGOVINA", Other), new("BWA", "BC", "BOTSWANA", Other), new("BRA", "BR", "BRAZIL", Other),
        new("BRN", "BX", "BRUNEI", Other), new("BFA", "UV", "BURKINA FASO", Other), new("BDI", "BY", "BURUNDI", Other),
        new("CPV", "CV", "CAPE VERDE", Other), new("KHM", "CB", "CAMBODIA", Other), new("CMR", "CM", "CAMEROON", Other),
        new("CAF", "CT", "CENTRAL AFRICAN REPUBLIC", Other), new("TCD", "CD", "CHAD", Other), new("CHL", "CI", "CHILE", Other),
        new("COL", "CO", "COLOMBIA", Other), new("COM", "CN", "COMOROS", Other), new("COG", "CF", "CONGO", Other),
        new("COD", "CG", "DEMOCRATIC REPUBLIC OF THE CONGO", Other), new("CRI", "CS", "COSTA RICA", Other),
        new("CIV", "IV", "IVORY COAST", Other), new("CUB", "CU", "CUBA", Other), new("CYP", "CY", "CYPRUS", Other),
        new("DJI", "DJ", "DJIBOUTI", Other), new("DMA", "DO", "DOMINICA", Other), new("DOM", "DR", "DOMINICAN REPUBLIC", Other),
        new("ECU", "EC", "ECUADOR", Other), new("SLV", "ES", "EL SALVADOR", Other), new("GNQ", "EK", "EQUATORIAL GUINEA", Other),
        new("ERI", "ER", "ERITREA", Other), new("SWZ", "WZ", "SWAZILAND", Other), new("ETH", "ET", "ETHIOPIA", Other),
        new("FJI", "FJ", "FIJI", Other), new("GAB", "GB", "GABON", Other), new("GMB", "GA", "GAMBIA", Other),
        new("GHA", "GH", "GHANA", Other), new("GRD", "GJ", "GRENADA", Other), new("GTM", "GT", "GUATEMALA", Other),
        new("GIN", "GV", "GUINEA", Other), new("GNB", "PU", "GUINEA-BISSAU", Other), new("GUY", "GY", "GUYANA", Other),
        new("HTI", "HA", "HAITI", Other), new("HND", "HO", "HONDURAS", Other), new("IDN", "ID", "INDONESIA", Other),
        new("IRL", "EI", "IRELAND", Other), new("JAM", "JM", "JAMAICA", Other), new("JOR", "JO", "JORDAN", Other),
        new("KEN", "KE", "KENYA", Other), new("KIR", "KR", "KIRIBATI", Other), new("KWT", "KU", "KUWAIT", Other),
        new("LAO", "LA", "LAOS", Other), new("LBN", "LE", "LEBANON", Other), new("LSO", "LT", "LESOTHO", Other),
        new("LBR", "LI", "LIBERIA", Other), new("LBY", "LY", "LIBYA", Other), new("LIE", "LS", "LIECHTENSTEIN", Other),
        new("MDG", "MA", "MADAGASCAR", Other), new("MWI", "MI", "MALAWI", Other), new("MYS", "MY", "MALAYSIA", Other),
        new("MDV", "MV", "MALDIVES", Other), new("MLI", "ML", "MALI", Other), new("MLT", "MT", "MALTA", Other),
        new("MHL", "RM", "MARSHALL ISLANDS", Other), new("MRT", "MR", "MAURITANIA", Other), new("MUS", "MP", "MAURITIUS", Other),
        new("MEX", "MX", "MEXICO", Other), new("FSM", "FM", "MICRONESIA", Other), new("MCO", "MN", "MONACO", Other),
        new("MAR", "MO", "MOROCCO", Other), new("MOZ", "MZ", "MOZAMBIQUE", Other), new("MMR", "BM", "MYANMAR", Other),
        new("NAM", "WA", "NAMIBIA", Other), new("NRU", "NR", "NAURU", Other), new("NPL", "NP", "NEPAL", Other),
        new("NZL", "NZ", "NEW ZEALAND", Other), new("NIC", "NU", "NICARAGUA", Other), new("NER", "NG", "NIGER", Other),
        new("NGA", "NI", "NIGERIA", Other), new("OMN", "MU", "OMAN", Other), new("PLW", "PS", "PALAU", Other),
        new("PAN", "PM", "PANAMA", Other), new("PNG", "PP", "PAPUA NEW GUINEA", Other), new("PRY", "PA", "PARAGUAY", Other),
        new("PER", "PE", "PERU", Other), new("PHL", "RP", "PHILIPPINES", Other), new("QAT", "QA", "QATAR", Other),
        new("RWA", "RW", "RWANDA", Other), new("KNA", "SC", "SAINT KITTS AND NEVIS", Other), new("LCA", "ST", "SAINT LUCIA", Other),
        new("VCT", "VC", "SAINT VINCENT AND THE GRENADINES", Other), new("WSM", "WS", "SAMOA", Other),
        new("SMR", "SM", "SAN MARINO", Other), new("STP", "TP", "SAO TOME AND PRINCIPE", Other), new("SEN", "SG", "SENEGAL", Other),
        new("SRB", "RI", "SERBIA", Other), new("SYC", "SE", "SEYCHELLES", Other), new("SLE", "SL", "SIERRA LEONE", Other),
        new("SGP", "SN", "SINGAPORE", Other), new("SLB", "BP", "SOLOMON ISLANDS", Other), new("SOM", "SO", "SOMALIA", Other),
        new("ZAF", "SF", "SOUTH AFRICA", Other), new("SSD", "OD", "SOUTH SUDAN", Other), new("LKA", "CE", "SRI LANKA", Other),
        new("SDN", "SU", "SUDAN", Other), new("SUR", "NS", "SURINAME", Other), new("CHE", "SZ", "SWITZERLAND", Other),
        new("TZA", "TZ", "TANZANIA", Other), new("THA", "TH", "THAILAND", Other), new("TLS", "TT", "EAST TIMOR", Other),
        new("TGO", "TO", "TOGO", Other), new("TON", "TN", "TONGA", Other), new("TTO", "TD", "TRINIDAD AND TOBAGO", Other),
        new("TUN", "TS", "TUNISIA", Other), new("TUV", "TV", "TUVALU", Other), new("UGA", "UG", "UGANDA", Other),
        new("ARE", "AE", "UNITED ARAB EMIRATES", Other), new("URY", "UY", "URUGUAY", Other), new("VUT", "NH", "VANUATU", Other),
        new("VEN", "VE", "VENEZUELA", Other), new("VNM", "VM", "VIETNAM", Other), new("YEM", "YM", "YEMEN", Other),
        new("ZMB", "ZA", "ZAMBIA", Other), new("ZWE", "ZI", "ZIMBABWE", Other),
        // Seven ISO 3166 entries that are not UN members.
        new("TWN", "TW", "TAIWAN", Other), new("PSE", "WE", "PALESTINE", Other), new("VAT", "VT", "VATICAN CITY", Other),
        new("HKG", "HK", "HONG KONG", Other), new("PRI", "RQ", "PUERTO RICO", Other), new("GRL", "GL", "GREENLAND", Other),
        new("NCL", "NC", "NEW CALEDONIA", Other),
        // Organisations (not states): the code stands for the Treaty's organs, as in rules/cst.treaty.
        new("CSTO", "", "COLLECTIVE SECURITY TREATY ORGANIZATION", 0),
    ];

    /// <summary>The number of states (the organisations follow them in <see cref="All"/>).</summary>
    public const int StateCount = 200;

    public static readonly short Csto = IndexOf("CSTO");

    public static short IndexOf(string code)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Code == code) return (short)i;
        }
        throw new ArgumentException($"unknown party {code}", nameof(code));
    }
}

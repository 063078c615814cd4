namespace AllianceRules.History.Datasets;

/// <summary>The event datasets whose files <c>alliance check</c> reads as they are published.</summary>
public enum DatasetFormat
{
    /// <summary>GDELT 1.0 event files: tab-separated, 57 columns, or 58 with SOURCEURL.</summary>
    Gdelt1,

    /// <summary>GDELT 2.0 event files: tab-separated, 61 columns.</summary>
    Gdelt2,

    /// <summary>ICEWS event files: tab-separated with a header row.</summary>
    Icews,
}

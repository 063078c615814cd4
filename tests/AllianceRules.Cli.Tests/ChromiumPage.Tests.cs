namespace AllianceRules.Cli.Tests;

public sealed partial class ChromiumPage
{
    /// <summary>Opens a page in Debian's Chromium (or ALLIANCE_CHROMIUM), installed when missing (<see cref="Prerequisites"/>).</summary>
    public static async Task<ChromiumPage> OpenAsync() => await OpenAsync(await Prerequisites.ChromiumAsync());
}

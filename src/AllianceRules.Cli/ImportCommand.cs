using System.CommandLine;
using AllianceRules.Cli.CommandLine;
using AllianceRules.Diagnostics;
using AllianceRules.Importing;
using AllianceRules.Text;

namespace AllianceRules.Cli;

/// <summary>
/// <c>alliance import atop|cow-war</c>: reads a dataset's files, has the importer turn them into rule
/// files or histories, and writes them into <c>--out</c>. A new folder is filled beside it and then
/// renamed into place, so it appears whole or not at all; into an existing folder each file is
/// written atomically. Rows that cannot be placed are counted on standard error, never fatal.
/// </summary>
internal sealed class ImportCommand(CommandOutput io)
{
    private readonly TextWriter stdout = io.Out;
    private readonly TextWriter stderr = io.Error;

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var states = new Option<string>("--states")
        {
            HelpName = "STATES.csv",
            Description = "The COW State System Membership list (states2016.csv): the COW abbreviation of every state code.",
            Required = true,
        };
        var isoMap = new Option<string?>("--iso-map")
        {
            HelpName = "MAP.csv",
            Description = "A COW-to-ISO 3166 map (cow_iso3166_map.csv): states that have an ISO alpha-3 code get it as their party code.",
        };
        // -o/--output as on every command; --out is kept for the scripts that use it.
        var output = new Option<string>("--output", "-o", "--out")
        {
            HelpName = "DIR",
            Description = "The folder to write into: a new one appears whole or not at all; in an existing one each file is replaced atomically.",
            Required = true,
        };
        var members = new Argument<string>("MEMBERS.csv") { Description = "The ATOP member-level file (atop5_1m.csv)." };
        var alliances = new Option<string?>("--alliances")
        {
            HelpName = "ALLIANCES.csv",
            Description = "The ATOP alliance-level file (atop5_1a.csv), for each alliance's signature date; without it, the earliest entry.",
        };
        var atop = new Command("atop", """
            Write one rule file per ATOP alliance (ATOP<atopid>.treaty) and the vocabulary they use: members by
            phase, one rule per obligation coded (defense, offense, neutrality, non-aggression, consultation)
            and its conditions, each citing the ATOP variable (docs/importers.md).
            Exit status: 0 written; 2 an input cannot be read or the command line is wrong.
            """)
        {
            members, alliances, states, isoMap, output,
        };
        atop.WithVersion();
        atop.SetDiagnosedAction(stdout, stderr, (result, io) => new ImportCommand(io).RunAtop(
            result.GetValue(members)!, result.GetValue(alliances), result.GetValue(states)!, result.GetValue(isoMap), result.GetValue(output)!));
        var wars = new Argument<string>("WARS.csv") { Description = "The COW Inter-State War data (Inter-StateWarData_v4.0.csv)." };
        var dyads = new Option<string?>("--dyads")
        {
            HelpName = "DYADS.csv",
            Description = "The COW directed dyadic war data (directed_dyadic_war.csv): attacks from each dyad's own dates and roles, for the wars it has.",
        };
        var cowWar = new Command("cow-war", """
            Write one history per COW inter-state war (COW055-seven-weeks-war.events): attacks between the sides,
            assistance within a side, and the war's end, each event with war=<WarNum> and name="<WarName>";
            with --dyads, the attacks of every war the dyadic file has come from its dyads, with basis=dyad
            (docs/importers.md). Rows that cannot be placed are counted on standard error.
            Exit status: 0 written; 2 an input cannot be read or the command line is wrong.
            """)
        {
            wars, dyads, states, isoMap, output,
        };
        cowWar.WithVersion();
        cowWar.SetDiagnosedAction(stdout, stderr, (result, io) => new ImportCommand(io).RunCowWar(
            result.GetValue(wars)!, result.GetValue(dyads), result.GetValue(states)!, result.GetValue(isoMap), result.GetValue(output)!));
        var command = new Command("import", "Turn the field's datasets into rule files and histories: ATOP alliances (atop) and COW inter-state wars (cow-war).")
        {
            atop,
            cowWar,
        };
        return command.WithVersion();
    }

    public int RunAtop(string members, string? alliances, string states, string? isoMap, string output)
    {
        var problems = new List<Diagnostic>();
        var membersFile = Read(members, problems);
        var alliancesFile = alliances is null ? null : Read(alliances, problems);
        var (parties, ok) = Parties(states, isoMap, problems);
        CheckOutput(output, problems);
        if (problems.Count > 0 || !ok || membersFile is null || parties is null) return io.Fail(problems);
        return Finish(AtopImporter.Import(membersFile, alliancesFile, parties), output);
    }

    public int RunCowWar(string wars, string? dyads, string states, string? isoMap, string output)
    {
        var problems = new List<Diagnostic>();
        var warsFile = Read(wars, problems);
        var dyadsFile = dyads is null ? null : Read(dyads, problems);
        var (parties, ok) = Parties(states, isoMap, problems);
        CheckOutput(output, problems);
        if (problems.Count > 0 || !ok || warsFile is null || parties is null) return io.Fail(problems);
        if (dyads is not null && dyadsFile is null) return io.Fail(problems);
        return Finish(CowWarImporter.Import(warsFile, parties, dyadsFile), output);
    }

    private static (PartyCodes? Parties, bool Ok) Parties(string states, string? isoMap, List<Diagnostic> problems)
    {
        var statesFile = Read(states, problems);
        var isoFile = isoMap is null ? null : Read(isoMap, problems);
        if (statesFile is null || (isoMap is not null && isoFile is null)) return (null, false);
        var bag = new DiagnosticBag();
        var parties = PartyCodes.Read(statesFile, isoFile, bag);
        problems.AddRange(bag.ToSortedArray());
        return (parties, parties is not null);
    }

    /// <summary>A dataset file as text, with bare carriage returns (the official COW file has them) read as line breaks.</summary>
    private static SourceFile? Read(string path, List<Diagnostic> problems)
    {
        var display = path.Replace('\\', '/');
        if (Directory.Exists(path))
        {
            problems.Add(DiagnosticCatalog.CannotRead(display, "it is a folder, not a CSV file"));
            return null;
        }
        if (!File.Exists(path))
        {
            problems.Add(DiagnosticCatalog.PathNotFound(display));
            return null;
        }
        if (FileLimits.Check(display, path, FileLimits.WholeFileBytes, "an importer reads its file whole, up to 512 MB") is { } tooLarge)
        {
            problems.Add(tooLarge);
            return null;
        }
        try
        {
            var text = File.ReadAllText(path);
            if (text.Contains('\r', StringComparison.Ordinal)) text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            return new SourceFile(display, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(DiagnosticCatalog.CannotRead(display, e.Message));
            return null;
        }
    }

    private static void CheckOutput(string output, List<Diagnostic> problems)
    {
        if (string.IsNullOrWhiteSpace(output)) problems.Add(DiagnosticCatalog.ImportOutNotFolder(output, "is empty"));
        else if (File.Exists(output)) problems.Add(DiagnosticCatalog.ImportOutNotFolder(output, "is a file, not a folder"));
    }

    private int Finish(ImportOutcome outcome, string output)
    {
        if (!outcome.Succeeded) return io.Fail(outcome.Diagnostics);
        if (Write(outcome.Files, output) is { } failure) return io.Fail([failure]);
        // Notes are left out of a JSON or SARIF document of diagnostics (docs/diagnostics.md).
        if (outcome.Skipped.Length > 0 && !io.Structured)
        {
            var counts = string.Join(", ", outcome.SkipCounts.Select(c => $"{c.Reason} ({c.Count})"));
            var files = string.Join(", ", outcome.Skipped.Select(s => s.File).Distinct(StringComparer.Ordinal));
            stderr.WriteLine($"note: {outcome.Skipped.Length} row{(outcome.Skipped.Length == 1 ? " of " + files + " was" : "s of " + files + " were")} skipped: {counts}");
            foreach (var s in outcome.Skipped) stderr.WriteLine($"  {s.File}:{s.Line}: {s.Reason}: {s.Detail}");
        }
        stdout.WriteLine($"wrote {outcome.Files.Length} file{(outcome.Files.Length == 1 ? string.Empty : "s")} to {output.Replace('\\', '/')}: {outcome.Summary}");
        return ExitCode.Evaluated;
    }

    /// <summary>Null when every file was written, or the error that stopped it.</summary>
    private static Diagnostic? Write(IReadOnlyList<GeneratedFile> files, string output)
    {
        var display = output.Replace('\\', '/');
        if (Directory.Exists(output))
        {
            foreach (var file in files)
            {
                var path = Path.Combine(output, file.Name);
                var existed = File.Exists(path);
                if (AtomicFile.TryWrite(path, file.Text) is { } why) return DiagnosticCatalog.CannotWriteOutput($"{display.TrimEnd('/')}/{file.Name}", why, existed);
            }
            return null;
        }
        // A new folder is filled under a temporary name beside it, then renamed: it appears whole or not at all.
        string? stage = null;
        try
        {
            var full = Path.GetFullPath(output.TrimEnd('/', '\\'));
            var parent = Path.GetDirectoryName(full) ?? ".";
            Directory.CreateDirectory(parent);
            stage = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            Directory.CreateDirectory(stage);
            foreach (var file in files)
            {
                if (AtomicFile.TryWrite(Path.Combine(stage, file.Name), file.Text) is { } why) return DiagnosticCatalog.CannotWriteOutput(display, why, false);
            }
            Directory.Move(stage, full);
            stage = null;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // The temporary folder is ours, not the user's: never name it.
            var why = e is UnauthorizedAccessException ? "permission denied" : e.Message.TrimEnd('.');
            if (stage is not null) why = why.Replace(stage, Path.GetFullPath(output), StringComparison.Ordinal);
            return DiagnosticCatalog.CannotWriteOutput(display, why, false);
        }
        finally
        {
            if (stage is not null)
            {
                try
                {
                    Directory.Delete(stage, recursive: true);
                }
                catch (IOException)
                {
                    // The temporary folder is ours; the output folder was never created.
                }
            }
        }
    }
}

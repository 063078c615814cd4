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
public sealed class ImportCommand(TextWriter stdout, TextWriter stderr)
{
    public int RunAtop(string members, string? alliances, string states, string? isoMap, string output)
    {
        var problems = new List<Diagnostic>();
        var membersFile = Read(members, problems);
        var alliancesFile = alliances is null ? null : Read(alliances, problems);
        var (parties, ok) = Parties(states, isoMap, problems);
        CheckOutput(output, problems);
        if (problems.Count > 0 || !ok || membersFile is null || parties is null) return CommandInput.Fail(stderr, problems);
        return Finish(AtopImporter.Import(membersFile, alliancesFile, parties), output);
    }

    public int RunCowWar(string wars, string states, string? isoMap, string output)
    {
        var problems = new List<Diagnostic>();
        var warsFile = Read(wars, problems);
        var (parties, ok) = Parties(states, isoMap, problems);
        CheckOutput(output, problems);
        if (problems.Count > 0 || !ok || warsFile is null || parties is null) return CommandInput.Fail(stderr, problems);
        return Finish(CowWarImporter.Import(warsFile, parties), output);
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
        if (!outcome.Succeeded) return CommandInput.Fail(stderr, outcome.Diagnostics);
        if (Write(outcome.Files, output) is { } failure) return CommandInput.Fail(stderr, [failure]);
        if (outcome.Skipped.Length > 0)
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

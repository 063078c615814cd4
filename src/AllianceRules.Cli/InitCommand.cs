using System.CommandLine;
using AllianceRules.Cli.CommandLine;
using AllianceRules.Diagnostics;

namespace AllianceRules.Cli;

/// <summary>
/// <c>alliance init DIR</c>: a small working project to start from: a vocabulary, one treaty, one
/// history, one test and a README with the next steps. It passes check, test, lint and fmt as it
/// is. It writes only into a new or empty folder, so nothing already there is touched.
/// </summary>
internal sealed class InitCommand(CommandOutput io)
{
    private readonly TextWriter stdout = io.Out;

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var directory = new Argument<string>("DIR") { Description = "A new or empty folder for the project." };
        var command = new Command("init", """
            Create a small working project: a vocabulary, one treaty, one history, one test and a README with
            the next steps. It passes check, test, lint and fmt as it is.
            Exit status: 0 created; 2 the folder is not empty or cannot be written.
            """)
        {
            directory,
        };
        command.WithVersion();
        command.SetAction(result => new InitCommand(new CommandOutput(stdout, stderr, "init")).Run(result.GetValue(directory)!));
        return command;
    }

    public int Run(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory)) return io.Fail([DiagnosticCatalog.CommandLine("init needs a folder name, such as 'alliance init my-treaty'")]);
        if (File.Exists(directory) || (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any()))
        {
            return io.Fail([DiagnosticCatalog.InitNotEmpty(directory)]);
        }
        var written = new List<string>();
        foreach (var (path, text) in Files)
        {
            var full = Path.Combine(directory, path);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return io.Fail([DiagnosticCatalog.CannotWriteOutput(full, e.Message, false)]);
            }
            if (AtomicFile.TryWrite(full, text) is { } why) return io.Fail([DiagnosticCatalog.CannotWriteOutput(full, why, false)]);
            written.Add(Path.Combine(directory, path));
        }
        foreach (var path in written) stdout.WriteLine($"created: {path}");
        stdout.WriteLine($"Next: cd {directory} && alliance check rules histories (the README says more).");
        return ExitCode.Evaluated;
    }

    public static readonly (string Path, string Text)[] Files =
    [
        ("rules/vocabulary.treaty", """
            # The verbs the histories use: each with what it means and the CAMEO codes it stands for.
            vocabulary {
              verb attack  "uses armed force against"          cameo 18, 19, 20
              verb request "requests military assistance from" cameo 0232, 0234
              verb assist  "provides military assistance to"   cameo 072, 074
            }

            """),
        ("rules/pact.treaty", """
            # An illustrative defence pact: replace it with the treaty you study. Each rule cites the
            # article it encodes and quotes its words.
            treaty PACT "An illustrative defence pact" {
              signed 2020-01-01
              source "Write where the treaty's text can be read."

              members {
                ARM 2020-01-01 ..
                KAZ 2020-01-01 ..
                RUS 2020-01-01 ..
              }

              assume prompt = 30 days "The article names no deadline; 30 days is assumed."

              rule art1 "No force among the parties" {
                kind nonaggression
                cites "Article 1"
                quote "The Parties shall refrain from the threat or use of force against one another."
                forbid $a attack $b where $a is member and $b is member
              }

              rule art4 "Collective defence at the victim's request" {
                kind defense
                cites "Article 4"
                quote "If a Party is attacked, the others shall assist it at its request."
                when $victim request PACT
                  where $victim is member
                    and there was $aggressor attack $victim within 30 days before
                    and $aggressor is not member
                then each member $ally except $victim must assist $victim within prompt
              }
            }

            """),
        ("histories/example.events", """
            # An illustrative history: one line per event, with its source. Replace it with a real one.
            as of 2022-12-31
            2022-09-13 AZE attack  ARM source="illustrative" "An attack on a member"
            2022-09-14 ARM request PACT source="illustrative" "The member asks the others for help"
            2022-09-20 KAZ assist  ARM source="illustrative" "One ally helps within the window"

            """),
        ("tests/pact.test", """
            # What the rules must decide on the example history: 'alliance test tests' checks it.
            test "One ally helped, the other did not"
              rules "../rules"
              history "../histories"
              expect PACT.art4 KAZ 2022-09-14 fulfilled
              expect PACT.art4 RUS 2022-09-14 violated
              expect no PACT.art4 ARM
              expect summary PACT KAZ reliability 1
            end

            """),
        ("README.md", """
            # A treaty project for AllianceRules

            - `rules/`: the vocabulary and the treaty, as rule files (`.treaty`).
            - `histories/`: dated events, one per line, each with its source (`.events`).
            - `tests/`: what the rules must decide on those histories (`.test`).

            Next steps:

            1. `alliance check rules histories` evaluates the histories against the rules.
            2. `alliance explain rules histories --rule PACT.art4 --party RUS` shows how a verdict was reached.
            3. `alliance test tests` runs the tests; `alliance lint rules histories` warns about likely mistakes;
               `alliance fmt rules histories` keeps the layout canonical.
            4. Replace `rules/pact.treaty` with the treaty you study (cite and quote each article), record
               its crises in `histories/`, and write down the verdicts you expect in `tests/`.
            5. `alliance report rules histories --format html --output report.html` writes a report to read
               and print.

            """),
    ];
}

using System.CommandLine;
using AllianceRules.Cli;
using AllianceRules.Diagnostics;

return AllianceProgram.Run(args, Console.Out, Console.Error);

namespace AllianceRules.Cli
{
    /// <summary>The command line: parses arguments, runs a command, and never lets an exception reach the user as a stack trace.</summary>
    public static class AllianceProgram
    {
        public const string UsageHint = "Run 'alliance --help' or 'alliance check --help' for usage.";

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            try
            {
                var root = BuildRoot(stdout, stderr);
                var parsed = root.Parse(args);
                if (parsed.Errors.Count > 0)
                {
                    foreach (var error in parsed.Errors)
                    {
                        stderr.WriteLine(DiagnosticFormatter.Format(DiagnosticCatalog.CommandLine(error.Message)));
                    }
                    stderr.WriteLine(UsageHint);
                    return ExitCode.InvalidInput;
                }
                // Our handler below prints one line and exits 3; System.CommandLine's would print a stack trace.
                return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            }
            catch (Exception e)
            {
                stderr.WriteLine($"alliance: internal error: {e.GetType().Name}: {e.Message}");
                stderr.WriteLine("This is a bug in AllianceRules, not in your input; please report it with the command you ran.");
                return ExitCode.InternalError;
            }
        }

        private static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
        {
            var paths = new Argument<string[]>("PATH")
            {
                Arity = ArgumentArity.OneOrMore,
                Description = "Rule files (.treaty), event histories (.events, .jsonl, .csv; GDELT and ICEWS files; any of them .gz), or directories holding them (read recursively, in ordinal path order).",
            };
            var asOf = new Option<string?>("--as-of")
            {
                HelpName = "DATE",
                Description = "Evaluation horizon (yyyy-MM-dd). Wins over any 'as of' line; without either, the date of the last event.",
            };
            var assume = new Option<string[]>("--assume")
            {
                HelpName = "NAME=ISO_PERIOD",
                Description = "Override an 'assume NAME' in every treaty that declares it, e.g. --assume prompt=P10D. Repeatable.",
                DefaultValueFactory = _ => [],
            };
            var observed = new Option<string[]>("--observed")
            {
                HelpName = "FROM..[TO]",
                Description = "Treat the histories as a complete record of FROM up to (not including) TO, so calendar duties ('every') are judged there, e.g. --observed 2022-01-01..2023-01-01. Repeatable.",
                DefaultValueFactory = _ => [],
            };
            var format = new Option<string>("--format")
            {
                HelpName = "text|json|csv",
                Description = "Report format: 'text' for people (default), 'json' (language.md §7) or 'csv' (one row per instance, for R or Stata).",
                DefaultValueFactory = _ => "text",
            };
            format.AcceptOnlyFromAmong("text", "json", "csv");
            var output = new Option<string?>("--output", "-o")
            {
                HelpName = "FILE",
                Description = "Write the report to FILE atomically instead of standard output; on any failure the old file is kept.",
            };
            var failOnViolation = new Option<bool>("--fail-on-violation")
            {
                Description = "Exit with status 1 when any obligation instance is violated (for CI).",
            };
            var sweep = new Option<string?>("--sweep")
            {
                HelpName = "NAME=P7D,P30D,...",
                Description = "Evaluate once per value of the assumption NAME and report which verdicts change with it.",
            };
            var explainLines = new Option<bool>("--explain")
            {
                Description = "In the text report, add to each instance the article it rests on and the lines of its trigger and evidence.",
            };
            var maxMemory = new Option<string?>("--max-memory")
            {
                HelpName = "SIZE",
                Description = "If a history is not in date order, sort it on disk within about SIZE (e.g. 512MB) instead of in memory. Histories in date order are streamed and need no sorting.",
            };
            var eventsFormat = new Option<string?>("--events-format")
            {
                HelpName = "gdelt1|gdelt2|icews",
                Description = "Read every history that is not .events or .jsonl as GDELT 1.0, GDELT 2.0 or ICEWS data (docs/datasets.md). Without it, .csv, .tsv and .tab files are told by their first line.",
            };
            eventsFormat.AcceptOnlyFromAmong("gdelt1", "gdelt2", "icews");
            var quiet = new Option<bool>("--quiet", "-q")
            {
                Description = "No progress line and no notes on standard error.",
            };
            var verbose = new Option<bool>("--verbose")
            {
                Description = "List every skipped row of imported data (file, line, reason) in the text report.",
            };
            var check = new Command("check", """
                Validate rule files and, given event histories, decide every obligation they trigger.
                Exit status: 0 evaluated; 1 evaluated and --fail-on-violation found a violation; 2 invalid input or command line.
                """)
            {
                paths, asOf, assume, observed, format, output, failOnViolation, explainLines, sweep, maxMemory, eventsFormat, quiet, verbose,
            };
            InputRequest Inputs(ParseResult result) => new(
                result.GetValue(paths) ?? [],
                result.GetValue(asOf),
                result.GetValue(assume) ?? [],
                result.GetValue(observed) ?? [],
                result.GetValue(output),
                result.GetValue(sweep));
            check.SetAction(result => new CheckCommand(stdout, stderr).Run(new CheckRequest(
                Inputs(result),
                result.GetValue(format) ?? "text",
                result.GetValue(failOnViolation),
                result.GetValue(explainLines))
            {
                MaxMemory = result.GetValue(maxMemory),
                EventsFormat = result.GetValue(eventsFormat),
                Quiet = result.GetValue(quiet),
                Verbose = result.GetValue(verbose),
                ShowProgress = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected,
            }));

            var instance = new Option<string?>("--instance")
            {
                HelpName = "ID",
                Description = "The instance to explain, by its id in the report, e.g. CST.art4-2010#5.",
            };
            var rule = new Option<string?>("--rule")
            {
                HelpName = "RULE",
                Description = "Explain the instances of this rule (with --party), e.g. CST.art4-2010.",
            };
            var party = new Option<string?>("--party")
            {
                HelpName = "CODE",
                Description = "The obligated party, e.g. RUS (with --rule).",
            };
            var on = new Option<string?>("--on")
            {
                HelpName = "DATE",
                Description = "Only the instance triggered on this date (with --rule and --party).",
            };
            var explainFormat = new Option<string>("--format")
            {
                HelpName = "text|json",
                Description = "'text': numbered steps in plain English (default); 'json': the same trace as data.",
                DefaultValueFactory = _ => "text",
            };
            explainFormat.AcceptOnlyFromAmong("text", "json");
            var explain = new Command("explain", """
                Explain how the engine decided an instance: its trigger, the rule in force, each condition,
                the parties obligated, the window, the events examined and the verdict.
                Exit status: 0 explained; 2 invalid input, command line, or no instance matches.
                """)
            {
                paths, asOf, assume, observed, instance, rule, party, on, explainFormat, output,
            };
            explain.SetAction(result => new ExplainCommand(stdout, stderr).Run(new ExplainRequest(
                Inputs(result),
                result.GetValue(instance),
                result.GetValue(rule),
                result.GetValue(party),
                result.GetValue(on),
                result.GetValue(explainFormat) ?? "text")));
            var reportFormat = new Option<string>("--format")
            {
                HelpName = "markdown|html",
                Description = "'markdown' (GitHub-flavoured, default) or 'html' (one self-contained page, for screen and print).",
                DefaultValueFactory = _ => "markdown",
            };
            reportFormat.AcceptOnlyFromAmong("markdown", "html");
            var report = new Command("report", """
                Write a compliance report a person can read and print: inputs with their hashes, assumptions,
                each treaty's members and rules, each crisis with its obligations and timeline, reliability
                per party and per kind, and what is pending or excused.
                Exit status: 0 written; 2 invalid input or command line.
                """)
            {
                paths, asOf, assume, observed, sweep, reportFormat, output,
            };
            report.SetAction(result => new ReportCommand(stdout, stderr).Run(new ReportRequest(
                Inputs(result),
                result.GetValue(reportFormat) ?? "markdown")));

            var studyBy = new Option<string>("--by")
            {
                HelpName = "ATTRIBUTE",
                Description = "The trigger attribute that names a war (default 'war'): instances are summed up per alliance and value.",
                DefaultValueFactory = _ => "war",
            };
            // Read as text, so a value that is not a year gets the study's own message.
            var studySplit = new Option<string>("--split")
            {
                HelpName = "YEAR",
                Description = "Give figures before and from this year too (default 1945).",
                DefaultValueFactory = _ => "1945",
            };
            var studyFormat = new Option<string>("--format")
            {
                HelpName = "text|csv|json",
                Description = "'text' (default): the figures and a line per pair; 'csv': one row per alliance-war pair, for R or Stata; 'json': all of it as data.",
                DefaultValueFactory = _ => "text",
            };
            studyFormat.AcceptOnlyFromAmong("text", "csv", "json");
            var study = new Command("study", """
                Evaluate as 'check' does, then sum the verdicts up as a reliability study after Leeds: per
                alliance and war (the trigger's 'war' attribute), overall, by kind of obligation, and before and
                from 1945 (docs/replication.md).
                Exit status: 0 written; 2 invalid input or command line.
                """)
            {
                paths, asOf, assume, studyBy, studySplit, studyFormat, output, maxMemory, eventsFormat, quiet,
            };
            study.SetAction(result => new StudyCommand(stdout, stderr).Run(new StudyRequest(
                new CheckRequest(Inputs(result), result.GetValue(studyFormat) ?? "text", FailOnViolation: false)
                {
                    MaxMemory = result.GetValue(maxMemory),
                    EventsFormat = result.GetValue(eventsFormat),
                    Quiet = result.GetValue(quiet),
                    ShowProgress = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected,
                },
                result.GetValue(studyBy) ?? "war",
                result.GetValue(studySplit) ?? "1945")));

            var fmtPaths = new Argument<string[]>("PATH")
            {
                Arity = ArgumentArity.OneOrMore,
                Description = "Rule files (.treaty), event histories (.events), or directories holding them; .jsonl files are left as they are.",
            };
            var fmtCheck = new Option<bool>("--check")
            {
                Description = "Change nothing; list the files that are not formatted and exit with status 1 if there are any.",
            };
            var fmt = new Command("fmt", """
                Rewrite rule files and event histories in the canonical layout: indentation, aligned member
                tables and event columns, one blank line between rules, normalised spacing. Comments are kept
                exactly; nothing but white space changes.
                Exit status: 0 done (or, with --check, all formatted); 1 with --check, some file is not formatted;
                2 a file does not parse (it is left as it was) or the command line is wrong.
                """)
            {
                fmtPaths, fmtCheck,
            };
            fmt.SetAction(result => new FmtCommand(stdout, stderr).Run(result.GetValue(fmtPaths) ?? [], result.GetValue(fmtCheck)));

            var testPaths = new Argument<string[]>("PATH")
            {
                Arity = ArgumentArity.OneOrMore,
                Description = "Test files (.test), or directories holding them.",
            };
            var junit = new Option<string?>("--junit")
            {
                HelpName = "FILE",
                Description = "Also write the results as JUnit XML, for CI systems.",
            };
            var test = new Command("test", """
                Run rule writers' tests (.test files): each names rule files and a history and states what
                must come out. A failure shows the expected and the actual status and how the engine reached it.
                Exit status: 0 all passed; 1 some expectation failed; 2 a test file or its inputs are invalid.
                """)
            {
                testPaths, junit,
            };
            test.SetAction(result => new TestCommand(stdout, stderr).Run(result.GetValue(testPaths) ?? [], result.GetValue(junit)));

            var lintPaths = new Argument<string[]>("PATH")
            {
                Arity = ArgumentArity.OneOrMore,
                Description = "Rule files and histories, or directories holding them (as for check).",
            };
            var lintConfig = new Option<string?>("--config")
            {
                HelpName = "FILE",
                Description = "Levels per code ('AR6005 = off', 'warning' or 'error'); default: .alliance-lint in the current folder, if any.",
            };
            var werror = new Option<bool>("--werror")
            {
                Description = "Exit with status 1 when there is any warning.",
            };
            var lint = new Command("lint", """
                Warn about rule files that are valid but probably not what was meant: unused assumptions, verbs
                and variables, rules without citation, versions that overlap or leave a gap, and more (AR6xxx).
                Exit status: 0 no finding at error level; 1 a finding at error level, or any with --werror;
                2 invalid input, configuration or command line.
                """)
            {
                lintPaths, lintConfig, werror,
            };
            lint.SetAction(result => new LintCommand(stdout, stderr).Run(result.GetValue(lintPaths) ?? [], result.GetValue(lintConfig), result.GetValue(werror)));

            var initDirectory = new Argument<string>("DIR") { Description = "A new or empty folder for the project." };
            var init = new Command("init", """
                Create a small working project: a vocabulary, one treaty, one history, one test and a README with
                the next steps. It passes check, test, lint and fmt as it is.
                Exit status: 0 created; 2 the folder is not empty or cannot be written.
                """)
            {
                initDirectory,
            };
            init.SetAction(result => new InitCommand(stdout, stderr).Run(result.GetValue(initDirectory)!));

            var importStates = new Option<string>("--states")
            {
                HelpName = "STATES.csv",
                Description = "The COW State System Membership list (states2016.csv): the COW abbreviation of every state code.",
                Required = true,
            };
            var importIsoMap = new Option<string?>("--iso-map")
            {
                HelpName = "MAP.csv",
                Description = "A COW-to-ISO 3166 map (cow_iso3166_map.csv): states that have an ISO alpha-3 code get it as their party code.",
            };
            var importOut = new Option<string>("--out")
            {
                HelpName = "DIR",
                Description = "The folder to write into: a new one appears whole or not at all; in an existing one each file is replaced atomically.",
                Required = true,
            };
            var atopMembers = new Argument<string>("MEMBERS.csv") { Description = "The ATOP member-level file (atop5_1m.csv)." };
            var atopAlliances = new Option<string?>("--alliances")
            {
                HelpName = "ALLIANCES.csv",
                Description = "The ATOP alliance-level file (atop5_1a.csv), for each alliance's signature date; without it, the earliest entry.",
            };
            var importAtop = new Command("atop", """
                Write one rule file per ATOP alliance (ATOP<atopid>.treaty) and the vocabulary they use: members by
                phase, one rule per obligation coded (defense, offense, neutrality, non-aggression, consultation)
                and its conditions, each citing the ATOP variable (docs/importers.md).
                Exit status: 0 written; 2 an input cannot be read or the command line is wrong.
                """)
            {
                atopMembers, atopAlliances, importStates, importIsoMap, importOut,
            };
            importAtop.SetAction(result => new ImportCommand(stdout, stderr).RunAtop(
                result.GetValue(atopMembers)!, result.GetValue(atopAlliances), result.GetValue(importStates)!, result.GetValue(importIsoMap), result.GetValue(importOut)!));
            var cowWars = new Argument<string>("WARS.csv") { Description = "The COW Inter-State War data (Inter-StateWarData_v4.0.csv)." };
            var importCowWar = new Command("cow-war", """
                Write one history per COW inter-state war (COW055-seven-weeks-war.events): attacks between the sides,
                assistance within a side, and the war's end, each event with war=<WarNum> and name="<WarName>"
                (docs/importers.md). Rows that cannot be placed are counted on standard error.
                Exit status: 0 written; 2 an input cannot be read or the command line is wrong.
                """)
            {
                cowWars, importStates, importIsoMap, importOut,
            };
            importCowWar.SetAction(result => new ImportCommand(stdout, stderr).RunCowWar(
                result.GetValue(cowWars)!, result.GetValue(importStates)!, result.GetValue(importIsoMap), result.GetValue(importOut)!));
            var import = new Command("import", "Turn the field's datasets into rule files and histories: ATOP alliances (atop) and COW inter-state wars (cow-war).")
            {
                importAtop,
                importCowWar,
            };

            return new RootCommand("AllianceRules: check treaty obligations (collective defence, consultation, non-aggression, neutrality) against dated event histories.")
            {
                check,
                explain,
                report,
                study,
                fmt,
                test,
                lint,
                init,
                import,
            };
        }
    }
}

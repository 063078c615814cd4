using AllianceRules.Playground.Bundle;
using AllianceRules.Playground.Exercises;
using AllianceRules.Playground.Workspace;

namespace AllianceRules.Playground.Tests.Exercises;

/// <summary>
/// Two exercises on the README's tour, built in memory as an instructor would lay them out: a
/// predict one (question and key only) and an edit one (start/, solution/, a history of its own).
/// </summary>
internal static class SyntheticExercises
{
    public const string Predict = "docs/exercises/01-predict/";
    public const string Edit = "docs/exercises/02-edit/";

    public static string TourRules => BundledFiles.Embedded.Text(Samples.TourRules)!;

    public static string TourHistory => BundledFiles.Embedded.Text(Samples.TourHistory)!;

    /// <summary>The tour with a 3-day deadline: Kazakhstan's help on day 7 comes too late.</summary>
    public static string StartRules => TourRules.Replace("prompt = 30 days", "prompt = 3 days", StringComparison.Ordinal);

    public static BundledFiles Bundled { get; } = new([
        new(Samples.TourRules, TourRules),
        new(Samples.TourHistory, TourHistory),
        new(Predict + "question.md", "# Who helped Armenia?\n\nRead the tour and predict each verdict.\n\n- Kazakhstan\n- Russia\n"),
        new(Predict + "key.test", """
            test "The tour's verdicts"
              rules "../../../tour/tour.treaty"
              history "../../../tour/tour.events"
              expect CST.art4-request KAZ 2022-09-13 fulfilled
              expect no CST.art4-request ARM
              expect summary CST RUS reliability 0
            end

            """),
        new(Edit + "question.md", "# Give the allies time\n\nChange the deadline so that Kazakhstan's help counts.\n"),
        new(Edit + "key.test", """
            test "Kazakhstan's help counts"
              rules "solution"
              history "crisis.events"
              expect CST.art4-request KAZ 2022-09-13 fulfilled
              expect CST.art4-request RUS 2022-09-13 violated
            end

            """),
        new(Edit + "crisis.events", TourHistory),
        new(Edit + "start/pact.treaty", StartRules),
        new(Edit + "solution/pact.treaty", TourRules),
        // Not exercises: no question, a key that does not parse, a folder below an exercise.
        new("docs/exercises/03-no-question/key.test", "test \"x\"\nend\n"),
        new("docs/exercises/04-bad-key/question.md", "# Bad\n"),
        new("docs/exercises/04-bad-key/key.test", "tset\n"),
        new("docs/exercises/01-predict/extra/key.test", "test \"x\"\nend\n"),
    ]);

    public static Exercise Get(string id) => ExerciseCatalog.All(Bundled).Single(x => x.Id == id);

    public static List<WorkFile> Opened(Exercise exercise) => [.. exercise.Files.Select(p => new WorkFile(p, Bundled.Text(p)!, p))];
}

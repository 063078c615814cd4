using AllianceRules.Playground.Exercises;
using AllianceRules.Playground.Workspace;
using static AllianceRules.Playground.Tests.Exercises.SyntheticExercises;

namespace AllianceRules.Playground.Tests.Exercises;

/// <summary>Finding exercises among the bundled files, and checking an answer against a key.</summary>
public sealed class ExerciseCatalogTests
{
    [Theory]
    [InlineData("docs/exercises/01/../../rules/cst.treaty", "docs/rules/cst.treaty")]
    [InlineData("docs/exercises/01/../../../rules/cst.treaty", "rules/cst.treaty")]
    [InlineData("docs/exercises/01/./solution//a.treaty", "docs/exercises/01/solution/a.treaty")]
    [InlineData("docs/exercises/01/solution/", "docs/exercises/01/solution")]
    [InlineData("a/..", "")]
    [InlineData("docs/exercises/01/../../../../etc/passwd", null)]
    [InlineData("../a", null)]
    public void A_path_is_normalised_and_may_not_climb_above_the_repository(string path, string? expected) =>
        Assert.Equal(expected, ExerciseCatalog.Normalize(path));

    [Fact]
    public void A_key_path_names_a_file_or_the_files_of_a_folder()
    {
        Assert.Equal(["tour/tour.treaty"], ExerciseCatalog.Resolve(Bundled, Predict, "../../../tour/tour.treaty", rules: true));
        Assert.Equal([Edit + "solution/pact.treaty"], ExerciseCatalog.Resolve(Bundled, Edit, "solution", rules: true));
        Assert.Equal([Edit + "solution/pact.treaty"], ExerciseCatalog.Resolve(Bundled, Edit, "./solution/", rules: true));
        Assert.Empty(ExerciseCatalog.Resolve(Bundled, Edit, "solution", rules: false));
        Assert.Equal(["tour/tour.events"], ExerciseCatalog.Resolve(Bundled, Edit, "../../../tour", rules: false));
        Assert.Empty(ExerciseCatalog.Resolve(Bundled, Edit, "../../../../tour", rules: true));
    }

    [Fact]
    public void The_catalog_holds_the_folders_with_a_question_and_a_key_that_parses()
    {
        var all = ExerciseCatalog.All(Bundled);
        Assert.Equal([("01-predict", "Who helped Armenia?", ExerciseKind.Predict), ("02-edit", "Give the allies time", ExerciseKind.Edit)],
            all.Select(x => (x.Id, x.Title, x.Kind)));
    }

    [Fact]
    public void An_exercise_opens_the_files_its_key_names_with_start_files_for_solution_files()
    {
        Assert.Equal(["tour/tour.treaty", "tour/tour.events"], Get("01-predict").Files.ToArray());
        Assert.Equal([Edit + "start/pact.treaty", Edit + "crisis.events"], Get("02-edit").Files.ToArray());
        Assert.Equal(Edit + "start/pact.treaty", Get("02-edit").Opened(Edit + "solution/pact.treaty"));
        Assert.Equal(Predict + "solution/x.treaty", Get("01-predict").Opened(Predict + "solution/x.treaty"));
    }

    [Fact]
    public void The_start_files_fail_the_key_and_the_solution_pasted_in_passes()
    {
        var exercise = Get("02-edit");
        var start = AnswerChecker.Run(exercise, Opened(exercise), Bundled);
        var failed = Assert.Single(start);
        Assert.False(failed.Passed);
        Assert.Equal([(false, "fulfilled", "violated"), (true, "violated", "violated")],
            failed.Expectations.Select(e => (e.Passed, e.Expected, e.Actual.Split(' ')[0].TrimEnd(','))));

        var solved = Opened(exercise).Select(f => f.Path.EndsWith("start/pact.treaty", StringComparison.Ordinal) ? f with { Text = TourRules } : f).ToList();
        Assert.True(Assert.Single(AnswerChecker.Run(exercise, solved, Bundled)).Passed);
    }

    [Fact]
    public void A_predict_key_runs_on_the_bundle_when_the_page_lacks_a_file()
    {
        var results = AnswerChecker.Run(Get("01-predict"), [], Bundled);
        Assert.True(Assert.Single(results).Passed, string.Join("; ", results[0].Expectations.Select(e => $"{e.Expected}/{e.Actual}")));
    }

    [Fact]
    public void A_predict_exercise_asks_each_expectation_with_its_answer_hidden()
    {
        var questions = AnswerChecker.Questions(Get("01-predict"));
        Assert.Equal(
        [
            ("q1-1", "CST.art4-request KAZ 2022-09-13", "fulfilled", true),
            ("q1-2", "CST.art4-request ARM", Question.NoInstance, true),
            ("q1-3", "CST RUS reliability", "0", false),
        ], questions.Select(q => (q.Id, q.Prompt, q.Answer, q.Choices is not null)));
        Assert.Equal(["fulfilled", "violated", "pending", "discharged", "excused", "indeterminate", "no instance"], questions[0].Choices!.ToArray());
    }
}

using AllianceRules.Playground.Components;
using AllianceRules.Playground.Exercises;
using AllianceRules.Playground.Tests.Exercises;
using AllianceRules.Playground.Workspace;
using Bunit;

namespace AllianceRules.Playground.Tests.Components;

/// <summary>"Check my answer", as a student uses it: predictions marked against the key, or edited rules run against it.</summary>
public sealed class ExercisePanelTests : IDisposable
{
    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    private IRenderedComponent<ExercisePanel> Open(string id, List<WorkFile>? files = null)
    {
        var exercise = SyntheticExercises.Get(id);
        return _context.Render<ExercisePanel>(p => p
            .Add(x => x.Exercise, exercise)
            .Add(x => x.Files, [.. files ?? SyntheticExercises.Opened(exercise)])
            .Add(x => x.Bundle, SyntheticExercises.Bundled));
    }

    [Fact]
    public void A_predict_exercise_asks_then_marks_every_answer()
    {
        var revealed = 0;
        var exercise = SyntheticExercises.Get("01-predict");
        var panel = _context.Render<ExercisePanel>(p => p
            .Add(x => x.Exercise, exercise)
            .Add(x => x.Files, [.. SyntheticExercises.Opened(exercise)])
            .Add(x => x.Bundle, SyntheticExercises.Bundled)
            .Add(x => x.OnRevealed, () => revealed++));
        Assert.Equal("Exercise 01: Who helped Armenia?", panel.Find("h2").TextContent);
        Assert.Equal(["CST.art4-request KAZ 2022-09-13", "CST.art4-request ARM", "CST RUS reliability"], panel.FindAll("label code").Select(c => c.TextContent));
        Assert.Empty(panel.FindAll(".score"));
        Assert.DoesNotContain("fulfilled", panel.Find("input#answer-q1-3").OuterHtml, StringComparison.Ordinal);

        panel.Find("select#answer-q1-1").Change("fulfilled");
        panel.Find("select#answer-q1-2").Change("no instance");
        panel.Find("input#answer-q1-3").Change("0");
        panel.Find("form").Submit();
        Assert.Equal("3 of 3 right.", panel.Find("p.score").TextContent);
        Assert.Equal(["right", "right", "right"], panel.FindAll(".verdict-mark").Select(m => m.TextContent));
        Assert.Equal(1, revealed);

        panel.Find("select#answer-q1-1").Change("violated");
        panel.Find("input#answer-q1-3").Change("0.5");
        panel.Find("form").Submit();
        Assert.Equal("1 of 3 right.", panel.Find("p.score").TextContent);
        Assert.Equal(["no: the key says fulfilled", "right", "no: the key says 0"], panel.FindAll(".verdict-mark").Select(m => m.TextContent));
        Assert.Equal(["control wrong", "control right", "control wrong"], panel.FindAll("div.control").Select(d => d.ClassName?.Trim()));
    }

    [Fact]
    public void An_edit_exercise_runs_the_key_on_the_edited_files()
    {
        var panel = Open("02-edit");
        Assert.Equal("Exercise 02: Give the allies time", panel.Find("h2").TextContent);
        Assert.Equal("Change the deadline so that Kazakhstan's help counts.", panel.Find(".note-body p").TextContent);
        panel.Find("button.check").Click();
        Assert.Equal("1 problem(s) remain.", panel.Find("p.score").TextContent);
        Assert.Equal(["Kazakhstan's help counts: not yet"], panel.FindAll("ul.key-results > li").Select(li => li.FirstElementChild!.TextContent + li.ChildNodes[1].TextContent.TrimEnd()));
        Assert.Equal(["failed", "ok"], panel.FindAll("ul.key-results li li").Select(li => li.ClassName));

        var solved = SyntheticExercises.Opened(SyntheticExercises.Get("02-edit"))
            .Select(f => f.Path.EndsWith("/start/pact.treaty", StringComparison.Ordinal) ? f with { Text = SyntheticExercises.TourRules } : f).ToList();
        panel.Render(p => p.Add(x => x.Files, [.. solved]));
        panel.Find("button.check").Click();
        Assert.Equal("Every expectation of the key holds: well done.", panel.Find("p.score").TextContent);
        Assert.Equal(["ok", "ok"], panel.FindAll("ul.key-results li li").Select(li => li.ClassName));
    }

    [Fact]
    public void An_edit_exercise_with_a_broken_file_counts_its_diagnostics_as_problems()
    {
        var broken = SyntheticExercises.Opened(SyntheticExercises.Get("02-edit"))
            .Select(f => f.Path.EndsWith("/start/pact.treaty", StringComparison.Ordinal) ? f with { Text = "treaty {" } : f).ToList();
        var panel = Open("02-edit", broken);
        panel.Find("button.check").Click();
        Assert.Matches("^[1-9][0-9]* problem\\(s\\) remain\\.$", panel.Find("p.score").TextContent);
        Assert.NotEmpty(panel.FindAll("ul.key-results li li.failed"));
    }

    [Fact]
    public void Kinds_are_told_apart_by_a_solution_folder()
    {
        Assert.Equal(ExerciseKind.Predict, SyntheticExercises.Get("01-predict").Kind);
        Assert.Equal(ExerciseKind.Edit, SyntheticExercises.Get("02-edit").Kind);
    }

    [Fact]
    public void Regression_check_my_answer_bounds_the_files_as_the_page_does()
    {
        // Each request opens two instances: 10,001 requests a month apart pass the page's 20,000.
        var history = new System.Text.StringBuilder();
        for (var k = 0; k <= PlaygroundEngine.MaxInstancesPerRule / 2; k++)
        {
            var day = AllianceRules.Text.DateText.Format(new NodaTime.LocalDate(2013, 1, 1).PlusDays(k * 31));
            history.Append(day).Append(" AZE attack ARM\n").Append(day).Append(" ARM request CSTO\n");
        }
        List<WorkFile> With(string text) => [.. SyntheticExercises.Opened(SyntheticExercises.Get("02-edit"))
            .Select(f => f.Path.EndsWith("/crisis.events", StringComparison.Ordinal) ? f with { Text = text } : f)];

        var many = Open("02-edit", With(history.ToString()));
        many.Find("button.check").Click();
        Assert.Contains("AR8001", many.Find("ul.key-results li li.failed").TextContent, StringComparison.Ordinal);

        var large = Open("02-edit", With(new string('#', (int)PlaygroundEngine.FileBytes + 1)));
        large.Find("button.check").Click();
        Assert.Contains("AR9020", large.Find("ul.key-results li li.failed").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_an_unmet_expectation_shows_how_the_engine_reached_its_verdict()
    {
        // docs/teaching.md: the result is shown as alliance test prints it, the engine's reasoning included.
        var panel = Open("02-edit");
        panel.Find("button.check").Click();
        var why = panel.Find("ul.key-results li li.failed pre.why").TextContent;
        Assert.Contains("CST.art4-request", why, StringComparison.Ordinal);
        Assert.Contains("KAZ", why, StringComparison.Ordinal);
    }
}

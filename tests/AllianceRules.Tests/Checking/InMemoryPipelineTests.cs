using AllianceRules.Checking;
using AllianceRules.Evaluation;
using AllianceRules.History;
using AllianceRules.Text;

namespace AllianceRules.Tests.Checking;

/// <summary>
/// The check runs on texts held in memory, with no file system (an editor's buffer, a browser
/// tab), and stops when its caller no longer wants the answer.
/// </summary>
public sealed class InMemoryPipelineTests
{
    private static readonly SourceFile Rules = new("pact.treaty", Support.SmallPact.Rules("7 days"));

    private static HistorySource Text(string path, string text) => HistorySource.FromText(path, HistoryFormat.Events, text);

    [Fact]
    public void Rules_and_a_history_given_as_text_are_checked_as_files_would_be()
    {
        var history = "2022-09-13 AZE attack ARM\n2022-09-15 RUS assist ARM\nas of 2022-12-31\n";

        var streamed = CheckPipeline.Check([Rules], [Text("h.events", history)], new EvaluationOptions());

        var instance = Assert.Single(streamed.Outcome.Report!.Instances);
        Assert.Equal(("RUS", InstanceStatus.Fulfilled, "h.events", 2), (instance.Party, instance.Status, instance.Evidence[0].Origin.File, instance.Evidence[0].Origin.Line));
        Assert.Equal(new NodaTime.LocalDate(2022, 12, 31), streamed.Outcome.Report.AsOf);
        // The same texts through the whole-history path give the same instances.
        var whole = Checker.Check([Rules], [new SourceFile("h.events", history)]);
        Assert.Equal(whole.Report!.Instances.Select(i => (i.Id, i.Status, i.DecidedOn)), streamed.Outcome.Report.Instances.Select(i => (i.Id, i.Status, i.DecidedOn)));
    }

    /// <summary>The size limit of docs/robustness.md holds for a text in memory as for a file (AR9020), before anything is parsed.</summary>
    [Fact]
    public void A_rule_text_in_memory_past_16_MB_is_refused_unread()
    {
        var huge = new SourceFile("huge.treaty", Rules.Text + "\n#" + new string('x', (int)InputLimits.RuleFileBytes));

        var streamed = CheckPipeline.Check([huge], [Text("h.events", "2022-09-13 AZE attack ARM\n")], null);

        var error = Assert.Single(streamed.Outcome.Diagnostics);
        Assert.Equal("AR9020", error.Code);
        Assert.StartsWith("'huge.treaty' is 16,777,", error.Message);
        Assert.EndsWith("bytes, more than 16,777,216: a rule file may be at most 16 MB", error.Message);
    }

    [Fact]
    public void A_check_already_cancelled_reads_nothing()
    {
        var opened = false;
        var source = new HistorySource("h.events", HistoryFormat.Events, () =>
        {
            opened = true;
            return new MemoryStream("2022-09-13 AZE attack ARM\n"u8.ToArray());
        });
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => CheckPipeline.Check([Rules], [source], null, new StreamOptions { Cancellation = cancelled.Token }));
        Assert.False(opened);
    }

    [Fact]
    public void A_check_cancelled_while_it_reads_stops_before_the_end()
    {
        const int Events = 50_000;
        var lines = string.Concat(Enumerable.Range(0, Events).Select(i => $"{new NodaTime.LocalDate(1950, 1, 1).PlusDays(i):yyyy-MM-dd} AZE attack ARM\n"));
        using var stop = new CancellationTokenSource();
        var reader = new CancellingStream(System.Text.Encoding.UTF8.GetBytes(lines), lines.Length / 4, stop);

        Assert.Throws<OperationCanceledException>(() => CheckPipeline.Check([Rules], [new HistorySource("h.events", HistoryFormat.Events, () => reader)], null, new StreamOptions { Cancellation = stop.Token }));
        Assert.True(reader.Reached < lines.Length, "the whole history was read although the check was cancelled a quarter of the way in");
    }

    /// <summary>A stream that cancels once its caller has read past a point: the moment is the test's, not the machine's.</summary>
    private sealed class CancellingStream(byte[] bytes, int cancelAt, CancellationTokenSource stop) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => Check(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Check(base.Read(buffer));

        /// <summary>How far the reader got (kept, since the reader disposes the stream).</summary>
        public long Reached { get; private set; }

        private int Check(int read)
        {
            Reached = Position;
            if (Position >= cancelAt) stop.Cancel();
            return read;
        }
    }
}

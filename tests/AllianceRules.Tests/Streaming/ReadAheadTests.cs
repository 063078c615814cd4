using AllianceRules.Checking;
using AllianceRules.History;
using AllianceRules.Text;

namespace AllianceRules.Tests.Streaming;

/// <summary>
/// A sequence read ahead on a thread of its own gives what it would give on one: its items in
/// order, its exception where it came, and, when its consumer leaves early, a producer stopped and
/// joined (its <c>finally</c> has run) before the consumer goes on.
/// </summary>
public sealed class ReadAheadTests
{
    private static readonly SourceFile Rules = new("pact.treaty", Support.SmallPact.Rules("7 days"));

    private static IEnumerable<int> Numbers(int count, Exception? then = null, Action? ended = null)
    {
        try
        {
            for (var i = 0; i < count; i++) yield return i;
            if (then is not null) throw then;
        }
        finally
        {
            ended?.Invoke();
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(5000, 7)]
    [InlineData(5000, 1024)]
    public void Items_come_in_order_and_the_first_is_known_before_it_comes(int count, int chunk)
    {
        var firstSeen = -1;
        var seen = 0;
        var ahead = new ReadAhead<int>(Numbers(count).Select(i => seen = i), () => firstSeen = seen, chunk: chunk, depth: 2);

        Assert.Equal(Enumerable.Range(0, count), ahead.ToList());
        Assert.Equal(0, Math.Max(0, firstSeen));
        Assert.Throws<InvalidOperationException>(() => ahead.GetEnumerator());
    }

    [Fact]
    public void An_exception_of_the_producer_comes_after_the_items_before_it_with_its_own_type()
    {
        var taken = new List<int>();
        var ahead = new ReadAhead<int>(Numbers(3000, new IOException("disk gone")), chunk: 1024);

        var thrown = Assert.Throws<IOException>(() =>
        {
            foreach (var i in ahead) taken.Add(i);
        });

        Assert.Equal("disk gone", thrown.Message);
        Assert.Equal(Enumerable.Range(0, 3000), taken);
    }

    [Fact]
    public void A_consumer_that_leaves_early_stops_and_joins_the_producer()
    {
        var ended = false;
        using (var e = new ReadAhead<int>(Numbers(1_000_000, ended: () => ended = true), chunk: 16, depth: 2).GetEnumerator())
        {
            Assert.True(e.MoveNext());
            Assert.Equal(0, e.Current);
        }
        // Disposed: the producer gave up waiting for room and ran its finally before Dispose returned.
        Assert.True(ended);
    }

    [Fact]
    public void A_cancelled_consumer_stops_waiting_for_a_producer_that_gives_nothing()
    {
        using var stop = new CancellationTokenSource();
        using var release = new ManualResetEventSlim();
        IEnumerable<int> Stuck()
        {
            release.Wait();
            yield break;
        }
        using var e = new ReadAhead<int>(Stuck(), cancellation: stop.Token).GetEnumerator();
        stop.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => e.MoveNext());
        release.Set();
    }

    [Fact]
    public void A_check_on_two_threads_cancelled_while_it_reads_stops_before_the_end()
    {
        const int Events = 50_000;
        var lines = string.Concat(Enumerable.Range(0, Events).Select(i => $"{new NodaTime.LocalDate(1950, 1, 1).PlusDays(i):yyyy-MM-dd} AZE attack ARM\n"));
        var bytes = System.Text.Encoding.UTF8.GetBytes(lines);
        using var stop = new CancellationTokenSource();
        var reached = 0L;
        var source = new HistorySource("h.events", HistoryFormat.Events, () => new Support.ReadCallbackStream(bytes, position =>
        {
            reached = position;
            if (position >= bytes.Length / 4) stop.Cancel();
        }));

        Assert.ThrowsAny<OperationCanceledException>(() => CheckPipeline.Check([Rules], [source], null, new StreamOptions { Cancellation = stop.Token, Threads = 2 }));
        Assert.True(reached < bytes.Length, "the whole history was read although the check was cancelled a quarter of the way in");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_history_that_fails_while_read_on_another_thread_fails_the_check_as_on_one(int threads)
    {
        var good = "2022-09-13 AZE attack ARM\n2022-09-15 RUS assist ARM\n";
        var failing = new HistorySource("b.events", HistoryFormat.Events, () => new Support.ReadCallbackStream("2022-09-14 AZE attack ARM\n"u8.ToArray(), _ => throw new IOException("the disk went away")));

        var thrown = Assert.Throws<IOException>(() => CheckPipeline.Check([Rules], [HistorySource.FromText("a.events", HistoryFormat.Events, good), failing], null, new StreamOptions { Threads = threads }));

        Assert.Equal("the disk went away", thrown.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void An_unsorted_history_found_on_another_thread_is_read_again_with_the_same_report(int threads)
    {
        // Far more events than the queue holds: the reader is stopped early by the merge, and read again.
        var lines = Enumerable.Range(0, 30_000).Select(i => $"{new NodaTime.LocalDate(1950, 1, 1).PlusDays(i):yyyy-MM-dd} AZE attack ARM").ToList();
        (lines[10], lines[20_000]) = (lines[20_000], lines[10]);
        var files = new[] { ("a.events", string.Join("\n", lines) + "\n"), ("b.events", "2022-09-15 RUS assist ARM\n") };

        Assert.Equal(ThreadsProperties.Run(files, 1, null, false), ThreadsProperties.Run(files, threads, null, false));
        Assert.Contains("a.events:12 is dated before the line above it", ThreadsProperties.Run(files, threads, null, false), StringComparison.Ordinal);
    }
    /// <summary>
    /// Regression: when a file of a parallel merge failed at its first event, the files after it
    /// were never disposed: their threads waited for room for ever, holding their files open.
    /// </summary>
    [Fact]
    public void A_file_failing_first_stops_the_files_read_ahead_after_it()
    {
        var big = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("2021-05-12 AZE attack ARM\n", 100_000)));
        TrackedStream? later = null;
        using var laterOpened = new ManualResetEventSlim();
        // The first file fails only once the second is open, so the second has a thread and a file to leave behind.
        var failing = new HistorySource("a.events", HistoryFormat.Events, () => laterOpened.Wait(TimeSpan.FromMinutes(1)) ? throw new InvalidOperationException("boom") : throw new TimeoutException());
        var after = new HistorySource("b.events", HistoryFormat.Events, () =>
        {
            later = new TrackedStream(big);
            laterOpened.Set();
            return later;
        });
        var merge = new SortedMerge(new HistoryReader(null), [failing, after]) { ParallelFiles = 2 };

        Assert.Throws<InvalidOperationException>(() => merge.Events().ToList());
        Assert.NotNull(later);
        Assert.True(later.Disposed);
    }

    private sealed class TrackedStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public volatile bool Disposed;

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}

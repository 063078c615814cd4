using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;

namespace AllianceRules.History;

/// <summary>
/// Enumerates a sequence on a thread of its own, ahead of the consumer, handing it over in chunks
/// through a bounded queue: reading a history and evaluating it then use two cores. Enumerated
/// once. The consumer sees exactly the items, in order, and the exception (if any) the sequence
/// would have given it, where it would have given it; disposing it early stops and joins the thread.
/// </summary>
/// <remarks>
/// The queue hands over memory as well as items: whatever the producer wrote before it queued a
/// chunk is visible to the consumer once it took that chunk, and everything the producer wrote is
/// visible once the enumeration ended or was disposed (the thread is joined).
/// </remarks>
public sealed class ReadAhead<T> : IEnumerable<T>
{
    /// <summary>Items per chunk: few enough that the consumer starts at once, many enough that handing over costs nothing.</summary>
    public const int DefaultChunk = 1024;

    /// <summary>Chunks queued at most: the producer waits beyond that, so memory stays bounded.</summary>
    public const int DefaultDepth = 8;

    private readonly IEnumerable<T> _source;
    private readonly Action? _afterFirst;
    private readonly CancellationToken _cancellation;
    private readonly int _chunk;
    private readonly int _depth;
    private int _started;

    /// <param name="source">The sequence, enumerated (and disposed) on the producer's thread.</param>
    /// <param name="afterFirst">Run on the producer's thread once the first item is read, or none is, before it is handed over: what it records, the consumer may read after its first MoveNext.</param>
    /// <param name="cancellation">Stops a consumer that waits for the next chunk (OperationCanceledException).</param>
    public ReadAhead(IEnumerable<T> source, Action? afterFirst = null, CancellationToken cancellation = default, int chunk = DefaultChunk, int depth = DefaultDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        (_source, _afterFirst, _cancellation, _chunk, _depth) = (source, afterFirst, cancellation, chunk, depth);
    }

    /// <summary>Starts the producer's thread; a second call is an error, as the source is read once.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0) throw new InvalidOperationException("A read-ahead sequence is enumerated once.");
        return new Consumer(this);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Consumer : IEnumerator<T>
    {
        private readonly ReadAhead<T> _owner;
        private readonly BlockingCollection<(T[] Items, int Count)> _queue;
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private ExceptionDispatchInfo? _error;
        private (T[] Items, int Count) _current = ([], 0);
        private int _index = -1;
        private bool _joined;

        public Consumer(ReadAhead<T> owner)
        {
            _owner = owner;
            _queue = new BlockingCollection<(T[], int)>(new ConcurrentQueue<(T[], int)>(), owner._depth);
            // The producer reads as the consumer would: same culture, same ambient context.
            var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            _thread = new Thread(() =>
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = uiCulture;
                Produce();
            })
            {
                IsBackground = true,
                Name = "AllianceRules read-ahead",
            };
            _thread.Start();
        }

        public T Current => _current.Items[_index];

        object? IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (++_index < _current.Count) return true;
            while (!_joined)
            {
                if (_queue.TryTake(out var next, Timeout.Infinite, _owner._cancellation))
                {
                    if (next.Count == 0) continue;
                    (_current, _index) = (next, 0);
                    return true;
                }
                // Completed: every chunk was taken; the producer's last writes are visible once it is joined.
                Join();
                _error?.Throw();
            }
            (_current, _index) = (([], 0), -1);
            return false;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
            if (!_joined)
            {
                // A producer waiting for room gives up; one reading finishes its chunk and then gives up.
                _stop.Cancel();
                Join();
            }
            _stop.Dispose();
            _queue.Dispose();
        }

        private void Join()
        {
            _thread.Join();
            _joined = true;
        }

        private void Produce()
        {
            var stop = _stop.Token;
            try
            {
                using var items = _owner._source.GetEnumerator();
                var chunk = new T[_owner._chunk];
                var count = 0;
                var first = true;
                try
                {
                    while (!stop.IsCancellationRequested && items.MoveNext())
                    {
                        if (first)
                        {
                            first = false;
                            _owner._afterFirst?.Invoke();
                        }
                        chunk[count++] = items.Current;
                        if (count < chunk.Length) continue;
                        _queue.Add((chunk, count), stop);
                        (chunk, count) = (new T[_owner._chunk], 0);
                    }
                    if (first && !stop.IsCancellationRequested) _owner._afterFirst?.Invoke();
                }
                finally
                {
                    // What was read before a failure is handed over first, as the sequence would have given it.
                    if (count > 0 && !stop.IsCancellationRequested) _queue.Add((chunk, count), stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer left; nobody waits for the rest.
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                _queue.CompleteAdding();
            }
        }
    }
}

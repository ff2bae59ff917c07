using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;

namespace Nomadic.AI.Tests.Evaluation;

public sealed class EvaluatorExtensionsTests
{
    private static readonly EvaluationItem[] Items = [.. Enumerable.Range(1, 24).Select(i => new EvaluationItem($"{i}", "q") { Reference = $"{i}" })];
    private static readonly string[] Outputs = [.. Enumerable.Range(1, 24).Select(i => i % 3 == 0 ? "wrong" : $"{i}")];

    [Fact]
    public async Task EvaluateAllAsync_Concurrently_ScoresInItemOrderWithinTheLimit()
    {
        var evaluator = new SlowExactMatch();

        var (scores, summary) = await evaluator.EvaluateAllAsync(Items, Outputs, maxConcurrency: 4);

        Assert.Equal(Outputs.Select(o => o == "wrong" ? 0.0 : 1.0), scores.Select(s => s.Score));
        Assert.Equal(16.0 / 24, summary.Mean, 12);
        Assert.InRange(evaluator.MostInFlight, 2, 4);
    }

    [Fact]
    public async Task EvaluateAllAsync_One_ScoresOneAfterTheOther()
    {
        var evaluator = new SlowExactMatch();

        await evaluator.EvaluateAllAsync(Items, Outputs, maxConcurrency: 1);

        Assert.Equal(1, evaluator.MostInFlight);
    }

    [Fact]
    public async Task EvaluateAllAsync_ZeroConcurrency_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new ExactMatchEvaluator().EvaluateAllAsync(Items, Outputs, maxConcurrency: 0));

    [Fact]
    public async Task EvaluateAllAsync_MismatchedLengths_NamesBoth()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new ExactMatchEvaluator().EvaluateAllAsync(Items, ["x"], maxConcurrency: 2));

        Assert.StartsWith("24 items but 1 outputs.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Exact match that waits like a remote judge and records how many items it scores at once.</summary>
    private sealed class SlowExactMatch : IEvaluator
    {
        private readonly ExactMatchEvaluator _inner = new();
        private int _inFlight;
        private int _mostInFlight;

        public string Name => "slow_exact_match";

        public int MostInFlight => Volatile.Read(ref _mostInFlight);

        public async ValueTask<ItemScore> EvaluateAsync(EvaluationItem item, string output, CancellationToken cancellationToken = default)
        {
            int now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _mostInFlight)) && Interlocked.CompareExchange(ref _mostInFlight, now, seen) != seen)
            {
            }

            try
            {
                await Task.Delay(20, cancellationToken);
                return await _inner.EvaluateAsync(item, output, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}

using CsCheck;
using Nomadic.Results;
using static Nomadic.Tests.Results.SeedResults;

namespace Nomadic.Tests.Results;

public class BestRunSelectorTests
{
    private static readonly Gen<RunResult> Runs =
        from score in Gen.Frequency<double>((6, Gen.Int[-3, 3].Select(i => i / 2.0)), (1, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity)))
        from status in Gen.Frequency((6, RunStatus.Completed), (1, RunStatus.Failed), (1, RunStatus.Pruned))
        select new RunResult(score, Params()) { Status = status };

    [Fact]
    public void IndexOf_AnyRuns_IsTheEarliestBestUsableRun()
    {
        Gen.Select(Runs.Array[0, 12], Gen.OneOf(Direction.Maximize, Direction.Minimize)).Sample((runs, direction) =>
        {
            int expected = -1;
            var usable = runs.Select((r, i) => (r, i)).Where(p => p.r.Status == RunStatus.Completed && double.IsFinite(p.r.Score)).ToList();
            if (usable.Count > 0)
            {
                double best = direction == Direction.Maximize ? usable.Max(p => p.r.Score) : usable.Min(p => p.r.Score);
                expected = usable.First(p => p.r.Score == best).i;
            }

            Assert.Equal(expected, BestRunSelector.IndexOf(runs, direction));
        });
    }

    [Theory]
    [InlineData(2.0, 1.0, Direction.Maximize, true)]
    [InlineData(1.0, 2.0, Direction.Maximize, false)]
    [InlineData(1.0, 1.0, Direction.Maximize, false)]
    [InlineData(1.0, 2.0, Direction.Minimize, true)]
    [InlineData(2.0, 1.0, Direction.Minimize, false)]
    [InlineData(1.0, 1.0, Direction.Minimize, false)]
    public void IsBetter_CandidateAndIncumbent_OnlyStrictlyBetterWins(double candidate, double incumbent, Direction direction, bool expected)
    {
        Assert.Equal(expected, BestRunSelector.IsBetter(candidate, incumbent, direction));
    }
}

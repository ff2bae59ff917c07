using Nomadic.Experiments;
using Nomadic.Objectives;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.LocalSearch;

public class LocalSearchExperimentTests
{
    public static TheoryData<string> Tuners => ["cfo", "blendsearch"];

    [Theory]
    [MemberData(nameof(Tuners))]
    public async Task RunAsync_ParallelWorkersWithBaselineAndCrashes_RunsEverySampleOnce(string name)
    {
        BenchmarkFunction branin = BenchmarkFunctions.Branin;
        using var experiment = new Experiment(branin.SearchSpace, p => (double)p["x0"]! > 9 ? throw new InvalidOperationException("crash") : branin.Evaluate(p), new ExperimentOptions
        {
            Tuner = name == "cfo" ? new CfoTuner() : new BlendSearchTuner(),
            NumSamples = 60,
            MaxConcurrentTrials = 4,
            Seed = 3,
            Direction = Direction.Minimize,
            CurrentParams = new Dictionary<string, object?> { ["x0"] = 9.5, ["x1"] = 1.0 },
        });

        ExperimentResult result = await experiment.RunAsync();

        Assert.Equal(60, result.Count);
        Assert.Equal(60, result.RunResults.Select(r => LocalSearchDriver.Key(r.Params)).Distinct().Count());
        Assert.True(result.BestRunResult.Score - branin.Optimum < 0.5, $"best {result.BestRunResult.Score}");
    }
}

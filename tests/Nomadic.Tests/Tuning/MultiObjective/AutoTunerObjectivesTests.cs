using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.MultiObjective;

/// <summary><see cref="AutoTuner"/> with objectives besides the score.</summary>
public class AutoTunerObjectivesTests
{
    private static readonly ObjectiveMetric F2 = new("f2", Direction.Minimize);
    private static readonly SearchSpace Space = new() { ["x"] = Tune.Uniform(0, 1), ["k"] = Tune.RandInt(0, 10), ["c"] = Tune.Choice("a", "b", "c") };

    [Fact]
    public void Suggest_WithObjectives_IsMultiObjectiveTpeThenNsgaIIFromEveryRun()
    {
        var auto = new AutoTuner(new AutoTunerOptions { MultiObjectiveTpeRuns = 15 });
        var tpe = new TpeTuner();
        var nsga = new NsgaIITuner();
        ITuner[] tuners = [auto, tpe, nsga];
        foreach (ITuner tuner in tuners)
        {
            tuner.Initialize(new TunerSetup(Space, Direction.Maximize, 7) { Objectives = [F2] });
        }

        for (int i = 0; i < 130; i++)
        {
            var context = new TunerContext([], []);
            IReadOnlyDictionary<string, object?> suggestion = auto.Suggest(context)!;
            ITuner expected = i < 15 ? tpe : nsga;

            Assert.Equal(expected.Suggest(context), suggestion);
            var run = new RunResult((double)suggestion["x"]!, suggestion, new Dictionary<string, object?> { ["f2"] = (int)suggestion["k"]! - (double)suggestion["x"]! });
            foreach (ITuner tuner in tuners)
            {
                tuner.Observe(run);
            }
        }
    }

    [Fact]
    public void Options_Default_HandsOverToNsgaIIAfter200Runs()
    {
        Assert.Equal(200, new AutoTunerOptions().MultiObjectiveTpeRuns);
    }

    [Fact]
    public void Constructor_NegativeMultiObjectiveTpeRuns_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AutoTuner(new AutoTunerOptions { MultiObjectiveTpeRuns = -1 }));

        Assert.Equal("MultiObjectiveTpeRuns", error.ParamName);
    }
}

using CsCheck;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

/// <summary>
/// What every tuner must do, checked through real experiments over generated spaces; a name ending in
/// <c>-objectives</c> runs its experiments with a second objective, read from the runs' metadata.
/// </summary>
public class TunerContractTests
{
    private static readonly ObjectiveMetric Cost = new("cost", Direction.Minimize);

    private static readonly Dictionary<string, Func<ITuner>> Tuners = new(StringComparer.Ordinal)
    {
        ["random"] = () => new RandomTuner(),
        ["sobol"] = () => new QuasiRandomTuner(),
        ["tpe"] = () => new TpeTuner(),
        ["tpe-multivariate"] = () => new TpeTuner(new TpeOptions { Multivariate = true }),
        ["gp"] = () => new GaussianProcessTuner(),
        ["cfo"] = () => new CfoTuner(),
        ["blendsearch"] = () => new BlendSearchTuner(),
        ["nsga2"] = () => new NsgaIITuner(),
        ["auto"] = () => new AutoTuner(),
        ["tpe-objectives"] = () => new TpeTuner(),
        ["tpe-multivariate-objectives"] = () => new TpeTuner(new TpeOptions { Multivariate = true }),
        ["nsga2-objectives"] = () => new NsgaIITuner(new NsgaIIOptions { PopulationSize = 8 }),
        ["auto-objectives"] = () => new AutoTuner(new AutoTunerOptions { MultiObjectiveTpeRuns = 12 }),
    };

    public static TheoryData<string> Names => [.. Tuners.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Experiment_AnySpace_RunsOnlyConfigurationsInsideTheDomains(string tuner)
    {
        Gen.Select(DomainGenerators.Space, Gen.Int, Gen.Int[1, 30]).Sample((space, seed, runs) =>
        {
            var options = new ExperimentOptions { Tuner = Tuners[tuner](), NumSamples = runs, Seed = seed, Objectives = Objectives(tuner) };
            ExperimentResult result = new Experiment(space, Evaluate, options).RunAsync().GetAwaiter().GetResult();
            return result.Count >= 1 && result.RunResults.All(r => space.Contains(r.Params));
        }, iter: tuner is "gp" or "auto" ? 8 : 25);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Experiment_FiniteSpace_EveryConfigurationOnceBeforeItStops(string tuner)
    {
        DomainGenerators.SmallEnumerable.Array[1, 3].Select(Gen.Int).Sample((domains, seed) =>
        {
            var space = new SearchSpace();
            for (int i = 0; i < domains.Length; i++)
            {
                space.Add("p" + i, domains[i]);
            }

            int size = (int)space.GridSize!.Value;
            var options = new ExperimentOptions { Tuner = Tuners[tuner](), NumSamples = size + 3, Seed = seed, Direction = Direction.Minimize, Objectives = Objectives(tuner) };
            ExperimentResult result = new Experiment(space, Evaluate, options).RunAsync().GetAwaiter().GetResult();
            int distinct = result.RunResults.Select(r => ParamValue.ToDisplayString(r.Params)).Distinct().Count();
            return result.Count == size && distinct == size;
        }, iter: tuner is "gp" or "auto" ? 8 : 25);
    }

    private static ObjectiveMetric[] Objectives(string tuner) => tuner.EndsWith("-objectives", StringComparison.Ordinal) ? [Cost] : [];

    // The score, and a bounded cost that goes up and down with it, so neither decides the other.
    private static RunResult Evaluate(IReadOnlyDictionary<string, object?> configuration)
    {
        double score = Score(configuration);
        return new RunResult(score, configuration, new Dictionary<string, object?> { ["cost"] = Math.Cos(score) });
    }

    private static double Score(IReadOnlyDictionary<string, object?> configuration) =>
        configuration.Values.Sum(v => ParamValue.TryGetDouble(v, out double d) ? d : ParamValue.ToDisplayString(v).Length);
}

using System.Globalization;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Testing;

/// <summary>
/// What every <see cref="ITuner"/> must do, as xUnit tests checked through real experiments over generated search
/// spaces: derive a test class from it and override <see cref="CreateTuner"/>. The tuner takes its seed from the
/// experiment (<see cref="TunerSetup.Seed"/>) unless it was given one of its own.
/// </summary>
/// <example>
/// <code>
/// public sealed class MyTunerTests : TunerConformance
/// {
///     protected override ITuner CreateTuner() => new MyTuner();
/// }
/// </code>
/// </example>
public abstract class TunerConformance
{
    /// <summary>Gets the objectives besides the score the experiments declare; each run reports them in its metadata.</summary>
    /// <value>The default value is none.</value>
    protected virtual IReadOnlyList<ObjectiveMetric> Objectives => [];

    /// <summary>Gets how many generated cases each property test checks.</summary>
    /// <value>The default value is 25; lower it for a tuner whose suggestions are slow.</value>
    protected virtual int Iterations => 25;

    /// <summary>Creates a new tuner; called for every experiment, which must get an instance of its own.</summary>
    /// <returns>The tuner under test.</returns>
    protected abstract ITuner CreateTuner();

    /// <summary>An experiment over any space runs only configurations inside the domains.</summary>
    [Fact]
    public void Experiment_AnySpace_RunsOnlyConfigurationsInsideTheDomains()
    {
        Gen.Select(DomainGenerators.Space, Gen.Int, Gen.Int[1, 30]).Sample((space, seed, runs) =>
        {
            var options = new ExperimentOptions { Tuner = CreateTuner(), NumSamples = runs, Seed = seed, Objectives = [.. Objectives] };
            using var experiment = new Experiment(space, Evaluate, options);
            ExperimentResult result = experiment.RunAsync().GetAwaiter().GetResult();
            return result.Count >= 1 && result.RunResults.All(r => space.Contains(r.Params));
        }, iter: Iterations);
    }

    /// <summary>An experiment over a finite space runs every configuration once, then stops.</summary>
    [Fact]
    public void Experiment_FiniteSpace_EveryConfigurationOnceBeforeItStops()
    {
        DomainGenerators.SmallEnumerable.Array[1, 3].Select(Gen.Int).Sample((domains, seed) =>
        {
            var space = new SearchSpace();
            for (int i = 0; i < domains.Length; i++)
            {
                space.Add("p" + i, domains[i]);
            }

            int size = (int)space.GridSize!.Value;
            var options = new ExperimentOptions { Tuner = CreateTuner(), NumSamples = size + 3, Seed = seed, Direction = Direction.Minimize, Objectives = [.. Objectives] };
            using var experiment = new Experiment(space, Evaluate, options);
            ExperimentResult result = experiment.RunAsync().GetAwaiter().GetResult();
            int distinct = result.RunResults.Select(r => Text(r.Params)).Distinct().Count();
            return result.Count == size && distinct == size;
        }, iter: Iterations);
    }

    /// <summary>
    /// Over any space, with completed, failed and pruned runs told and others still running, every configuration asked
    /// for has a value of its domain's type inside every domain.
    /// </summary>
    [Fact]
    public void Ask_AnySpaceWithRunningAndFailedRuns_GivesAValueOfTheDomainsTypeInsideEveryDomain()
    {
        Gen.Select(DomainGenerators.Space, Gen.Int, Gen.Int[1, 30]).Sample((space, seed, runs) =>
        {
            foreach (IReadOnlyDictionary<string, object?> configuration in AskAndTell(space, seed, runs))
            {
                Assert.Equal(space.Names.Order(), configuration.Keys.Order());
                Assert.True(space.Contains(configuration), $"{space} does not contain {Text(configuration)}");
                Assert.All(space, p => AssertValueType(p.Value, configuration[p.Key]));
            }
        }, iter: Iterations);
    }

    /// <summary>Two experiments with the same seed, space and outcomes ask for the same configurations in the same order.</summary>
    [Fact]
    public void Ask_SameSeedSpaceAndOutcomes_GivesTheSameConfigurations()
    {
        Gen.Select(DomainGenerators.Space, Gen.Int, Gen.Int[1, 30]).Sample((space, seed, runs) =>
            Assert.Equal(AskAndTell(space, seed, runs).Select(Text), AskAndTell(space, seed, runs).Select(Text)), iter: Iterations);
    }

    // Asks and tells as several workers would: up to three trials out at a time, outcomes of every status and run
    // durations drawn from the seed (on a fake clock, so a cost-aware tuner sees the same durations every time).
    private List<IReadOnlyDictionary<string, object?>> AskAndTell(SearchSpace space, int seed, int runs)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new ExperimentOptions { Tuner = CreateTuner(), NumSamples = runs, Seed = seed, Objectives = [.. Objectives], TimeProvider = clock };
        using var experiment = new Experiment(space, Evaluate, options);
        var outcomes = new Random(seed);
        var asked = new List<IReadOnlyDictionary<string, object?>>();
        var running = new Queue<Trial>();
        while (experiment.Ask() is Trial trial)
        {
            asked.Add(trial.Params);
            running.Enqueue(trial);
            if (running.Count < 3 && outcomes.Next(2) == 0)
            {
                continue;
            }

            Trial done = running.Dequeue();
            clock.Advance(TimeSpan.FromMilliseconds(outcomes.Next(1, 1000)));
            RunResult outcome = Evaluate(done.Params);
            experiment.Tell(done, outcomes.Next(6) switch
            {
                0 => RunResult.Failed(done.Params, "failed on purpose"),
                1 => new RunResult(outcome.Score, done.Params, outcome.Metadata) { Status = RunStatus.Pruned },
                _ => outcome,
            });
        }

        return asked;
    }

    private static void AssertValueType(Domain domain, object? value)
    {
        switch (domain)
        {
            case FloatDomain:
                Assert.IsType<double>(value);
                break;
            case IntDomain:
                Assert.IsType<int>(value);
                break;
        }
    }

    // The score, and a bounded value per objective that goes up and down with it, so none decides another.
    private RunResult Evaluate(IReadOnlyDictionary<string, object?> configuration)
    {
        double score = configuration.Values.Sum(Number);
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (int i = 0; i < Objectives.Count; i++)
        {
            metadata[Objectives[i].Name] = Math.Cos(score + i);
        }

        return new RunResult(score, configuration, metadata);
    }

    private static double Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d when double.IsFinite(d) => d,
        string s => s.Length,
        bool b => b ? 1 : 0,
        _ => 0,
    };

    private static string Text(IReadOnlyDictionary<string, object?> configuration) =>
        string.Join(", ", configuration.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value?.GetType().Name}:{Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));
}

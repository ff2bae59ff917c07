using System.Globalization;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Testing;

/// <summary>
/// A seeded experiment whose runs look like an <c>llm</c> run's, for the screenshot tests of the report and the
/// dashboard: per-item scores and the model's answers in the metadata, a cost as a second objective, intermediate
/// values, and a space with a categorical, a float, an int, a log-scaled float and a conditional parameter, so that
/// every family of plot applies (shared by the test projects that take screenshots).
/// </summary>
public static class ListMetadataExperiment
{
    /// <summary>The completed runs <see cref="RunAsync"/> makes.</summary>
    public const int Runs = 24;

    /// <summary>The first answer of every run: long, with quotes, markup and non-ASCII text, so a table cell cuts it.</summary>
    public const string LongAnswer = "The capital of France is Paris, on the Seine; it has been the seat of government since 987 — \"la Ville Lumière\" <b>not</b> Lyon & not Marseille.";

    /// <summary>The search space.</summary>
    public static SearchSpace Space() => new()
    {
        ["prompt_style"] = Tune.Choice("direct", "few_shot"),
        ["temperature"] = Tune.Uniform(0.0, 1.5),
        ["max_tokens"] = Tune.RandInt(16, 512),
        ["min_p"] = Tune.LogUniform(1e-4, 1e-1),
        ["shots"] = Tune.RandInt(1, 5).When("prompt_style", "few_shot"),
    };

    /// <summary>Runs the experiment, each run's outcome computed from its parameters.</summary>
    /// <param name="name">The experiment's name.</param>
    /// <param name="storage">Where the runs go, if anywhere.</param>
    /// <param name="extraRuns">Runs after the <see cref="Runs"/> completed ones, each given to <paramref name="hold"/> first.</param>
    /// <param name="hold">Awaited by the runs past <see cref="Runs"/> before they finish, e.g. to keep one running.</param>
    /// <returns>The experiment's result.</returns>
    public static async Task<ExperimentResult> RunAsync(string name, IExperimentStorage? storage = null, int extraRuns = 0, Func<Trial, Task>? hold = null)
    {
        IObjective objective = Objective.FromTrial(async (trial, cancellationToken) =>
        {
            if (trial.Number >= Runs && hold is not null)
            {
                await hold(trial).WaitAsync(cancellationToken);
            }

            return Evaluate(trial);
        });
        using var experiment = new Experiment(Space(), objective, new ExperimentOptions
        {
            Name = name,
            Storage = storage,
            Tuner = new RandomTuner(7),
            NumSamples = Runs + extraRuns,
            Seed = 7,
            Objectives = [new ObjectiveMetric("cost_usd", Direction.Minimize)],
        });
        return await experiment.RunAsync();
    }

    private static RunResult Evaluate(Trial trial)
    {
        IReadOnlyDictionary<string, object?> p = trial.Params;
        double temperature = Convert.ToDouble(p["temperature"], CultureInfo.InvariantCulture);
        int maxTokens = Convert.ToInt32(p["max_tokens"], CultureInfo.InvariantCulture);
        double minP = Convert.ToDouble(p["min_p"], CultureInfo.InvariantCulture);
        bool fewShot = (string?)p["prompt_style"] == "few_shot";
        double quality = 0.35 + (fewShot ? 0.2 : 0) - (0.2 * Math.Abs(temperature - 0.6)) + (0.05 * Math.Log10(maxTokens)) + (0.02 * Math.Log10(minP));
        var itemScores = new List<object?>();
        double sum = 0;
        for (int item = 0; item < 4; item++)
        {
            double score = Math.Round(Math.Clamp(quality + (0.1 * Math.Sin((trial.Number * 3) + item)), 0, 1), 2);
            itemScores.Add(score);
            sum += score;
            trial.Report(item, sum / (item + 1));
        }

        var outputs = new List<object?>
        {
            new Dictionary<string, object?> { ["question"] = "What is the capital of France?", ["answer"] = LongAnswer },
            new Dictionary<string, object?> { ["question"] = "2 + 2?", ["answer"] = trial.Number % 3 == 0 ? "5" : "4" },
        };
        var metadata = new Dictionary<string, object?>
        {
            ["item_scores"] = itemScores,
            ["example_outputs"] = outputs,
            ["cost_usd"] = Math.Round(maxTokens * (fewShot ? 2.0 : 1.0) * 1e-5, 6),
        };
        return new RunResult(Math.Round(sum / itemScores.Count, 4), p, metadata);
    }
}

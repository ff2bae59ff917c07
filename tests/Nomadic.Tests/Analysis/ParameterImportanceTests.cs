using CsCheck;
using Nomadic.Analysis;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Analysis;

public class ParameterImportanceTests
{
    private static ExperimentResult Sample(SearchSpace space, int runs, int seed, Func<IReadOnlyDictionary<string, object?>, Random, double> f)
    {
        var random = new Random(seed);
        var results = new List<RunResult>();
        for (int i = 0; i < runs; i++)
        {
            Dictionary<string, object?> p = space.Activate(space.ToDictionary(kv => kv.Key, kv => kv.Value.Sample(random)));
            results.Add(new RunResult(f(p, random), p));
        }

        return new ExperimentResult(space, results);
    }

    private static double Num(IReadOnlyDictionary<string, object?> p, string name) => Convert.ToDouble(p[name], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ParameterImportances_LinearFunction_StrongParameterFirst()
    {
        var space = new SearchSpace { { "y", Tune.Uniform(0, 1) }, { "x", Tune.Uniform(0, 1) } };
        ExperimentResult result = Sample(space, 500, 1, (p, r) => (10 * Num(p, "x")) + (0.1 * Num(p, "y")) + (0.05 * r.NextDouble()));

        IReadOnlyList<ParameterImportance> importances = result.ParameterImportances();

        Assert.Equal(["x", "y"], importances.Select(i => i.Name));
        Assert.True(importances[0].Importance > 0.95, $"x has {importances[0].Importance}");
        Assert.Equal(1.0, importances.Sum(i => i.Importance), 12);
        Assert.All(importances, i => Assert.Equal(500, i.RunCount));
    }

    [Fact]
    public void ParameterImportances_CategoricalMatters_CategoricalFirst()
    {
        var space = new SearchSpace
        {
            { "lr", Tune.LogUniform(1e-5, 1) },
            { "optimizer", Tune.Choice("sgd", "adam", "rmsprop", "adagrad") },
            { "layers", Tune.RandInt(1, 9) },
        };
        var offset = new Dictionary<string, double> { ["sgd"] = 5, ["adam"] = 0, ["rmsprop"] = 1, ["adagrad"] = 4 };
        ExperimentResult result = Sample(space, 600, 2, (p, r) => offset[(string)p["optimizer"]!] + (0.3 * Math.Log10(Num(p, "lr"))) + (0.01 * Num(p, "layers")) + (0.1 * r.NextDouble()));

        IReadOnlyList<ParameterImportance> importances = result.ParameterImportances();

        Assert.Equal(["optimizer", "lr", "layers"], importances.Select(i => i.Name));
    }

    [Fact]
    public void ParameterImportances_LogDomain_MeasuredOnLogScale()
    {
        // f depends on log10(lr) linearly: on the log scale lr explains nearly everything.
        var space = new SearchSpace { { "lr", Tune.LogUniform(1e-6, 1) }, { "u", Tune.Uniform(0, 1) } };
        ExperimentResult result = Sample(space, 400, 3, (p, _) => Math.Log10(Num(p, "lr")) + (0.5 * Num(p, "u")));

        ParameterImportance lr = result.ParameterImportances()[0];

        Assert.Equal("lr", lr.Name);
        Assert.True(lr.Importance > 0.9, $"lr has {lr.Importance}");
    }

    [Fact]
    public void ParameterImportances_LinearScaleForLogDomain_LogParameterLessImportant()
    {
        // log10(lr) varies over [-6, 0] but on the linear measure almost all of [1e-6, 1] has log10(lr) > -1.
        var space = new SearchSpace { { "lr", Tune.LogUniform(1e-6, 1) }, { "u", Tune.Uniform(0, 1) } };
        ExperimentResult result = Sample(space, 400, 3, (p, _) => Math.Log10(Num(p, "lr")) + (2 * Num(p, "u")));

        double logScale = result.ParameterImportances().Single(i => i.Name == "lr").Importance;
        double linearScale = result.ParameterImportances(new ImportanceOptions { LogScaleForLogDomains = false }).Single(i => i.Name == "lr").Importance;

        Assert.True(linearScale < logScale, $"linear {linearScale}, log {logScale}");
    }

    [Fact]
    public void ParameterImportances_SameSeed_SameResult()
    {
        var space = new SearchSpace { { "a", Tune.Uniform(0, 1) }, { "b", Tune.Choice(1, 2, 3) } };
        ExperimentResult result = Sample(space, 200, 4, (p, r) => Num(p, "a") * Num(p, "b") + r.NextDouble());

        Assert.Equal(result.ParameterImportances(), result.ParameterImportances(new ImportanceOptions { MaxDegreeOfParallelism = 1 }));
    }

    [Fact]
    public void ParameterImportances_ConditionalParameter_UsesRunsWhereItExists()
    {
        var space = new SearchSpace
        {
            { "kind", Tune.Choice("linear", "tree") },
            { "depth", Tune.RandInt(1, 20).When("kind", "tree") },
            { "noise", Tune.Uniform(0, 1) },
        };
        ExperimentResult result = Sample(space, 400, 5, (p, r) => p.TryGetValue("depth", out object? d) && d is int depth ? depth : 0.01 * Num(p, "noise"));

        IReadOnlyList<ParameterImportance> importances = result.ParameterImportances();

        ParameterImportance depth = importances.Single(i => i.Name == "depth");
        Assert.InRange(depth.RunCount, 150, 250);
        Assert.Equal(400, importances.Single(i => i.Name == "kind").RunCount);
        Assert.True(depth.Importance > importances.Single(i => i.Name == "noise").Importance);
    }

    [Fact]
    public void ParameterImportances_NoiseChildOfFlatBranch_BelowBranchChoice()
    {
        // Runs of kind "b" score 3 plus noise whatever alpha is; alpha, existing only there, explains nothing.
        ExperimentResult result = Sample(TwoBranchSpace(), 600, 10, TwoBranchScore);

        IReadOnlyList<ParameterImportance> importances = result.ParameterImportances();

        double alpha = importances.Single(i => i.Name == "alpha").Importance;
        Assert.True(alpha < importances.Single(i => i.Name == "kind").Importance, $"alpha {alpha}, kind {importances.Single(i => i.Name == "kind").Importance}");
        Assert.True(alpha < 0.05, $"alpha has {alpha}");
    }

    [Fact]
    public void ParameterImportances_TwoBranches_MatchExactMainEffects()
    {
        // Exact main effects of the score: kind moves the mean from 2 to 3 (variance 0.25); x acts in half the runs
        // with variance 16/12 there (0.667 overall); the total variance is 0.25 + 0.5 × 16/12 + 0.5 × 0.01 = 0.922.
        ExperimentResult result = Sample(TwoBranchSpace(), 600, 11, TwoBranchScore);

        IReadOnlyList<ParameterImportance> importances = result.ParameterImportances();

        Assert.Equal(["x", "kind", "alpha"], importances.Select(i => i.Name));
        Assert.InRange(importances[0].Importance, 0.72 - 0.08, 0.72 + 0.08);
        Assert.InRange(importances[1].Importance, 0.27 - 0.08, 0.27 + 0.08);
        Assert.InRange(importances[0].MainEffectFraction, 0.72 - 0.1, 0.72 + 0.1);
        Assert.InRange(importances[0].RunCount, 250, 350);
    }

    [Fact]
    public void ParameterImportances_CategoricalInteractingWithLogParameter_MatchExactMainEffects()
    {
        // The suite's "mixed" function. Exact main effects, integrated on the scale values are drawn on (log10 lr
        // uniform on [-5, -1], categories and layers equally likely), normalized: lr 0.489, layers 0.326,
        // optimizer 0.137, dropout 0.048.
        var space = new SearchSpace
        {
            { "optimizer", Tune.Choice("sgd", "adam", "rmsprop") },
            { "layers", Tune.RandInt(1, 9) },
            { "dropout", Tune.Uniform(0, 0.9) },
            { "lr", Tune.LogUniform(1e-5, 0.1) },
        };
        var offset = new Dictionary<string, double> { ["sgd"] = 0.3, ["adam"] = 0, ["rmsprop"] = 0.15 };
        var center = new Dictionary<string, double> { ["sgd"] = -2, ["adam"] = -3, ["rmsprop"] = -3.5 };
        ExperimentResult result = Sample(space, 1000, 12, (p, _) =>
        {
            string optimizer = (string)p["optimizer"]!;
            return offset[optimizer] + (0.1 * Math.Pow(Num(p, "layers") - 4, 2)) + (2 * Math.Pow(Num(p, "dropout") - 0.3, 2))
                + (0.5 * Math.Pow(Math.Log10(Num(p, "lr")) - center[optimizer], 2));
        });

        Dictionary<string, double> importances = result.ParameterImportances().ToDictionary(i => i.Name, i => i.Importance);

        Assert.InRange(importances["lr"], 0.489 - 0.06, 0.489 + 0.06);
        Assert.InRange(importances["layers"], 0.326 - 0.06, 0.326 + 0.06);
        Assert.InRange(importances["optimizer"], 0.137 - 0.04, 0.137 + 0.04);
        Assert.InRange(importances["dropout"], 0.048 - 0.03, 0.048 + 0.03);
    }

    [Fact]
    public void ParameterImportances_AnyConditionalRuns_NonNegativeSumToOneAndCountRunsWhereParameterExists()
    {
        Gen.Select(Gen.Int[2, 80], Gen.Int[0, 1000]).Sample((runs, seed) =>
        {
            ExperimentResult result = Sample(TwoBranchSpace(), runs, seed, TwoBranchScore);
            IReadOnlyList<ParameterImportance> importances = result.ParameterImportances(new ImportanceOptions { Trees = 8, Seed = seed });
            double total = importances.Sum(i => i.Importance);
            int withX = result.RunResults.Count(r => r.Params.ContainsKey("x"));
            return importances.Count == 3 && importances.All(i => i.Importance >= 0 && i.MainEffectFraction >= 0)
                && (Math.Abs(total - 1) < 1e-9 || total == 0)
                && importances.Single(i => i.Name == "x").RunCount == withX
                && importances.Single(i => i.Name == "kind").RunCount == runs;
        }, iter: 30);
    }

    private static SearchSpace TwoBranchSpace() => new()
    {
        { "kind", Tune.Choice("a", "b") },
        { "x", Tune.Uniform(0, 1).When("kind", "a") },
        { "alpha", Tune.Uniform(0, 1).When("kind", "b") },
    };

    private static double TwoBranchScore(IReadOnlyDictionary<string, object?> p, Random random) =>
        (string)p["kind"]! == "a" ? 4 * Num(p, "x") : 3 + (0.1 * ((random.NextDouble() * Math.Sqrt(12)) - Math.Sqrt(3)));

    [Fact]
    public void ParameterImportances_AnyRuns_NonNegativeAndSumToOneOrZero()
    {
        var space = new SearchSpace { { "a", Tune.Uniform(0, 1) }, { "b", Tune.Choice("p", "q", "r") }, { "c", Tune.QRandInt(0, 10, 2) } };
        Gen.Select(Gen.Int[2, 60], Gen.Int[0, 1000]).Sample((runs, seed) =>
        {
            IReadOnlyList<ParameterImportance> importances = Sample(space, runs, seed, (p, r) => Math.Round(r.NextDouble() * Num(p, "c"), 1))
                .ParameterImportances(new ImportanceOptions { Trees = 8, Seed = seed });
            double total = importances.Sum(i => i.Importance);
            return importances.Count == 3 && importances.All(i => i.Importance >= 0 && i.MainEffectFraction <= 1 + 1e-9)
                && (Math.Abs(total - 1) < 1e-9 || total == 0);
        }, iter: 30);
    }

    [Fact]
    public void ParameterImportances_SingleValueDomain_Left()
    {
        var space = new SearchSpace { { "x", Tune.Uniform(0, 1) }, { "fixed", Tune.Choice("only") } };
        ExperimentResult result = Sample(space, 50, 6, (p, _) => Num(p, "x"));

        Assert.Equal(["x"], result.ParameterImportances().Select(i => i.Name));
    }

    [Fact]
    public void ParameterImportances_ConstantScore_AllZero()
    {
        var space = new SearchSpace { { "x", Tune.Uniform(0, 1) } };

        Assert.All(Sample(space, 20, 7, (_, _) => 1.0).ParameterImportances(), i => Assert.Equal(0.0, i.Importance));
    }

    [Fact]
    public void ParameterImportances_OneRun_Throws()
    {
        var space = new SearchSpace { { "x", Tune.Uniform(0, 1) } };

        Assert.Throws<InvalidOperationException>(() => Sample(space, 1, 8, (_, _) => 1.0).ParameterImportances());
    }

    [Fact]
    public void ParameterImportances_TenThousandRunsSixParameters_Completes()
    {
        // Speed is measured by bench/Nomadic.Bench.Importance; this only guards against a quadratic blow-up.
        var space = new SearchSpace
        {
            { "a", Tune.Uniform(0, 1) }, { "b", Tune.Uniform(0, 1) }, { "c", Tune.LogUniform(1e-4, 1) },
            { "d", Tune.RandInt(0, 50) }, { "e", Tune.Choice("p", "q", "r") }, { "f", Tune.Uniform(-1, 1) },
        };
        ExperimentResult result = Sample(space, 10_000, 9, (p, r) => (3 * Num(p, "a")) + Num(p, "b") + (0.1 * r.NextDouble()));

        IReadOnlyList<ParameterImportance> importances = result.ParameterImportances();

        Assert.Equal("a", importances[0].Name);
        Assert.Equal(6, importances.Count);
    }
}

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

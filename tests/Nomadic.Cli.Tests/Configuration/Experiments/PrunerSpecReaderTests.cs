using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Tests.Support;
using Nomadic.Pruning;

namespace Nomadic.Cli.Tests.Configuration.Experiments;

public sealed class PrunerSpecReaderTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_NoPruner_IsNull()
    {
        Assert.Null(Read("").Pruner);
    }

    [Fact]
    public void Read_TypeOnly_CreatesThatPrunerWithItsDefaults()
    {
        var median = Assert.IsType<MedianPruner>(Read("pruner: median").Pruner!.Create());
        Assert.IsType<PercentilePruner>(Read("pruner: percentile").Pruner!.Create());
        Assert.IsType<SuccessiveHalvingPruner>(Read("pruner: asha").Pruner!.Create());
        Assert.IsType<HyperbandPruner>(Read("pruner: {type: hyperband}").Pruner!.Create());

        Assert.Equal((5, 0, 1, 1), (median.Options.StartupTrials, median.Options.WarmupSteps, median.Options.IntervalSteps, median.Options.MinTrials));
    }

    [Fact]
    public void Read_MedianSettings_AreApplied()
    {
        PrunerSpec spec = Read("pruner: {type: median, startup_trials: 3, warmup_steps: 10, interval_steps: 2, min_trials: 4}").Pruner!;

        MedianPrunerOptions options = Assert.IsType<MedianPruner>(spec.Create()).Options;
        Assert.Equal("median", spec.Type);
        Assert.Equal((3, 10, 2, 4), (options.StartupTrials, options.WarmupSteps, options.IntervalSteps, options.MinTrials));
    }

    [Fact]
    public void Read_PercentileSettings_AreApplied()
    {
        var pruner = Assert.IsType<PercentilePruner>(Read("pruner: {type: percentile, percentile: 10, warmup_steps: 2}").Pruner!.Create());

        Assert.Equal((10.0, 2), (pruner.Options.Percentile, pruner.Options.WarmupSteps));
    }

    [Fact]
    public void Read_AshaSettings_AreAppliedAndAutoIsTheEstimate()
    {
        var fixedResource = Assert.IsType<SuccessiveHalvingPruner>(Read("pruner: {type: asha, min_resource: 2, reduction_factor: 3, min_early_stopping_rate: 1, bootstrap_count: 2}").Pruner!.Create());
        var auto = Assert.IsType<SuccessiveHalvingPruner>(Read("pruner: {type: asha, min_resource: auto}").Pruner!.Create());

        SuccessiveHalvingPrunerOptions options = fixedResource.Options;
        Assert.Equal((2, 3, 1, 2), (options.MinResource, options.ReductionFactor, options.MinEarlyStoppingRate, options.BootstrapCount));
        Assert.Null(auto.Options.MinResource);
    }

    [Fact]
    public void Read_HyperbandSettings_AreApplied()
    {
        var pruner = Assert.IsType<HyperbandPruner>(Read("pruner: {type: hyperband, min_resource: 2, max_resource: 54, reduction_factor: 3}").Pruner!.Create());

        Assert.Equal((2, 54, 3), (pruner.Options.MinResource, pruner.Options.MaxResource, pruner.Options.ReductionFactor));
    }

    [Fact]
    public void Read_CreateTwice_GivesTwoPruners()
    {
        PrunerSpec spec = Read("pruner: asha").Pruner!;

        Assert.NotSame(spec.Create(), spec.Create());
    }

    [Fact]
    public void Read_UnknownType_ListsTheTypes()
    {
        Assert.EndsWith("line 2, column 9: unknown pruner \"mediam\"; expected one of: median, percentile, asha, hyperband", Error("pruner: mediam"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_KeyOfAnotherType_IsRejectedWithASuggestion()
    {
        Assert.EndsWith("unknown key \"warmup_step\" in \"pruner\"; did you mean \"warmup_steps\"?", Error("pruner: {type: median, warmup_step: 3}"), StringComparison.Ordinal);
        Assert.Contains("unknown key \"percentile\" in \"pruner\"", Error("pruner: {type: median, percentile: 30}"), StringComparison.Ordinal);
        Assert.Contains("unknown key \"max_resource\" in \"pruner\"", Error("pruner: {type: asha, max_resource: 30}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pruner: {warmup_steps: 3}", "\"pruner\" needs a \"type\" (median, percentile, asha, hyperband)")]
    [InlineData("pruner: 3", "\"pruner\" must be a pruner type such as \"median\" or an object such as")]
    [InlineData("pruner: {type: median, warmup_steps: -1}", "\"pruner.warmup_steps\" must be an integer, 0 or more, got -1")]
    [InlineData("pruner: {type: median, interval_steps: 0}", "\"pruner.interval_steps\" must be an integer, at least 1, got 0")]
    [InlineData("pruner: {type: percentile, percentile: 120}", "\"pruner.percentile\" must be between 0 and 100, got 120")]
    [InlineData("pruner: {type: percentile, percentile: high}", "\"pruner.percentile\" must be a number, 0 or more, got \"high\"")]
    [InlineData("pruner: {type: asha, reduction_factor: 1}", "\"pruner.reduction_factor\" must be an integer, at least 2, got 1")]
    [InlineData("pruner: {type: asha, min_resource: some}", "\"pruner.min_resource\" must be an integer, at least 1, got \"some\"")]
    [InlineData("pruner: {type: asha, bootstrap_count: 2}", "\"pruner.bootstrap_count\" needs a fixed \"min_resource\" (not \"auto\")")]
    [InlineData("pruner: {type: hyperband, min_resource: 10, max_resource: 5}", "\"pruner.max_resource\" (5) must not be less than \"pruner.min_resource\" (10)")]
    [InlineData("pruner: {type: hyperband, bootstrap_count: 1}", "\"pruner.bootstrap_count\" needs a fixed \"max_resource\" (not \"auto\")")]
    public void Read_InvalidSetting_FailsNamingTheKey(string yaml, string expected)
    {
        Assert.Contains(expected, Error(yaml), StringComparison.Ordinal);
    }

    private ExperimentFile Read(string yaml) => ExperimentFileReader.Read(_temp.Write("e.yaml", "objective: {builtin: x2}\n" + yaml + "\n"));

    private string Error(string yaml) => Assert.Throws<InputException>(() => Read(yaml)).Message;
}

using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.MultiObjective;

public sealed class MultivariateMultiObjectiveTpeTunerConformanceTests : TunerConformance
{
    protected override IReadOnlyList<ObjectiveMetric> Objectives => [new("cost", Direction.Minimize)];

    protected override ITuner CreateTuner() => new TpeTuner(new TpeOptions { Multivariate = true });
}

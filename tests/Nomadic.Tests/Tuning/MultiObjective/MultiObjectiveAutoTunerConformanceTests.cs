using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.MultiObjective;

public sealed class MultiObjectiveAutoTunerConformanceTests : TunerConformance
{
    protected override int Iterations => 8;

    protected override IReadOnlyList<ObjectiveMetric> Objectives => [new("cost", Direction.Minimize)];

    protected override ITuner CreateTuner() => new AutoTuner(new AutoTunerOptions { MultiObjectiveTpeRuns = 12 });
}

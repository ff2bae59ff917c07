using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.MultiObjective;

public sealed class NsgaIITunerConformanceTests : TunerConformance
{
    protected override ITuner CreateTuner() => new NsgaIITuner();
}

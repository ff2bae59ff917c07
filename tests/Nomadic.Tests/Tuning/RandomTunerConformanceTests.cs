using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

public sealed class RandomTunerConformanceTests : TunerConformance
{
    protected override ITuner CreateTuner() => new RandomTuner();
}

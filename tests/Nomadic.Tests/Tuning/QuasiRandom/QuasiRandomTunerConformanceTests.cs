using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.QuasiRandom;

public sealed class QuasiRandomTunerConformanceTests : TunerConformance
{
    protected override ITuner CreateTuner() => new QuasiRandomTuner();
}

using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

public sealed class AutoTunerConformanceTests : TunerConformance
{
    protected override int Iterations => 8;

    protected override ITuner CreateTuner() => new AutoTuner();
}

using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.Gp;

public sealed class GaussianProcessTunerConformanceTests : TunerConformance
{
    protected override int Iterations => 8;

    protected override ITuner CreateTuner() => new GaussianProcessTuner();
}

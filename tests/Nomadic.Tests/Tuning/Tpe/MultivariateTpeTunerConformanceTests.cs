using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.Tpe;

public sealed class MultivariateTpeTunerConformanceTests : TunerConformance
{
    protected override ITuner CreateTuner() => new TpeTuner(new TpeOptions { Multivariate = true });
}

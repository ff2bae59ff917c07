using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.Tpe;

public sealed class TpeTunerConformanceTests : TunerConformance
{
    protected override ITuner CreateTuner() => new TpeTuner();
}

using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.LocalSearch;

public sealed class BlendSearchTunerConformanceTests : TunerConformance
{
    protected override ITuner CreateTuner() => new BlendSearchTuner();
}

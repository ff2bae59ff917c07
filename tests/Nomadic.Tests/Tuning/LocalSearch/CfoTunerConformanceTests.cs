using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.LocalSearch;

public sealed class CfoTunerConformanceTests : TunerConformance
{
    protected override ITuner CreateTuner() => new CfoTuner();
}

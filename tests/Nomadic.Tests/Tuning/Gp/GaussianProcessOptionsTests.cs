using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning.Gp;

public class GaussianProcessOptionsTests
{
    [Fact]
    public void Constructor_Defaults_MatchOptunasGpSampler()
    {
        var options = new GaussianProcessOptions();

        Assert.Equal(10, options.StartupTrials);
        Assert.Equal(2048, options.CandidateCount);
        Assert.Equal(10, options.LocalSearches);
        Assert.Null(options.Seed);
    }
}

using Nomadic.Reports.Tests.Support;
using Nomadic.Results;

namespace Nomadic.Reports.Tests;

public class ImportanceTextTests
{
    [Fact]
    public void Label_ParameterInSomeRuns_SaysInHowManyOfAll()
    {
        Assert.Equal("hybrid_alpha (in 11 of 30 runs)", ImportanceText.Label("hybrid_alpha", 11, 30));
    }

    [Fact]
    public void Label_ParameterInEveryRun_IsTheNameAlone()
    {
        Assert.Equal("retriever", ImportanceText.Label("retriever", 30, 30));
        Assert.Equal("", ImportanceText.RunsNote(30, 30));
    }

    [Fact]
    public void RunsWith_ConditionalParameter_CountsTheScoredRunsWhereItHasAValue()
    {
        ExperimentResult result = RagResults.Load();

        Assert.Equal(10, ImportanceText.RunsWith(result, "hybrid_alpha"));
        Assert.Equal(30, ImportanceText.RunsWith(result, "retriever"));
        Assert.Equal(0, ImportanceText.RunsWith(result, "no_such_parameter"));
    }
}

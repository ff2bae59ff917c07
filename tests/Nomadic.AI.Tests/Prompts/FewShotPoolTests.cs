using Nomadic.AI.Datasets;
using Nomadic.AI.Prompts;

namespace Nomadic.AI.Tests.Prompts;

public class FewShotPoolTests
{
    private static readonly FewShotPool Pool = new(
    [
        new EvaluationItem("e1", "2 + 2?") { Reference = "4" },
        new EvaluationItem("e2", "3 + 3?") { Reference = "6" },
        new EvaluationItem("e3", "4 + 4?") { Reference = "8" },
    ]);

    [Fact]
    public void Render_FirstExamplesInOrder()
    {
        Assert.Equal("Question: 2 + 2?\nAnswer: 4\n\nQuestion: 3 + 3?\nAnswer: 6", Pool.Render(2));
        Assert.Equal(string.Empty, Pool.Render(0));
    }

    [Fact]
    public void Render_SkipsTheItemItself()
    {
        Assert.Equal("Question: 2 + 2?\nAnswer: 4\n\nQuestion: 4 + 4?\nAnswer: 8", Pool.Render(2, new EvaluationItem("x", "3 + 3?")));
    }

    [Fact]
    public void Render_MoreThanThePool_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Pool.Render(4));
    }

    [Fact]
    public void Constructor_ExampleWithoutReference_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FewShotPool([new EvaluationItem("e", "q")]));
    }
}

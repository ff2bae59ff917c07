using Nomadic.AI.Datasets;
using Nomadic.AI.Evaluation;

namespace Nomadic.AI.Tests.Evaluation;

public class EvaluatorCatalogTests
{
    [Fact]
    public void CreateDefault_EveryName_IsTheEvaluatorsOwnName()
    {
        EvaluatorCatalog catalog = EvaluatorCatalog.CreateDefault();

        Assert.Equal(["exact_match", "token_f1", "rouge_l", "bleu", "semantic_similarity"], catalog.Names);
        Assert.All(catalog.Names, name => Assert.Equal(name, catalog.Create(name).Name));
    }

    [Fact]
    public void Create_Alias_GivesTheEvaluatorItStandsFor()
    {
        EvaluatorCatalog catalog = EvaluatorCatalog.CreateDefault();

        Assert.IsType<SemanticSimilarityEvaluator>(catalog.Create("semantic"));
        Assert.True(catalog.TryResolve("semantic", out string? name));
        Assert.Equal("semantic_similarity", name);
        Assert.Equal("semantic_similarity", catalog.Aliases["semantic"]);
    }

    [Fact]
    public void Create_UnknownName_OneLineNamingItAndTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => EvaluatorCatalog.CreateDefault().Create("f1"));

        Assert.StartsWith("Unknown evaluator \"f1\"; expected one of: exact_match, token_f1, rouge_l, bleu, semantic_similarity.", error.Message, StringComparison.Ordinal);
        Assert.False(EvaluatorCatalog.CreateDefault().TryResolve("f1", out _));
    }

    [Fact]
    public async Task Add_ThirdPartyEvaluator_IsCreatedByItsName()
    {
        EvaluatorCatalog catalog = EvaluatorCatalog.CreateDefault().Add("length", () => new LengthEvaluator()).AddAlias("len", "length");

        IEvaluator evaluator = catalog.Create("len");

        Assert.Equal("length", evaluator.Name);
        Assert.Equal(0.5, (await evaluator.EvaluateAsync(new EvaluationItem("1", "q"), "ab")).Score);
        Assert.Contains("length", catalog.Names);
    }

    [Fact]
    public void Add_TakenNameOrUnknownTarget_Throws()
    {
        EvaluatorCatalog catalog = EvaluatorCatalog.CreateDefault();

        Assert.Throws<ArgumentException>(() => catalog.Add("bleu", () => new BleuEvaluator()));
        Assert.Throws<ArgumentException>(() => catalog.Add("semantic", () => new LengthEvaluator()));
        Assert.Throws<ArgumentException>(() => catalog.AddAlias("f1", "f1_score"));
    }

    [Fact]
    public void Create_FactoryOfAnotherName_Throws()
    {
        EvaluatorCatalog catalog = new EvaluatorCatalog().Add("f1", () => new TokenF1Evaluator());

        var error = Assert.Throws<InvalidOperationException>(() => catalog.Create("f1"));

        Assert.Equal("The evaluator registered as \"f1\" names itself \"token_f1\".", error.Message);
    }

    private sealed class LengthEvaluator : IEvaluator
    {
        public string Name => "length";

        public ValueTask<ItemScore> EvaluateAsync(EvaluationItem item, string output, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new ItemScore(output.Length / 4.0));
    }
}

using Nomadic.AI.Rag;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.ObjectiveSpecs;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Configuration.ObjectiveSpecs;

public sealed class RagObjectiveFactoryTests : IDisposable
{
    private const string Base = """
        objective:
          rag:
            corpus: corpus/
            questions: questions.jsonl
        search_space:
          chunking: [paragraph, fixed]
          top_k: [1, 2]
        num_samples: 2
        """;

    private readonly TemporaryDirectory _temp = new();

    public RagObjectiveFactoryTests() => ExperimentFiles.RagCorpus(_temp);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_UsableDomains_AreAccepted()
    {
        ExperimentPlan plan = Validate(Base.Replace("  top_k: [1, 2]", "  top_k: {type: randint, low: 1, high: 4}\n  hybrid_alpha: {type: uniform, low: 0.0, high: 1.0}", StringComparison.Ordinal));

        Assert.IsType<RagObjective>(plan.Objective);
    }

    [Theory]
    [InlineData("  top_k: [1, 2]", "  top_k: [0, 2]", "line 7, column 3: \"search_space.top_k\": 0 is not a whole number of 1 or more")]
    [InlineData("  top_k: [1, 2]", "  top_k: {type: randint, low: 0, high: 3}", "\"search_space.top_k\": 0 is not a whole number of 1 or more")]
    [InlineData("  top_k: [1, 2]", "  top_k: [\"2\"]", "\"search_space.top_k\": \"2\" is not a whole number of 1 or more")]
    [InlineData("  top_k: [1, 2]", "  top_k: {type: uniform, low: 1, high: 4}", "\"search_space.top_k\": a uniform range gives values that are not a whole number of 1 or more; declare it with randint or a list")]
    [InlineData("  top_k: [1, 2]", "  hybrid_alpha: {type: uniform, low: 0.5, high: 1.5}", "\"search_space.hybrid_alpha\": 1.5 is not a number between 0 and 1")]
    [InlineData("  chunking: [paragraph, fixed]", "  chunking: [paragraph, fixd]", "line 6, column 3: \"search_space.chunking\": \"fixd\" is not one of fixed, sentence, paragraph")]
    public void Validate_DomainGivingUnusableValues_OneLineErrorAtTheParameter(string original, string replacement, string expected)
    {
        Assert.Contains(original, Base, StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => Validate(Base.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.EndsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(_temp.File("experiment.yaml") + ": ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private ExperimentPlan Validate(string yaml) =>
        ExperimentFileValidator.Validate(ExperimentFileReader.Read(_temp.Write("experiment.yaml", yaml)), null);
}

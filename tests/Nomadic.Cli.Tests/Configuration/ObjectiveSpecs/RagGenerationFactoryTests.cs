using Nomadic.AI.Rag;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Configuration.ObjectiveSpecs;

public sealed class RagGenerationFactoryTests : IDisposable
{
    private const string Base = """
        objective:
          rag:
            corpus: corpus/
            questions: questions.jsonl
            metric: ndcg@3
            generation:
              endpoint: http://127.0.0.1:9/v1
              model: tiny
              prompt: "{context}\nAnswer in a {style} way: {query}"
        search_space:
          top_k: [1, 2]
          temperature: {type: uniform, low: 0.0, high: 1.0}
          max_tokens: [16, 64]
        fixed_params: {style: short}
        current_params: {top_k: 1, temperature: 0.5, max_tokens: 16}
        num_samples: 3
        """;

    private readonly TemporaryDirectory _temp = new();

    public RagGenerationFactoryTests() => ExperimentFiles.RagCorpus(_temp);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_Generation_NamesMetricModelEndpointAndEvaluator()
    {
        ExperimentPlan plan = Validate(Base);

        var objective = Assert.IsType<RagObjective>(plan.Objective);
        Assert.Equal("rag ndcg@3 over 2 documents, 2 questions, answers by tiny at http://127.0.0.1:9/v1 scored by token_f1", plan.ObjectiveName);
        Assert.Equal(["model", "temperature", "max_tokens", "top_p", "prompt_variant", "few_shot_count", "style"], objective.GenerationParameters);
    }

    [Theory]
    [InlineData("score: answer", "rag answer token_f1 over 2 documents, 2 questions, answers by tiny at http://127.0.0.1:9/v1")]
    [InlineData("evaluator: {weighted: {token_f1: 0.5, rouge_l: 0.5}}", "rag ndcg@3 over 2 documents, 2 questions, answers by tiny at http://127.0.0.1:9/v1 scored by weighted 0.5 token_f1 + 0.5 rouge_l")]
    [InlineData("evaluator: {judge: {criteria: {faithfulness: 1}, model: big}}", "scored by judge (faithfulness) by big")]
    [InlineData("system: \"You answer {style}ly.\"", "rag ndcg@3 over 2 documents")]
    public void Validate_GenerationSettings_AreAccepted(string line, string name)
    {
        ExperimentPlan plan = Validate(With(line));

        Assert.Contains(name, plan.ObjectiveName, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultTemplatesAndModelParametersOnly_IsAccepted()
    {
        ExperimentPlan plan = Validate(Base
            .Replace("      prompt: \"{context}\\nAnswer in a {style} way: {query}\"\n", "", StringComparison.Ordinal)
            .Replace("fixed_params: {style: short}\n", "fixed_params: {model: tiny-2, top_p: 0.9}\n", StringComparison.Ordinal));

        Assert.Equal(["model", "temperature", "max_tokens", "top_p", "prompt_variant", "few_shot_count"], Assert.IsType<RagObjective>(plan.Objective).GenerationParameters);
    }

    [Theory]
    // Parameter names.
    [InlineData("  temperature: {type", "  temprature: {type", "parameter \"temprature\" in \"search_space\" is neither one the rag objective reads nor a placeholder of its prompts; did you mean \"temperature\"?")]
    [InlineData("  top_k: [1, 2]", "  top_kk: [1, 2]", "parameter \"top_kk\" in \"search_space\" is neither one the rag objective reads nor a placeholder of its prompts; did you mean \"top_k\"?")]
    [InlineData("  max_tokens: [16, 64]", "  max_tokens: [16, 64]\n  prompt_variant: [a, b]", "\"search_space.prompt_variant\": \"a\" is not one of the prompt variants default")]
    [InlineData("fixed_params: {style: short}", "fixed_params: {style: short, tone: dry}", "parameter \"tone\" in \"fixed_params\" is neither one the rag objective reads nor a placeholder of its prompts")]
    // Placeholders.
    [InlineData("fixed_params: {style: short}\n", "", "placeholder {style} in \"objective.rag.generation.prompt\" can never be filled: it names no parameter; at hand: {context}, {examples}, {id}, {max_tokens}, {query}, {temperature}, {top_k}")]
    [InlineData("Answer in a {style} way", "Answer in a {style} way ({reference})", "placeholder {reference} in \"objective.rag.generation.prompt\" can never be filled: it names no parameter")]
    // Values.
    [InlineData("  max_tokens: [16, 64]", "  max_tokens: [0, 64]", "\"search_space.max_tokens\": 0 is not a whole number of 1 or more")]
    [InlineData("  max_tokens: [16, 64]", "  max_tokens: {type: uniform, low: 16, high: 64}", "\"search_space.max_tokens\": a uniform range gives values that are not a whole number of 1 or more; declare it with randint or a list")]
    [InlineData("temperature: 0.5,", "temperature: hot,", "\"current_params.temperature\": \"hot\" is not a number")]
    [InlineData("current_params: {top_k: 1,", "current_params: {top_k: 0,", "\"current_params\": Retrieval parameter \"top_k\": 0 is not a whole number of 1 or more")]
    [InlineData("fixed_params: {style: short}", "fixed_params: {style: short, retriever: dense}", "\"fixed_params\": Retrieval parameter \"retriever\": \"dense\" is not one of bm25, embedding, hybrid")]
    // The client and the judge.
    [InlineData("      model: tiny", "      model: tiny\n      api_key_env: NOMADIC_TEST_KEY_THAT_IS_NEVER_SET", "\"objective.rag.generation.api_key_env\": The API key variable NOMADIC_TEST_KEY_THAT_IS_NEVER_SET for http://127.0.0.1:9/v1 is not set")]
    [InlineData("      model: tiny", "      model: tiny\n      evaluator: {judge: {criteria: {accuracy: 1, Accuracy: 1}}}", "\"objective.rag.generation.evaluator.judge.criteria\": Criterion names must be non-blank and distinct")]
    // Without generation, model parameters are not the pipeline's.
    [InlineData("    generation:\n      endpoint: http://127.0.0.1:9/v1\n      model: tiny\n      prompt: \"{context}\\nAnswer in a {style} way: {query}\"\n", "", "parameter \"temperature\" is not one the rag pipeline knows (model parameters need \"objective.rag.generation\"); expected one of: chunking")]
    public void Validate_BadGeneration_OneLineErrorNamingTheProblem(string original, string replacement, string expected)
    {
        Assert.Contains(original, Base, StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => Validate(Base.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(_temp.File("experiment.yaml") + ": ", error.Message, StringComparison.Ordinal);
    }

    private static string With(string line) => Base.Replace("      model: tiny", "      model: tiny\n      " + line, StringComparison.Ordinal);

    private ExperimentPlan Validate(string yaml) =>
        ExperimentFileValidator.Validate(ExperimentFileReader.Read(_temp.Write("experiment.yaml", yaml)), null);
}

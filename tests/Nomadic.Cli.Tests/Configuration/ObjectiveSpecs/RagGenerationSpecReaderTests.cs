using Nomadic.AI.Models;
using Nomadic.AI.Rag;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.ObjectiveSpecs;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Configuration.ObjectiveSpecs;

public sealed class RagGenerationSpecReaderTests : IDisposable
{
    private const string Base = """
        objective:
          rag:
            corpus: corpus/
            questions: questions.jsonl
            metric: ndcg@5
            generation:
              endpoint: http://localhost:11434/v1
              model: llama3.2
        search_space: {top_k: [3, 5]}
        """;

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_WithoutGeneration_IsRetrievalOnly()
    {
        RagObjectiveSpec spec = Read(Base[..Base.IndexOf("    generation:", StringComparison.Ordinal)] + "search_space: {top_k: [3, 5]}\n");

        Assert.Null(spec.Generation);
        Assert.Equal("ndcg@5", spec.Metric);
    }

    [Fact]
    public void Read_EndpointAndModelOnly_DefaultsEverythingElse()
    {
        RagGenerationSpec generation = Read(Base).Generation!;

        Assert.Equal("http://localhost:11434/v1", generation.Client.Endpoint.Value);
        Assert.Equal("objective.rag.generation.endpoint", generation.Client.Endpoint.Key);
        Assert.Equal("llama3.2", generation.Client.Model);
        Assert.Equal(MaxTokensField.MaxCompletionTokens, generation.Client.MaxTokensField);
        Assert.Null(generation.Client.ApiKeyVariable);
        Assert.Null(generation.Client.Prices);
        Assert.Empty(generation.Prompts.Variants);
        Assert.False(generation.Prompts.HasVariants);
        Assert.Null(generation.Prompts.System);
        Assert.Null(generation.Prompts.FewShot);
        Assert.Empty(generation.Prompts.Templates);
        Assert.Equal("token_f1", Assert.IsType<NamedEvaluatorSpec>(generation.Evaluator).Name);
        Assert.Null(generation.MaxConcurrentItems);
        Assert.Equal(RagScore.Retrieval, generation.Score);
    }

    [Fact]
    public void Read_EverySetting_IsMapped()
    {
        RagGenerationSpec generation = Read(With("""
                  api_key_env: OPENAI_API_KEY
                  timeout_seconds: 20
                  retries: {max_retries: 2, base_delay_seconds: 0.5, max_delay_seconds: 4}
                  max_tokens_field: max_tokens
                  prices: {input: 0.15, output: 0.6}
                  prompt: "{context}\nAnswer in a {style} way: {query}"
                  system: You answer from passages.
                  evaluator: {judge: {criteria: {faithfulness: 0.6, accuracy: 0.4}, model: judge-model}}
                  max_concurrent_items: 8
                  score: answer
            """)).Generation!;

        Assert.Equal("OPENAI_API_KEY", generation.Client.ApiKeyVariable?.Value);
        Assert.Equal(TimeSpan.FromSeconds(20), generation.Client.Timeout);
        Assert.Equal(2, generation.Client.Retries!.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(4), generation.Client.Retries.MaxDelay);
        Assert.Equal(MaxTokensField.MaxTokens, generation.Client.MaxTokensField);
        Assert.Equal(new TokenPrices(0.15, 0.6), generation.Client.Prices);
        Assert.Equal("{context}\nAnswer in a {style} way: {query}", Assert.Single(generation.Prompts.Variants).Template.Value);
        Assert.Equal("objective.rag.generation.prompt", generation.Prompts.Variants[0].Template.Key);
        Assert.Equal("You answer from passages.", generation.Prompts.System?.Value);
        Assert.Equal(2, generation.Prompts.Templates.Count());
        var judge = Assert.IsType<JudgeEvaluatorSpec>(generation.Evaluator);
        Assert.Equal("objective.rag.generation.evaluator.judge.criteria", judge.CriteriaKey);
        Assert.Equal("judge-model", judge.Model);
        Assert.Equal(8, generation.MaxConcurrentItems);
        Assert.Equal(RagScore.Answer, generation.Score);
    }

    [Fact]
    public void Read_PromptVariantsAndFewShot_AreMappedAsForAnLlmObjective()
    {
        RagGenerationSpec generation = Read(With("""
                  prompts:
                    terse: "Answer in a few words.\n{context}\nQ: {query}"
                    examples: "{examples}\n{context}\nQ: {query}"
                  few_shot: {file: shots.jsonl, template: "Q: {query}\nA: {reference}"}
            """)).Generation!;

        Assert.True(generation.Prompts.HasVariants);
        Assert.Equal(["terse", "examples"], generation.Prompts.Variants.Select(p => p.Name));
        Assert.Equal("objective.rag.generation.prompts.examples", generation.Prompts.Variants[1].Template.Key);
        Assert.Equal("objective.rag.generation", generation.Prompts.Section);
        Assert.Equal("shots.jsonl", generation.Prompts.FewShot?.File.Value);
        Assert.Equal("objective.rag.generation.few_shot.file", generation.Prompts.FewShot?.File.Key);
        Assert.Equal("Q: {query}\nA: {reference}", generation.Prompts.FewShot?.Template?.Value);
        Assert.Equal(2, generation.Prompts.Templates.Count());
    }

    [Theory]
    [InlineData("score: retrieval", RagScore.Retrieval)]
    [InlineData("score: answer", RagScore.Answer)]
    public void Read_Score_IsKept(string line, RagScore score)
    {
        Assert.Equal(score, Read(With("      " + line)).Generation!.Score);
    }

    [Theory]
    [InlineData("      promt: x", "unknown key \"promt\" in \"objective.rag.generation\"; did you mean \"prompt\"?")]
    [InlineData("      dataset: qa.jsonl", "unknown key \"dataset\" in \"objective.rag.generation\"; expected one of: endpoint, model, api_key_env, timeout_seconds, retries, max_tokens_field, prices, prompt, prompts, system, few_shot, evaluator, max_concurrent_items, score")]
    [InlineData("      score: answers", "unknown score \"answers\" in \"objective.rag.generation.score\"; did you mean \"answer\"?")]
    [InlineData("      score: f1", "unknown score \"f1\" in \"objective.rag.generation.score\"; expected retrieval (the retrieval metric) or answer (the mean answer score)")]
    [InlineData("      evaluator: token_f2", "unknown evaluator \"token_f2\" in \"objective.rag.generation.evaluator\"; did you mean \"token_f1\"?")]
    [InlineData("      evaluator: {judge: {critera: {accuracy: 1}}}", "unknown key \"critera\" in \"objective.rag.generation.evaluator.judge\"; did you mean \"criteria\"?")]
    [InlineData("      max_concurrent_items: 0", "\"objective.rag.generation.max_concurrent_items\" must be an integer, at least 1, got 0")]
    [InlineData("      prices: {input: 0.15}", "\"objective.rag.generation.prices\" needs \"output\"")]
    [InlineData("      retries: {base_delay_seconds: 5, max_delay_seconds: 1}", "\"objective.rag.generation.retries.max_delay_seconds\" must not be less than \"objective.rag.generation.retries.base_delay_seconds\"")]
    [InlineData("      max_tokens_field: max_length", "\"objective.rag.generation.max_tokens_field\" must be \"max_completion_tokens\" or \"max_tokens\" (Ollama), got \"max_length\"")]
    [InlineData("      prompt: \"  \"", "\"objective.rag.generation.prompt\" is empty")]
    [InlineData("      timeout_seconds: -3", "\"objective.rag.generation.timeout_seconds\" must be a positive number, got -3")]
    [InlineData("      prompt: x\n      prompts: {a: y}", "\"objective.rag.generation\" takes \"prompt\" (one template) or \"prompts\" (named variants), not both")]
    [InlineData("      prompts: {}", "\"objective.rag.generation.prompts\" names no variant")]
    [InlineData("      prompts: {terse: 3}", "\"objective.rag.generation.prompts.terse\" must be a string, got 3")]
    [InlineData("      prompts: [a, b]", "\"objective.rag.generation.prompts\" must be an object")]
    [InlineData("      few_shot: {template: x}", "\"objective.rag.generation.few_shot\" needs \"file\", a JSON, JSON Lines or CSV file of examples")]
    [InlineData("      few_shot: {file: shots.jsonl, tmplate: x}", "unknown key \"tmplate\" in \"objective.rag.generation.few_shot\"; did you mean \"template\"?")]
    [InlineData("      few_shot: shots.jsonl", "\"objective.rag.generation.few_shot\" must be an object, got \"shots.jsonl\"")]
    public void Read_BadSetting_OneLineErrorNamingIt(string line, string expected)
    {
        var error = Assert.Throws<InputException>(() => Read(With(line)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(_temp.File("experiment.yaml") + ": line ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("      endpoint: http://localhost:11434/v1\n", "", "\"objective.rag.generation\" needs \"endpoint\", the base URL of an OpenAI-compatible API")]
    [InlineData("      model: llama3.2\n", "", "\"objective.rag.generation\" needs \"model\"")]
    [InlineData("      endpoint: http://localhost:11434/v1", "      endpoint: localhost:11434", "\"objective.rag.generation.endpoint\" must be an http or https URL")]
    [InlineData("    generation:\n      endpoint: http://localhost:11434/v1\n      model: llama3.2\n", "    generation: llama3.2\n", "\"objective.rag.generation\" must be an object, got \"llama3.2\"")]
    [InlineData("    metric: ndcg@5", "    metrc: ndcg@5", "unknown key \"metrc\" in \"objective.rag\"; did you mean \"metric\"?")]
    public void Read_WrongShape_OneLineErrorNamingIt(string original, string replacement, string expected)
    {
        string yaml = Base + "\n";
        Assert.Contains(original, yaml, StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => Read(yaml.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static string With(string lines) =>
        Base.Replace("      model: llama3.2", "      model: llama3.2\n" + lines.TrimEnd(), StringComparison.Ordinal);

    private RagObjectiveSpec Read(string yaml) =>
        Assert.IsType<RagObjectiveSpec>(ExperimentFileReader.Read(_temp.Write("experiment.yaml", yaml)).Objective);
}

using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.ObjectiveSpecs;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Configuration.ObjectiveSpecs;

public sealed class LlmObjectiveSpecReaderTests : IDisposable
{
    private const string Base = """
        objective:
          llm:
            endpoint: http://localhost:11434/v1
            model: llama3.2
            dataset: qa.jsonl
            prompt: "Answer briefly.\n{context}\nQuestion: {query}"
        search_space: {temperature: [0.0, 0.5]}
        """;

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_SinglePrompt_IsOneDefaultTemplateScoredByTokenF1()
    {
        var spec = Read(Base);

        Assert.Equal("http://localhost:11434/v1", spec.Client.Endpoint.Value);
        Assert.Equal("llama3.2", spec.Client.Model);
        Assert.Equal(Nomadic.AI.Models.MaxTokensField.MaxCompletionTokens, spec.Client.MaxTokensField);
        Assert.Equal("qa.jsonl", spec.Dataset.Value);
        PromptSpec prompt = Assert.Single(spec.Prompts.Variants);
        Assert.Equal("default", prompt.Name);
        Assert.Equal("Answer briefly.\n{context}\nQuestion: {query}", prompt.Template.Value);
        Assert.Equal("objective.llm.prompt", prompt.Template.Key);
        Assert.False(spec.Prompts.HasVariants);
        Assert.Equal("token_f1", Assert.IsType<NamedEvaluatorSpec>(spec.Evaluator).Name);
        Assert.Null(spec.Client.ApiKeyVariable);
        Assert.Null(spec.Prompts.FewShot);
        Assert.Null(spec.Client.Prices);
        Assert.Null(spec.Client.Retries);
    }

    [Fact]
    public void Read_EverySetting_IsMapped()
    {
        var spec = Read("""
            objective:
              llm:
                endpoint: https://api.openai.com/v1
                model: gpt-4o-mini
                api_key_env: OPENAI_API_KEY
                timeout_seconds: 20
                max_tokens_field: max_tokens
                retries: {max_retries: 2, base_delay_seconds: 0.5, max_delay_seconds: 4}
                dataset: qa.csv
                prompts:
                  terse: "Answer: {query}"
                  cite: "{context}\nQuote the context: {query}"
                system: "You answer questions about {topic}."
                few_shot: {file: shots.jsonl, template: "Q: {query}\nA: {reference}"}
                evaluator: rouge_l
                max_concurrent_items: 8
                prices: {input: 0.15, output: 0.6}
            search_space: {prompt_variant: [terse, cite]}
            """);

        Assert.Equal("OPENAI_API_KEY", spec.Client.ApiKeyVariable?.Value);
        Assert.Equal(TimeSpan.FromSeconds(20), spec.Client.Timeout);
        Assert.Equal(Nomadic.AI.Models.MaxTokensField.MaxTokens, spec.Client.MaxTokensField);
        Assert.Equal(2, spec.Client.Retries!.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(0.5), spec.Client.Retries.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(4), spec.Client.Retries.MaxDelay);
        Assert.True(spec.Prompts.HasVariants);
        Assert.Equal(["terse", "cite"], spec.Prompts.Variants.Select(p => p.Name));
        Assert.Equal("objective.llm.prompts.cite", spec.Prompts.Variants[1].Template.Key);
        Assert.Equal("You answer questions about {topic}.", spec.Prompts.System?.Value);
        Assert.Equal("shots.jsonl", spec.Prompts.FewShot?.File.Value);
        Assert.Equal("Q: {query}\nA: {reference}", spec.Prompts.FewShot?.Template?.Value);
        Assert.Equal("rouge_l", Assert.IsType<NamedEvaluatorSpec>(spec.Evaluator).Name);
        Assert.Equal(8, spec.MaxConcurrentItems);
        Assert.Equal(new Nomadic.AI.Models.TokenPrices(0.15, 0.6), spec.Client.Prices);
    }

    [Fact]
    public void Read_FewShotWithoutTemplate_UsesThePoolsDefault()
    {
        var spec = Read(Base.Replace("    dataset: qa.jsonl", "    dataset: qa.jsonl\n    few_shot: {file: shots.jsonl}", StringComparison.Ordinal));

        Assert.Null(spec.Prompts.FewShot?.Template);
    }

    [Fact]
    public void Read_Judge_KeepsCriteriaAndItsOwnModel()
    {
        var spec = Read(With("evaluator: {judge: {criteria: {accuracy: 0.7, concision: 0.3}, model: gpt-4o, endpoint: https://api.openai.com/v1, api_key_env: OPENAI_API_KEY}}"));

        var judge = Assert.IsType<JudgeEvaluatorSpec>(spec.Evaluator);
        Assert.Equal(0.7, judge.Criteria["accuracy"]);
        Assert.Equal(0.3, judge.Criteria["concision"]);
        Assert.Equal("gpt-4o", judge.Model);
        Assert.Equal("https://api.openai.com/v1", judge.Endpoint?.Value);
        Assert.Equal("OPENAI_API_KEY", judge.ApiKeyVariable?.Value);
        Assert.Empty(judge.ReferenceBased);
        Assert.Equal("judge (accuracy, concision) by gpt-4o", judge.Description);
    }

    [Fact]
    public void Read_JudgeWithCriteriaOnly_LeavesEndpointModelAndKeyToTheObjective()
    {
        var judge = Assert.IsType<JudgeEvaluatorSpec>(Read(With("evaluator: {judge: {criteria: {accuracy: 1}}}")).Evaluator);

        Assert.Null(judge.Endpoint);
        Assert.Null(judge.Model);
        Assert.Null(judge.ApiKeyVariable);
    }

    [Fact]
    public void Read_Weighted_KeepsEachEvaluatorAndWeight()
    {
        var weighted = Assert.IsType<WeightedEvaluatorSpec>(Read(With("evaluator: {weighted: {token_f1: 0.5, semantic: 0.5, exact_match: 0}}")).Evaluator);

        Assert.Equal(["token_f1", "semantic_similarity", "exact_match"], weighted.Components.Select(c => c.Evaluator.Name));
        Assert.Equal([0.5, 0.5, 0.0], weighted.Components.Select(c => c.Weight));
        Assert.Equal("weighted 0.5 token_f1 + 0.5 semantic_similarity + 0 exact_match", weighted.Description);
    }

    [Theory]
    [InlineData("exact_match")]
    [InlineData("token_f1")]
    [InlineData("rouge_l")]
    [InlineData("bleu")]
    [InlineData("semantic_similarity")]
    public void Read_EvaluatorName_IsKept(string name)
    {
        Assert.Equal(name, Assert.IsType<NamedEvaluatorSpec>(Read(With("evaluator: " + name)).Evaluator).Name);
    }

    [Fact]
    public void Read_EvaluatorAlias_IsTheEvaluatorsOwnName()
    {
        Assert.Equal("semantic_similarity", Assert.IsType<NamedEvaluatorSpec>(Read(With("evaluator: semantic")).Evaluator).Name);
    }

    [Theory]
    [InlineData("    promt: x", "unknown key \"promt\" in \"objective.llm\"; did you mean \"prompt\"?")]
    [InlineData("    evaluator: f1", "unknown evaluator \"f1\" in \"objective.llm.evaluator\"; expected one of: exact_match, token_f1, rouge_l, bleu, semantic_similarity")]
    [InlineData("    evaluator: token_f2", "unknown evaluator \"token_f2\" in \"objective.llm.evaluator\"; did you mean \"token_f1\"?")]
    [InlineData("    evaluator: {weighted: {token_f1: 0.5, semantik: 0.5}}", "unknown evaluator \"semantik\" in \"objective.llm.evaluator.weighted\"; did you mean \"semantic\"?")]
    [InlineData("    evaluator: {weighted: {semantic: 0.5, semantic_similarity: 0.5}}", "\"objective.llm.evaluator.weighted\" names the evaluator \"semantic_similarity\" twice (\"semantic\" is another name for it)")]
    [InlineData("    evaluator: {weighted: {token_f1: -1, semantic: 2}}", "\"objective.llm.evaluator.weighted.token_f1\" must be a number, 0 or more, got -1")]
    [InlineData("    evaluator: {weighted: {token_f1: heavy}}", "\"objective.llm.evaluator.weighted.token_f1\" must be a number, 0 or more, got \"heavy\"")]
    [InlineData("    evaluator: {weighted: {token_f1: 0, bleu: 0}}", "the weights in \"objective.llm.evaluator.weighted\" add up to 0")]
    [InlineData("    evaluator: {weighted: {}}", "\"objective.llm.evaluator.weighted\" names no evaluator")]
    [InlineData("    evaluator: {judge: {model: gpt-4o}}", "\"objective.llm.evaluator.judge\" needs \"criteria\"")]
    [InlineData("    evaluator: {judge: {criteria: {accuracy: 0}}}", "the weights in \"objective.llm.evaluator.judge.criteria\" add up to 0")]
    [InlineData("    evaluator: {judge: {critera: {accuracy: 1}}}", "unknown key \"critera\" in \"objective.llm.evaluator.judge\"; did you mean \"criteria\"?")]
    [InlineData("    evaluator: {judge: {criteria: {a: 1}, endpoint: localhost}}", "\"objective.llm.evaluator.judge.endpoint\" must be an http or https URL")]
    [InlineData("    evaluator: {bleu: 1}", "unknown key \"bleu\" in \"objective.llm.evaluator\"; expected one of: judge, weighted")]
    [InlineData("    evaluator: {judge: {criteria: {a: 1}}, weighted: {bleu: 1}}", "\"objective.llm.evaluator\" needs exactly one of \"judge\" and \"weighted\"")]
    [InlineData("    evaluator: [bleu]", "\"objective.llm.evaluator\" must be one of exact_match, token_f1, rouge_l, bleu, semantic")]
    [InlineData("    prompts: {a: \"{query}\"}", "\"objective.llm\" takes \"prompt\" (one template) or \"prompts\" (named variants), not both")]
    [InlineData("    prices: {input: 0.15}", "\"objective.llm.prices\" needs \"output\"")]
    [InlineData("    prices: {input: 0.15, output: -1}", "\"objective.llm.prices.output\" must be a number, 0 or more, got -1")]
    [InlineData("    retries: {max_retries: 2, base_delay_seconds: 5, max_delay_seconds: 1}", "\"objective.llm.retries.max_delay_seconds\" must not be less than")]
    [InlineData("    retries: {attempts: 2}", "unknown key \"attempts\" in \"objective.llm.retries\"")]
    [InlineData("    max_tokens_field: max_length", "\"objective.llm.max_tokens_field\" must be \"max_completion_tokens\" or \"max_tokens\" (Ollama), got \"max_length\"")]
    [InlineData("    timeout_seconds: 0", "\"objective.llm.timeout_seconds\" must be a positive number, got 0")]
    [InlineData("    max_concurrent_items: 0", "\"objective.llm.max_concurrent_items\" must be an integer, at least 1, got 0")]
    [InlineData("    few_shot: {template: \"{query}\"}", "\"objective.llm.few_shot\" needs \"file\"")]
    [InlineData("    few_shot: {file: shots.jsonl, count: 2}", "unknown key \"count\" in \"objective.llm.few_shot\"")]
    [InlineData("    api_key_env: \"\"", "\"objective.llm.api_key_env\" is empty")]
    public void Read_BadSetting_OneLineErrorNamingIt(string line, string expected)
    {
        var error = Assert.Throws<InputException>(() => Read(Base.Replace("    dataset: qa.jsonl", "    dataset: qa.jsonl\n" + line, StringComparison.Ordinal)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(_temp.File("experiment.yaml") + ": line ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    endpoint: http://localhost:11434/v1\n", "\"objective.llm\" needs \"endpoint\", the base URL of an OpenAI-compatible API")]
    [InlineData("    model: llama3.2\n", "\"objective.llm\" needs \"model\"")]
    [InlineData("    dataset: qa.jsonl\n", "\"objective.llm\" needs \"dataset\"")]
    [InlineData("    prompt: \"Answer briefly.\\n{context}\\nQuestion: {query}\"\n", "\"objective.llm\" needs \"prompt\"")]
    public void Read_MissingSetting_OneLineErrorNamingIt(string line, string expected)
    {
        Assert.Contains(line, Base + "\n", StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => Read((Base + "\n").Replace(line, "", StringComparison.Ordinal)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("    endpoint: http://localhost:11434/v1", "    endpoint: localhost:11434", "\"objective.llm.endpoint\" must be an http or https URL such as http://localhost:11434/v1, got \"localhost:11434\"")]
    [InlineData("    prompt: \"Answer briefly.\\n{context}\\nQuestion: {query}\"", "    prompts: {}", "\"objective.llm.prompts\" names no variant")]
    [InlineData("    prompt: \"Answer briefly.\\n{context}\\nQuestion: {query}\"", "    prompts: {a: [x]}", "\"objective.llm.prompts.a\" must be a string, got a list")]
    [InlineData("  llm:", "  working_directory: .\n  llm:", "\"objective.working_directory\" applies to a command objective, not an llm one")]
    [InlineData("  llm:", "  rag: {corpus: c, questions: q}\n  llm:", "\"objective\" needs exactly one of \"builtin\", \"command\", \"rag\" and \"llm\"")]
    public void Read_WrongShape_OneLineErrorNamingIt(string original, string replacement, string expected)
    {
        Assert.Contains(original, Base, StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => Read(Base.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static string With(string line) =>
        Base.Replace("    dataset: qa.jsonl", "    dataset: qa.jsonl\n    " + line, StringComparison.Ordinal);

    private LlmObjectiveSpec Read(string yaml) =>
        Assert.IsType<LlmObjectiveSpec>(ExperimentFileReader.Read(_temp.Write("experiment.yaml", yaml)).Objective);
}

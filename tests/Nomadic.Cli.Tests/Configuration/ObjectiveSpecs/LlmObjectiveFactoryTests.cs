using Nomadic.AI;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Configuration.ObjectiveSpecs;

public sealed class LlmObjectiveFactoryTests : IDisposable
{
    private const string Base = """
        objective:
          llm:
            endpoint: http://127.0.0.1:9/v1
            model: tiny
            dataset: qa.jsonl
            prompts:
              terse: "Answer in a few words: {query}"
              grounded: "{context}\nQuestion about {topic}: {query}"
        search_space:
          prompt_variant: [terse, grounded]
          temperature: {type: uniform, low: 0.0, high: 1.0}
          max_tokens: [16, 64]
        current_params: {prompt_variant: terse, temperature: 0.5, max_tokens: 16}
        num_samples: 3
        """;

    private readonly TemporaryDirectory _temp = new();

    public LlmObjectiveFactoryTests()
    {
        _temp.Write("qa.jsonl", """
            {"id": "a", "query": "Which day is East collected?", "reference": "Tuesday", "contexts": ["East on Tuesday."], "topic": "waste"}
            {"id": "b", "query": "How long is the ferry crossing?", "reference": "eleven minutes", "contexts": ["It takes eleven minutes."], "topic": "ferry", "note": "x"}
            {"id": "c", "query": "What does a swim cost?", "reference": "4.50 crowns", "contexts": ["A swim costs 4.50 crowns."], "topic": "pools"}
            """);
        _temp.Write("shots.jsonl", """
            {"query": "Which day is North collected?", "reference": "Monday", "topic": "waste"}
            {"query": "Which day is East collected?", "reference": "Tuesday", "topic": "waste"}
            {"query": "Where does 7X stop?", "reference": "Marlow Square", "topic": "buses"}
            """);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_LlmObjective_NamesEvaluatorItemsModelAndEndpoint()
    {
        ExperimentPlan plan = Validate(Base);

        Assert.IsType<LlmObjective>(plan.Objective);
        Assert.Equal("llm token_f1 over 3 items, model tiny at http://127.0.0.1:9/v1", plan.ObjectiveName);
    }

    [Theory]
    [InlineData("evaluator: {weighted: {token_f1: 0.5, semantic: 0.5}}", "llm weighted 0.5 token_f1 + 0.5 semantic_similarity over 3 items")]
    [InlineData("evaluator: {judge: {criteria: {accuracy: 0.7, concision: 0.3}, model: big}}", "llm judge (accuracy, concision) by big over 3 items")]
    [InlineData("evaluator: exact_match", "llm exact_match over 3 items")]
    public void Validate_Evaluators_AreAccepted(string line, string name)
    {
        ExperimentPlan plan = Validate(With(line));

        Assert.StartsWith(name, plan.ObjectiveName, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SinglePromptWithSystemAndFewShot_IsAccepted()
    {
        ExperimentPlan plan = Validate("""
            objective:
              llm:
                endpoint: http://127.0.0.1:9/v1
                model: tiny
                dataset: qa.jsonl
                system: "You answer questions about {topic} in a {tone} tone."
                prompt: "{examples}\nQ: {query}"
                few_shot: {file: shots.jsonl, template: "Q: {query} ({topic})\nA: {reference}"}
            search_space:
              tone: [plain, formal]
              few_shot_count: {type: randint, low: 0, high: 3}
            fixed_params: {model: tiny-2, top_p: 0.9}
            num_samples: 2
            """);

        Assert.IsType<LlmObjective>(plan.Objective);
    }

    [Theory]
    // The dataset.
    [InlineData("    dataset: qa.jsonl", "    dataset: missing.jsonl", "\"objective.llm.dataset\": the file \"{folder}/missing.jsonl\" does not exist")]
    [InlineData("    dataset: qa.jsonl", "    dataset: broken.jsonl", "\"objective.llm.dataset\": {folder}/broken.jsonl, line 2: the item has no \"query\"")]
    [InlineData("    dataset: qa.jsonl", "    dataset: qa.txt", "unknown dataset format \".txt\"")]
    [InlineData("    dataset: qa.jsonl", "    dataset: bare.jsonl", "item \"2\" of \"bare.jsonl\" has no reference answer, which the token_f1 evaluator compares with")]
    // Templates.
    [InlineData("{context}\\nQuestion about {topic}", "{context}\\nQuestion about {subject}", "placeholder {subject} in \"objective.llm.prompts.grounded\" can never be filled: it names no parameter and no field of the items; at hand: {context}, {examples}, {id}, {max_tokens}, {prompt_variant}, {query}, {temperature}, {topic}")]
    [InlineData("{context}\\nQuestion about {topic}", "{context}\\nQuestion ({note}) about {topic}", "placeholder {note} in \"objective.llm.prompts.grounded\" can never be filled: item \"a\" has no field \"note\"")]
    [InlineData("{context}\\nQuestion about {topic}", "{reference}: {topic}", "placeholder {reference} in \"objective.llm.prompts.grounded\" can never be filled")]
    // Parameters.
    [InlineData("  temperature: {type", "  temprature: {type", "parameter \"temprature\" in \"search_space\" is neither one the llm objective reads nor a placeholder of its prompts; did you mean \"temperature\"?")]
    [InlineData("  max_tokens: [16, 64]", "  max_tokens: [16, 64]\n  tone: [dry]", "parameter \"tone\" in \"search_space\" is neither one the llm objective reads nor a placeholder of its prompts; expected one of: model, temperature, max_tokens, top_p, prompt_variant, few_shot_count, topic")]
    [InlineData("num_samples: 3", "num_samples: 3\nfixed_params: {seed_text: x}", "parameter \"seed_text\" in \"fixed_params\" is neither one the llm objective reads")]
    [InlineData("  prompt_variant: [terse, grounded]", "  prompt_variant: [terse, grounded, cite]", "\"search_space.prompt_variant\": \"cite\" is not one of the prompt variants terse, grounded")]
    [InlineData("prompt_variant: terse,", "prompt_variant: cite,", "\"current_params.prompt_variant\": \"cite\" is not one of the prompt variants terse, grounded")]
    [InlineData("  prompt_variant: [terse, grounded]\n", "", "\"objective.llm.prompts\" has 2 variants; choose among them with \"prompt_variant\" in \"search_space\"")]
    [InlineData("  max_tokens: [16, 64]", "  max_tokens: {type: uniform, low: 16, high: 64}", "\"search_space.max_tokens\": a uniform range gives values that are not a whole number of 1 or more; declare it with randint or a list")]
    [InlineData("  max_tokens: [16, 64]", "  max_tokens: [0, 64]", "\"search_space.max_tokens\": 0 is not a whole number of 1 or more")]
    [InlineData("temperature: 0.5,", "temperature: hot,", "\"current_params.temperature\": \"hot\" is not a number")]
    [InlineData("  max_tokens: [16, 64]", "  max_tokens: [16, 64]\n  few_shot_count: [0, 2]", "parameter \"few_shot_count\" needs \"objective.llm.few_shot\", the pool of examples")]
    [InlineData("  max_tokens: [16, 64]", "  max_tokens: [16, 64]\n  model: [7, tiny]", "\"search_space.model\": 7 is not a model name")]
    // The client and the judge.
    [InlineData("    model: tiny", "    model: tiny\n    api_key_env: NOMADIC_TEST_KEY_THAT_IS_NEVER_SET", "\"objective.llm.api_key_env\": The API key variable NOMADIC_TEST_KEY_THAT_IS_NEVER_SET for http://127.0.0.1:9/v1 is not set")]
    [InlineData("    model: tiny", "    model: tiny\n    evaluator: {judge: {criteria: {accuracy: 1, Accuracy: 1}}}", "\"objective.llm.evaluator.judge.criteria\": Criterion names must be non-blank and distinct")]
    [InlineData("    model: tiny", "    model: tiny\n    evaluator: {judge: {criteria: {accuracy: 1}, endpoint: https://judge.example/v1, api_key_env: NOMADIC_TEST_KEY_THAT_IS_NEVER_SET}}", "\"objective.llm.evaluator.judge.api_key_env\": The API key variable NOMADIC_TEST_KEY_THAT_IS_NEVER_SET for https://judge.example/v1 is not set")]
    public void Validate_BadLlmObjective_OneLineErrorNamingTheProblem(string original, string replacement, string expected)
    {
        _temp.Write("broken.jsonl", "{\"query\": \"q\", \"reference\": \"r\"}\n{\"reference\": \"r\"}\n");
        _temp.Write("bare.jsonl", "{\"query\": \"q\", \"reference\": \"r\", \"topic\": \"t\"}\n{\"query\": \"p\", \"topic\": \"t\"}\n");
        _temp.Write("qa.txt", "query\n");
        Assert.Contains(original, Base, StringComparison.Ordinal);

        var error = Assert.Throws<InputException>(() => Validate(Base.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(expected.Replace("{folder}", _temp.Path, StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(_temp.File("experiment.yaml") + ": ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("few_shot_count: {type: randint, low: 0, high: 4}", "\"search_space.few_shot_count\": 3 is more than the 2 examples of the few-shot pool each item can get")]
    [InlineData("prompt_variant: [default]", "parameter \"prompt_variant\" chooses among \"objective.llm.prompts\", but the objective has a single \"prompt\"")]
    [InlineData("top_p: [high]", "\"search_space.top_p\": \"high\" is not a number")]
    public void Validate_BadParameterOfASinglePromptObjective_OneLineError(string parameter, string expected)
    {
        string yaml = $$"""
            objective:
              llm:
                endpoint: http://127.0.0.1:9/v1
                model: tiny
                dataset: qa.jsonl
                prompt: "{examples}\nQ: {query}"
                few_shot: {file: shots.jsonl}
            search_space:
              {{parameter}}
            num_samples: 2
            """;

        var error = Assert.Throws<InputException>(() => Validate(yaml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Validate_FewShotExampleWithoutReference_IsRejected()
    {
        _temp.Write("shots.jsonl", "{\"query\": \"q\"}\n");

        var error = Assert.Throws<InputException>(() => Validate(With("few_shot: {file: shots.jsonl}")));

        Assert.Contains("\"objective.llm.few_shot.file\": The few-shot example \"1\" has no reference answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FewShotTemplateWithUnknownPlaceholder_IsRejected()
    {
        var error = Assert.Throws<InputException>(() => Validate(With("few_shot: {file: shots.jsonl, template: \"Q: {query} {answer}\"}")));

        Assert.Contains("placeholder {answer} in \"objective.llm.few_shot.template\" can never be filled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LlmWithoutSearchSpace_IsRejected()
    {
        var error = Assert.Throws<InputException>(() => Validate(Base[..Base.IndexOf("search_space:", StringComparison.Ordinal)]));

        Assert.EndsWith("an llm objective needs a \"search_space\"", error.Message, StringComparison.Ordinal);
    }

    private static string With(string line) => Base.Replace("    model: tiny", "    model: tiny\n    " + line, StringComparison.Ordinal);

    private ExperimentPlan Validate(string yaml) =>
        ExperimentFileValidator.Validate(ExperimentFileReader.Read(_temp.Write("experiment.yaml", yaml)), null);
}

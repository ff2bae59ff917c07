using Nomadic.AI.Rag;
using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Tests.Support;

namespace Nomadic.Cli.Tests.Configuration.ObjectiveSpecs;

public sealed class RagGenerationPromptsTests : IDisposable
{
    private const string Base = """
        objective:
          rag:
            questions: questions.jsonl
            corpus: corpus/
            generation:
              endpoint: http://127.0.0.1:9/v1
              model: tiny
              prompts:
                terse: "Answer in a few words.\n{context}\nQ: {query}"
                shown: "{examples}\n{context}\nQuestion about {topic}: {query}"
              few_shot: {file: shots.jsonl, template: "Q: {query} ({topic})\nA: {reference}"}
        search_space:
          prompt_variant: [terse, shown]
          few_shot_count: {type: randint, low: 0, high: 2}
          top_k: [1, 2]
        fixed_params: {topic: city services}
        current_params: {prompt_variant: terse, few_shot_count: 0, top_k: 1}
        num_samples: 3
        """;

    private readonly TemporaryDirectory _temp = new();

    public RagGenerationPromptsTests()
    {
        ExperimentFiles.RagCorpus(_temp);
        // The second example has the query of question q2, which therefore gets two examples at most.
        _temp.Write("shots.jsonl", """
            {"query": "When does the central library open?", "reference": "9 am", "topic": "libraries"}
            {"query": "Which day is East collected?", "reference": "Tuesday", "topic": "waste"}
            {"query": "What does a single bus fare cost?", "reference": "2 crowns", "topic": "buses"}
            """);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_VariantsAndFewShot_AreAccepted()
    {
        ExperimentPlan plan = Validate(Base);

        var objective = Assert.IsType<RagObjective>(plan.Objective);
        Assert.Equal(["model", "temperature", "max_tokens", "top_p", "prompt_variant", "few_shot_count", "topic"], objective.GenerationParameters);
    }

    [Fact]
    public void Validate_VariantInFixedParams_IsAccepted()
    {
        string yaml = Base
            .Replace("  prompt_variant: [terse, shown]\n", "", StringComparison.Ordinal)
            .Replace("fixed_params: {topic: city services}", "fixed_params: {topic: city services, prompt_variant: shown}", StringComparison.Ordinal);

        Assert.IsType<RagObjective>(Validate(yaml).Objective);
    }

    [Fact]
    public void Validate_FewShotWithoutTemplate_UsesThePoolsDefault()
    {
        string yaml = Base.Replace(", template: \"Q: {query} ({topic})\\nA: {reference}\"}", "}", StringComparison.Ordinal);
        Assert.Contains("few_shot: {file: shots.jsonl}", yaml, StringComparison.Ordinal);

        Assert.IsType<RagObjective>(Validate(yaml).Objective);
    }

    [Theory]
    // Variants and prompt_variant.
    [InlineData("  prompt_variant: [terse, shown]\n", "", "\"objective.rag.generation.prompts\" has 2 variants; choose among them with \"prompt_variant\" in \"search_space\" (or \"fixed_params\"), e.g. prompt_variant: [terse, shown]")]
    [InlineData("  prompt_variant: [terse, shown]", "  prompt_variant: [terse, cite]", "\"search_space.prompt_variant\": \"cite\" is not one of the prompt variants terse, shown")]
    [InlineData("current_params: {prompt_variant: terse,", "current_params: {prompt_variant: cite,", "\"current_params.prompt_variant\": \"cite\" is not one of the prompt variants terse, shown")]
    [InlineData("  prompt_variant: [terse, shown]", "  prompt_variant: [terse, 3]", "\"search_space.prompt_variant\": 3 is not one of the prompt variants terse, shown")]
    // Placeholders.
    [InlineData("Question about {topic}", "Question about {subject}", "placeholder {subject} in \"objective.rag.generation.prompts.shown\" can never be filled: it names no parameter; at hand: {context}, {examples}, {few_shot_count}, {id}, {prompt_variant}, {query}, {top_k}, {topic}")]
    [InlineData("Q: {query} ({topic})", "Q: {query} ({area})", "placeholder {area} in \"objective.rag.generation.few_shot.template\" can never be filled: it names no parameter and no field of the items; at hand: {query}, {reference}, {topic}")]
    // The few-shot pool and few_shot_count.
    [InlineData("few_shot: {file: shots.jsonl,", "few_shot: {file: missing.jsonl,", "\"objective.rag.generation.few_shot.file\": the file \"{folder}/missing.jsonl\" does not exist")]
    [InlineData("few_shot: {file: shots.jsonl,", "few_shot: {file: broken.jsonl,", "\"objective.rag.generation.few_shot.file\": {folder}/broken.jsonl, line 2: the item has no \"query\"")]
    [InlineData("few_shot: {file: shots.jsonl,", "few_shot: {file: bare.jsonl,", "\"objective.rag.generation.few_shot.file\": The few-shot example \"2\" has no reference answer")]
    [InlineData("few_shot_count: {type: randint, low: 0, high: 2}", "few_shot_count: {type: randint, low: 0, high: 4}", "\"search_space.few_shot_count\": 3 is more than the 2 examples of the few-shot pool each item can get")]
    [InlineData("few_shot_count: {type: randint, low: 0, high: 2}", "few_shot_count: [-1, 1]", "\"search_space.few_shot_count\": -1 is not a whole number of 0 or more")]
    [InlineData("few_shot_count: 0,", "few_shot_count: 2.5,", "\"current_params.few_shot_count\": 2.5 is not a whole number of 0 or more")]
    [InlineData("      few_shot: {file: shots.jsonl, template: \"Q: {query} ({topic})\\nA: {reference}\"}\n", "", "parameter \"few_shot_count\" needs \"objective.rag.generation.few_shot\", the pool of examples")]
    public void Validate_BadPrompts_OneLineErrorNamingTheProblem(string original, string replacement, string expected)
    {
        _temp.Write("broken.jsonl", "{\"query\": \"q\", \"reference\": \"r\"}\n{\"reference\": \"r\"}\n");
        _temp.Write("bare.jsonl", "{\"query\": \"q\", \"reference\": \"r\", \"topic\": \"t\"}\n{\"query\": \"p\", \"topic\": \"t\"}\n");
        string yaml = Base.Replace(original, replacement, StringComparison.Ordinal);
        Assert.NotEqual(Base, yaml);

        string message = Assert.Throws<InputException>(() => Validate(yaml)).Message;

        Assert.StartsWith(_temp.File("experiment.yaml") + ": ", message, StringComparison.Ordinal);
        Assert.Contains(expected.Replace("{folder}", _temp.Path, StringComparison.Ordinal), message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Theory]
    [InlineData("prompt: \"{context}\\nQ: {query}\"", "prompt_variant: [default]", "parameter \"prompt_variant\" chooses among \"objective.rag.generation.prompts\", but the objective has a single \"prompt\"")]
    [InlineData("max_tokens_field: max_tokens", "prompt_variant: [default]", "parameter \"prompt_variant\" chooses among \"objective.rag.generation.prompts\", but the objective has a single \"prompt\"")]
    [InlineData("prompt: \"{examples}{context}\\nQ: {query}\"", "few_shot_count: [0, 1]", "parameter \"few_shot_count\" needs \"objective.rag.generation.few_shot\", the pool of examples")]
    public void Validate_PromptChoiceOfASinglePrompt_OneLineError(string line, string parameter, string expected)
    {
        // The generation block up to its prompts, then the one line and a search space of the one parameter.
        string yaml = Base[..Base.IndexOf("      prompts:\n", StringComparison.Ordinal)] + $"      {line}\nsearch_space:\n  {parameter}\nnum_samples: 2\n";

        string message = Assert.Throws<InputException>(() => Validate(yaml)).Message;

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    private ExperimentPlan Validate(string yaml) =>
        ExperimentFileValidator.Validate(ExperimentFileReader.Read(_temp.Write("experiment.yaml", yaml)), null);
}

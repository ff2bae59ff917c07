using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.ObjectiveSpecs;
using Nomadic.Cli.Tests.Support;
using Nomadic.Storage;

namespace Nomadic.Cli.Tests.Configuration.Experiments;

public sealed class StoredExperimentFileTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_SettingsKeptAsJson_RebuildTheSamePlan()
    {
        string path = _temp.Write("sweep.yaml", """
            name: sweep
            objective: {builtin: mixed}
            search_space:
              optimizer: [sgd, adam]
              layers: {type: randint, low: 1, high: 9}
              dropout: {type: quniform, low: 0.0, high: 0.5, q: 0.1}
              lr: {type: loguniform, low: 1.0e-5, high: 0.1}
            current_params: {optimizer: sgd, layers: 2, dropout: 0.5, lr: 0.01}
            tuner: {type: random, seed: 3}
            num_samples: 12
            retries: {max_retries: 2, base_delay_seconds: 0}
            """);
        ExperimentPlan original = ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), null);

        ExperimentPlan rebuilt = ExperimentFileValidator.Validate(StoredExperimentFile.Read(Stored(original), "nomadic.db"), null);

        Assert.Equal("sweep", rebuilt.File.Name);
        Assert.Equal(_temp.Path, rebuilt.File.Folder);
        Assert.Equal(path, rebuilt.File.Path);
        Assert.Equal(original.SearchSpace.ToJson(), rebuilt.SearchSpace.ToJson());
        Assert.Equal(original.Direction, rebuilt.Direction);
        Assert.Equal(original.ExpectedRuns, rebuilt.ExpectedRuns);
        Assert.Equal(original.File.CurrentParams, rebuilt.File.CurrentParams);
        Assert.IsType<int>(rebuilt.File.CurrentParams!["layers"]);
        Assert.IsType<double>(rebuilt.File.CurrentParams["dropout"]);
        Assert.Equal(original.File.Retry!.MaxRetryAttempts, rebuilt.File.Retry!.MaxRetryAttempts);
        Assert.Equal(3, rebuilt.File.Tuner!.Seed);
        Assert.False(StoredExperimentFile.Differs(Stored(original), rebuilt.File));
    }

    [Fact]
    public void Read_LlmObjectiveKeptAsJson_RebuildsTheSameObjective()
    {
        _temp.Write("qa.jsonl", "{\"query\": \"Which day?\", \"reference\": \"Tuesday\"}\n");
        string path = _temp.Write("llm.yaml", """
            name: llm
            objective:
              llm:
                endpoint: http://127.0.0.1:9/v1
                model: tiny
                timeout_seconds: 30
                retries: {max_retries: 1, base_delay_seconds: 0}
                dataset: qa.jsonl
                prompts: {terse: "Q: {query}", polite: "Please answer: {query}"}
                evaluator: {weighted: {token_f1: 0.5, rouge_l: 0.5}}
                max_concurrent_items: 2
                prices: {input: 0.15, output: 0.6}
            search_space:
              prompt_variant: [terse, polite]
              temperature: {type: uniform, low: 0.0, high: 1.0}
            num_samples: 3
            """);
        ExperimentPlan original = ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), null);

        ExperimentPlan rebuilt = ExperimentFileValidator.Validate(StoredExperimentFile.Read(Stored(original), "nomadic.db"), null);

        Assert.Equal(original.ObjectiveName, rebuilt.ObjectiveName);
        var spec = Assert.IsType<LlmObjectiveSpec>(rebuilt.File.Objective);
        Assert.Equal(2, spec.MaxConcurrentItems);
        Assert.Equal(TimeSpan.FromSeconds(30), spec.Client.Timeout);
        Assert.Equal(new Nomadic.AI.Models.TokenPrices(0.15, 0.6), spec.Client.Prices);
        Assert.False(StoredExperimentFile.Differs(Stored(original), rebuilt.File));
    }

    [Fact]
    public void Read_StoredUnderAnotherName_KeepsTheStoredName()
    {
        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(ExperimentFiles.Builtin(_temp)), null);

        ExperimentFile file = StoredExperimentFile.Read(Stored(plan) with { Name = "renamed" }, "nomadic.db");

        Assert.Equal("renamed", file.Name);
    }

    [Fact]
    public void Read_NoExperimentFileInTheSettings_SaysTheExperimentWasNotCreatedByRun()
    {
        ExperimentPlan plan = ExperimentFileValidator.Validate(ExperimentFileReader.Read(ExperimentFiles.Builtin(_temp)), null);
        StoredExperiment stored = Stored(plan) with { Settings = new Dictionary<string, object?> { ["owner"] = "notebook" } };

        var error = Assert.Throws<InputException>(() => StoredExperimentFile.Read(stored, "nomadic.db"));

        Assert.Equal("nomadic.db: experiment 'x2' holds no experiment file to run (it was not created by nomadic run)", error.Message);
    }

    [Fact]
    public void Differs_FileChangedAfterStoring_IsTrue()
    {
        string path = ExperimentFiles.Builtin(_temp);
        StoredExperiment stored = Stored(ExperimentFileValidator.Validate(ExperimentFileReader.Read(path), null));
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"num_samples\": 5", "\"num_samples\": 9", StringComparison.Ordinal));

        Assert.True(StoredExperimentFile.Differs(stored, ExperimentFileReader.Read(path)));
    }

    // The experiment as a storage gives it back: settings through the storages' JSON form, so every value is re-read.
    private static StoredExperiment Stored(ExperimentPlan plan) => new(
        1,
        plan.File.Name,
        plan.Direction,
        plan.SearchSpace,
        StorageJson.ReadValues(StorageJson.WriteValues(plan.Definition.Settings)),
        DateTimeOffset.UnixEpoch,
        new Dictionary<TrialState, int>());
}

using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Configuration.ObjectiveSpecs;
using Nomadic.Cli.Tests.Support;
using Nomadic.Results;

namespace Nomadic.Cli.Tests.Configuration.Experiments;

public sealed class ExperimentFileReaderTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_FullJson_MapsEveryKey()
    {
        string path = _temp.Write("full.json", """
            {
              // comments and trailing commas are allowed
              "name": "full",
              "objective": {"command": "python3 train.py --lr {lr}", "working_directory": "src", "env": {"K": "V", "N": 2}},
              "search_space": {"lr": {"type": "loguniform", "low": 1e-5, "high": 0.1}},
              "fixed_params": {"epochs": 3},
              "current_params": {"lr": 0.01},
              "tuner": {"type": "random", "seed": 3},
              "direction": "minimize",
              "num_samples": 20,
              "time_budget_seconds": 60,
              "max_concurrent_trials": 4,
              "trial_timeout_seconds": 1.5,
              "retries": {"max_retries": 2, "base_delay_seconds": 0.5},
              "seed": 11,
              "output": {"results": "out/r.json", "journal": "out/j.jsonl", "csv": "out/r.csv"},
            }
            """);

        ExperimentFile file = ExperimentFileReader.Read(path);

        Assert.Equal("full", file.Name);
        var command = Assert.IsType<CommandObjectiveSpec>(file.Objective);
        Assert.Equal(["python3", "train.py", "--lr", "{lr}"], command.Command);
        Assert.Equal("src", command.WorkingDirectory);
        Assert.Equal(new Dictionary<string, string> { ["K"] = "V", ["N"] = "2" }, command.Environment);
        Assert.Equal(3, file.FixedParams!["epochs"]);
        Assert.Equal(0.01, file.CurrentParams!["lr"]);
        Assert.Equal(("random", 3), (file.Tuner!.Type, file.Tuner.Seed));
        Assert.Equal(Direction.Minimize, file.Direction);
        Assert.Equal(20, file.NumSamples);
        Assert.Equal(TimeSpan.FromSeconds(60), file.TimeBudget);
        Assert.Equal(4, file.MaxConcurrentTrials);
        Assert.Equal(TimeSpan.FromSeconds(1.5), file.TrialTimeout);
        Assert.Equal((2, TimeSpan.FromSeconds(0.5)), (file.Retry!.MaxRetryAttempts, file.Retry.BaseDelay));
        Assert.Equal(11, file.Seed);
        Assert.Equal(new OutputSpec("out/r.json", "out/j.jsonl", "out/r.csv"), file.Output);
        Assert.Equal(_temp.Path, file.Folder);
    }

    [Fact]
    public void Read_Yaml_GivesScalarsTheirTypes()
    {
        string path = _temp.Write("types.yaml", """
            objective: {builtin: x2}
            num_samples: 3
            tuner: grid
            fixed_params:
              int: 32
              float: 1.0
              exponent: 1e-3
              quoted: "32"
              bool: true
              nothing: ~
              word: adam
            """);

        ExperimentFile file = ExperimentFileReader.Read(path);

        Assert.Equal(("grid", (int?)null), (file.Tuner!.Type, file.Tuner.Seed));
        Assert.Equal(32, file.FixedParams!["int"]);
        Assert.Equal(1.0, Assert.IsType<double>(file.FixedParams["float"]));
        Assert.Equal(0.001, file.FixedParams["exponent"]);
        Assert.Equal("32", file.FixedParams["quoted"]);
        Assert.Equal(true, file.FixedParams["bool"]);
        Assert.Null(file.FixedParams["nothing"]);
        Assert.Equal("adam", file.FixedParams["word"]);
    }

    [Fact]
    public void Read_NoName_TakesTheFileName()
    {
        ExperimentFile file = ExperimentFileReader.Read(_temp.Write("my-study.yml", "objective: {builtin: x2}\n"));

        Assert.Equal("my-study", file.Name);
    }

    [Fact]
    public void Read_RepeatsAndPruner_AreRead()
    {
        string path = _temp.Write("e.yaml", "objective: {builtin: x2}\nrepeats: 3\npruner: median\n");

        ExperimentFile file = ExperimentFileReader.Read(path);

        Assert.Equal((3, "median"), (file.Repeats, file.Pruner!.Type));
    }

    [Theory]
    [InlineData("repeats: 0", "\"repeats\" must be an integer, at least 1, got 0")]
    [InlineData("repeats: 2.5", "\"repeats\" must be an integer, at least 1, got 2.5")]
    [InlineData("repeat: 2", "unknown key \"repeat\" in the experiment; did you mean \"repeats\"?")]
    public void Read_InvalidRepeats_FailsNamingTheKey(string yaml, string expected)
    {
        string path = _temp.Write("e.yaml", "objective: {builtin: x2}\n" + yaml + "\n");

        var error = Assert.Throws<InputException>(() => ExperimentFileReader.Read(path));

        Assert.EndsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_YamlSyntaxError_ReportsLineAndColumn()
    {
        string path = _temp.Write("broken.yaml", "name: x\nobjective:\n  builtin: [x2\nnum_samples: 3\n");

        var error = Assert.Throws<InputException>(() => ExperimentFileReader.Read(path));

        Assert.Matches(@"broken\.yaml: line \d+, column \d+: malformed YAML: \S", error.Message);
    }

    [Fact]
    public void Read_UnknownNestedKey_NamesItsPathAndSuggestsTheKnownKey()
    {
        string path = _temp.Write("e.yaml", "objective: {builtin: x2}\noutput:\n  result: r.json\n");

        var error = Assert.Throws<InputException>(() => ExperimentFileReader.Read(path));

        Assert.Equal($"{path}: line 3, column 3: unknown key \"result\" in \"output\"; did you mean \"results\"?", error.Message);
    }

    [Fact]
    public void Read_UnknownKeyFarFromAnyKnownOne_ListsTheKnownKeys()
    {
        string path = _temp.Write("e.yaml", "objective: {builtin: x2}\ntuner: {type: random, sampler: tpe}\n");

        var error = Assert.Throws<InputException>(() => ExperimentFileReader.Read(path));

        Assert.EndsWith("unknown key \"sampler\" in \"tuner\"; expected one of: type, seed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BuiltinWithWorkingDirectory_IsRejected()
    {
        string path = _temp.Write("e.yaml", "objective: {builtin: x2, working_directory: .}\n");

        var error = Assert.Throws<InputException>(() => ExperimentFileReader.Read(path));

        Assert.Contains("\"objective.working_directory\" applies to a command objective, not a built-in one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BothBuiltinAndCommand_IsRejected()
    {
        string path = _temp.Write("e.yaml", "objective: {builtin: x2, command: ls}\n");

        var error = Assert.Throws<InputException>(() => ExperimentFileReader.Read(path));

        Assert.Contains("needs exactly one of \"builtin\", \"command\", \"rag\" and \"llm\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoYamlDocuments_IsRejected()
    {
        string path = _temp.Write("e.yaml", "objective: {builtin: x2}\n---\nname: other\n");

        var error = Assert.Throws<InputException>(() => ExperimentFileReader.Read(path));

        Assert.EndsWith("holds 2 YAML documents; an experiment file holds one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ListAtTheTop_IsRejected()
    {
        string path = _temp.Write("e.json", "[1, 2]");

        var error = Assert.Throws<InputException>(() => ExperimentFileReader.Read(path));

        Assert.Equal($"{path}: line 1, column 1: an experiment file must hold an object, got a list", error.Message);
    }

    [Theory]
    [InlineData("reproducible: true", true)]
    [InlineData("reproducible: false", false)]
    [InlineData("max_concurrent_trials: 2", null)]
    public void Read_Reproducible_IsReadAsAFlag(string line, bool? expected)
    {
        string path = _temp.Write("e.yaml", "objective: {builtin: x2}\n" + line + "\n");

        Assert.Equal(expected, ExperimentFileReader.Read(path).Reproducible);
    }

    [Theory]
    [InlineData("max_concurrent_trials: 0", "\"max_concurrent_trials\" must be an integer, at least 1, got 0")]
    [InlineData("trial_timeout_seconds: -1", "\"trial_timeout_seconds\" must be a positive number, got -1")]
    [InlineData("retries: {max_retries: 1.5}", "\"retries.max_retries\" must be an integer, 0 or more, got 1.5")]
    [InlineData("fixed_params: {layers: [1, 2]}", "\"fixed_params.layers\" must be a number, string, boolean or null, got a list")]
    [InlineData("tuner: 3", "\"tuner\" must be \"grid\", \"random\" or an object")]
    [InlineData("output: out", "\"output\" must be an object, got \"out\"")]
    [InlineData("reproducible: yes", "\"reproducible\" must be true or false, got \"yes\"")]
    public void Read_WrongType_NamesTheKeyAndWhatWasExpected(string line, string expected)
    {
        string path = _temp.Write("e.yaml", "objective: {builtin: x2}\n" + line + "\n");

        var error = Assert.Throws<InputException>(() => ExperimentFileReader.Read(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}: line 2, column ", error.Message, StringComparison.Ordinal);
    }
}

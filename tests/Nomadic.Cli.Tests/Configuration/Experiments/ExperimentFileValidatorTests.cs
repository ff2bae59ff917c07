using Nomadic.Cli.Configuration.Experiments;
using Nomadic.Cli.Objectives;
using Nomadic.Cli.Tests.Support;
using Nomadic.Results;

namespace Nomadic.Cli.Tests.Configuration.Experiments;

public sealed class ExperimentFileValidatorTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_BuiltinWithoutSearchSpace_UsesTheFunctionsSpaceAndDirection()
    {
        ExperimentPlan plan = Validate("objective: {builtin: branin}\nnum_samples: 3\n");

        Assert.Equal(["x0", "x1"], plan.SearchSpace.Names);
        Assert.Equal(Direction.Minimize, plan.Direction);
        Assert.Equal("builtin branin", plan.ObjectiveName);
        Assert.Equal(3, plan.ExpectedRuns);
    }

    [Fact]
    public void Validate_ExplicitDirection_OverridesTheBuiltinOne()
    {
        ExperimentPlan plan = Validate("objective: {builtin: x2}\nnum_samples: 3\ndirection: maximize\n");

        Assert.Equal(Direction.Maximize, plan.Direction);
    }

    [Fact]
    public void Validate_CommandDefaultDirection_IsMaximize()
    {
        _temp.Write("train.sh", "echo 1");

        ExperimentPlan plan = Validate("objective: {command: [sh, train.sh]}\nsearch_space: {x: [1, 2]}\n");

        Assert.Equal(Direction.Maximize, plan.Direction);
        Assert.Equal(2, plan.ExpectedRuns);
    }

    [UnixFact]
    public void Validate_RelativeProgram_IsResolvedAgainstTheWorkingDirectory()
    {
        string script = _temp.Write("tools/run.sh", "#!/bin/sh\necho 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        ExperimentPlan plan = Validate("objective: {command: ./run.sh, working_directory: tools}\nsearch_space: {x: [1]}\n");

        var command = Assert.IsType<CommandObjective>(plan.Objective);
        Assert.Equal(script, command.Spec.Executable);
        Assert.Equal(_temp.File("tools"), command.Spec.WorkingDirectory);
    }

    [Fact]
    public void Validate_MissingWorkingDirectory_IsRejected()
    {
        var error = Assert.Throws<InputException>(() => Validate("objective: {command: sh, working_directory: nowhere}\nsearch_space: {x: [1]}\n"));

        Assert.Contains($"the objective's working directory \"{_temp.File("nowhere")}\" does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CommandWithoutSearchSpace_IsRejected()
    {
        var error = Assert.Throws<InputException>(() => Validate("objective: {command: sh}\nnum_samples: 2\n"));

        Assert.EndsWith("a command objective needs a \"search_space\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptySearchSpace_IsRejected()
    {
        var error = Assert.Throws<InputException>(() => Validate("objective: {builtin: x2}\nsearch_space: {}\nnum_samples: 2\n"));

        Assert.EndsWith("\"search_space\" declares no parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Outputs_AreRelativeToTheFileOrToTheOutputFolder()
    {
        const string Yaml = "objective: {builtin: x2}\nnum_samples: 2\noutput: {results: out/r.json, csv: /abs/r.csv}\n";

        ExperimentPlan beside = Validate(Yaml);
        ExperimentPlan elsewhere = Validate(Yaml, _temp.File("other"));

        Assert.Equal(new OutputPaths(_temp.File("out/r.json"), null, "/abs/r.csv"), beside.Outputs);
        Assert.Equal(_temp.File("other/out/r.json"), elsewhere.Outputs.Results);
    }

    [Fact]
    public void Validate_GridWithBaselineOutsideTheGrid_ExpectsOneMoreRun()
    {
        ExperimentPlan plan = Validate("objective: {builtin: x2}\nsearch_space: {x: [1.0, 2.0, 3.0]}\ncurrent_params: {x: 0.5}\ntuner: grid\n");

        Assert.Equal(4, plan.ExpectedRuns);
    }

    [Fact]
    public void Validate_TimeBudgetOnly_HasNoExpectedRunCount()
    {
        ExperimentPlan plan = Validate("objective: {builtin: x2}\ntime_budget_seconds: 1\n");

        Assert.Null(plan.ExpectedRuns);
    }

    private ExperimentPlan Validate(string yaml, string? outputFolder = null) =>
        ExperimentFileValidator.Validate(ExperimentFileReader.Read(_temp.Write("experiment.yaml", yaml)), outputFolder);
}

using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Tests.Storage;

public class StorageJsonTests
{
    [Theory]
    [InlineData("null")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-Infinity\"")]
    public void ReadRun_CompletedRunStoredWithoutFiniteScore_ReadsAsFailed(string score)
    {
        RunResult run = StorageJson.ReadRun($$$"""{"trial_number": 2, "status": "completed", "score": {{{score}}}, "params": {"x": 1}}""");

        Assert.Equal((RunStatus.Failed, 2, false), (run.Status, run.TrialNumber, run.HasUsableScore));
        Assert.Equal($"the score is {score}, not a finite number", run.Error);
    }

    [Fact]
    public void ReadRun_CompletedRunWithoutFiniteScore_IsWrittenAsFailed()
    {
        RunResult run = StorageJson.ReadRun(StorageJson.WriteRun(new RunResult(double.PositiveInfinity, new Dictionary<string, object?>())));

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.True(double.IsNaN(run.Score));
    }

    [Fact]
    public void ReadRun_ScoreBeyondDouble_ThrowsNamingIt()
    {
        var error = Assert.Throws<StorageException>(() => StorageJson.ReadRun("""{"status": "completed", "score": 1e309, "params": {}}"""));

        Assert.Equal("A stored run is not valid: score: 1e309 is not a finite number", error.Message);
    }

    [Fact]
    public void ReadValues_Named_ErrorsNameTheValue()
    {
        var error = Assert.Throws<StorageException>(() => StorageJson.ReadValues("""{"budget": {"seconds": 1e309}}""", "settings"));

        Assert.Equal("settings.budget.seconds: 1e309 is not a finite number", error.Message);
    }

    [Fact]
    public void ReadValues_Stored_KeepsTheStoredPrefix()
    {
        var error = Assert.Throws<StorageException>(() => StorageJson.ReadValues("[1]"));

        Assert.Equal("Stored values are not valid: expected an object, found array", error.Message);
    }
}

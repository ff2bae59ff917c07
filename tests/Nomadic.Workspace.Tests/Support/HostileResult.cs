using Nomadic.Results;

namespace Nomadic.Workspace.Tests.Support;

/// <summary>A result whose user text tries to run script in the dashboard.</summary>
internal static class HostileResult
{
    public const string Script = "<script>window.__owned = 1</script>";

    public static ExperimentResult Create()
    {
        ExperimentResult sample = Samples.Result("<img src=x onerror=alert(1)>");
        RunResult hostile = new(0.55, new Dictionary<string, object?> { ["optimizer"] = "sgd", ["lr"] = 0.05 }, new Dictionary<string, object?> { ["note"] = Script })
        {
            TrialNumber = 9,
            Duration = TimeSpan.FromSeconds(2),
        };
        return new ExperimentResult(sample.HpSearchSpace, [.. sample.RunResults, hostile], sample.Name);
    }
}

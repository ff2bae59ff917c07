using Nomadic.Results;
using Nomadic.Tuning;
using Nomadic.Workspace.Client;

namespace Nomadic.Bench;

/// <summary>One simulated experiment: creates its result, posts its runs in batches, then posts some batches again.</summary>
internal static class LoadClient
{
    private static readonly SearchSpace Space = new() { ["x"] = Tune.Uniform(-10, 10), ["opt"] = Tune.Choice("sgd", "adam") };

    public static async Task<int> RunAsync(WorkspaceClient client, int index, LoadSettings settings)
    {
        string id = await client.SyncAsync(new ExperimentResult(Space, [], $"load-{index:D3}"));
        List<RunResult[]> batches = Runs(index, settings.RunsPerClient).Chunk(settings.BatchSize).ToList();
        int errors = 0;
        foreach (RunResult[] batch in batches)
        {
            errors += await TryAddAsync(client, id, batch);
        }

        for (int b = 0; b < batches.Count; b += settings.ResendEvery)
        {
            errors += await TryAddAsync(client, id, batches[b]);
        }

        return errors;
    }

    private static async Task<int> TryAddAsync(WorkspaceClient client, string id, RunResult[] batch)
    {
        try
        {
            await client.AddRunsAsync(id, batch);
            return 0;
        }
        catch (WorkspaceException)
        {
            return 1;
        }
    }

    private static IEnumerable<RunResult> Runs(int client, int count)
    {
        var random = new Random(client);
        for (int i = 0; i < count; i++)
        {
            double x = (random.NextDouble() * 20) - 10;
            yield return new RunResult(x * x, new Dictionary<string, object?> { ["x"] = x, ["opt"] = i % 2 == 0 ? "sgd" : "adam" }, new Dictionary<string, object?> { ["client"] = client })
            {
                TrialNumber = i,
                Duration = TimeSpan.FromMilliseconds(random.Next(10, 1000)),
            };
        }
    }
}

namespace Nomadic.Bench;

/// <summary>The load: how many clients, runs per client, runs per request, and which batches are sent twice.</summary>
internal sealed record LoadSettings(int Clients, int RunsPerClient, int BatchSize, int ResendEvery)
{
    public int Batches => (RunsPerClient + BatchSize - 1) / BatchSize;

    public int ResentBatches => (Batches + ResendEvery - 1) / ResendEvery;

    public int ExpectedRuns => Clients * RunsPerClient;
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;

namespace Nomadic.Bench;

/// <summary>
/// Where a run's time goes: one experiment in this process through a wrapper that times every storage call, and the
/// bytes this process wrote meanwhile (/proc/self/io <c>wchar</c>; for SQLite only: the write-ahead log and checkpoints).
/// </summary>
internal static class StorageCallTimes
{
    public static async Task<JsonObject> MeasureAsync(Stores stores, Engine engine, int n)
    {
        string label = $"{Engines.Name(engine)}_calls";
        string location = stores.Fresh(engine, label);
        try
        {
            using var storage = new TimedStorage(Engines.Open(engine, location));
            var stamps = new RunStamps(n);
            Experiment experiment = X2Run.Create(storage, "x2-" + label, n, 0, stamps);
            storage.Reset();
            long written = WrittenBytes();
            RunTimes times = await X2Run.RunAsync(experiment, stamps).ConfigureAwait(false);
            written = WrittenBytes() - written;
            double totalUs = times.WallMs * 1e3;
            var calls = new JsonObject();
            foreach ((string name, (int count, double us)) in storage.Calls.OrderByDescending(c => c.Value.Us))
            {
                calls[name] = new JsonObject
                {
                    ["calls"] = count,
                    ["us_per_call"] = Json.Number(us / count),
                    ["us_per_run"] = Json.Number(us / n),
                };
            }

            return new JsonObject
            {
                ["engine"] = Engines.Name(engine),
                ["n"] = n,
                ["runs_per_s"] = Json.Number(n / (times.WallMs / 1e3)),
                ["us_per_run"] = Json.Number(totalUs / n),
                ["storage_calls"] = calls,
                ["outside_storage_us_per_run"] = Json.Number((totalUs - storage.Calls.Values.Sum(c => c.Us)) / n),
                ["bytes_written_per_run"] = written < 0 || engine != Engine.Sqlite ? null : Json.Number(written / (double)n),
            };
        }
        finally
        {
            stores.Remove(engine, label);
        }
    }

    private static long WrittenBytes()
    {
        try
        {
            string? line = File.ReadLines("/proc/self/io").FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
            return line is null ? -1 : long.Parse(line["wchar:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }

    /// <summary>Passes every call through, adding its wall time to the call's total (the heartbeat calls from a timer thread).</summary>
    private sealed class TimedStorage(IExperimentStorage inner) : IExperimentStorage
    {
        public Dictionary<string, (int Count, double Us)> Calls { get; } = new(StringComparer.Ordinal);

        public string Location => inner.Location;

        public void Reset() => Calls.Clear();

        public StoredExperiment CreateOrOpenExperiment(ExperimentDefinition definition) => Time(nameof(CreateOrOpenExperiment), () => inner.CreateOrOpenExperiment(definition));

        public StoredExperiment? FindExperiment(string name) => Time(nameof(FindExperiment), () => inner.FindExperiment(name));

        public IReadOnlyList<StoredExperiment> ListExperiments() => Time(nameof(ListExperiments), inner.ListExperiments);

        public bool DeleteExperiment(string name) => Time(nameof(DeleteExperiment), () => inner.DeleteExperiment(name));

        public ClaimResult TryClaim(ClaimRequest request) => Time(nameof(TryClaim), () => inner.TryClaim(request));

        public int RenewLeases(long experimentId, IReadOnlyCollection<long> trialIds, string workerId, DateTimeOffset leaseExpiresAt) =>
            Time(nameof(RenewLeases), () => inner.RenewLeases(experimentId, trialIds, workerId, leaseExpiresAt));

        public bool FinishTrial(long trialId, string workerId, RunResult run) => Time(nameof(FinishTrial), () => inner.FinishTrial(trialId, workerId, run));

        public void ReleaseTrial(long trialId, string workerId) => Time(nameof(ReleaseTrial), () =>
        {
            inner.ReleaseTrial(trialId, workerId);
            return true;
        });

        public int ExpireLeases(long experimentId, DateTimeOffset now) => Time(nameof(ExpireLeases), () => inner.ExpireLeases(experimentId, now));

        public int RetryFailedTrials(long experimentId) => Time(nameof(RetryFailedTrials), () => inner.RetryFailedTrials(experimentId));

        public IReadOnlyList<StoredTrial> ReadTrials(long experimentId, long afterVersion) => Time(nameof(ReadTrials), () => inner.ReadTrials(experimentId, afterVersion));

        public void Dispose() => inner.Dispose();

        private T Time<T>(string name, Func<T> call)
        {
            long start = Stopwatch.GetTimestamp();
            try
            {
                return call();
            }
            finally
            {
                double us = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                lock (Calls)
                {
                    (int count, double total) = Calls.GetValueOrDefault(name);
                    Calls[name] = (count + 1, total + us);
                }
            }
        }
    }
}

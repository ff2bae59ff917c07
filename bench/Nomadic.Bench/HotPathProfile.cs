using System.Buffers;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Bench;

/// <summary>One line of the hot-path breakdown: nanoseconds and bytes allocated per trial.</summary>
/// <param name="Space">The workload.</param>
/// <param name="Group">
/// <c>phase</c>: a phase of a real experiment (Ask for all trials, then Tell for all, then the result);
/// <c>component</c>: one step of the per-trial path, repeated alone; <c>journal</c>: the results journal's steps;
/// <c>memory</c>: heap kept per run; <c>dataframe</c>: the parts of ToDataFrame; <c>storage</c>: the shared-storage
/// calls of one trial.
/// </param>
/// <param name="What">The code measured.</param>
/// <param name="NsPerTrial">Minimum over repeats, nanoseconds per trial (per call for components).</param>
/// <param name="BytesPerTrial">Bytes allocated per trial (per call).</param>
/// <param name="CallsPerTrial">How many times the experiment runs this step per trial.</param>
internal sealed record ProfileRow(string Space, string Group, string What, double NsPerTrial, double BytesPerTrial, int CallsPerTrial = 1)
{
    public JsonObject ToJson() => new()
    {
        ["space"] = Space,
        ["group"] = Group,
        ["what"] = What,
        ["ns_per_call"] = Json.Number(NsPerTrial),
        ["bytes_per_call"] = Json.Number(BytesPerTrial),
        ["calls_per_trial"] = CallsPerTrial,
        ["ns_per_trial"] = Json.Number(NsPerTrial * CallsPerTrial),
    };
}

/// <summary>
/// Where the time of one trial goes: the experiment's phases measured separately, and each step of the per-trial path
/// (tuner, parameter merge, configuration identity, duplicate check, objective wrapper, run copy, clock, bookkeeping,
/// journal, storage calls) repeated alone over the same inputs. Internal steps are called through reflection (and left out when their
/// signature changed); the bookkeeping and lock steps are reproduced with the same collection types.
/// </summary>
internal sealed class HotPathProfile(string tempDirectory, int n, int repeats)
{
    private static object? s_sink;
    private static long s_ticks;

    public List<ProfileRow> Run(Workload workload)
    {
        var rows = new List<ProfileRow>();
        string space = workload.Name;
        Func<IReadOnlyDictionary<string, object?>, double> objective = workload.Objective;

        // Phases of a real experiment: Ask n times, then Tell n times, then build the result.
        double ask = double.PositiveInfinity, tell = double.PositiveInfinity, snapshot = double.PositiveInfinity;
        double askBytes = 0, tellBytes = 0, snapshotBytes = 0;
        Trial[] trials = [];
        for (int rep = -2; rep < repeats; rep++)
        {
            var experiment = NewExperiment(workload, rep);
            trials = new Trial[n];
            Collect();
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < n; i++)
            {
                trials[i] = experiment.Ask()!;
            }

            long t1 = Stopwatch.GetTimestamp();
            long a1 = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < n; i++)
            {
                experiment.Tell(trials[i], objective(trials[i].Params));
            }

            long t2 = Stopwatch.GetTimestamp();
            long a2 = GC.GetAllocatedBytesForCurrentThread();
            s_sink = experiment.Result;
            long t3 = Stopwatch.GetTimestamp();
            long a3 = GC.GetAllocatedBytesForCurrentThread();
            if (rep < 0)
            {
                continue;
            }

            ask = Math.Min(ask, Stopwatch.GetElapsedTime(t0, t1).TotalNanoseconds / n);
            tell = Math.Min(tell, Stopwatch.GetElapsedTime(t1, t2).TotalNanoseconds / n);
            snapshot = Math.Min(snapshot, Stopwatch.GetElapsedTime(t2, t3).TotalNanoseconds / n);
            askBytes = (a1 - a0) / (double)n;
            tellBytes = (a2 - a1) / (double)n;
            snapshotBytes = (a3 - a2) / (double)n;
        }

        rows.Add(new ProfileRow(space, "phase", "Experiment.Ask() (n trials asked, none told yet)", ask, askBytes));
        rows.Add(new ProfileRow(space, "phase", "objective + Experiment.Tell(trial, score)", tell, tellBytes));
        rows.Add(new ProfileRow(space, "phase", "Experiment.Result after the last trial (snapshot: copy, sort by number, new ExperimentResult)", snapshot, snapshotBytes));

        // Inputs for the components: the same configurations, keys, trials and runs an experiment produces.
        SearchSpace searchSpace = workload.CreateSpace();
        string[] names = [.. searchSpace.Names];
        var tuner = new RandomTuner(seed: 3);
        tuner.Initialize(new TunerSetup(searchSpace, Direction.Minimize, 3));
        var configurations = new IReadOnlyDictionary<string, object?>[n];
        for (int i = 0; i < n; i++)
        {
            configurations[i] = tuner.Suggest(null!)!;
        }

        Func<IReadOnlyList<string>, IReadOnlyDictionary<string, object?>, object>? keyOf =
            Internal<Func<IReadOnlyList<string>, IReadOnlyDictionary<string, object?>, object>>("Nomadic.Tuning.ConfigurationKey", "Of");
        object[] keys = keyOf is null ? [] : [.. configurations.Select(c => keyOf(names, c))];
        object? state = typeof(Experiment).GetField("_state", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(NewExperiment(workload, 6));
        object? merger = state?.GetType().GetField("_merger", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(state) ?? state;
        Func<IReadOnlyDictionary<string, object?>, bool, Dictionary<string, object?>>? merge =
            merger is null ? null : InternalInstance<Func<IReadOnlyDictionary<string, object?>, bool, Dictionary<string, object?>>>(merger, "Merge");
        IReadOnlyList<RunResult> runs = NewExperiment(workload, 5).RunAsync().GetAwaiter().GetResult().RunResults;
        IObjective wrapped = Objective.Create(objective);
        DateTimeOffset now = DateTimeOffset.UtcNow;

        var sampler = new RandomTuner(seed: 4);
        sampler.Initialize(new TunerSetup(searchSpace, Direction.Minimize, 4));
        rows.Add(Component(space, "RandomTuner.Suggest (new Dictionary, Domain.Sample per parameter, boxing)", () =>
        {
            for (int i = 0; i < n; i++)
            {
                s_sink = sampler.Suggest(null!);
            }
        }));

        Domain[] domains = [.. names.Select(name => searchSpace[name])];
        var random = new Random(5);
        rows.Add(Component(space, $"  of which Domain.Sample, all {domains.Length} parameters", () =>
        {
            for (int i = 0; i < n; i++)
            {
                for (int d = 0; d < domains.Length; d++)
                {
                    s_sink = domains[d].Sample(random);
                }
            }
        }));

        if (merge is not null)
        {
            rows.Add(Component(space, $"{merger!.GetType().Name}.Merge (the tuner's dictionary checked and reused, or copied)", () =>
            {
                for (int i = 0; i < n; i++)
                {
                    s_sink = merge(configurations[i], false);
                }
            }));
        }

        if (keyOf is not null)
        {
            rows.Add(Component(space, "ConfigurationKey.Of (identity of the configuration)", () =>
            {
                for (int i = 0; i < n; i++)
                {
                    s_sink = keyOf(names, configurations[i]);
                }
            }));
            rows.Add(Component(space, $"HashSet.Add of the key (duplicate check, set growing to {Fmt.Int(n)})", () =>
            {
                var seen = new HashSet<object>();
                for (int i = 0; i < n; i++)
                {
                    seen.Add(keys[i]);
                }

                s_sink = seen;
            }));
        }

        rows.Add(Component(space, "new Trial bookkeeping: Dictionary<int, Trial> add + remove, List<RunResult>.Add", () =>
        {
            var running = new Dictionary<int, object>();
            var finished = new List<object>();
            for (int i = 0; i < n; i++)
            {
                running.Add(i, runs[i]);
                running.Remove(i);
                finished.Add(runs[i]);
            }

            s_sink = finished;
        }));

        var gate = new Lock();
        rows.Add(Component(space, "lock enter/exit (once in Ask, once in Tell)", () =>
        {
            for (int i = 0; i < n; i++)
            {
                lock (gate)
                {
                    s_ticks++;
                }
            }
        }, callsPerTrial: 2));

        TimeProvider time = TimeProvider.System;
        rows.Add(Component(space, "clock: TimeProvider.GetUtcNow (trial start time, in Ask)", () =>
        {
            for (int i = 0; i < n; i++)
            {
                s_ticks += time.GetUtcNow().UtcTicks;
            }
        }));
        rows.Add(Component(space, "clock: TimeProvider.GetTimestamp (Ask) and GetElapsedTime (Tell)", () =>
        {
            for (int i = 0; i < n; i++)
            {
                s_ticks += time.GetTimestamp();
            }
        }, callsPerTrial: 2));

        rows.Add(Component(space, "objective itself (dictionary reads + arithmetic)", () =>
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += objective(configurations[i]);
            }

            s_sink = sum;
        }));

        rows.Add(Component(space, "Objective.Create wrapper: EvaluateAsync -> new RunResult (objective included)", () =>
        {
            for (int i = 0; i < n; i++)
            {
                ValueTask<RunResult> outcome = wrapped.EvaluateAsync(trials[i], CancellationToken.None);
                s_sink = outcome.IsCompleted ? outcome.Result : outcome.AsTask().GetAwaiter().GetResult();
            }
        }));

        rows.Add(Component(space, "one RunResult copy (RunResult.WithTrialInfo)", () =>
        {
            for (int i = 0; i < n; i++)
            {
                s_sink = runs[i].WithTrialInfo(i, now, TimeSpan.FromTicks(10), false);
            }
        }));

        rows.AddRange(Journal(space, workload, runs));
        rows.Add(Retained(workload, 100_000));
        rows.AddRange(DataFrame(workload, 100_000));
        return rows;
    }

    /// <summary>
    /// The shared-storage calls an experiment makes per trial (claim in Ask, finish in Tell, read changes in Ask), on an
    /// in-memory storage already holding many trials.
    /// </summary>
    public static IEnumerable<ProfileRow> StorageCalls(Workload workload)
    {
        const int ops = 300;
        foreach (int size in new[] { 100, 1_000, 10_000 })
        {
            double claim = double.PositiveInfinity, finish = double.PositiveInfinity, read = double.PositiveInfinity;
            for (int rep = 0; rep < 3; rep++)
            {
                using var storage = new InMemoryExperimentStorage();
                long id = storage.CreateOrOpenExperiment(new ExperimentDefinition("profile", Direction.Minimize, workload.CreateSpace(), new Dictionary<string, object?>())).Id;
                var parameters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["x"] = 1.0 };
                var run = new RunResult(1.0, parameters);
                DateTimeOffset now = DateTimeOffset.UtcNow, lease = now.AddHours(1);
                int next = 0;
                long Claim() => storage.TryClaim(new ClaimRequest(id, "k" + next++, parameters, false, "w", now, lease, null)).TrialId;
                for (int i = 0; i < size; i++)
                {
                    storage.FinishTrial(Claim(), "w", run);
                }

                var ids = new long[ops];
                long t0 = Stopwatch.GetTimestamp();
                for (int i = 0; i < ops; i++)
                {
                    ids[i] = Claim();
                }

                long t1 = Stopwatch.GetTimestamp();
                for (int i = 0; i < ops; i++)
                {
                    storage.FinishTrial(ids[i], "w", run);
                }

                long t2 = Stopwatch.GetTimestamp();
                long version = storage.ReadTrials(id, 0)[^1].Version;
                long t3 = Stopwatch.GetTimestamp();
                for (int i = 0; i < ops; i++)
                {
                    s_sink = storage.ReadTrials(id, version);
                }

                long t4 = Stopwatch.GetTimestamp();
                claim = Math.Min(claim, Stopwatch.GetElapsedTime(t0, t1).TotalNanoseconds / ops);
                finish = Math.Min(finish, Stopwatch.GetElapsedTime(t1, t2).TotalNanoseconds / ops);
                read = Math.Min(read, Stopwatch.GetElapsedTime(t3, t4).TotalNanoseconds / ops);
            }

            yield return new ProfileRow("any", "storage", $"InMemoryExperimentStorage.TryClaim, {Fmt.Int(size)} trials stored", claim, double.NaN);
            yield return new ProfileRow("any", "storage", $"InMemoryExperimentStorage.FinishTrial, {Fmt.Int(size)} trials stored", finish, double.NaN);
            yield return new ProfileRow("any", "storage", $"InMemoryExperimentStorage.ReadTrials (no change), {Fmt.Int(size)} trials stored", read, double.NaN);
        }
    }

    /// <summary>Heap kept alive per finished run: what every garbage collection of a long experiment has to trace.</summary>
    private static ProfileRow Retained(Workload workload, int size)
    {
        Collect();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var experiment = new Experiment(
            workload.CreateSpace(),
            workload.Objective,
            new ExperimentOptions { NumSamples = size, Seed = 1, Tuner = new RandomTuner(), Direction = Direction.Minimize });
        ExperimentResult result = experiment.RunAsync().GetAwaiter().GetResult();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(experiment);
        GC.KeepAlive(result);
        return new ProfileRow(workload.Name, "memory", $"heap retained per finished run (experiment and its result, {Fmt.Int(size)} runs, after a full GC)", double.NaN, (after - before) / (double)size);
    }

    /// <summary>ToDataFrame split into building the run table (internal RunTable.From) and converting it to DataFrame columns.</summary>
    private IEnumerable<ProfileRow> DataFrame(Workload workload, int size)
    {
        ExperimentResult result = new Experiment(
            workload.CreateSpace(),
            workload.Objective,
            new ExperimentOptions { NumSamples = size, Seed = 2, Tuner = new RandomTuner(), Direction = Direction.Minimize })
            .RunAsync().GetAwaiter().GetResult();
        Type? table = typeof(Experiment).Assembly.GetType("Nomadic.Results.RunTable");
        Func<ExperimentResult, bool, object>? from = Internal<Func<ExperimentResult, bool, object>>("Nomadic.Results.RunTable", "From");
        MethodInfo? convert = table?.GetMethod("ToDataFrame", BindingFlags.Public | BindingFlags.Instance);
        double total = TimeCalls(() => s_sink = result.ToDataFrame(), out double totalBytes);
        yield return new ProfileRow(workload.Name, "dataframe", $"ExperimentResult.ToDataFrame(), per row ({Fmt.Int(size)} rows)", total / size, totalBytes / size);
        if (from is not null && convert is not null)
        {
            double build = TimeCalls(() => s_sink = from(result, true), out double buildBytes);
            yield return new ProfileRow(workload.Name, "dataframe", "  of which RunTable.From (object?[] per column, type inference)", build / size, buildBytes / size);
            object prepared = from(result, true);
            var toFrame = (Func<object>)Delegate.CreateDelegate(typeof(Func<object>), prepared, convert);
            double frame = TimeCalls(() => s_sink = toFrame(), out double frameBytes);
            yield return new ProfileRow(workload.Name, "dataframe", "  of which RunTable.ToDataFrame (typed DataFrame columns from the object?[] values)", frame / size, frameBytes / size);
        }
    }

    private double TimeCalls(Action call, out double bytes)
    {
        call();
        call();
        double best = double.PositiveInfinity;
        bytes = double.NaN;
        for (int rep = 0; rep < Math.Max(3, repeats / 2); rep++)
        {
            Collect();
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            call();
            best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalNanoseconds);
            bytes = GC.GetAllocatedBytesForCurrentThread() - a0;
        }

        return best;
    }

    private IEnumerable<ProfileRow> Journal(string space, Workload workload, IReadOnlyList<RunResult> runs)
    {
        string path = Path.Combine(tempDirectory, $"profile-journal-{space}.jsonl");
        File.Delete(path);
        using (ResultsJournal journal = ResultsJournal.Open(path, null, Direction.Minimize, workload.CreateSpace()))
        {
            yield return Component(space, "journal: ResultsJournal.Append (serialize + write + flush)", () =>
            {
                for (int i = 0; i < n; i++)
                {
                    journal.Append(runs[i]);
                }
            }, group: "journal");
        }

        File.Delete(path);
        Action<Utf8JsonWriter, RunResult>? write = Internal<Action<Utf8JsonWriter, RunResult>>("Nomadic.Serialization.RunJson", "Write");
        int lineBytes = 200;
        if (write is not null)
        {
            var buffer = new ArrayBufferWriter<byte>(1024);
            using var writer = new Utf8JsonWriter(buffer);
            write(writer, runs[0]);
            writer.Flush();
            lineBytes = buffer.WrittenCount + 1;
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            yield return Component(space, "  of which RunJson.Write of one run into a buffer", () =>
            {
                for (int i = 0; i < n; i++)
                {
                    write(writer, runs[i]);
                    writer.Flush();
                    buffer.ResetWrittenCount();
                    writer.Reset(buffer);
                }
            }, group: "journal");
        }

        string raw = Path.Combine(tempDirectory, $"profile-write-{space}.bin");
        byte[] line = new byte[lineBytes];
        using (var stream = new FileStream(raw, FileMode.Create, FileAccess.Write, FileShare.Read))
        {
            yield return Component(space, $"  of which FileStream.Write + Flush of a {lineBytes}-byte line (one write system call)", () =>
            {
                for (int i = 0; i < n; i++)
                {
                    stream.Write(line);
                    stream.Flush();
                }
            }, group: "journal");
        }

        File.Delete(raw);
    }

    private ProfileRow Component(string space, string what, Action pass, int callsPerTrial = 1, string group = "component")
    {
        for (int i = 0; i < 3; i++)
        {
            pass();
        }

        double best = double.PositiveInfinity, bytes = double.NaN;
        for (int rep = 0; rep < repeats; rep++)
        {
            Collect();
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            pass();
            double ns = Stopwatch.GetElapsedTime(t0).TotalNanoseconds / n;
            bytes = (GC.GetAllocatedBytesForCurrentThread() - a0) / (double)n;
            best = Math.Min(best, ns);
        }

        return new ProfileRow(space, group, what, best, bytes, callsPerTrial);
    }

    private Experiment NewExperiment(Workload workload, int seed) => new(
        workload.CreateSpace(),
        workload.Objective,
        new ExperimentOptions { NumSamples = n, Seed = seed, Tuner = new RandomTuner(), Direction = Direction.Minimize });

    private static T? Internal<T>(string type, string method)
        where T : Delegate
    {
        try
        {
            return typeof(Experiment).Assembly.GetType(type)?.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.CreateDelegate<T>();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static T? InternalInstance<T>(object target, string method)
        where T : Delegate
    {
        try
        {
            return target.GetType().GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)?.CreateDelegate<T>(target);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}

using Nomadic.Cli.Configuration.ObjectiveSpecs;
using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Cli.Storage;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Storage;
using Nomadic.Tuning;

namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>Reads an experiment file (<c>.json</c>, <c>.yaml</c> or <c>.yml</c>) into an <see cref="ExperimentFile"/>, rejecting unknown keys and wrong types.</summary>
internal static class ExperimentFileReader
{
    private static readonly string[] Keys =
    [
        "name", "objective", "search_space", "fixed_params", "current_params", "tuner", "direction", "num_samples",
        "time_budget_seconds", "max_concurrent_trials", "trial_timeout_seconds", "retries", "seed", "output", "storage", "pruner", "repeats",
        "enqueue", "warm_start", "objectives", "reproducible",
    ];

    /// <summary>Reads and checks an experiment file.</summary>
    /// <param name="path">The file, as the user named it.</param>
    /// <returns>The declared experiment.</returns>
    /// <exception cref="InputException">The file is missing, malformed, or declares something wrong.</exception>
    public static ExperimentFile Read(string path)
    {
        ConfigNode root = ConfigFileParser.Parse(path);
        if (root is not ConfigMap map)
        {
            throw new InputException(root.Position.Describe(path, $"an experiment file must hold an object, got {root.Description}"));
        }

        return Bind(new ConfigSection(path, "", map), path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
    }

    /// <summary>Checks an experiment file kept as plain values (see <see cref="ExperimentFile.Declaration"/>).</summary>
    /// <param name="declaration">The file's content.</param>
    /// <param name="path">The file's name, for messages.</param>
    /// <param name="folder">The folder its relative paths are resolved against.</param>
    /// <returns>The declared experiment.</returns>
    /// <exception cref="InputException">The content declares something wrong.</exception>
    public static ExperimentFile FromValues(IReadOnlyDictionary<string, object?> declaration, string path, string folder) =>
        Bind(new ConfigSection(path, "", (ConfigMap)PlainConfig.ToNode(declaration, path)), path, folder);

    private static ExperimentFile Bind(ConfigSection root, string path, string folder)
    {
        root.RejectUnknownKeys(Keys);
        ConfigSection? output = root.Section("output");
        output?.RejectUnknownKeys("results", "journal", "csv");
        return new ExperimentFile
        {
            Path = path,
            Folder = folder,
            Name = root.String("name") ?? System.IO.Path.GetFileNameWithoutExtension(path),
            Objective = ObjectiveSpecReader.Read(root),
            SearchSpace = root.Section("search_space"),
            FixedParams = root.Parameters("fixed_params"),
            CurrentParams = root.Parameters("current_params"),
            Enqueue = WarmStartReader.ReadEnqueue(root),
            WarmStart = root.String("warm_start") is string warm ? System.IO.Path.GetFullPath(warm, folder) : null,
            Tuner = ReadTuner(root),
            Direction = ReadDirection(root),
            Objectives = ObjectiveMetricReader.Read(root),
            NumSamples = root.Integer("num_samples", 1),
            TimeBudget = Seconds(root.PositiveNumber("time_budget_seconds")),
            MaxConcurrentTrials = root.Integer("max_concurrent_trials", 1),
            Reproducible = ReadFlag(root, "reproducible"),
            TrialTimeout = Seconds(root.PositiveNumber("trial_timeout_seconds")),
            Retry = ReadRetry(root),
            Seed = root.Integer("seed", int.MinValue),
            Pruner = PrunerSpecReader.Read(root),
            Repeats = root.Integer("repeats", 1),
            Output = new OutputSpec(output?.String("results"), output?.String("journal"), output?.String("csv")),
            Storage = ReadStorage(root, folder),
            Declaration = (IReadOnlyDictionary<string, object?>)root.Map.ToPlain()!,
        };
    }

    private static StorageUrl? ReadStorage(ConfigSection root, string folder)
    {
        string? url = root.String("storage");
        try
        {
            return url is null ? null : StorageArguments.Parse(url, folder);
        }
        catch (InputException e)
        {
            throw root.Error(root.Node("storage")!.Position, "\"storage\": " + e.Message);
        }
    }

    private static TunerSpec? ReadTuner(ConfigSection root)
    {
        ConfigNode? node = root.Node("tuner");
        switch (node)
        {
            case null:
                return null;
            case ConfigScalar { Value: string type }:
                return new TunerSpec(type, null, node.Position);
            case ConfigMap:
                ConfigSection tuner = root.Section("tuner")!;
                tuner.RejectUnknownKeys("type", "seed");
                string name = tuner.String("type") ?? throw tuner.Error(node.Position, $"\"tuner\" needs a \"type\" ({string.Join(", ", TunerCatalog.Default.Names)})");
                return new TunerSpec(name, tuner.Integer("seed", int.MinValue), tuner.Node("type")!.Position);
            default:
                throw root.WrongType("tuner", node, "\"grid\", \"random\" or an object such as {\"type\": \"random\", \"seed\": 3}");
        }
    }

    private static Direction? ReadDirection(ConfigSection root) => root.String("direction") switch
    {
        null => null,
        "maximize" => Direction.Maximize,
        "minimize" => Direction.Minimize,
        string other => throw root.Error(root.Node("direction")!.Position, $"\"direction\" must be maximize or minimize, got \"{other}\""),
    };

    private static RetryOptions? ReadRetry(ConfigSection root)
    {
        if (root.Section("retries") is not ConfigSection retries)
        {
            return null;
        }

        retries.RejectUnknownKeys("max_retries", "base_delay_seconds", "max_delay_seconds");
        var defaults = new RetryOptions();
        TimeSpan baseDelay = Seconds(retries.PositiveNumber("base_delay_seconds", allowZero: true)) ?? defaults.BaseDelay;
        TimeSpan maxDelay = Seconds(retries.PositiveNumber("max_delay_seconds", allowZero: true)) ?? TimeSpan.FromTicks(Math.Max(defaults.MaxDelay.Ticks, baseDelay.Ticks));
        if (maxDelay < baseDelay)
        {
            throw retries.Error(retries.Node("max_delay_seconds")!.Position, "\"retries.max_delay_seconds\" must not be less than \"retries.base_delay_seconds\"");
        }

        return new RetryOptions
        {
            MaxRetryAttempts = retries.Integer("max_retries", 0) ?? defaults.MaxRetryAttempts,
            BaseDelay = baseDelay,
            MaxDelay = maxDelay,
        };
    }

    private static bool? ReadFlag(ConfigSection root, string key) => root.Node(key) switch
    {
        null => null,
        ConfigScalar { Value: bool value } => value,
        ConfigNode node => throw root.WrongType(key, node, "true or false"),
    };

    private static TimeSpan? Seconds(double? seconds) => seconds is double s ? TimeSpan.FromSeconds(s) : null;
}

using Nomadic.Cli.Configuration.Syntax;
using Nomadic.Pruning;

namespace Nomadic.Cli.Configuration.Experiments;

/// <summary>
/// Reads the <c>pruner</c> of an experiment file: a type (<c>"median"</c>) or an object with the type and its settings
/// (<c>{"type": "asha", "min_resource": 2}</c>), each type taking only its own keys.
/// </summary>
internal static class PrunerSpecReader
{
    private static readonly string[] Types = ["median", "percentile", "asha", "hyperband"];
    private static readonly string[] PercentileKeys = ["type", "startup_trials", "warmup_steps", "interval_steps", "min_trials"];

    public static PrunerSpec? Read(ConfigSection root)
    {
        ConfigNode? node = root.Node("pruner");
        switch (node)
        {
            case null:
                return null;
            case ConfigScalar { Value: string type }:
                return Create(root, type, null, node.Position);
            case ConfigMap map:
                ConfigSection pruner = root.Section("pruner")!;
                string name = pruner.String("type") ?? throw pruner.Error(map.Position, $"\"pruner\" needs a \"type\" ({string.Join(", ", Types)})");
                return Create(root, name, pruner, pruner.Node("type")!.Position);
            default:
                throw root.WrongType("pruner", node, "a pruner type such as \"median\" or an object such as {\"type\": \"median\", \"warmup_steps\": 5}");
        }
    }

    private static PrunerSpec Create(ConfigSection root, string type, ConfigSection? settings, SourcePosition position) => type switch
    {
        "median" => Median(settings),
        "percentile" => Percentile(settings),
        "asha" => SuccessiveHalving(settings),
        "hyperband" => Hyperband(settings),
        _ => throw root.Error(position, $"unknown pruner \"{type}\"; expected one of: {string.Join(", ", Types)}"),
    };

    private static PrunerSpec Median(ConfigSection? settings)
    {
        settings?.RejectUnknownKeys(PercentileKeys);
        var options = new MedianPrunerOptions
        {
            StartupTrials = settings?.Integer("startup_trials", 0) ?? 5,
            WarmupSteps = settings?.Integer("warmup_steps", 0) ?? 0,
            IntervalSteps = settings?.Integer("interval_steps", 1) ?? 1,
            MinTrials = settings?.Integer("min_trials", 1) ?? 1,
        };
        return new PrunerSpec("median", () => new MedianPruner(options));
    }

    private static PrunerSpec Percentile(ConfigSection? settings)
    {
        settings?.RejectUnknownKeys([.. PercentileKeys, "percentile"]);
        double percentile = settings?.PositiveNumber("percentile", allowZero: true) ?? 25;
        if (percentile > 100)
        {
            throw settings!.Error(settings.Node("percentile")!.Position, $"\"pruner.percentile\" must be between 0 and 100, got {percentile}");
        }

        var options = new PercentilePrunerOptions
        {
            Percentile = percentile,
            StartupTrials = settings?.Integer("startup_trials", 0) ?? 5,
            WarmupSteps = settings?.Integer("warmup_steps", 0) ?? 0,
            IntervalSteps = settings?.Integer("interval_steps", 1) ?? 1,
            MinTrials = settings?.Integer("min_trials", 1) ?? 1,
        };
        return new PrunerSpec("percentile", () => new PercentilePruner(options));
    }

    private static PrunerSpec SuccessiveHalving(ConfigSection? settings)
    {
        settings?.RejectUnknownKeys("type", "min_resource", "reduction_factor", "min_early_stopping_rate", "bootstrap_count");
        var options = new SuccessiveHalvingPrunerOptions
        {
            MinResource = IntegerOrAuto(settings, "min_resource"),
            ReductionFactor = settings?.Integer("reduction_factor", 2) ?? 4,
            MinEarlyStoppingRate = settings?.Integer("min_early_stopping_rate", 0) ?? 0,
            BootstrapCount = settings?.Integer("bootstrap_count", 0) ?? 0,
        };
        if (options.BootstrapCount > 0 && options.MinResource is null)
        {
            throw settings!.Error(settings.Node("bootstrap_count")!.Position, "\"pruner.bootstrap_count\" needs a fixed \"min_resource\" (not \"auto\")");
        }

        return new PrunerSpec("asha", () => new SuccessiveHalvingPruner(options));
    }

    private static PrunerSpec Hyperband(ConfigSection? settings)
    {
        settings?.RejectUnknownKeys("type", "min_resource", "max_resource", "reduction_factor", "bootstrap_count");
        var options = new HyperbandPrunerOptions
        {
            MinResource = settings?.Integer("min_resource", 1) ?? 1,
            MaxResource = IntegerOrAuto(settings, "max_resource"),
            ReductionFactor = settings?.Integer("reduction_factor", 2) ?? 3,
            BootstrapCount = settings?.Integer("bootstrap_count", 0) ?? 0,
        };
        if (options.MaxResource < options.MinResource)
        {
            throw settings!.Error(settings.Node("max_resource")!.Position, $"\"pruner.max_resource\" ({options.MaxResource}) must not be less than \"pruner.min_resource\" ({options.MinResource})");
        }

        if (options.BootstrapCount > 0 && options.MaxResource is null)
        {
            throw settings!.Error(settings.Node("bootstrap_count")!.Position, "\"pruner.bootstrap_count\" needs a fixed \"max_resource\" (not \"auto\")");
        }

        return new PrunerSpec("hyperband", () => new HyperbandPruner(options));
    }

    // A resource is an integer of 1 or more, or "auto" (the default) to estimate it from the first completed runs.
    private static int? IntegerOrAuto(ConfigSection? settings, string key) =>
        settings is null || settings.Node(key) is null or ConfigScalar { Value: "auto" } ? null : settings.Integer(key, 1);
}

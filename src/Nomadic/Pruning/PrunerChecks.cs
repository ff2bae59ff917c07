namespace Nomadic.Pruning;

/// <summary>Checks of pruner settings, with messages that name the setting.</summary>
internal static class PrunerChecks
{
    public static void CheckPercentileSettings(string owner, int startupTrials, int warmupSteps, int intervalSteps, int minTrials)
    {
        AtLeast(startupTrials, 0, owner + ".StartupTrials");
        AtLeast(warmupSteps, 0, owner + ".WarmupSteps");
        AtLeast(intervalSteps, 1, owner + ".IntervalSteps");
        AtLeast(minTrials, 1, owner + ".MinTrials");
    }

    public static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentException($"{name} must be at least {minimum}, got {value}.");
        }
    }
}

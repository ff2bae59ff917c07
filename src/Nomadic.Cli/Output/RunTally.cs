namespace Nomadic.Cli.Output;

/// <summary>The progress of an experiment after a run finished.</summary>
/// <param name="Finished">Runs finished so far, restored ones included.</param>
/// <param name="Expected">Runs the experiment will make, when known.</param>
/// <param name="Failed">Failed runs so far.</param>
/// <param name="Best">The best score so far.</param>
internal readonly record struct RunTally(int Finished, long? Expected, int Failed, double? Best)
{
    public string Counter => Expected is long total ? $"{Finished}/{total}" : $"{Finished}";
}

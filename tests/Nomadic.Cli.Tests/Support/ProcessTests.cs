namespace Nomadic.Cli.Tests.Support;

/// <summary>
/// The tests that start several <c>nomadic</c> processes (and a PostgreSQL server): they run one at a time, after the
/// other tests, so their timings do not compete with the rest of the suite for the machine's cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTests
{
    public const string Name = "processes";
}

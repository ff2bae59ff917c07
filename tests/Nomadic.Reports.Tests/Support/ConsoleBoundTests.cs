namespace Nomadic.Reports.Tests.Support;

/// <summary>Tests that capture the process' console, which would catch what tests running alongside them print.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleBoundTests
{
    public const string Name = "Console";
}

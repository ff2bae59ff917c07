using Microsoft.Extensions.AI;
using Nomadic.AI.Models;
using Nomadic.Experiments;
using Nomadic.Results;
using Nomadic.Tuning;

namespace Nomadic.Docs.Tests;

/// <summary>
/// What the docs' C# blocks take as given without declaring it: the reader's own training code, a cancellation token,
/// an API key, and values a block higher on the page made (a space, an objective, a result, an endpoint, a client).
/// Each snippet is compiled with <c>using static</c> of this class, so a snippet that declares a name itself uses its
/// own. Nothing here stands in for product API: every member only has the type the docs give it.
/// </summary>
public static class DocsPrelude
{
    /// <summary>The reader's cancellation token.</summary>
    public static CancellationToken cancellationToken => CancellationToken.None;

    /// <summary>The reader's Workspace API key.</summary>
    public static string apiKey => "";

    /// <summary>A search space made higher on the page.</summary>
    public static SearchSpace space => new();

    /// <summary>An objective made higher on the page.</summary>
    public static IObjective objective => throw Given();

    /// <summary>An experiment's result made higher on the page.</summary>
    public static ExperimentResult result => throw Given();

    /// <summary>A chat endpoint made higher on the page.</summary>
    public static ChatEndpointOptions endpoint => throw Given();

    /// <summary>The chat client that judges, made higher on the page.</summary>
    public static IChatClient judgeClient => throw Given();

    /// <summary>The reader's own training code, which scores one configuration.</summary>
    public static Task<double> TrainAndScoreAsync(IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        throw Given();

    private static NotSupportedException Given() => new("given by the reader or a block higher on the page; the docs' snippets are compiled, not run");
}

using Nomadic.Storage;
using Nomadic.Workspace.Store;

namespace Nomadic.Workspace;

/// <summary>What a Workspace server serves and its limits.</summary>
public sealed class WorkspaceServerOptions
{
    /// <summary>The default limit on a request body: 10 MB.</summary>
    public const long DefaultMaxRequestBodySize = 10 * 1024 * 1024;

    /// <summary>Gets the experiment storage the command line and workers write to; the server reads experiments live from it.</summary>
    public required IExperimentStorage Storage { get; init; }

    /// <summary>Gets the store of workspaces, keys and uploaded results, beside <see cref="Storage"/>.</summary>
    public required IWorkspaceStore Store { get; init; }

    /// <summary>Gets the clock for creation and update times.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the largest request body accepted, in bytes; larger requests are answered 413.</summary>
    /// <value>The default value is <see cref="DefaultMaxRequestBodySize"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaxRequestBodySize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    }

    = DefaultMaxRequestBodySize;
}

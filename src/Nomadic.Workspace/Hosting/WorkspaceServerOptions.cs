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

    /// <summary>The default time a dashboard session lasts after sign-in: 12 hours.</summary>
    public static readonly TimeSpan DefaultSessionLifetime = TimeSpan.FromHours(12);

    /// <summary>Gets how long a dashboard session lasts after sign-in, however active; then the user signs in again.</summary>
    /// <value>The default value is <see cref="DefaultSessionLifetime"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan SessionLifetime
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            field = value;
        }
    }

    = DefaultSessionLifetime;

    /// <summary>
    /// Gets a value indicating whether the session cookie is always marked <c>Secure</c> (sent over https only), as it
    /// must be behind a TLS-terminating proxy; otherwise it is marked so only when the request came over https.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool SecureCookies { get; init; }

    /// <summary>
    /// Gets a value indicating whether the server believes the <c>X-Forwarded-Proto</c> header of a proxy on the same
    /// machine (a loopback address), so a request the proxy received over https counts as https here.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ForwardedHeaders { get; init; }

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

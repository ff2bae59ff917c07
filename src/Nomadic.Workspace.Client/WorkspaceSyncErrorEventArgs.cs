namespace Nomadic.Workspace.Client;

/// <summary>Describes a failed attempt of a <see cref="WorkspaceSync"/>; the runs it carried stay queued.</summary>
public sealed class WorkspaceSyncErrorEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="WorkspaceSyncErrorEventArgs"/> class.</summary>
    /// <param name="exception">Why the attempt failed.</param>
    /// <param name="errorCount">How many attempts have failed so far, this one included.</param>
    public WorkspaceSyncErrorEventArgs(Exception exception, int errorCount)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Exception = exception;
        ErrorCount = errorCount;
    }

    /// <summary>Gets why the attempt failed: usually a <see cref="WorkspaceException"/>.</summary>
    public Exception Exception { get; }

    /// <summary>Gets how many attempts have failed so far, this one included.</summary>
    public int ErrorCount { get; }
}

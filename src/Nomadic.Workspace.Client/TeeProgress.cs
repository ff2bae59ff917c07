using Nomadic.Results;

namespace Nomadic.Workspace.Client;

/// <summary>Reports each run to a receiver of the caller's first, then to a sync.</summary>
internal sealed class TeeProgress(IProgress<RunResult> first, IProgress<RunResult> second) : IProgress<RunResult>
{
    public void Report(RunResult value)
    {
        first.Report(value);
        second.Report(value);
    }
}

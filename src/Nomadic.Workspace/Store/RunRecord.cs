namespace Nomadic.Workspace.Store;

/// <summary>One run of an uploaded result, kept once per trial number.</summary>
/// <param name="TrialNumber">The run's number in its experiment; uploading a run with the same number replaces it.</param>
/// <param name="Json">The run in the library's JSON form.</param>
public sealed record RunRecord(int TrialNumber, string Json);

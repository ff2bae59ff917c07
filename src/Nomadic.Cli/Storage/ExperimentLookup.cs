using Nomadic.Storage;

namespace Nomadic.Cli.Storage;

/// <summary>Finds a stored experiment by name, or fails with one line naming the experiments the storage does hold.</summary>
internal static class ExperimentLookup
{
    private const int NamesShown = 10;

    /// <summary>Finds an experiment.</summary>
    /// <param name="storage">The storage.</param>
    /// <param name="name">The experiment's name.</param>
    /// <returns>The experiment.</returns>
    /// <exception cref="InputException">There is no experiment of that name.</exception>
    public static StoredExperiment Find(IExperimentStorage storage, string name) =>
        storage.FindExperiment(name) ?? throw Unknown(storage, name);

    /// <summary>Creates the error for a name the storage does not hold.</summary>
    public static InputException Unknown(IExperimentStorage storage, string name)
    {
        IReadOnlyList<StoredExperiment> all = storage.ListExperiments();
        string known = all.Count == 0
            ? "it holds no experiment"
            : "experiments there: " + string.Join(", ", all.Take(NamesShown).Select(e => e.Name)) + (all.Count > NamesShown ? ", ..." : "");
        return new InputException($"{storage.Location}: no experiment named '{name}'; {known}");
    }
}

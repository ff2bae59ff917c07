using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Nomadic.Analysis;
using Nomadic.Reports;
using Nomadic.Results;

namespace Nomadic.Workspace.Api;

/// <summary>
/// What the pages and plot endpoints derive from one result, computed once per result instance: the parameter
/// importance (fANOVA forests, seconds at 10,000 runs), the plots and the images rendered from them. An experiment's
/// result stays the same instance while no trial changes (<see cref="ExperimentViewCache"/>), so these live exactly
/// as long as it does and go with it: nothing here outlives the result it was computed from.
/// </summary>
internal sealed class ResultDerivations
{
    /// <summary>The most rendered images kept per result (every plot in its two formats, a few sizes).</summary>
    public const int MaxImages = 64;

    private static readonly ConditionalWeakTable<ExperimentResult, ResultDerivations> Derived = [];

    private readonly Lazy<IReadOnlyList<ParameterImportance>?> _importance;
    private readonly Lazy<IReadOnlyList<PlotImage>> _plots;
    private readonly Lazy<IReadOnlyList<PlotImage>> _allPlots;
    private readonly ConcurrentDictionary<string, object> _images = new(StringComparer.Ordinal);

    private ResultDerivations(ExperimentResult result)
    {
        _importance = new(() => ResultImportance.ComputeNow(result));
        _plots = new(() => result.PlotAll());
        _allPlots = new(() => result.PlotAll(Importance is { } importances ? ResultImportance.ToDictionary(importances) : null));
    }

    /// <summary>Gets the importances, most important first, or <see langword="null"/> when there is too little data.</summary>
    public IReadOnlyList<ParameterImportance>? Importance => _importance.Value;

    /// <summary>Gets every plot but the importance plot.</summary>
    public IReadOnlyList<PlotImage> Plots => _plots.Value;

    /// <summary>Gets every plot, the importance plot included when there is enough data.</summary>
    public IReadOnlyList<PlotImage> AllPlots => _allPlots.Value;

    /// <summary>
    /// Starts computing the importance on the thread pool unless it is known or under way, so a page computes it while
    /// it draws up the plots and the runs table; whoever asks for it first waits for that one computation.
    /// </summary>
    public void StartImportance()
    {
        if (!_importance.IsValueCreated)
        {
            _ = Task.Run(() => _importance.Value);
        }
    }

    /// <summary>Returns what is derived from the result, the same object for the same result.</summary>
    public static ResultDerivations Of(ExperimentResult result) => Derived.GetValue(result, r => new ResultDerivations(r));

    /// <summary>Returns a rendered image (PNG bytes or SVG text) under its key, rendered once while there is room.</summary>
    public T Image<T>(string key, Func<T> render)
        where T : class
    {
        if (_images.TryGetValue(key, out object? kept))
        {
            return (T)kept;
        }

        T image = render();
        if (_images.Count < MaxImages)
        {
            _images.TryAdd(key, image);
        }

        return image;
    }
}

namespace Nomadic.Tuning;

/// <summary>
/// A tuner that can take its grid-search values from another tuner that asks it for suggestions, as
/// <see cref="AutoTuner"/> and <see cref="BlendSearchTuner"/> do, instead of cycling through the grid on its own.
/// </summary>
internal interface IGridSearchFollower
{
    /// <summary>Makes the tuner take the grid values of every suggestion from <paramref name="leader"/>; called after <see cref="ITuner.Initialize"/>.</summary>
    /// <param name="leader">The cycle of the tuner that asks this one for suggestions; it moves once per suggestion of its owner.</param>
    void FollowGridSearch(GridSearchCycle leader);
}

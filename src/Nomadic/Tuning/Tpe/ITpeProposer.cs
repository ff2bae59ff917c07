namespace Nomadic.Tuning.Tpe;

/// <summary>Proposes values for the modelled parameters from the two groups of observations.</summary>
internal interface ITpeProposer
{
    /// <summary>
    /// Fits l(x) to the "below" group and g(x) to the "above" group, draws candidates from l and keeps the one with the
    /// largest l(x)/g(x), which maximizes expected improvement (Bergstra et al. 2011).
    /// </summary>
    /// <param name="split">The partitioned observations.</param>
    /// <param name="random">The tuner's seeded random source.</param>
    /// <param name="values">Receives one domain value per modelled parameter.</param>
    void Propose(ObservationSplit split, System.Random random, object?[] values);
}

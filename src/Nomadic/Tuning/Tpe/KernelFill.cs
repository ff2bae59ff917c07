namespace Nomadic.Tuning.Tpe;

/// <summary>Fills estimators from a group of observations plus, unless left out, the prior.</summary>
/// <remarks>
/// The prior is a kernel at the centre of the domain as wide as the domain (uniform over the choices for a
/// categorical parameter), weighted by <see cref="TpeOptions.PriorWeight"/>; an empty group always has it, as in Optuna.
/// </remarks>
internal static class KernelFill
{
    private const double PriorCentre = 0.5;

    /// <summary>Sets neighbour-based widths on kernels sorted by centre, then completes the estimator.</summary>
    public static void NeighbourWidths(ParzenEstimator estimator, NumericKernels kernels, int priorIndex, TpeOptions options)
    {
        Bandwidth.FromNeighbours(kernels.Mu, kernels.Sigma, options.ConsiderEndpoints);
        Bandwidth.Clip(kernels.Sigma, options.ConsiderMagicClip);
        if (priorIndex >= 0)
        {
            kernels.Sigma[priorIndex] = 1.0;
        }

        estimator.Complete(priorIndex);
    }

    /// <summary>Fills a single categorical parameter's estimator from a group.</summary>
    public static void Categorical(ParzenEstimator estimator, int parameter, ObservationSplit split, bool below, TpeOptions options)
    {
        Prepare(estimator, split, below, options, out int priorIndex);
        split.CopyGroup(parameter, below, ((CategoricalKernels)estimator.Components[0]).Category);
        estimator.Complete(priorIndex);
    }

    /// <summary>Fills a multivariate estimator from a group: product kernels of a common width (Scott's rule).</summary>
    public static void Joint(ParzenEstimator estimator, ObservationSplit split, bool below, TpeOptions options)
    {
        int size = Prepare(estimator, split, below, options, out int priorIndex);
        double width = Bandwidth.Scott(size, estimator.Components.Length);
        for (int p = 0; p < estimator.Components.Length; p++)
        {
            if (estimator.Components[p] is CategoricalKernels categorical)
            {
                split.CopyGroup(p, below, categorical.Category);
                continue;
            }

            var kernels = (NumericKernels)estimator.Components[p];
            split.CopyGroup(p, below, kernels.Mu);
            kernels.Sigma.Fill(width);
            Bandwidth.Clip(kernels.Sigma, options.ConsiderMagicClip);
            if (priorIndex >= 0)
            {
                (kernels.Mu[priorIndex], kernels.Sigma[priorIndex]) = (PriorCentre, 1.0);
            }
        }

        estimator.Complete(priorIndex);
    }

    // Sizes the estimator for the group and the prior and sets the raw weights; the prior comes last.
    private static int Prepare(ParzenEstimator estimator, ObservationSplit split, bool below, TpeOptions options, out int priorIndex)
    {
        int size = split.GroupSize(below);
        bool prior = options.ConsiderPrior || size == 0;
        estimator.Resize(size + (prior ? 1 : 0));
        split.CopyGroupWeights(below, estimator.RawWeights);
        priorIndex = prior ? size : -1;
        if (prior)
        {
            estimator.RawWeights[size] = options.PriorWeight;
        }

        return size;
    }
}

using Nomadic.Results;

namespace Nomadic.Reports.Data;

/// <summary>Numbers runs as users see them: the run's own number, else its position in the result.</summary>
internal static class RunNumbers
{
    public static int Of(ExperimentResult result, int index)
    {
        int number = result.RunResults[index].TrialNumber;
        return number >= 0 ? number : index;
    }
}

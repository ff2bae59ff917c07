using System.Globalization;
using System.Text;

namespace Nomadic.Pruning;

/// <summary>
/// Hyperband's brackets for a resource range: how many there are, the share of runs each gets, and which bracket a run
/// belongs to (a hash of the experiment's name and the run's number, as Optuna computes it).
/// </summary>
internal sealed class HyperbandBrackets
{
    private readonly long[] _budgets;
    private readonly long _total;

    public HyperbandBrackets(int minResource, int maxResource, int reductionFactor)
    {
        // floor(log_η(max / min)) + 1 brackets (Li et al. 2018, Algorithm 1), counted exactly rather than with a
        // floating-point logarithm, which falls just short at some powers of η.
        int count = 1;
        for (long resource = (long)minResource * reductionFactor; resource <= maxResource; resource *= reductionFactor)
        {
            count++;
        }

        // Bracket b gets ceil(n η^s / (s + 1)) shares, s = n - 1 - b: the paper's number of runs per bracket.
        _budgets = new long[count];
        for (int bracket = 0; bracket < count; bracket++)
        {
            int s = count - 1 - bracket;
            long numerator = count * (long)Math.Pow(reductionFactor, s);
            _budgets[bracket] = (numerator + s) / (s + 1);
            _total += _budgets[bracket];
        }
    }

    public int Count => _budgets.Length;

    /// <summary>Gets the bracket of a run: CRC-32 of <c>"{name}_{number}"</c> modulo the total shares, walked through the brackets' shares.</summary>
    public int Of(string? experimentName, int trialNumber)
    {
        string key = (experimentName ?? "") + "_" + trialNumber.ToString(CultureInfo.InvariantCulture);
        long n = Crc32.Compute(Encoding.UTF8.GetBytes(key)) % _total;
        for (int bracket = 0; bracket < _budgets.Length; bracket++)
        {
            n -= _budgets[bracket];
            if (n < 0)
            {
                return bracket;
            }
        }

        throw new InvalidOperationException("Unreachable: the hash is below the total of the brackets' shares.");
    }
}

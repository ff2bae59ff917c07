using CsCheck;
using Nomadic.Tuning;

namespace Nomadic.Testing;

/// <summary>Generators of valid domains of every kind, for property tests.</summary>
internal static class DomainGenerators
{
    /// <summary>A unit coordinate; CsCheck draws the ends 0 and 1 often.</summary>
    public static readonly Gen<double> Unit = Gen.Double[0.0, 1.0];

    /// <summary>Steps whose multiples are short decimals.</summary>
    public static readonly Gen<double> DecimalStep = Gen.OneOf(0.001, 0.01, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0);

    /// <summary>Positive bounds written as short decimals (1e-5, 3e-4, 0.2, ...), as users write them.</summary>
    public static readonly Gen<double> DecimalPositive =
        from mantissa in Gen.Int[1, 9]
        from exponent in Gen.Int[-8, 2]
        select double.Parse($"{mantissa}e{exponent}", System.Globalization.CultureInfo.InvariantCulture);

    public static readonly Gen<FloatDomain> Uniform =
        from low in Gen.Double[-1e6, 1e6]
        from width in Gen.Double[1e-3, 1e6]
        select Tune.Uniform(low, low + width);

    public static readonly Gen<FloatDomain> QUniform =
        from q in DecimalStep
        from lowCents in Gen.Int[-100_000, 100_000]
        from extraCents in Gen.Int[0, 100_000]
        let low = lowCents / 100.0
        select Tune.QUniform(low, Math.Round(low + (2 * q) + (extraCents / 100.0), 3), q);

    public static readonly Gen<FloatDomain> LogUniform =
        from low in DecimalPositive
        from factor in Gen.Double[1.01, 1e4]
        select Tune.LogUniform(low, low * factor);

    public static readonly Gen<FloatDomain> QLogUniform =
        from q in DecimalStep
        from lowCents in Gen.Int[1, 100_000]
        from extraCents in Gen.Int[0, 100_000]
        let low = lowCents / 100.0
        select Tune.QLogUniform(low, Math.Round(low + (2 * q) + (extraCents / 100.0), 3), q);

    public static readonly Gen<IntDomain> RandInt =
        from low in Gen.Int[-1000, 1000]
        from width in Gen.Int[1, 1000]
        select Tune.RandInt(low, low + width);

    public static readonly Gen<IntDomain> QRandInt =
        from q in Gen.Int[1, 20]
        from low in Gen.Int[-1000, 1000]
        from extra in Gen.Int[0, 500]
        select Tune.QRandInt(low, low + q - 1 + extra, q);

    public static readonly Gen<IntDomain> LogRandInt =
        from low in Gen.Int[1, 1000]
        from width in Gen.Int[1, 100_000]
        select Tune.LogRandInt(low, low + width);

    public static readonly Gen<IntDomain> QLogRandInt =
        from q in Gen.Int[1, 20]
        from low in Gen.Int[1, 1000]
        from extra in Gen.Int[0, 5000]
        select Tune.QLogRandInt(low, low + q - 1 + extra, q);

    /// <summary>Pairwise distinct values of every supported type (no two equal as numbers either).</summary>
    public static readonly object?[] ValuePool =
    [
        0, 1, -7, 42, int.MaxValue, int.MinValue, 3_000_000_000L, -9_000_000_000_000_000_000L,
        0.5, -2.25, 1e-9, 3.0, 1e20, 0.1, 2.5e-300,
        "a", "adam", "", "naïve", "emoji 😀", "with,comma", "quote\"d", "back\\slash", "tab\tnew\nline",
        true, false, null,
    ];

    public static readonly Gen<object?[]> ChoiceValues =
        Gen.Int[0, ValuePool.Length - 1].ArrayUnique[1, 8].Select(indexes => indexes.Select(i => ValuePool[i]).ToArray());

    public static readonly Gen<ChoiceDomain> Choice = ChoiceValues.Select(values => Tune.Choice(values));

    public static readonly Gen<ChoiceDomain> GridSearch = ChoiceValues.Select(values => Tune.GridSearch(values));

    public static readonly Gen<Domain> Any = Gen.OneOf<Domain>(
        Uniform.Select(d => (Domain)d),
        QUniform.Select(d => (Domain)d),
        LogUniform.Select(d => (Domain)d),
        QLogUniform.Select(d => (Domain)d),
        RandInt.Select(d => (Domain)d),
        QRandInt.Select(d => (Domain)d),
        LogRandInt.Select(d => (Domain)d),
        QLogRandInt.Select(d => (Domain)d),
        Choice.Select(d => (Domain)d),
        GridSearch.Select(d => (Domain)d));

    /// <summary>A valid search space of one to five parameters of any kinds.</summary>
    public static readonly Gen<SearchSpace> Space = Any.Array[1, 5].Select(domains =>
    {
        var space = new SearchSpace();
        for (int i = 0; i < domains.Length; i++)
        {
            space.Add("p" + i, domains[i]);
        }

        return space;
    });

    /// <summary>Small domains a grid can enumerate: choices, integer ranges and quantized floats.</summary>
    public static readonly Gen<Domain> SmallEnumerable = Gen.OneOf<Domain>(
        Gen.Int[0, ValuePool.Length - 1].ArrayUnique[1, 4].Select(ix => (Domain)Tune.Choice(ix.Select(i => ValuePool[i]).ToArray())),
        from low in Gen.Int[-20, 20] from width in Gen.Int[1, 4] select (Domain)Tune.RandInt(low, low + width),
        from low in Gen.Int[0, 20] from q in Gen.Int[1, 3] select (Domain)Tune.QRandInt(low, low + (2 * q), q),
        from steps in Gen.Int[0, 3] select (Domain)Tune.QUniform(0, 0.5 * (steps + 1), 0.5));

    /// <summary>Tells whether a search space accepts the domain, to filter generated domains.</summary>
    public static bool IsValid(Domain domain)
    {
        try
        {
            _ = new SearchSpace { ["x"] = domain };
            return true;
        }
        catch (SearchSpaceException)
        {
            return false;
        }
    }
}

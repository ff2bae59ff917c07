namespace Nomadic.Objectives;

/// <summary>
/// The benchmark formulas on plain doubles. Every expression keeps the published evaluation order: squares are one
/// multiplication, sums run in index order from 0.0, and parentheses group left to right, so results are
/// reproducible bit for bit.
/// </summary>
internal static class SuiteFormulas
{
    // Branin constants, computed exactly as defined.
    private const double BraninA = 1.0;
    private const double BraninB = 5.1 / ((4.0 * Math.PI) * Math.PI); // 0x1.0891e34f62bbep-3
    private const double BraninC = 5.0 / Math.PI;                     // 0x1.976fc893c3aa4p+0
    private const double BraninR = 6.0;
    private const double BraninS = 10.0;
    private const double BraninT = 1.0 / (8.0 * Math.PI);             // 0x1.45f306dc9c883p-5
    private const double BraninST = BraninS * (1.0 - BraninT);        // 0x1.334481bb61e2bp+3

    private const double AckleyA = 20.0;
    private const double AckleyB = 0.2;
    private const double AckleyC = 2.0 * Math.PI;                     // 0x1.921fb54442d18p+2
    private const double AckleyD = 5.0;

    private const double TwoPi = 2.0 * Math.PI;                       // 0x1.921fb54442d18p+2

    private static readonly double[] HartmannAlpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[][] HartmannA =
    [
        [10.0, 3.0, 17.0, 3.5, 1.7, 8.0],
        [0.05, 10.0, 17.0, 0.1, 8.0, 14.0],
        [3.0, 3.5, 1.7, 10.0, 17.0, 8.0],
        [17.0, 8.0, 0.05, 10.0, 0.1, 14.0],
    ];

    private static readonly double[][] HartmannP =
    [
        [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
        [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
        [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.665],
        [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
    ];

    public static double Branin(double x0, double x1)
    {
        double u = ((x1 - (BraninB * Sq(x0))) + (BraninC * x0)) - BraninR;
        return ((BraninA * Sq(u)) + (BraninST * Math.Cos(x0))) + BraninS;
    }

    public static double Hartmann6(ReadOnlySpan<double> x)
    {
        double outer = 0.0;
        for (int i = 0; i < 4; i++)
        {
            double inner = 0.0;
            for (int j = 0; j < 6; j++)
            {
                inner = inner + (HartmannA[i][j] * Sq(x[j] - HartmannP[i][j]));
            }

            outer = outer + (HartmannAlpha[i] * Math.Exp(-inner));
        }

        return -outer;
    }

    public static double Rosenbrock(ReadOnlySpan<double> x)
    {
        double acc = 0.0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            acc = acc + ((100.0 * Sq(x[i + 1] - Sq(x[i]))) + Sq(1.0 - x[i]));
        }

        return acc;
    }

    public static double Ackley5(ReadOnlySpan<double> x)
    {
        double s1 = 0.0;
        double s2 = 0.0;
        for (int i = 0; i < 5; i++)
        {
            s1 = s1 + Sq(x[i]);
            s2 = s2 + Math.Cos(AckleyC * x[i]);
        }

        double t1 = (-AckleyA) * Math.Exp((-AckleyB) * Math.Sqrt(s1 / AckleyD));
        double t2 = Math.Exp(s2 / AckleyD);
        return ((t1 - t2) + AckleyA) + Math.E;
    }

    public static double Levy(ReadOnlySpan<double> x)
    {
        int d = x.Length;
        Span<double> w = stackalloc double[d];
        for (int i = 0; i < d; i++)
        {
            w[i] = 1.0 + ((x[i] - 1.0) / 4.0);
        }

        double acc = Sq(Math.Sin(Math.PI * w[0]));
        for (int i = 0; i < d - 1; i++)
        {
            acc = acc + (Sq(w[i] - 1.0) * (1.0 + (10.0 * Sq(Math.Sin((Math.PI * w[i]) + 1.0)))));
        }

        double last = w[d - 1];
        return acc + (Sq(last - 1.0) * (1.0 + Sq(Math.Sin(TwoPi * last))));
    }

    public static double LrValley(double lr, double wd) =>
        Sq(Math.Log10(lr) + 2.5) + Sq(Math.Log10(wd) + 4.0);

    public static double Mixed(string optimizer, double layers, double dropout, double lr)
    {
        double acc = OptimizerOffset(optimizer);
        acc = acc + (0.1 * Sq(layers - 4.0));
        acc = acc + (2.0 * Sq(dropout - 0.3));
        acc = acc + (0.5 * Sq(Math.Log10(lr) - OptimizerLog10LrCenter(optimizer)));
        return acc;
    }

    public static double X2(double x) => x * x;

    public static double Mixed5(double x, double lr, double k, string opt, double y)
    {
        double acc = Sq(x);
        acc = acc + Sq(Math.Log10(lr) + 3.0);
        acc = acc + Sq(k - 5.0);
        acc = acc + OptimizerOffset(opt);
        acc = acc + y;
        return acc;
    }

    private static double Sq(double v) => v * v;

    private static double OptimizerOffset(string optimizer) => optimizer switch
    {
        "sgd" => 0.3,
        "adam" => 0.0,
        "rmsprop" => 0.15,
        _ => throw new ArgumentOutOfRangeException(nameof(optimizer), optimizer, "Unknown optimizer."),
    };

    private static double OptimizerLog10LrCenter(string optimizer) => optimizer switch
    {
        "sgd" => -2.0,
        "adam" => -3.0,
        "rmsprop" => -3.5,
        _ => throw new ArgumentOutOfRangeException(nameof(optimizer), optimizer, "Unknown optimizer."),
    };
}

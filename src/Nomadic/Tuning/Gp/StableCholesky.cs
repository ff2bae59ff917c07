using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Nomadic.Tuning.Gp;

/// <summary>Cholesky factorization of a covariance matrix that retries with growing jitter on the diagonal.</summary>
internal static class StableCholesky
{
    /// <summary>Factors a symmetric matrix that should be positive definite but may have lost it to rounding.</summary>
    /// <param name="matrix">The matrix; left unchanged.</param>
    /// <returns>The factorization, of the matrix plus the smallest jitter that worked.</returns>
    /// <exception cref="ArgumentException">The matrix is not positive definite even with a large jitter.</exception>
    public static Cholesky<double> Factor(Matrix<double> matrix)
    {
        try
        {
            return matrix.Cholesky();
        }
        catch (ArgumentException)
        {
            // Near-duplicate points make the matrix numerically singular; a jitter relative to the diagonal, grown
            // tenfold per try, is the standard remedy (Rasmussen and Williams 2006, section 3.4.3).
            double scale = Math.Max(matrix.Diagonal().AbsoluteMaximum(), double.Epsilon);
            for (double jitter = 1e-10; jitter <= 1e-3; jitter *= 10)
            {
                try
                {
                    return (matrix + Matrix<double>.Build.DenseIdentity(matrix.RowCount, matrix.RowCount) * (jitter * scale)).Cholesky();
                }
                catch (ArgumentException)
                {
                }
            }

            throw;
        }
    }
}

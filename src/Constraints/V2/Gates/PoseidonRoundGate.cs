// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.Hashing;

namespace ZkOptions.Constraints.V2.Gates;

/// <summary>
/// One round of circomlib's Poseidon permutation of width t ≤ 5 in one row: the state s in w0..w(t−1), the round's
/// constants c in q0..q(t−1), a full-round flag f (1 or 0) in qM, and the next row's w0..w(t−1) equal to
/// M·y with yⱼ = (sⱼ + cⱼ)⁵ for j = 0 and for every j in a full round, yⱼ = sⱼ + cⱼ otherwise (circomlib's
/// reference schedule: add constants, S-box, MDS mix M of width t). A t = 5 permutation of 8 full and 60 partial
/// rounds is 68 such rows and one row holding the output.
/// </summary>
/// <remarks>
/// The flag is read as a polynomial, yⱼ = f·uⱼ⁵ + (1 − f)·uⱼ, so one selector serves both kinds of round at the
/// cost of one degree (6 instead of 5).
/// </remarks>
public sealed class PoseidonRoundGate : IWideGate
{
    private readonly Fr[] mds;

    /// <summary>The gate for state width <paramref name="width"/> (2 … 5).</summary>
    public PoseidonRoundGate(int width)
    {
        if (width < 2 || width > WideLayout.Width)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"a Poseidon round fits one row for t = 2 … {WideLayout.Width}");
        }
        Width = width;
        var p = PoseidonParameters.ForInputs(width - 1);
        mds = new Fr[width * width];
        for (int i = 0; i < width; i++)
        {
            for (int j = 0; j < width; j++)
            {
                mds[i * width + j] = p.Mds(i, j);
            }
        }
    }

    /// <summary>The state width t.</summary>
    public int Width { get; }

    /// <summary>The selector for width t.</summary>
    public static GateKind KindFor(int width) => (GateKind)((int)GateKind.PoseidonRoundT2 + width - 2);

    /// <inheritdoc/>
    public GateKind Kind => KindFor(Width);

    /// <inheritdoc/>
    public string Name => $"poseidon round t={Width}";

    /// <summary>f·(s + c)⁵.</summary>
    public int Degree => 6;

    /// <inheritdoc/>
    public int ResidualCount => Width;

    /// <inheritdoc/>
    public void Residuals(in RowValues<Fr> row, Span<Fr> residuals) => Residuals<Fr>(row, residuals);

    /// <inheritdoc/>
    public void Residuals<T>(in RowValues<T> row, Span<T> residuals) where T : IFieldArithmetic<T>
    {
        var buffer = new CellBuffer<T>();
        Span<T> next = ((Span<T>)buffer)[..Width];
        Round(row.Cells, row.Coefficients, next);
        for (int i = 0; i < Width; i++)
        {
            residuals[i] = row.Next[i] - next[i];
        }
    }

    /// <summary>
    /// The state after the round on <paramref name="cells"/> with the row's <paramref name="coefficients"/>: what the
    /// next row must hold. The witness solver calls it to fill that row, the residuals compare against it.
    /// </summary>
    public void Round<T>(ReadOnlySpan<T> cells, ReadOnlySpan<T> coefficients, Span<T> next) where T : IFieldArithmetic<T>
    {
        var buffer = new CellBuffer<T>();
        Span<T> y = ((Span<T>)buffer)[..Width];
        SboxLayer<T>(cells, coefficients, y);
        for (int i = 0; i < Width; i++)
        {
            T sum = T.Constant(mds[i * Width]) * y[0];
            for (int j = 1; j < Width; j++)
            {
                sum += T.Constant(mds[i * Width + j]) * y[j];
            }
            next[i] = sum;
        }
    }

    /// <summary>
    /// The round's S-box layer on the first <c>y.Length</c> lanes: yⱼ = uⱼ⁵ for j = 0, f·uⱼ⁵ + (1 − f)·uⱼ otherwise,
    /// with uⱼ = sⱼ + cⱼ and f the full-round flag. It reads no width-specific constant, so every width shares it.
    /// </summary>
    public static void SboxLayer<T>(ReadOnlySpan<T> cells, ReadOnlySpan<T> coefficients, Span<T> y) where T : IFieldArithmetic<T>
    {
        T full = coefficients[(int)Coefficient.Qm];
        T partial = T.One - full;
        for (int j = 0; j < y.Length; j++)
        {
            T u = cells[j] + coefficients[(int)Coefficient.Q0 + j];
            T u2 = u * u;
            T u5 = u2 * u2 * u;
            y[j] = j == 0 ? u5 : full * u5 + partial * u;
        }
    }

    /// <summary>
    /// The MDS mix folded with the separator powers: Wⱼ = Σᵢ sⁱ·M_ij, so that Σᵢ sⁱ·residualᵢ = Σᵢ sⁱ·nextᵢ − Σⱼ Wⱼ·yⱼ
    /// costs t products instead of t² (the prover's quotient evaluates it on every point of its extended domain).
    /// </summary>
    public Fr[] MixWeights(ReadOnlySpan<Fr> separatorPowers)
    {
        var weights = new Fr[Width];
        for (int j = 0; j < Width; j++)
        {
            Fr sum = Fr.Zero;
            for (int i = 0; i < Width; i++)
            {
                sum += separatorPowers[i] * mds[i * Width + j];
            }
            weights[j] = sum;
        }
        return weights;
    }
}

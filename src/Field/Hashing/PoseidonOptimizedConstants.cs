// SPDX-License-Identifier: MIT
namespace ZkOptions.Field.Hashing;

/// <summary>
/// The equivalent "optimised" form of circomlib's Poseidon for one width, derived at first use from the validated
/// reference constants C and M — the same derivation as circomlibjs's <c>tools/poseidon_optimize_constants.js</c>
/// (which produced its <c>poseidon_constants_opt.json</c>), after the Poseidon paper's appendix B and Filecoin's
/// neptune.
/// </summary>
/// <remarks>
/// <para>Two rewrites, neither of which changes any output:</para>
/// <list type="bullet">
/// <item>Round constants are pushed through the linear layer: adding c before the mix equals adding c·M⁻¹ after
/// the previous S-box. Across the partial rounds only the first element of each constant vector is left; the rest
/// is folded into one vector added before the first partial round.</item>
/// <item>In the partial rounds, where the S-box touches state[0] only, the dense MDS matrix is factored into one
/// dense matrix P applied once, followed by one sparse matrix per round (first row and first column plus the
/// identity), costing 2t − 1 products per round instead of t².</item>
/// </list>
/// <para>The full permutation then needs, for t = 3 / 6 / 17, about 0.7 / 0.5 / 0.25 of the products of the
/// textbook form. Deriving costs tens of milliseconds for the widest width, once per width per process.
/// <see cref="Poseidon"/> checks its result against the textbook permutation in the tests for every width.</para>
/// <para>Conventions follow the JavaScript tool: O = Mᵀ, and a state is a row vector mixed as s·O, which is the
/// reference's new[i] = Σ_j M[i][j]·s[j].</para>
/// </remarks>
internal sealed class PoseidonOptimizedConstants
{
    /// <summary>8t + partialRounds constants: t initial, 3t for full rounds 1–3, t before the partial rounds, one per partial round, 3t for full rounds 5–7.</summary>
    public Fr[] Constants { get; }

    /// <summary>The dense matrix applied once before the partial rounds, stored so that new[i] = Σ_j PRowMajor[i·t + j]·s[j].</summary>
    public Fr[] PRowMajor { get; }

    /// <summary>Per partial round, 2t − 1 entries: [m00, ŵ_0 … ŵ_{t−2}, m_01 … m_0,t−1].</summary>
    public Fr[] Sparse { get; }

    private PoseidonOptimizedConstants(Fr[] constants, Fr[] pRowMajor, Fr[] sparse)
    {
        Constants = constants;
        PRowMajor = pRowMajor;
        Sparse = sparse;
    }

    public static PoseidonOptimizedConstants Derive(PoseidonParameters p)
    {
        int t = p.Width;
        var o = new Fr[t][];
        for (int i = 0; i < t; i++)
        {
            o[i] = new Fr[t];
            for (int j = 0; j < t; j++)
            {
                o[i][j] = p.Mds(j, i);
            }
        }
        Fr[] constants = ConvertConstants(t, p.FullRounds, p.PartialRounds, p.RoundConstants, o);
        var (pMatrix, sparse) = CalculatePS(t, p.PartialRounds, o);
        var pRowMajor = new Fr[t * t];
        for (int i = 0; i < t; i++)
        {
            for (int j = 0; j < t; j++)
            {
                pRowMajor[i * t + j] = pMatrix[j][i]; // row-vector product s·P as a matrix-vector product
            }
        }
        return new PoseidonOptimizedConstants(constants, pRowMajor, sparse);
    }

    private static Fr[] ConvertConstants(int t, int nF, int nP, ReadOnlySpan<Fr> c, Fr[][] o)
    {
        Fr[][] oInv = Inverse(o);
        var result = new List<Fr>(8 * t + nP);
        for (int k = 0; k < t; k++)
        {
            result.Add(c[k]);
        }
        for (int r = 0; r < nF / 2 - 1; r++)
        {
            result.AddRange(VecMulMatrix(c.Slice((r + 1) * t, t), oInv));
        }
        var partial = new List<Fr>(nP);
        Fr[] acc = c.Slice((nF / 2 + nP) * t, t).ToArray();
        for (int r = nF / 2 + nP - 1; r >= nF / 2; r--)
        {
            Fr[] accp = VecMulMatrix(acc, oInv);
            partial.Add(accp[0]);
            accp[0] = Fr.Zero;
            for (int k = 0; k < t; k++)
            {
                acc[k] = accp[k] + c[r * t + k];
            }
        }
        result.AddRange(VecMulMatrix(acc, oInv));
        partial.Reverse();
        result.AddRange(partial);
        for (int r = nF / 2 + nP; r < nF + nP - 1; r++)
        {
            result.AddRange(VecMulMatrix(c.Slice((r + 1) * t, t), oInv));
        }
        return [.. result];
    }

    private static (Fr[][] P, Fr[] S) CalculatePS(int t, int nP, Fr[][] o)
    {
        var sparse = new Fr[nP][];
        Fr[][] m = o;
        for (int i = 0; i < nP; i++)
        {
            (Fr[][] mp, sparse[i]) = SparseFactorize(m);
            m = MatMul(o, mp);
        }
        var s = new Fr[nP * (2 * t - 1)];
        for (int i = 0; i < nP; i++)
        {
            sparse[nP - 1 - i].CopyTo(s, i * (2 * t - 1));
        }
        return (m, s);
    }

    /// <summary>m = m′·m″ with m″ sparse; returns m′ (identity in row and column 0, m̂ elsewhere) and m″'s entries.</summary>
    private static (Fr[][] Mp, Fr[] Sparse) SparseFactorize(Fr[][] m)
    {
        int t = m.Length;
        var mHat = new Fr[t - 1][];
        var mp = new Fr[t][];
        var w = new Fr[t - 1];
        for (int i = 0; i < t; i++)
        {
            mp[i] = new Fr[t];
            if (i > 0)
            {
                mHat[i - 1] = new Fr[t - 1];
                w[i - 1] = m[i][0];
            }
            for (int j = 0; j < t; j++)
            {
                if (i > 0 && j > 0)
                {
                    mHat[i - 1][j - 1] = m[i][j];
                    mp[i][j] = m[i][j];
                }
                else
                {
                    mp[i][j] = i == 0 && j == 0 ? Fr.One : Fr.Zero;
                }
            }
        }
        Fr[] wHat = Solve(mHat, w); // m̂⁻¹·w
        var s = new Fr[2 * t - 1];
        s[0] = m[0][0];
        wHat.CopyTo(s, 1);
        for (int k = 1; k < t; k++)
        {
            s[t - 1 + k] = m[0][k];
        }
        return (mp, s);
    }

    private static Fr[] VecMulMatrix(ReadOnlySpan<Fr> v, Fr[][] a)
    {
        var result = new Fr[v.Length];
        for (int j = 0; j < v.Length; j++)
        {
            for (int i = 0; i < a.Length; i++)
            {
                result[j] += v[i] * a[i][j];
            }
        }
        return result;
    }

    /// <summary>x with a·x = b, by Gaussian elimination (a third of the work of inverting a).</summary>
    private static Fr[] Solve(Fr[][] a, Fr[] b)
    {
        int n = a.Length;
        var m = new Fr[n][];
        for (int i = 0; i < n; i++)
        {
            m[i] = new Fr[n + 1];
            Array.Copy(a[i], m[i], n);
            m[i][n] = b[i];
        }
        var pivotInverse = new Fr[n];
        for (int col = 0; col < n; col++)
        {
            int pivot = FindPivot(m, col);
            (m[col], m[pivot]) = (m[pivot], m[col]);
            Fr inv = m[col][col].Inverse();
            pivotInverse[col] = inv;
            for (int i = col + 1; i < n; i++)
            {
                if (m[i][col].IsZero)
                {
                    continue;
                }
                Fr f = m[i][col] * inv;
                for (int j = col; j <= n; j++)
                {
                    m[i][j] -= f * m[col][j];
                }
            }
        }
        var x = new Fr[n];
        for (int i = n - 1; i >= 0; i--)
        {
            Fr acc = m[i][n];
            for (int j = i + 1; j < n; j++)
            {
                acc -= m[i][j] * x[j];
            }
            x[i] = acc * pivotInverse[i];
        }
        return x;
    }

    private static int FindPivot(Fr[][] m, int col)
    {
        for (int pivot = col; pivot < m.Length; pivot++)
        {
            if (!m[pivot][col].IsZero)
            {
                return pivot;
            }
        }
        throw new InvalidDataException("Poseidon constants: a matrix derived from the MDS matrix is not invertible.");
    }

    private static Fr[][] MatMul(Fr[][] a, Fr[][] b)
    {
        int n = a.Length;
        var result = new Fr[n][];
        for (int i = 0; i < n; i++)
        {
            result[i] = new Fr[n];
            for (int j = 0; j < n; j++)
            {
                Fr acc = Fr.Zero;
                for (int k = 0; k < n; k++)
                {
                    acc += a[i][k] * b[k][j];
                }
                result[i][j] = acc;
            }
        }
        return result;
    }

    /// <summary>Gauss–Jordan inverse; the MDS-derived matrices here are always invertible.</summary>
    private static Fr[][] Inverse(Fr[][] a)
    {
        int n = a.Length;
        var b = new Fr[n][];
        for (int i = 0; i < n; i++)
        {
            b[i] = new Fr[2 * n];
            Array.Copy(a[i], b[i], n);
            b[i][n + i] = Fr.One;
        }
        for (int col = 0; col < n; col++)
        {
            int pivot = FindPivot(b, col);
            (b[col], b[pivot]) = (b[pivot], b[col]);
            Fr inv = b[col][col].Inverse();
            for (int j = col; j < 2 * n; j++)
            {
                b[col][j] *= inv;
            }
            for (int i = 0; i < n; i++)
            {
                if (i == col || b[i][col].IsZero)
                {
                    continue;
                }
                Fr f = b[i][col];
                for (int j = col; j < 2 * n; j++)
                {
                    b[i][j] -= f * b[col][j];
                }
            }
        }
        var result = new Fr[n][];
        for (int i = 0; i < n; i++)
        {
            result[i] = b[i][n..];
        }
        return result;
    }
}

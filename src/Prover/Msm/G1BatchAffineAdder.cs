// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;

namespace ZkOptions.Prover.Msm;

/// <summary>
/// A set of affine G1 accumulators and a batch of pending additions "accumulator[t] += (x, y)", at most one per
/// accumulator. An affine addition needs 1/(x₂ − x₁); collecting many independent ones lets
/// <see cref="Flush"/> invert all denominators with one field inversion (Montgomery's trick), so an addition
/// costs about 6 products (3 for the shared inversion, 3 for the slope and the new point) against 11 for a
/// mixed Jacobian addition.
/// </summary>
/// <remarks>
/// Special cases are settled when an addition is offered: an empty accumulator takes the addend as it is,
/// P + (−P) empties the accumulator at once, and P + P is batched with the tangent slope 3x²/(2y) instead of the
/// chord. Addends are never infinity (callers skip those).
/// </remarks>
internal sealed class G1BatchAffineAdder
{
    /// <summary>Accumulator states.</summary>
    public const byte Empty = 0, Full = 1, Busy = 2;

    private readonly int[] _targets;
    private readonly AffineCoordinates[] _addends;
    private readonly Fq[] _prefix;
    private readonly int _batchCapacity;
    private Fq _product = Fq.One;
    private int _pending;

    // The 8-lane flush (null: scalar). It builds its own prefix products, so TryAdd then only records whether
    // an addition is a chord or a tangent.
    private readonly G1BatchAffineLanes? _lanes;
    private readonly byte[] _kinds;

    /// <param name="accumulators">Number of accumulators.</param>
    /// <param name="batchCapacity">The most additions one batch can hold.</param>
    /// <param name="vectorised">Flush on the 8-lane Fq kernels (ignored where AVX-512F is missing).</param>
    public G1BatchAffineAdder(int accumulators, int batchCapacity, bool vectorised = false)
    {
        Values = new AffineCoordinates[accumulators];
        States = new byte[accumulators];
        _batchCapacity = batchCapacity;
        if (vectorised && FqVectorField.IsSupported)
        {
            int padded = G1BatchAffineLanes.PaddedCapacity(batchCapacity);
            _lanes = new G1BatchAffineLanes(batchCapacity);
            _targets = new int[padded];
            _addends = new AffineCoordinates[padded];
            _kinds = new byte[padded];
            _prefix = [];
        }
        else
        {
            _targets = new int[batchCapacity];
            _addends = new AffineCoordinates[batchCapacity];
            _kinds = [];
            _prefix = new Fq[batchCapacity];
        }
    }

    /// <summary>True when batches are flushed on the 8-lane Fq kernels.</summary>
    public bool IsVectorised => _lanes is not null;

    /// <summary>Accumulator coordinates (meaningful where the state is not <see cref="Empty"/>).</summary>
    public AffineCoordinates[] Values { get; }

    /// <summary><see cref="Empty"/>, <see cref="Full"/>, or <see cref="Busy"/> (full, with an addition pending).</summary>
    public byte[] States { get; }

    /// <summary>Number of accumulators.</summary>
    public int AccumulatorCount => States.Length;

    /// <summary>The most additions one batch can hold.</summary>
    public int BatchCapacity => _batchCapacity;

    /// <summary>Additions waiting for <see cref="Flush"/>.</summary>
    public int Pending => _pending;

    /// <summary>Empties accumulators [0, count). Nothing may be pending.</summary>
    public void Clear(int count) => States.AsSpan(0, count).Clear();

    /// <summary>
    /// accumulator[target] += (x, y). Returns false, doing nothing, when the accumulator already has an addition
    /// pending (the caller retries after <see cref="Flush"/>). The batch must not be full.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(int target, in Fq x, in Fq y)
    {
        ref byte state = ref States[target];
        if (state == Busy)
        {
            return false;
        }
        ref AffineCoordinates acc = ref Values[target];
        if (state == Empty)
        {
            acc.X = x;
            acc.Y = y;
            state = Full;
            return true;
        }
        bool tangent = x.Equals(acc.X);
        if (tangent && !y.Equals(acc.Y))
        {
            state = Empty; // P + (−P)
            return true;
        }
        int k = _pending++;
        if (_lanes is not null)
        {
            _kinds[k] = tangent ? G1BatchAffineLanes.Tangent : G1BatchAffineLanes.Chord;
        }
        else
        {
            Fq denominator;
            if (tangent)
            {
                Fq.Double(in acc.Y, out denominator); // P + P: tangent
            }
            else
            {
                Fq.Sub(in x, in acc.X, out denominator);
            }
            _prefix[k] = _product;
            MulOutOfLine(in _product, in denominator, out _product);
        }
        _targets[k] = target;
        _addends[k] = new AffineCoordinates(x, y);
        state = Busy;
        return true;
    }

    /// <summary>Completes every pending addition with one inversion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Flush()
    {
        if (_pending == 0)
        {
            return;
        }
        if (_lanes is not null)
        {
            _lanes.Flush(Values, States, _targets, _addends, _kinds, _pending);
            _pending = 0;
            return;
        }
        Fq.Inverse(in _product, out Fq inverse); // = Π denominators⁻¹; non-zero by construction
        for (int k = _pending - 1; k >= 0; k--)
        {
            int target = _targets[k];
            ref AffineCoordinates acc = ref Values[target];
            ref readonly AffineCoordinates addend = ref _addends[k];
            Fq numerator, denominator;
            if (addend.X.Equals(acc.X))
            {
                Fq.Double(in acc.Y, out denominator);
                MulOutOfLine(in acc.X, in acc.X, out Fq xx);
                Fq.Double(in xx, out numerator);
                Fq.Add(in numerator, in xx, out numerator); // 3x²
            }
            else
            {
                Fq.Sub(in addend.X, in acc.X, out denominator);
                Fq.Sub(in addend.Y, in acc.Y, out numerator);
            }
            // inverse = (d₀…d_k)⁻¹ here: times the prefix d₀…d_(k−1) it is d_k⁻¹; times d_k it steps down to k − 1.
            MulOutOfLine(in inverse, in _prefix[k], out Fq denominatorInverse);
            MulOutOfLine(in inverse, in denominator, out inverse);
            MulOutOfLine(in numerator, in denominatorInverse, out Fq lambda);
            MulOutOfLine(in lambda, in lambda, out Fq x3);
            Fq.Sub(in x3, in acc.X, out x3);
            Fq.Sub(in x3, in addend.X, out x3);          // x₃ = λ² − x₁ − x₂
            Fq.Sub(in acc.X, in x3, out Fq y3);
            MulOutOfLine(in lambda, in y3, out y3);
            Fq.Sub(in y3, in acc.Y, out y3);              // y₃ = λ(x₁ − x₃) − y₁
            acc.X = x3;
            acc.Y = y3;
            States[target] = Full;
        }
        _pending = 0;
        _product = Fq.One;
    }

    /// <summary>
    /// Fq.Mul kept out of line: inlining its ~550 instructions five times into one loop body makes the JIT spill
    /// (the same effect docs/BENCHMARKS.md reports for the pairing); a call costs less than the spills.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void MulOutOfLine(in Fq a, in Fq b, out Fq r) => Fq.Mul(in a, in b, out r);
}

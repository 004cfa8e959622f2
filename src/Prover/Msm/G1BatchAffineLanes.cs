// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using V = System.Runtime.Intrinsics.Vector512<ulong>;

namespace ZkOptions.Prover.Msm;

/// <summary>
/// The flush of <see cref="G1BatchAffineAdder"/> on 8-lane Fq kernels (<see cref="FqVectorField"/>): addition
/// k of a batch runs in lane k mod 8, so the batch is 8 interleaved Montgomery chains. A forward pass keeps the
/// prefix products of each lane's denominators, one scalar batch inversion inverts the 8 lane products, and a
/// backward pass peels each denominator's inverse off and completes λ, x₃ and y₃ — 6 lane products an
/// addition, as the scalar flush. One instance is a reusable workspace for batches of up to its capacity.
/// </summary>
/// <remarks>
/// Forms (see <see cref="FqVectorField"/>): denominators, numerators, the chains and λ are of form 261 (loaded
/// with <see cref="FqVectorField.SplitTimes32"/>); x₃ = λ²·2^−266 − x₁ − x₂ and y₃ = λ·(x₁ − x₃)·2^−261 − y₁ come
/// out in <see cref="Fq"/>'s form 256 and are reduced to canonical limbs, so they equal the scalar results bit
/// for bit. Bounds: chains stay below 1.7p, λ below 1.4p, x₃ before reduction below 4p.
/// </remarks>
internal sealed unsafe class G1BatchAffineLanes
{
    /// <summary>Kinds of a pending addition, read 8 at a time: any non-zero byte sends a group to the slow path.</summary>
    public const byte Chord = 0, Tangent = 1, Padding = 2;

    private const int Limbs = FqVectorField.Limbs;

    private readonly V[] _prefix;      // lane prefix products before each group, 9 vectors a group
    private readonly V[] _denominator; // each group's denominators (form 261)

    /// <param name="batchCapacity">The most additions one batch can hold.</param>
    public G1BatchAffineLanes(int batchCapacity)
    {
        int groups = (batchCapacity + 7) / 8;
        _prefix = new V[groups * Limbs];
        _denominator = new V[groups * Limbs];
    }

    /// <summary>Rounds a batch capacity up so that the last group's 8 lanes lie inside the per-addition arrays.</summary>
    public static int PaddedCapacity(int batchCapacity) => (batchCapacity + 7) & ~7;

    /// <summary>
    /// Completes the pending additions values[targets[k]] += addends[k], k &lt; pending (distinct targets),
    /// with kinds[k] = <see cref="Chord"/> or <see cref="Tangent"/>; marks the targets full. targets, addends
    /// and kinds must be <see cref="PaddedCapacity"/> long, so the last group's lanes lie inside them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Flush(AffineCoordinates[] values, byte[] states, int[] targets, AffineCoordinates[] addends, byte[] kinds, int pending)
    {
        int groups = (pending + 7) / 8;
        kinds.AsSpan(pending, groups * 8 - pending).Fill(Padding);
        V* product = stackalloc V[Limbs];
        V* inverse = stackalloc V[Limbs];
        V* denominatorInverse = stackalloc V[Limbs];
        V* numerator = stackalloc V[Limbs];
        V* lambda = stackalloc V[Limbs];
        V* x1 = stackalloc V[Limbs];
        V* y1 = stackalloc V[Limbs];
        V* x2 = stackalloc V[Limbs];
        V* x3 = stackalloc V[Limbs];
        V* y3 = stackalloc V[Limbs];
        Fq* scratch = stackalloc Fq[8];
        Fq* scratchY = stackalloc Fq[8];
        Fq** accumulators = stackalloc Fq*[8];
        fixed (AffineCoordinates* valuesBase = values)
        fixed (AffineCoordinates* addendsBase = addends)
        fixed (V* prefixBase = _prefix)
        fixed (V* denominatorBase = _denominator)
        fixed (byte* kindsBase = kinds)
        {
            // Forward: prefix[g] = Π of each lane's earlier denominators, starting from one (form 261: 32·2^256).
            for (int l = 0; l < 8; l++)
            {
                scratch[l] = Fq.One;
            }
            FqVectorField.LoadTimes32(scratch, product);
            for (int g = 0; g < groups; g++)
            {
                V* prefix = prefixBase + g * Limbs;
                V* denominator = denominatorBase + g * Limbs;
                Copy(product, prefix);
                Point(valuesBase, targets, g, accumulators);
                if (*(ulong*)(kindsBase + 8 * g) == 0)
                {
                    FqVectorField.Gather(accumulators, out V a0, out V a1, out V a2, out V a3);
                    FqVectorField.SplitTimes32(a0, a1, a2, a3, x1);
                    FqVectorField.LoadStrided(&addendsBase[8 * g].X, 2, out a0, out a1, out a2, out a3);
                    FqVectorField.SplitTimes32(a0, a1, a2, a3, x2);
                    FqVectorField.SubPlus32Q(x2, x1, denominator);
                }
                else
                {
                    SpecialDenominators(accumulators, addendsBase + 8 * g, kindsBase + 8 * g, scratch);
                    FqVectorField.LoadTimes32(scratch, denominator);
                }
                FqVectorField.MulLanes(product, denominator, product);
            }

            // One scalar inversion for all 8 lane products: the canonical limbs of c(π) = π·2^261 read as an Fq are
            // the element 32π, whose inverse times 1024 is the element 32/π, whose limbs are c(1/π).
            FqVectorField.ToCanonical(product);
            FqVectorField.Store(product, scratch);
            Fq.BatchInverse(new Span<Fq>(scratch, 8));
            Fq k1024 = Fq.FromUInt64(1024);
            for (int l = 0; l < 8; l++)
            {
                Fq.Mul(in scratch[l], in k1024, out scratch[l]);
            }
            FqVectorField.Load(scratch, inverse);

            // Backward: inverse = (each lane's denominators up to group g)⁻¹; times the prefix it is group g's
            // inverse, times group g's denominators it steps down to g − 1.
            for (int g = groups - 1; g >= 0; g--)
            {
                FqVectorField.MulLanes(inverse, prefixBase + g * Limbs, denominatorInverse);
                FqVectorField.MulLanes(inverse, denominatorBase + g * Limbs, inverse);
                Point(valuesBase, targets, g, accumulators);
                AffineCoordinates* addend = addendsBase + 8 * g;
                FqVectorField.Gather(accumulators, out V a0, out V a1, out V a2, out V a3);
                FqVectorField.Split(a0, a1, a2, a3, x1);
                FqVectorField.LoadStrided(&addend->X, 2, out a0, out a1, out a2, out a3);
                FqVectorField.Split(a0, a1, a2, a3, x2);
                for (int l = 0; l < 8; l++)
                {
                    accumulators[l]++; // the Y coordinates
                }
                FqVectorField.Gather(accumulators, out a0, out a1, out a2, out a3);
                FqVectorField.Split(a0, a1, a2, a3, y1);
                if (*(ulong*)(kindsBase + 8 * g) == 0)
                {
                    FqVectorField.SplitTimes32(a0, a1, a2, a3, x3); // 32·y₁ (x3 as scratch)
                    FqVectorField.LoadStrided(&addend->Y, 2, out a0, out a1, out a2, out a3);
                    FqVectorField.SplitTimes32(a0, a1, a2, a3, y3); // 32·y₂ (y3 as scratch)
                    FqVectorField.SubPlus32Q(y3, x3, numerator);
                }
                else
                {
                    SpecialNumerators(accumulators, addend, kindsBase + 8 * g, scratch);
                    FqVectorField.LoadTimes32(scratch, numerator);
                }
                FqVectorField.MulLanes(numerator, denominatorInverse, lambda);
                FqVectorField.MulLanesDiv32(lambda, lambda, x3);
                FqVectorField.SubTwoPlus2Q(x3, x1, x2, x3);       // x₃ = λ² − x₁ − x₂
                FqVectorField.ToCanonical(x3);
                FqVectorField.SubPlusQ(x1, x3, y3);
                FqVectorField.MulLanes(lambda, y3, y3);
                FqVectorField.SubPlusQ(y3, y1, y3);               // y₃ = λ(x₁ − x₃) − y₁
                FqVectorField.ToCanonical(y3);
                FqVectorField.Store(x3, scratch);
                FqVectorField.Store(y3, scratchY);
                int lanes = Math.Min(8, pending - 8 * g);
                for (int l = 0; l < lanes; l++)
                {
                    int target = targets[8 * g + l];
                    ref AffineCoordinates acc = ref values[target];
                    acc.X = scratch[l];
                    acc.Y = scratchY[l];
                    states[target] = G1BatchAffineAdder.Full;
                }
            }
        }
    }

    /// <summary>
    /// Points accumulators[l] at the X coordinate of lane l's target. Padding lanes read a stale target of an
    /// earlier batch (or 0): a valid accumulator whose value is loaded but never used or written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Point(AffineCoordinates* values, int[] targets, int group, Fq** accumulators)
    {
        int first = 8 * group;
        for (int l = 0; l < 8; l++)
        {
            accumulators[l] = &values[targets[first + l]].X;
        }
    }

    /// <summary>Denominators of a group with tangents or padding, lane by lane: x₂ − x₁, 2y₁, or one.</summary>
    private static void SpecialDenominators(Fq** accumulators, AffineCoordinates* addends, byte* kinds, Fq* result)
    {
        for (int l = 0; l < 8; l++)
        {
            Fq* acc = accumulators[l];
            switch (kinds[l])
            {
                case Chord:
                    Fq.Sub(in addends[l].X, in acc[0], out result[l]);
                    break;
                case Tangent:
                    Fq.Double(in acc[1], out result[l]);
                    break;
                default:
                    result[l] = Fq.One; // leaves the lane's chain unchanged
                    break;
            }
        }
    }

    /// <summary>Numerators of a group with tangents or padding: y₂ − y₁, 3x₁², or zero (accumulators point at Y).</summary>
    private static void SpecialNumerators(Fq** accumulatorYs, AffineCoordinates* addends, byte* kinds, Fq* result)
    {
        for (int l = 0; l < 8; l++)
        {
            Fq* accY = accumulatorYs[l];
            switch (kinds[l])
            {
                case Chord:
                    Fq.Sub(in addends[l].Y, in accY[0], out result[l]);
                    break;
                case Tangent:
                    Fq.Mul(in accY[-1], in accY[-1], out Fq xx);
                    Fq.Double(in xx, out Fq twice);
                    Fq.Add(in twice, in xx, out result[l]);
                    break;
                default:
                    result[l] = Fq.Zero;
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(V* source, V* destination)
    {
        for (int k = 0; k < Limbs; k++)
        {
            destination[k] = source[k];
        }
    }
}

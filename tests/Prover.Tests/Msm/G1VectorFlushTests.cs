// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Prover.Engines.Cpu;
using ZkOptions.Prover.Msm;

namespace ZkOptions.Prover.Tests.Msm;

/// <summary>
/// The 8-lane batch-affine flush (<see cref="G1BatchAffineLanes"/>) against the scalar flush: bucket by bucket
/// and bit for bit, with the special cases mixed in (empty buckets, P + P, P + (−P), repeated bases, batches
/// that do not fill the last group of 8), and whole MSMs against the scalar path and the discrete-log oracle.
/// </summary>
public class G1VectorFlushTests
{
    [Fact]
    public void The_vector_flush_is_used_exactly_where_it_is_asked_for_and_supported()
    {
        Assert.Equal(FqVectorField.IsSupported, new G1BatchAffineAdder(16, 8, vectorised: true).IsVectorised);
        Assert.False(new G1BatchAffineAdder(16, 8, vectorised: false).IsVectorised);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(17)]
    [InlineData(64)]
    [InlineData(301)]
    public void Vector_and_scalar_flushes_agree_bucket_by_bucket(int batch)
    {
        int accumulators = 2 * batch + 3;
        G1Affine[] bases = G1TestSet.Random(48, seed: batch).Points;
        var scalar = new G1BatchAffineAdder(accumulators, batch, vectorised: false);
        var vector = new G1BatchAffineAdder(accumulators, batch, vectorised: true);
        var rng = new Random(batch);
        int tangents = 0, cancellations = 0;
        for (int round = 0; round < 12; round++)
        {
            for (int tries = 0; tries < 4 * batch && scalar.Pending < batch; tries++)
            {
                int target = rng.Next(accumulators);
                AffineCoordinates current = scalar.Values[target];
                bool full = scalar.States[target] == G1BatchAffineAdder.Full;
                Fq x, y;
                switch (rng.Next(5))
                {
                    case 0 when full: // P + P
                        (x, y) = (current.X, current.Y);
                        tangents++;
                        break;
                    case 1 when full: // P + (−P)
                        (x, y) = (current.X, -current.Y);
                        cancellations++;
                        break;
                    case 2: // one of a few repeated bases
                        G1Affine repeated = bases[rng.Next(4)];
                        (x, y) = (repeated.X, repeated.Y);
                        break;
                    default:
                        G1Affine p = bases[rng.Next(bases.Length)];
                        (x, y) = rng.Next(2) == 0 ? (p.X, p.Y) : (p.X, -p.Y);
                        break;
                }
                Assert.Equal(scalar.TryAdd(target, in x, in y), vector.TryAdd(target, in x, in y));
                Assert.Equal(scalar.Pending, vector.Pending);
            }
            scalar.Flush();
            vector.Flush();
            Assert.Equal(scalar.States, vector.States);
            for (int t = 0; t < accumulators; t++)
            {
                if (scalar.States[t] != G1BatchAffineAdder.Empty)
                {
                    Assert.True(scalar.Values[t].X.Equals(vector.Values[t].X), $"batch {batch}, round {round}, bucket {t}: x");
                    Assert.True(scalar.Values[t].Y.Equals(vector.Values[t].Y), $"batch {batch}, round {round}, bucket {t}: y");
                    Assert.True(scalar.Values[t].ToAffine().IsOnCurve(), $"bucket {t} left the curve");
                }
            }
        }
        if (batch >= 8)
        {
            Assert.True(tangents > 0 && cancellations > 0, "the special cases were not reached");
        }
    }

    public static TheoryData<int> Sizes => new([100, 1000, 5000, 20000]);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Msm_results_equal_the_scalar_path_and_the_oracle(int n)
    {
        G1TestSet set = G1TestSet.Random(n, seed: 100 + n);
        Fr[] scalars = TestScalars.Random(n, seed: 200 + n);
        G1Jacobian expected = set.Expected(scalars);
        foreach (G1BucketMode mode in new[] { G1BucketMode.BatchAffine, G1BucketMode.Auto })
        {
            var vector = new MsmSettings { StrausThreshold = 0, G1Buckets = mode, VectorisedField = true };
            G1Jacobian fromVector = G1Pippenger.MultiScalarMul(set.Points, scalars, vector);
            G1Jacobian fromScalar = G1Pippenger.MultiScalarMul(set.Points, scalars, vector with { VectorisedField = false });
            Assert.True(expected == fromScalar, $"n = {n}, {mode}: the scalar path");
            Assert.True(expected == fromVector, $"n = {n}, {mode}: the vector path");
            Assert.Equal(fromScalar.ToAffine(), fromVector.ToAffine());
        }
    }

    [Fact]
    public void Special_inputs_give_the_scalar_result()
    {
        // Repeated bases, negations and points at infinity, few distinct scalars and zero scalars, small batches
        // (conflicts, retries, the Jacobian overflow) and a dense window (the segmented affine reduction).
        const int n = 3000;
        G1TestSet set = G1TestSet.Adversarial(n, seed: 21);
        Fr[] scalars = TestScalars.FewDistinct(n, seed: 22);
        for (int i = 0; i < n; i += 7)
        {
            scalars[i] = Fr.Zero;
        }
        G1Jacobian expected = set.Expected(scalars);
        MsmSettings[] variants =
        [
            new() { StrausThreshold = 0, G1Buckets = G1BucketMode.BatchAffine },
            new() { StrausThreshold = 0, G1Buckets = G1BucketMode.BatchAffine, BatchSize = 11, ReductionSegments = 3 },
            new() { WindowBits = 8, G1Buckets = G1BucketMode.BatchAffine, ReductionSegments = 16 },
        ];
        foreach (MsmSettings settings in variants)
        {
            G1Jacobian fromVector = G1Pippenger.MultiScalarMul(set.Points, scalars, settings);
            G1Jacobian fromScalar = G1Pippenger.MultiScalarMul(set.Points, scalars, settings with { VectorisedField = false });
            Assert.True(expected == fromVector, settings.ToString());
            Assert.Equal(fromScalar.ToAffine(), fromVector.ToAffine());
        }
    }
}

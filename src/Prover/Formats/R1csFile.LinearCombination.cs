// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Formats;

public sealed partial class R1csFile
{
    /// <summary>One R1CS constraint: ⟨A, w⟩ · ⟨B, w⟩ = ⟨C, w⟩.</summary>
    public readonly record struct Constraint(LinearCombination A, LinearCombination B, LinearCombination C);

    /// <summary>
    /// A sparse linear combination Σ coefficient·w[wire], a view into the file's term arrays (no copy).
    /// Terms are in file order; circom writes them sorted by wire with no repeats, but nothing here relies on it.
    /// </summary>
    public readonly struct LinearCombination
    {
        private readonly uint[] wires;
        private readonly Fr[] coefficients;
        private readonly int start;

        internal LinearCombination(uint[] wires, Fr[] coefficients, int start, int count)
        {
            this.wires = wires;
            this.coefficients = coefficients;
            this.start = start;
            Count = count;
        }

        /// <summary>Number of terms (0 for the empty combination).</summary>
        public int Count { get; }

        /// <summary>Wire ids of the terms, each below the circuit's wire count.</summary>
        public ReadOnlySpan<uint> Wires => wires.AsSpan(start, Count);

        /// <summary>Coefficients of the terms, in the same order as <see cref="Wires"/>.</summary>
        public ReadOnlySpan<Fr> Coefficients => coefficients.AsSpan(start, Count);

        /// <summary>⟨this, w⟩ for a full witness <paramref name="witness"/>.</summary>
        public Fr Evaluate(ReadOnlySpan<Fr> witness)
        {
            ReadOnlySpan<uint> ws = Wires;
            ReadOnlySpan<Fr> cs = Coefficients;
            Fr sum = Fr.Zero;
            for (int i = 0; i < ws.Length; i++)
            {
                Fr.Mul(in cs[i], in witness[(int)ws[i]], out Fr term);
                sum += term;
            }
            return sum;
        }
    }
}

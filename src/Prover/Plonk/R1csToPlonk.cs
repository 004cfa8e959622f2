// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Constraints.V1;
using ZkOptions.Prover.Formats;

namespace ZkOptions.Prover.Plonk;

/// <summary>One term c·w[Wire] of an R1CS linear combination.</summary>
public readonly record struct LinearTerm(uint Wire, Fr Coefficient);

/// <summary>One R1CS constraint A·B = C.</summary>
public sealed record R1csConstraint(IReadOnlyList<LinearTerm> A, IReadOnlyList<LinearTerm> B, IReadOnlyList<LinearTerm> C);

/// <summary>
/// snarkjs's R1CS → PLONK conversion (src/plonk_setup.js processConstraints), reproduced step for step so that
/// `zkoptions setup` writes the same gates, in the same order, with the same internal wires as `snarkjs plonk setup`:
/// first one gate per public signal, then per constraint a sum gate (when A or B is zero or constant) or a
/// multiplication gate, splitting linear combinations that are too long into addition wires. Linear combinations are
/// walked in ascending wire order (JavaScript enumerates integer object keys that way) and a repeated wire keeps its
/// last coefficient, as the JS object it is read into does.
/// </summary>
public static class R1csToPlonk
{
    /// <summary>Converts the constraints of a circuit with <paramref name="nVars"/> wires and <paramref name="nPublic"/> public signals.</summary>
    public static PlonkCircuit Convert(int nVars, int nPublic, IEnumerable<R1csConstraint> constraints)
    {
        var state = new State(nVars);
        for (uint s = 1; s <= (uint)nPublic; s++)
        {
            state.Gates.Add(new PlonkGate(s, 0, 0, Fr.Zero, Fr.One, Fr.Zero, Fr.Zero, Fr.Zero));
        }
        foreach (var constraint in constraints)
        {
            state.Process(Normalize(constraint.A), Normalize(constraint.B), Normalize(constraint.C));
        }
        return new PlonkCircuit(state.Gates, state.Additions, state.NVars, nPublic);
    }

    /// <summary>The largest evaluation domain, 2^28: the two-adicity of BN254's scalar field.</summary>
    public const int MaxDomainPower = 28;

    /// <summary>Converts a circom .r1cs (public signals are its outputs and public inputs).</summary>
    public static PlonkCircuit Convert(R1csFile r1cs)
    {
        if (r1cs.UsesCustomGates)
        {
            throw new InputFileException(r1cs.Path, "uses circom custom gates, which PLONK setup does not support");
        }
        // One gate per public signal comes before any constraint, and a public wire that no constraint uses costs no
        // bytes in the file: check the count against BN254's largest domain before building gates for it.
        if ((long)r1cs.PublicCount + r1cs.ConstraintCount > 1L << MaxDomainPower)
        {
            throw new InputFileException(r1cs.Path, $"declares {r1cs.PublicCount} public signals and {r1cs.ConstraintCount} constraints, " +
                                                    $"more PLONK gates than 2^{MaxDomainPower}, the largest domain BN254 supports");
        }
        return Convert(r1cs.WireCount, r1cs.PublicCount, Enumerable.Range(0, r1cs.ConstraintCount).Select(i =>
        {
            var c = r1cs.GetConstraint(i);
            return new R1csConstraint(Terms(c.A), Terms(c.B), Terms(c.C));
        }));

        static LinearTerm[] Terms(R1csFile.LinearCombination lc)
        {
            var terms = new LinearTerm[lc.Count];
            for (int i = 0; i < terms.Length; i++)
            {
                terms[i] = new LinearTerm(lc.Wires[i], lc.Coefficients[i]);
            }
            return terms;
        }
    }

    /// <summary>Sorted by wire, last coefficient wins for a repeated wire.</summary>
    private static SortedDictionary<uint, Fr> Normalize(IReadOnlyList<LinearTerm> lc)
    {
        var result = new SortedDictionary<uint, Fr>();
        foreach (var term in lc)
        {
            result[term.Wire] = term.Coefficient;
        }
        return result;
    }

    private enum Kind { Zero, Constant, Variable }

    private sealed class State(int nVars)
    {
        public List<PlonkGate> Gates { get; } = [];
        public List<PlonkAddition> Additions { get; } = [];
        public int NVars { get; private set; } = nVars;

        public void Process(SortedDictionary<uint, Fr> a, SortedDictionary<uint, Fr> b, SortedDictionary<uint, Fr> c)
        {
            Kind ka = KindOf(a), kb = KindOf(b);
            if (ka == Kind.Zero || kb == Kind.Zero)
            {
                AddSum(c);
            }
            else if (ka == Kind.Constant)
            {
                AddSum(Join(b, a[0], c));
            }
            else if (kb == Kind.Constant)
            {
                AddSum(Join(a, b[0], c));
            }
            else
            {
                AddMul(a, b, c);
            }
        }

        // snarkjs compares coefficients to zero by object identity, which never matches, so only the presence of
        // wire 0 (the constant) decides "constant", whatever its value.
        private static Kind KindOf(SortedDictionary<uint, Fr> lc)
        {
            bool hasVariable = lc.Keys.Any(w => w != 0);
            return hasVariable ? Kind.Variable : lc.ContainsKey(0) ? Kind.Constant : Kind.Zero;
        }

        /// <summary>k·lc1 − lc2 (zero results are kept, as in snarkjs).</summary>
        private static SortedDictionary<uint, Fr> Join(SortedDictionary<uint, Fr> lc1, Fr k, SortedDictionary<uint, Fr> lc2)
        {
            var result = new SortedDictionary<uint, Fr>();
            foreach (var (w, c) in lc1)
            {
                result[w] = result.TryGetValue(w, out Fr prev) ? prev + k * c : k * c;
            }
            foreach (var (w, c) in lc2)
            {
                result[w] = result.TryGetValue(w, out Fr prev) ? prev - c : -c;
            }
            return result;
        }

        /// <summary>Splits lc into at most maxTerms (wire, coefficient) pairs plus a constant, adding addition wires as needed.</summary>
        private (Fr K, uint[] Wires, Fr[] Coefficients) Reduce(SortedDictionary<uint, Fr> lc, int maxTerms)
        {
            Fr k = Fr.Zero;
            var terms = new LinkedList<(uint Wire, Fr Coefficient)>();
            foreach (var (w, c) in lc)
            {
                if (w == 0)
                {
                    k += c;
                }
                else
                {
                    terms.AddLast((w, c));
                }
            }
            while (terms.Count > maxTerms)
            {
                var t1 = terms.First!.Value;
                terms.RemoveFirst();
                var t2 = terms.First!.Value;
                terms.RemoveFirst();
                uint so = (uint)NVars++;
                Gates.Add(new PlonkGate(t1.Wire, t2.Wire, so, Fr.Zero, -t1.Coefficient, -t2.Coefficient, Fr.One, Fr.Zero));
                Additions.Add(new PlonkAddition(t1.Wire, t2.Wire, t1.Coefficient, t2.Coefficient));
                terms.AddLast((so, Fr.One));
            }
            var wires = new uint[maxTerms];
            var coefficients = new Fr[maxTerms];
            int i = 0;
            foreach (var (w, c) in terms)
            {
                wires[i] = w;
                coefficients[i++] = c;
            }
            return (k, wires, coefficients);
        }

        private void AddSum(SortedDictionary<uint, Fr> lc)
        {
            var (k, s, c) = Reduce(lc, 3);
            Gates.Add(new PlonkGate(s[0], s[1], s[2], Fr.Zero, c[0], c[1], c[2], k));
        }

        private void AddMul(SortedDictionary<uint, Fr> lcA, SortedDictionary<uint, Fr> lcB, SortedDictionary<uint, Fr> lcC)
        {
            var a = Reduce(lcA, 1);
            var b = Reduce(lcB, 1);
            var c = Reduce(lcC, 1);
            Gates.Add(new PlonkGate(
                a.Wires[0], b.Wires[0], c.Wires[0],
                a.Coefficients[0] * b.Coefficients[0],
                a.Coefficients[0] * b.K,
                a.K * b.Coefficients[0],
                -c.Coefficients[0],
                a.K * b.K - c.K));
        }
    }
}

// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Compiler;
using ZkOptions.Constraints;
using ZkOptions.Constraints.V2;
using ZkOptions.Field;

namespace ZkOptions.Circuit.Checking;

/// <summary>
/// Evaluates every gate on a witness and reports the ones that fail, each with its origin (scope, C# file:line,
/// operation) and the values of its operands written in terms of the circuit's variables, as halo2's MockProver does.
/// An operation that spans several gates is reported once, at its first failing gate.
/// </summary>
public static class ConstraintChecker
{
    private const int MaxText = 160;

    /// <summary>The failures, at most <paramref name="maxFailures"/> of them, in gate order.</summary>
    public static IReadOnlyList<ConstraintFailure> Check(CompiledCircuit circuit, ReadOnlySpan<Fr> witness, int maxFailures = 100)
    {
        if (witness.Length != circuit.WireCount)
        {
            throw new ArgumentException($"the witness has {witness.Length} values, the circuit {circuit.WireCount} wires", nameof(witness));
        }
        var failures = new List<ConstraintFailure>();
        var reported = new HashSet<ConstraintOrigin>(ReferenceEqualityComparer.Instance);
        if (circuit.System == ProofSystem.V2)
        {
            CheckRows(circuit, witness, maxFailures, failures, reported);
            return failures;
        }
        var gates = circuit.Gates;
        for (int i = circuit.PublicCount; i < gates.Count && failures.Count < maxFailures; i++)
        {
            var g = gates[i];
            Fr a = witness[(int)g.A], b = witness[(int)g.B], c = witness[(int)g.C];
            Fr value = g.Qm * a * b + g.Ql * a + g.Qr * b + g.Qo * c + g.Qc;
            if (value.IsZero)
            {
                continue;
            }
            var origin = circuit.OriginOf(i);
            if (reported.Add(origin))
            {
                failures.Add(new ConstraintFailure(origin, i, Describe(circuit, origin, witness)));
            }
        }
        return failures;
    }

    /// <summary>
    /// v2: every row's gate and lookup. Range checks are laid out after the rest (their table is sized once the
    /// circuit's rows are known), so failures are put back in the order of the API calls that made them: the first
    /// one reported is the first rule the witness breaks, as in v1.
    /// </summary>
    private static void CheckRows(CompiledCircuit circuit, ReadOnlySpan<Fr> witness, int maxFailures,
                                  List<ConstraintFailure> failures, HashSet<ConstraintOrigin> reported)
    {
        var wide = circuit.ToWideCircuit();
        Span<Fr> cells = stackalloc Fr[WideLayout.Width];
        Span<Fr> next = stackalloc Fr[WideLayout.Width];
        Span<Fr> coefficients = stackalloc Fr[WideLayout.CoefficientCount];
        Span<Fr> residuals = stackalloc Fr[WideGates.MaxResiduals];
        var found = new List<(int Order, ConstraintFailure Failure)>();
        for (int r = circuit.PublicCount; r < wide.Rows.Count; r++)
        {
            var row = wide.Rows[r];
            string? problem = null;
            if (wide.LookupMiss(r, witness) is var (value, _))
            {
                problem = $"lookup: {FieldText.Signed(value)} is not in table {wide.Tables[row.Lookup - 1].Name}";
            }
            if (problem is null && !wide.RowHolds(r, witness, cells, next, coefficients, residuals))
            {
                problem = $"{WideGates.Of(row.Gate).Name} gate";
            }
            if (problem is null)
            {
                continue;
            }
            var origin = circuit.OriginOf(r);
            if (reported.Add(origin))
            {
                string values = Describe(circuit, origin, witness);
                found.Add((circuit.OriginIndexOf(r), new ConstraintFailure(origin, r, values.Length == 0 ? problem : $"{problem}, {values}")));
            }
        }
        failures.AddRange(found.OrderBy(f => f.Order).Take(maxFailures).Select(f => f.Failure));
    }

    /// <summary>"a = x + 2·w7 = 12, b = y = 11".</summary>
    internal static string Describe(CompiledCircuit circuit, ConstraintOrigin origin, ReadOnlySpan<Fr> witness)
    {
        var parts = new List<string>();
        foreach (var operand in origin.Operands)
        {
            string value = FieldText.Signed(operand.Value.Evaluate(witness));
            if (operand.Value.IsConstant)
            {
                parts.Add($"{operand.Label} = {value}");
                continue;
            }
            string text = operand.Value.Format(circuit.WireName);
            if (text.Length > MaxText)
            {
                text = text[..MaxText] + " …";
            }
            parts.Add(text == operand.Label ? $"{operand.Label} = {value}" : $"{operand.Label} = {text} = {value}");
        }
        return string.Join(", ", parts);
    }
}

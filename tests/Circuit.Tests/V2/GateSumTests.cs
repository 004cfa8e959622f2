// SPDX-License-Identifier: MIT
using ZkOptions.Constraints.V2;
using ZkOptions.Field;

namespace ZkOptions.Circuit.Tests.V2;

/// <summary>
/// The prover's quotient sums the gates through <see cref="GateSum{T}"/>, which shares the Poseidon S-box layer across
/// widths and folds each MDS mix with the separator: on random rows (values off H, as on the quotient's coset) it
/// must equal Σ_g q_g·Σⱼ sʲ·r_(g,j) read gate by gate from <see cref="IWideGate.Residuals"/>, for any set of used gates.
/// </summary>
public sealed class GateSumTests
{
    public static TheoryData<int> UsedSets() => [.. Enumerable.Range(0, 12)];

    [Theory]
    [MemberData(nameof(UsedSets))]
    public void Equals_the_residuals_combined_gate_by_gate(int seed)
    {
        var rng = new Random(seed);
        var gates = WideGates.All;
        // Seed 0 uses every gate, seed 1 only the Poseidon rounds, the rest a random subset.
        bool[] used = [.. gates.Select(g => seed switch
        {
            0 => true,
            1 => g.Name.StartsWith("poseidon round", StringComparison.Ordinal),
            _ => rng.Next(2) == 1,
        })];
        Fr separator = Fr.Random(rng);
        var sum = new GateSum<Fr>(used, separator);
        for (int trial = 0; trial < 20; trial++)
        {
            Fr[] cells = Values(rng, WideLayout.Width), next = Values(rng, WideLayout.Width);
            Fr[] coefficients = Values(rng, WideLayout.CoefficientCount), selectors = Values(rng, gates.Count);
            var row = new RowValues<Fr>(cells, next, coefficients);
            Fr expected = Fr.Zero;
            for (int g = 0; g < gates.Count; g++)
            {
                if (!used[g])
                {
                    continue;
                }
                var residuals = new Fr[gates[g].ResidualCount];
                gates[g].Residuals(row, residuals);
                Fr combined = Fr.Zero, power = Fr.One;
                foreach (var r in residuals)
                {
                    combined += power * r;
                    power *= separator;
                }
                expected += selectors[g] * combined;
            }
            Assert.Equal(expected, sum.Evaluate(row, selectors));
        }
    }

    [Fact]
    public void A_changed_next_row_value_changes_the_sum_of_every_poseidon_width()
    {
        // Guards the running Σ sⁱ·nextᵢ: lane 4 of the next row is read by the t = 5 gate only.
        var rng = new Random(7);
        var gates = WideGates.All;
        int t5 = gates.ToList().FindIndex(g => g.Kind == GateKind.PoseidonRoundT5);
        bool[] only5 = [.. gates.Select((_, g) => g == t5)];
        var sum = new GateSum<Fr>(only5, Fr.Random(rng));
        Fr[] cells = Values(rng, 5), next = Values(rng, 5), coefficients = Values(rng, WideLayout.CoefficientCount);
        Fr[] selectors = Values(rng, gates.Count);
        Fr before = sum.Evaluate(new RowValues<Fr>(cells, next, coefficients), selectors);
        next[4] += Fr.One;
        Assert.NotEqual(before, sum.Evaluate(new RowValues<Fr>(cells, next, coefficients), selectors));
    }

    private static Fr[] Values(Random rng, int count) => [.. Enumerable.Range(0, count).Select(_ => Fr.Random(rng))];
}

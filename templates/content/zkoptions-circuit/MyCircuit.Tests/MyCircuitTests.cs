using ZkOptions.Circuit;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Testing;
using ZkOptions.Field;

namespace MyCircuit.Tests;

public class MyCircuitTests
{
    /// <summary>input.json, the input the README proves.</summary>
    private static InputAssignment InputFile() => InputAssignment.ReadFile(Path.Combine(AppContext.BaseDirectory, "input.json"));

    private static InputAssignment Input(string notional, string maxPrice, string price, string quantity) =>
        new InputAssignment("test input")
            .Set("notional", Fr.Parse(notional)).Set("maxPrice", Fr.Parse(maxPrice))
            .Set("price", Fr.Parse(price)).Set("quantity", Fr.Parse(quantity));

    [Fact]
    public void The_input_file_satisfies_the_circuit()
    {
        // The test engine runs Define on the values directly: no compilation, each assertion checked as it is made.
        TestEngine.Run(new MyCircuit(), InputFile());
    }

    [Fact]
    public void A_wrong_notional_is_reported_at_the_line_that_states_the_rule()
    {
        var failure = TestEngine.FirstFailure(new MyCircuit(), Input("10001", "3000", "2500", "4"));

        Assert.NotNull(failure);
        Assert.Equal("notional", failure.Origin.Scope);
        AssertPointsAt(failure, "api.AssertEqual(api.Mul(Price, Quantity), Notional)");
    }

    [Fact]
    public void A_price_above_the_limit_is_reported_at_the_line_that_states_the_rule()
    {
        var failure = TestEngine.FirstFailure(new MyCircuit(), Input("12004", "3000", "3001", "4"));

        Assert.NotNull(failure);
        AssertPointsAt(failure, "api.AssertLessOrEqual(price, api.RangeCheck(MaxPrice, 32))");
    }

    [Fact]
    public void A_quantity_that_wraps_around_the_field_fails_its_range_check()
    {
        // price · quantity = notional holds mod r for quantity = notional / price, a 254-bit number: only the range
        // check stops it.
        var quantity = Fr.FromUInt64(10000) / Fr.FromUInt64(3);
        var failure = TestEngine.FirstFailure(new MyCircuit(), Input("10000", "3000", "3", quantity.ToString()));

        Assert.NotNull(failure);
        AssertPointsAt(failure, "api.RangeCheck(Quantity, 32)");
    }

    [Fact]
    public void It_proves_and_the_proof_verifies()
    {
        var cs = Plonk.Compile(new MyCircuit());
        var (pk, vk) = Plonk.Setup(cs, Srs.InsecureDev(seed: 1));   // development only: Srs.FromPtau for real keys
        using (pk)
        {
            var proof = Plonk.Prove(cs, pk, new MyCircuit { Notional = 10000, MaxPrice = 3000, Price = 2500, Quantity = 4 });

            Assert.True(Plonk.Verify(vk, proof, proof.PublicSignals));
            Assert.False(Plonk.Verify(vk, proof, [Fr.FromUInt64(10001), Fr.FromUInt64(3000)]));
        }
    }

    /// <summary>The failure names MyCircuit.cs and the line of <paramref name="code"/> there.</summary>
    private static void AssertPointsAt(ConstraintFailure failure, string code)
    {
        Assert.Equal("MyCircuit.cs", Path.GetFileName(failure.Origin.File));
        string line = File.ReadLines(failure.Origin.File).ElementAt(failure.Origin.Line - 1);
        Assert.Contains(code, line);
    }
}

// SPDX-License-Identifier: MIT
using ZkOptions.Circuit.Std;
using ZkOptions.Circuit.Solving;
using ZkOptions.Circuit.Tests.Support;
using static ZkOptions.Circuit.Tests.Support.CircuitAssert;

namespace ZkOptions.Circuit.Tests.Std;

public sealed class MultiplexerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(16)]
    public void SelectsEveryEntryAndRejectsOutOfRange(int n)
    {
        long[] table = Enumerable.Range(0, n).Select(i => 100L + 7 * i).ToArray();
        var create = C(n + 2, (api, x) => api.AssertEqual(Multiplexer.Select(api, x[0], x[2..]), x[1]));
        for (int i = 0; i < n; i++)
        {
            Satisfied(create, Inputs(("x", (long[])[i, table[i], .. table])));
            Fails(create, Inputs(("x", (long[])[i, table[i] + 1, .. table])), "assert a == b");
        }
        Fails(create, Inputs(("x", (long[])[n, table[0], .. table])), "mux");
    }

    [Fact]
    public void SelectsRowsOfConstants()
    {
        var rows = new[] { new Variable[] { 1, 2, 3 }, new Variable[] { 4, 5, 6 }, new Variable[] { 7, 8, 9 } };
        var create = C(2, (api, x) => api.AssertEqual(Multiplexer.SelectRow(api, x[0], rows)[2], x[1]));
        Satisfied(create, Inputs(("x", new long[] { 2, 9 })));
        Fails(create, Inputs(("x", new long[] { 1, 9 })), "assert a == b");
        Fails(create, Inputs(("x", new long[] { 3, 9 })), "mux row");
    }
}

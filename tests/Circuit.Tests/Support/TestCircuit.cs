// SPDX-License-Identifier: MIT
namespace ZkOptions.Circuit.Tests.Support;

/// <summary>A circuit whose rules are a lambda over n secret inputs named "x" (x[0], x[1], …), for unit tests of the API.</summary>
public sealed class TestCircuit(int n, Action<Api, Variable[]> body) : Circuit
{
    [Secret("x")] public Variable[] X = new Variable[n];

    public override void Define(Api api) => body(api, X);
}

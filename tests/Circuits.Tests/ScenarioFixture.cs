// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Simulation;

namespace ZkOptions.Circuits.Tests;

/// <summary>One run of the built-in scenario, shared by the circuit tests.</summary>
public sealed class ScenarioFixture
{
    public ScenarioFixture()
    {
        Simulator = new Simulator(new ScenarioSettings());
        Batches = Simulator.Run();
    }

    public Simulator Simulator { get; }

    public IReadOnlyList<Batch> Batches { get; }

    public ExchangeParameters Parameters => Simulator.Parameters;
}

[CollectionDefinition(Name)]
public sealed class ScenarioCollection : ICollectionFixture<ScenarioFixture>
{
    public const string Name = "built-in scenario";
}

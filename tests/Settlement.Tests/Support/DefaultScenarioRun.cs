// SPDX-License-Identifier: MIT
using ZkOptions.Settlement.Batches;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Simulation;

namespace ZkOptions.Settlement.Tests.Support;

/// <summary>One run of the built-in scenario (about 2 s), shared by the test classes of <see cref="DefaultScenarioCollection"/>.</summary>
public sealed class DefaultScenarioRun
{
    private readonly Lazy<IReadOnlyList<(Batch Original, string Json, Batch Read)>> readBack;

    public DefaultScenarioRun()
    {
        Simulator = new Simulator(new ScenarioSettings());
        Batches = Simulator.Run();
        readBack = new(() => Batches.Select(b =>
        {
            string json = BatchJson.Write(b, Parameters).ToJsonString();
            return (b, json, BatchJson.Read(System.Text.Json.Nodes.JsonNode.Parse(json)!, Parameters, $"batch-{b.Number}.json"));
        }).ToArray());
    }

    /// <summary>Every batch, its file text, and the batch <see cref="BatchJson.Read"/> makes of that text.</summary>
    public IReadOnlyList<(Batch Original, string Json, Batch Read)> ReadBack => readBack.Value;

    public Simulator Simulator { get; }

    public IReadOnlyList<Batch> Batches { get; }

    public ExchangeParameters Parameters => Simulator.Parameters;
}

/// <summary>The test classes that share one <see cref="DefaultScenarioRun"/>.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultScenarioCollection : ICollectionFixture<DefaultScenarioRun>
{
    public const string Name = "default scenario run";
}

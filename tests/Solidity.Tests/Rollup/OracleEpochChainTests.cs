// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Field;
using ZkOptions.Field.Hashing;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// Issue 18, oracle epochs: a batch must list every epoch commitment it applies, each registered, and public input 5
/// must be their chain from this rollup's domain Poseidon(chainid, address). Before, only the last epoch of a batch
/// was checked, so a batch could pass through an unpublished epoch, and the commitment was not bound to the chain or
/// the rollup.
/// </summary>
public sealed class OracleEpochChainTests(RollupFixture fixture) : IClassFixture<RollupFixture>
{
    private const long AnvilChainId = 31337;

    [Fact]
    public async Task TheOracleDomainIsPoseidonOfTheChainIdAndTheRollupsAddress()
    {
        var s = await RollupScenario.StartAsync(fixture);
        BigInteger expected = Poseidon.Hash(Fr.FromUInt64(AnvilChainId), Fr.FromBigInteger(RollupDeployment.AddressValue(s.Rollup.Rollup))).ToBigInteger();
        Assert.Equal(expected, await s.Rollup.OracleDomainAsync());
        Assert.Equal(expected, RollupDeployment.OracleDomain(AnvilChainId, s.Rollup.Rollup));
        var other = await RollupScenario.StartAsync(fixture);
        Assert.NotEqual(expected, await other.Rollup.OracleDomainAsync());
    }

    [Fact]
    public async Task ABatchWithTwoEpochsOfWhichOnlyTheLastIsRegisteredIsRefused()
    {
        var s = await RollupScenario.StartAsync(fixture);
        BigInteger unpublished = 0xE1, published = 0xE2;
        await s.Rollup.RegisterOracleCommitmentAsync(published);
        BigInteger[] epochs = [unpublished, published];
        BigInteger[] publics = await s.PublicInputsAsync(777, 0, [], epochs);
        await Reverts.WithAsync("UnregisteredOracleCommitment()",
            () => s.Rollup.SubmitBatchAsync(publics, 0, epochs, [], fixture.Prover.Prove(publics)));

        // Listing only the registered one does not match a chain over both.
        await Reverts.WithAsync("EpochChainMismatch()",
            () => s.Rollup.SubmitBatchAsync(publics, 0, [published], [], fixture.Prover.Prove(publics)));

        // Once the first is registered too, the same batch goes in.
        await s.Rollup.RegisterOracleCommitmentAsync(unpublished);
        await s.SubmitAsync(publics, 0, [], epochs);
        Assert.Equal(new BigInteger(777), await s.Rollup.StateRootAsync());
    }

    [Fact]
    public async Task AChainOverTheRightEpochsFromAnotherDeploymentsDomainIsRefused()
    {
        var s = await RollupScenario.StartAsync(fixture);
        var other = await RollupScenario.StartAsync(fixture);
        BigInteger epoch = 0xE1;
        await s.Rollup.RegisterOracleCommitmentAsync(epoch);
        await other.Rollup.RegisterOracleCommitmentAsync(epoch);

        // A batch proved for the other rollup (its domain starts the chain) is refused here.
        BigInteger[] publics = await s.PublicInputsAsync(778, 0, [], [epoch]);
        publics[5] = RollupDeployment.EpochChain(await other.Rollup.OracleDomainAsync(), [epoch]);
        await Reverts.WithAsync("EpochChainMismatch()",
            () => s.Rollup.SubmitBatchAsync(publics, 0, [epoch], [], fixture.Prover.Prove(publics)));
        Assert.Equal(s.Rollup.Settings.GenesisStateRoot, await s.Rollup.StateRootAsync());

        // The same public inputs are accepted by the rollup whose domain they carry.
        await other.SubmitAsync(publics, 0, [], [epoch]);
        Assert.Equal(new BigInteger(778), await other.Rollup.StateRootAsync());
    }
}

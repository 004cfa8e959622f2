// SPDX-License-Identifier: MIT
namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>The CREATE-address prediction the end-to-end tests rely on to name the rollup before deploying it.</summary>
public sealed class ContractAddressTests(RollupFixture fixture) : IClassFixture<RollupFixture>
{
    [Fact]
    public void KnownVectorsMatch()
    {
        // Anvil account 0's first creations (the addresses every Hardhat/anvil user has seen).
        Assert.Equal("0x5FbDB2315678afecb367f032d93F642f64180aa3", ContractAddress.Of("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", 0));
        Assert.Equal("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", ContractAddress.Of("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", 1));
    }

    [Fact]
    public async Task ThePredictedRollupAddressIsWhereTheRollupLands()
    {
        string deployer = fixture.Account(0);
        // The deployment sends the token first, then the rollup.
        ulong nonce = await ContractAddress.NonceAsync(fixture.Rpc, deployer);
        RollupDeployment rollup = await fixture.DeployRollupAsync();
        Assert.Equal(ContractAddress.Of(deployer, nonce + 1), rollup.Rollup, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(RollupDeployment.OracleDomain(31337, ContractAddress.Of(deployer, nonce + 1)), await rollup.OracleDomainAsync());
    }
}

// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Evm.Harness;
using ZkOptions.Field;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.Solidity;
using ZkOptions.Prover.Solidity.Abi;
using ZkOptions.Prover.Tests.Support;

namespace ZkOptions.Solidity.Tests.Verifier;

/// <summary>
/// The generated verifier and the C# verifier both reject a proof with any commitment at infinity ((0, 0) in
/// calldata). The proofs are forged under a known τ (<see cref="KnownTauProofForger"/>), so the point at infinity is
/// the only thing wrong with them: a test double of the contract whose on-curve test also admits (0, 0) accepts each
/// forgeable one, which shows the real contract's on-curve test is what rejects it, and that C# and Solidity agree.
/// </summary>
public sealed class InfinityCommitmentTests : IDisposable
{
    private const string OnCurveTest = "ok := and(and(lt(x, q), lt(y, q)), eq(mulmod(y, y, q), addmod(mulmod(x, mulmod(x, x, q), q), 3, q)))";
    private static readonly Fr Tau = Fr.FromUInt64(0x501_7a0);
    private static readonly Fr[] Publics = [Fr.FromUInt64(11), Fr.FromUInt64(12)];

    private readonly AnvilNode node = AnvilNode.Start();

    public void Dispose() => node.Dispose();

    [Fact]
    public async Task A_commitment_at_infinity_is_rejected_by_the_contract_and_by_csharp()
    {
        // One node and two compilations for all nine commitments: solc is the slow part.
        var rng = new Random(4);
        var vk = KnownTauProofForger.Key(Tau, Publics.Length, power: 3, rng);
        string source = PlonkSolidityVerifier.Generate(vk);
        Assert.Contains(OnCurveTest, source);
        string admitsInfinity = source.Replace(OnCurveTest, "ok := or(and(iszero(x), iszero(y)), " + OnCurveTest[6..] + ")");
        string real = await DeployAsync(source), @double = await DeployAsync(admitsInfinity);

        PlonkProof finite = KnownTauProofForger.Forge(vk, Tau, Publics, infinity: null, rng);
        Assert.True(await VerifyAsync(real, finite), "the contract rejects the finite forgery (the forger is wrong)");
        Assert.True(PlonkVerifier.Verify(vk, finite, Publics));

        var wrong = new List<string>();
        foreach (string commitment in KnownTauProofForger.Commitments)
        {
            PlonkProof atInfinity = KnownTauProofForger.Forge(vk, Tau, Publics, commitment, rng);
            if (await VerifyAsync(real, atInfinity))
            {
                wrong.Add($"the contract accepts {commitment} at infinity");
            }
            if (PlonkVerifier.Verify(vk, atInfinity, Publics))
            {
                wrong.Add($"the C# verifier accepts {commitment} at infinity");
            }
            if (KnownTauProofForger.CanForgeAtInfinity(commitment) && !await VerifyAsync(@double, atInfinity))
            {
                wrong.Add($"the double rejects {commitment} at infinity, so the test would not notice a missing rule");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    private async Task<string> DeployAsync(string source)
    {
        var contract = new SolidityCompiler().Compile("PlonkVerifier.sol", source).Contract("PlonkVerifier");
        return (await node.Rpc.DeployAsync(contract.CreationBytecode)).Address;
    }

    private async Task<bool> VerifyAsync(string address, PlonkProof proof)
    {
        BigInteger[] words = PlonkCalldata.ProofWords(proof);
        Assert.Equal(24, words.Length);
        byte[] calldata = AbiEncoder.EncodeCall(PlonkCalldata.VerifyProofSignature(Publics.Length), words, PlonkCalldata.PublicWords(Publics));
        return (bool)AbiDecoder.DecodeSingle(AbiType.Bool, await node.Rpc.CallAsync(address, calldata))!;
    }
}

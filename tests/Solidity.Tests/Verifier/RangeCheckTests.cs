// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.RegularExpressions;
using ZkOptions.Evm.Harness;
using ZkOptions.Field;
using ZkOptions.Prover.Solidity;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Solidity.Tests.Verifier;

/// <summary>
/// The range checks (every evaluation and public signal &lt; r) are load-bearing, not decoration. In the real contract
/// a word + r also changes the Keccak transcript, so such a proof fails anyway and cannot show that the check works.
/// A malicious prover, though, can hash the unreduced word and get a proof that passes everything but the range check.
/// That is the classic malleability that lets a contract reading pubSignals accept x + r as if it were x. This test
/// builds that situation with a test double: the generated source, patched so that the transcript hashes every
/// evaluation and public signal reduced mod r. The double must reject each word + r while it has the checks, and it
/// must accept them once the checks are removed. Both halves are needed to prove the checks do the rejecting.
/// </summary>
public sealed partial class RangeCheckTests(VerifierFixture fixture) : IClassFixture<VerifierFixture>
{
    private EthRpcClient Rpc => fixture.Rpc;

    [Theory]
    [MemberData(nameof(VerifierFixture.Circuits), MemberType = typeof(VerifierFixture))]
    public async Task EachEvaluationAndPublicSignalPlusRIsRejectedOnlyByItsRangeCheck(string circuit)
    {
        var v = fixture[circuit];
        string reducing = TranscriptReducesModR(v.Source, v.Key.NPublic);
        string unchecked_ = RangeCheck().Replace(reducing, "");
        Assert.NotEqual(reducing, unchecked_);
        string withChecks = await DeployAsync(reducing), withoutChecks = await DeployAsync(unchecked_);

        BigInteger[] proof = PlonkCalldata.ProofWords(v.ZkoptionsProof);
        BigInteger[] publics = PlonkCalldata.PublicWords(v.PublicSignals);
        Assert.True(await VerifyAsync(withChecks, v, proof, publics), "the test double rejects a valid proof");

        var wrong = new List<string>();
        for (int i = 0; i < 6 + publics.Length; i++)
        {
            var p = (BigInteger[])proof.Clone();
            var s = (BigInteger[])publics.Clone();
            string label;
            if (i < 6)
            {
                p[18 + i] += Fr.Modulus;
                label = $"evaluation {i} + r";
            }
            else
            {
                s[i - 6] += Fr.Modulus;
                label = $"public signal {i - 6} + r";
            }
            if (await VerifyAsync(withChecks, v, p, s))
            {
                wrong.Add($"{label} accepted with the range checks");
            }
            if (!await VerifyAsync(withoutChecks, v, p, s))
            {
                wrong.Add($"{label} rejected without the range checks (so the test would not notice a missing check)");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    private async Task<string> DeployAsync(string source)
    {
        var contract = new SolidityCompiler().Compile("PlonkVerifier.sol", source).Contract("PlonkVerifier");
        return (await Rpc.DeployAsync(contract.CreationBytecode)).Address;
    }

    private async Task<bool> VerifyAsync(string address, DeployedVerifier v, BigInteger[] proof, BigInteger[] publics) =>
        (bool)AbiDecoder.DecodeSingle(AbiType.Bool, await Rpc.CallAsync(address, v.Calldata(proof, publics)))!;

    /// <summary>The generated source with its transcript hashing each evaluation and public signal mod r.</summary>
    private static string TranscriptReducesModR(string source, int nPublic)
    {
        string publicsCopy = $"calldatacopy(add(M_BETA_IN, 0x200), P_PUB, 0x{32 * nPublic:x})";
        const string evalsCopy = "calldatacopy(M_EVAL_A, P_EVALS, 0xc0)";
        Assert.Contains(publicsCopy, source);
        Assert.Contains(evalsCopy, source);
        return source
            .Replace(publicsCopy, $"for {{ let i := 0 }} lt(i, {nPublic}) {{ i := add(i, 1) }} {{ mstore(add(add(M_BETA_IN, 0x200), mul(i, 0x20)), mod(calldataload(add(P_PUB, mul(i, 0x20))), r)) }}")
            .Replace(evalsCopy, "for { let i := 0 } lt(i, 6) { i := add(i, 1) } { mstore(add(M_EVAL_A, mul(i, 0x20)), mod(calldataload(add(P_EVALS, mul(i, 0x20))), r)) }");
    }

    [GeneratedRegex(@"^\s*ok := and\(ok, lt\(calldataload\([^\n]*\), r\)\)\n", RegexOptions.Multiline)]
    private static partial Regex RangeCheck();
}

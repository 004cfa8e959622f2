// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using Xunit.Abstractions;
using ZkOptions.Evm.Harness;
using ZkOptions.Field;
using ZkOptions.Field.Hashing;
using ZkOptions.Prover.Solidity;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// The generated Solidity Poseidon (solidity/PoseidonT3, T4, T5, T7): the checked-in files are exactly what the
/// generator writes from the native constants, every width hashes as <see cref="Poseidon.Hash(Fr[])"/> on anvil, the
/// field check and the table check work, and each hasher fits EIP-170.
/// </summary>
public sealed class PoseidonContractTests(RollupFixture fixture, ITestOutputHelper output) : IClassFixture<RollupFixture>
{
    private EthRpcClient Rpc => fixture.Rpc;

    public static IEnumerable<object[]> Widths => PoseidonSolidity.RollupWidths.Select(t => new object[] { t });

    [Theory]
    [MemberData(nameof(Widths))]
    public void CheckedInSourceIsWhatTheGeneratorWrites(int t)
    {
        string path = Path.Combine(RollupContracts.SolidityDirectory, PoseidonSolidity.FileName(t));
        string generated = PoseidonSolidity.Generate(t);
        if (Environment.GetEnvironmentVariable("ZKOPTIONS_REGENERATE") == "1")
        {
            File.WriteAllText(path, generated);
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with ZKOPTIONS_REGENERATE=1 to write it");
        Assert.True(generated == File.ReadAllText(path).Replace("\r\n", "\n"),
            $"{path} differs from PoseidonSolidity.Generate({t}); run the tests with ZKOPTIONS_REGENERATE=1 to rewrite it");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task HashesLikeTheNativePoseidon(int t)
    {
        int n = t - 1;
        var random = new Random(1000 + t);
        var cases = new List<Fr[]>
        {
            new Fr[n],
            Enumerable.Range(1, n).Select(i => Fr.FromUInt64((ulong)i)).ToArray(),
            Enumerable.Range(0, n).Select(_ => Fr.FromBigInteger(Fr.Modulus - 1)).ToArray(),
        };
        for (int k = 0; k < 4; k++)
        {
            cases.Add([.. Enumerable.Range(0, n).Select(_ => Fr.Random(random))]);
        }
        string hasher = fixture.Poseidon.Of(t);
        foreach (Fr[] inputs in cases)
        {
            byte[] result = await Rpc.CallAsync(hasher, Calldata(t, inputs.Select(x => x.ToBigInteger())));
            Assert.Equal(Poseidon.Hash(inputs).ToBigInteger(), Reverts.Word(result));
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task AnInputOfROrMoreReverts(int t)
    {
        var inputs = Enumerable.Repeat(BigInteger.One, t - 1).ToArray();
        inputs[t - 2] = Fr.Modulus;
        await Reverts.WithAsync("InputNotInField(uint256)", () => Rpc.CallAsync(fixture.Poseidon.Of(t), Calldata(t, inputs)), new BigInteger(t - 2));
        inputs[t - 2] = BigInteger.One;
        inputs[0] = (BigInteger.One << 256) - 1;
        await Reverts.WithAsync("InputNotInField(uint256)", () => Rpc.CallAsync(fixture.Poseidon.Of(t), Calldata(t, inputs)), BigInteger.Zero);
    }

    [Fact]
    public async Task AHasherRefusesTablesWithOtherCode()
    {
        // PoseidonT5's constructor given PoseidonT3's table.
        string t3Table = (await Rpc.DeployAsync(RollupContracts.PoseidonTables(3)[0].CreationBytecode)).Address;
        byte[] args = AbiEncoder.Encode([AbiType.Address], [t3Table]);
        await Reverts.WithAsync("WrongTable(uint256)", () => Rpc.DeployAsync(RollupContracts.Poseidon(5).CreationBytecode, args), BigInteger.Zero);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void EveryContractFitsTheCodeSizeLimit(int t)
    {
        Assert.InRange(RollupContracts.Poseidon(t).DeployedBytecode.Length, 1, 24_576);
        foreach (byte[] code in PoseidonSolidity.TableCodes(t))
        {
            Assert.InRange(code.Length, 1, 24_576);
        }
    }

    [Fact]
    public async Task GasPerHash()
    {
        var random = new Random(7);
        var lines = new List<string>();
        foreach (int t in PoseidonSolidity.RollupWidths)
        {
            var inputs = Enumerable.Range(0, t - 1).Select(_ => Fr.Random(random).ToBigInteger()).ToArray();
            byte[] data = Calldata(t, inputs);
            ulong total = await Rpc.EstimateGasAsync(fixture.Poseidon.Of(t), data);
            ulong execution = total - 21_000 - CalldataGas(data);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"PoseidonT{t} ({t - 1} inputs): {execution} gas in a transaction of its own (cold hasher and tables)"));
            Assert.InRange(execution, 5_000UL, 150_000UL);
        }
        output.WriteLine(string.Join('\n', lines));
    }

    private static byte[] Calldata(int t, IEnumerable<BigInteger> inputs) => AbiEncoder.EncodeCall($"hash(uint256[{t - 1}])", (object)inputs.ToArray());

    private static ulong CalldataGas(byte[] data) => (ulong)data.Sum(b => b == 0 ? 4 : 16);
}

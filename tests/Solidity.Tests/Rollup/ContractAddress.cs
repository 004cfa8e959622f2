// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using ZkOptions.Evm.Harness;
using ZkOptions.Prover.Solidity.Abi;

namespace ZkOptions.Solidity.Tests.Rollup;

/// <summary>
/// The address a CREATE from <c>sender</c> at <c>nonce</c> gets: the low 20 bytes of keccak(rlp([sender, nonce])).
/// The rollup's oracle domain is Poseidon(chainid, its address), and batches are simulated with parameters that name
/// it, so the end-to-end tests predict where the rollup will land before they make its batches.
/// </summary>
public static class ContractAddress
{
    /// <summary>The address of the contract <paramref name="sender"/> creates with nonce <paramref name="nonce"/>.</summary>
    public static string Of(string sender, ulong nonce)
    {
        byte[] from = EthereumAddress.Parse(sender);
        byte[] nonceRlp = Rlp(nonce);
        var list = new List<byte>(1 + 21 + nonceRlp.Length) { (byte)(0xc0 + 21 + nonceRlp.Length), 0x80 + 20 };
        list.AddRange(from);
        list.AddRange(nonceRlp);
        byte[] hash = Keccak256.Hash(list.ToArray());
        return EthereumAddress.ToChecksumString(hash[12..]);
    }

    /// <summary>The nonce <paramref name="address"/> will send its next transaction with.</summary>
    public static async Task<ulong> NonceAsync(EthRpcClient rpc, string address)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        string hex = (await rpc.RequestAsync("eth_getTransactionCount", [address, "pending"])).GetString()!;
        return ulong.Parse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    /// <summary>A nonce as RLP: 0x80 for zero, one byte below 0x80, else 0x80 + length and the big-endian bytes.</summary>
    private static byte[] Rlp(ulong nonce)
    {
        if (nonce == 0)
        {
            return [0x80];
        }
        if (nonce < 0x80)
        {
            return [(byte)nonce];
        }
        byte[] bytes = new BigInteger(nonce).ToByteArray(isUnsigned: true, isBigEndian: true);
        return [(byte)(0x80 + bytes.Length), .. bytes];
    }
}

// SPDX-License-Identifier: MIT
namespace ZkOptions.Field;

/// <summary>Byte order of a serialized 256-bit value.</summary>
public enum ByteOrder
{
    /// <summary>Least significant byte first (snarkjs binary files, .wtns).</summary>
    LittleEndian,

    /// <summary>Most significant byte first (the EVM, Solidity, EIP-196/197).</summary>
    BigEndian,
}

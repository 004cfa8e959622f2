// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Solidity.Abi;

/// <summary>The families of Solidity ABI types this encoder supports (fixed-point types are not).</summary>
public enum AbiTypeKind
{
    /// <summary><c>uint&lt;M&gt;</c>, M = 8..256 in steps of 8.</summary>
    UInt,

    /// <summary><c>int&lt;M&gt;</c>, two's complement, M = 8..256 in steps of 8.</summary>
    Int,

    /// <summary><c>address</c>: 20 bytes, encoded like <c>uint160</c>.</summary>
    Address,

    /// <summary><c>bool</c>: encoded like <c>uint8</c> holding 0 or 1.</summary>
    Bool,

    /// <summary><c>bytes&lt;M&gt;</c>, M = 1..32, left-aligned in its word.</summary>
    FixedBytes,

    /// <summary><c>bytes</c>: dynamic byte string.</summary>
    Bytes,

    /// <summary><c>string</c>: dynamic UTF-8 string.</summary>
    String,

    /// <summary><c>T[k]</c>.</summary>
    FixedArray,

    /// <summary><c>T[]</c>.</summary>
    DynamicArray,

    /// <summary><c>(T1,...,Tn)</c>.</summary>
    Tuple,
}

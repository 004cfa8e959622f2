// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;

namespace ZkOptions.Prover.Solidity.V2;

/// <summary>
/// The straight-line Yul the v2 generator writes: statements at one indentation, and a bump allocator of 32-byte
/// memory slots for intermediate values. Every intermediate lives in memory rather than in a Yul variable, so the
/// generated code never runs into the EVM's 16-slot stack reach however long an identity is. A slot is written as
/// a placeholder and placed after the transcript once the transcript's length is known (<see cref="Resolve"/>).
/// </summary>
internal sealed class YulCode
{
    private readonly StringBuilder text = new();
    private int slots;

    public const string Indent = "            ";

    /// <summary>Appends one statement.</summary>
    public void Line(string statement) => text.Append(Indent).Append(statement).Append('\n');

    /// <summary>Appends a comment line.</summary>
    public void Comment(string comment) => Line("// " + comment);

    /// <summary>How many slots have been allocated.</summary>
    public int SlotCount => slots;

    /// <summary>Stores <paramref name="expression"/> in a fresh slot and returns the scalar that reads it.</summary>
    public YulScalar Let(string expression)
    {
        string slot = Slot(slots++);
        Line($"mstore({slot}, {expression})");
        return YulScalar.Stored(this, $"mload({slot})");
    }

    /// <summary>The address of slot <paramref name="index"/> before layout.</summary>
    private static string Slot(int index) => "§" + index.ToString(CultureInfo.InvariantCulture) + "§";

    /// <summary>The code with every slot placed at <paramref name="baseAddress"/> + 32·index.</summary>
    public string Resolve(int baseAddress)
    {
        var s = text.ToString();
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '§')
            {
                sb.Append(s[i]);
                continue;
            }
            int end = s.IndexOf('§', i + 1);
            int index = int.Parse(s.AsSpan(i + 1, end - i - 1), CultureInfo.InvariantCulture);
            sb.Append(Hex(baseAddress + 32 * index));
            i = end;
        }
        return sb.ToString();
    }

    public static string Hex(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}

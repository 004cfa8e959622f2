// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Instruments;

/// <summary>Call or put (European, cash-settled).</summary>
public enum OptionType
{
    /// <summary>Pays max(0, P − K) per contract at expiry.</summary>
    Call,

    /// <summary>Pays max(0, K − P) per contract at expiry.</summary>
    Put,
}

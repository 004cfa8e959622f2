// SPDX-License-Identifier: MIT
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Circuits.Settlement.Gadgets;

namespace ZkOptions.Circuits.Settlement;

/// <summary>
/// The dimensions and constants a batch circuit is built for: the exchange parameters (K position slots, S scenarios,
/// tree depths, fee and margin factors, the oracle key, the insurance account) and the number of transaction slots.
/// The verifying key binds all of them, so a key proves batches of exactly one exchange configuration.
/// </summary>
public sealed class SettlementShape
{
    /// <summary>A shape for <paramref name="slots"/> transactions under <paramref name="parameters"/>.</summary>
    public SettlementShape(ExchangeParameters parameters, int slots)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        parameters.Validate();
        Parameters = parameters;
        Slots = slots;
    }

    /// <summary>The exchange parameters.</summary>
    public ExchangeParameters Parameters { get; }

    /// <summary>Transaction slots per batch (N).</summary>
    public int Slots { get; }

    /// <summary>Position slots per account (K).</summary>
    public int PositionSlots => Parameters.PositionSlots;

    /// <summary>Risk scenarios (S).</summary>
    public int Scenarios => Parameters.ScenarioCount;

    /// <summary>Fields of an account leaf preimage, with the position slots and the risk cache opened.</summary>
    public int AccountFieldCount => AccountFields.Fixed + 2 * PositionSlots + 3 + Scenarios;

    /// <summary>Fields of a series leaf: key, mark, short charge, settlement price and the risk array.</summary>
    public int SeriesFieldCount => 4 + Scenarios;

    /// <summary>The oracle's public key as a field pair.</summary>
    public BabyJubjubPoint OracleKey => Parameters.OraclePublicKey;

    /// <summary>The insurance account index as a field element.</summary>
    public Fr InsuranceAccount => Fr.FromUInt64((ulong)Parameters.InsuranceAccount);
}

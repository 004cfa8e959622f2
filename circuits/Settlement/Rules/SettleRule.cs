// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuits.Settlement.Gadgets;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Settlement.Rules;

/// <summary>
/// settle (SettleProcessor): after expiry, at the current epoch's settlement price, the account is owed
/// ⌊q·payoff⌋ (a short owes ⌈|q|·payoff⌉) by the insurance account, and the slot is cleared. payoff in 1e-8 USD:
/// max(0, 100·price − strike) for a call, max(0, strike − 100·price) for a put. Neither side pays more than it holds
/// (SettleProcessor.Paid): a long is paid at most the fund's balance, a short pays at most its collateral.
/// </summary>
public sealed class SettleRule : SettlementRule
{
    public override int TypeCode => 8;
    public override string Name => "settle";

    public override Action Apply(SlotContext ctx, Variable active)
    {
        var api = ctx.Api;
        var port = ctx.Primary;
        var old = port.Old;
        var series = ctx.Series[0];
        var key = api.Mul(active, ctx.Tx[R.SettleSeries]);
        var check = new RuleCheck(api, active);
        using (api.Scope("settle"))
        {
            ctx.UsePrimary(active);
            ctx.UseInsurance(active);
            ctx.UseSeries(0, active);
            check.NotEqual("account.not-insurance", port.Index, ctx.Shape.InsuranceAccount);
            check.Equal("series.listed", series.Key, key);
            var expiry = CommonChecks.ExpiryOf(api, key);
            check.LessOrEqual("settle.after-expiry", expiry, ctx.Timestamp, 40);
            check.NotEqual("settle.after-expiry", series.SettlementPrice, 0);
            CommonChecks.CacheCurrent(ctx, check, old);

            var after = old.Clone();
            var (before, _) = PositionBook.Add(api, after, key, 0, active);
            check.NotEqual("settle.position", before, 0);
            // Clear the slot: move the whole position out.
            after = old.Clone();
            var (q, cleared) = PositionBook.Add(api, after, key, -before, active);
            PositionBook.AddRiskChange(api, after, series, q, cleared);

            var payoff = Payoff(api, key, series.SettlementPrice);
            var owed = api.Mul(active, SignedArithmetic.FloorDiv(api, api.Mul(q, payoff), 100 * 10_000, 130));
            var amount = Paid(api, owed, api.Mul(active, old.Collateral), api.Mul(active, ctx.Insurance.OldCollateral));
            after.Collateral = old.Collateral + amount;
            SignedArithmetic.AssertSigned(api, api.Mul(active, after.Collateral), 64);
            ctx.PayInsurance(active, -amount);
            ctx.CommitPrimary(active, after);
            ctx.PublishData(active, 8, port.Index, key);
        }
        return () => { };
    }

    /// <summary>
    /// What moves from the fund to the account: min(owed, fund) when owed ≥ 0, else −min(−owed, balance). Both
    /// balances are ≥ 0 and below 2^63; |owed| is below 2^119 (a 47-bit quantity times an 80-bit payoff, over 10^6).
    /// </summary>
    private static Variable Paid(Api api, Variable owed, Variable balance, Variable fund)
    {
        using (api.Scope("settle.paid"))
        {
            const int bits = 121;
            var isLong = SignedArithmetic.IsNonNegative(api, owed, bits);
            var longPaid = api.Select(SignedArithmetic.IsNonNegative(api, fund - owed, bits), owed, fund);
            var shortPaid = api.Select(SignedArithmetic.IsNonNegative(api, balance + owed, bits), -owed, balance);
            return api.Select(isLong, longPaid, -shortPaid);
        }
    }

    /// <summary>The intrinsic value per contract in 1e-8 USD from the packed key (isCall is bit 95, strike bits 32…94).</summary>
    private static Variable Payoff(Api api, Variable key, Variable price)
    {
        using (api.Scope("payoff"))
        {
            var parts = api.Hint("split series key", 3, (i, o) =>
            {
                var v = i[0].ToBigInteger();
                o[0] = ZkOptions.Field.Fr.FromBigInteger(v >> 96);
                o[1] = ZkOptions.Field.Fr.FromBigInteger((v >> 95) & 1);
                o[2] = ZkOptions.Field.Fr.FromBigInteger((v >> 32) & ((System.Numerics.BigInteger.One << 63) - 1));
            }, [key]);
            Variable high = parts[0], isCall = parts[1], strike = parts[2];
            api.RangeCheck(high, 8);
            api.AssertBoolean(isCall);
            api.RangeCheck(strike, 63);
            var low = api.Hint("expiry bits", 1, (i, o) => o[0] = ZkOptions.Field.Fr.FromBigInteger(i[0].ToBigInteger() & uint.MaxValue), [key])[0];
            api.RangeCheck(low, 32);
            api.AssertEqual(high * ZkOptions.Field.Fr.FromBigInteger(System.Numerics.BigInteger.One << 96) + isCall * ZkOptions.Field.Fr.FromBigInteger(System.Numerics.BigInteger.One << 95)
                + strike * (1L << 32) + low, key);
            var intrinsic = api.Select(isCall, price * 100 - strike, strike - price * 100);
            return SignedArithmetic.PositivePart(api, intrinsic, 80);
        }
    }
}

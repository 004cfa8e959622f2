// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuit.Std;
using ZkOptions.Circuits.Settlement.Gadgets;
using ZkOptions.Settlement.Orders;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Settlement.Rules;

/// <summary>
/// withdraw (WithdrawProcessor): a signed Poseidon(1, account, amount, recipient, nonce, chainId) by the account's
/// key; the nonce matches and moves on; the account is not in liquidation and holds the amount; with positions,
/// initial margin holds afterwards on a fresh epoch. Emits the exit (account, recipient, amount).
/// </summary>
public sealed class WithdrawRule : SettlementRule
{
    public override int TypeCode => 2;
    public override string Name => "withdraw";

    public override Action Apply(SlotContext ctx, Variable active)
    {
        var api = ctx.Api;
        var tx = ctx.Tx;
        var old = ctx.Primary.Old;
        var check = new RuleCheck(api, active);
        Variable amount = tx[R.Amount], recipient = tx[R.Recipient], nonce = tx[R.Nonce];
        Variable hasPositions;
        using (api.Scope("withdraw"))
        {
            ctx.UsePrimary(active);
            check.NotEqual("account.not-insurance", ctx.Primary.Index, ctx.Shape.InsuranceAccount);
            check.NonNegative("amount.positive", amount - 1, 63);
            check.NonNegative("amount.positive", recipient, 160);
            check.Equal("nonce.matches", nonce, old.Nonce);
            var message = Poseidon.Hash(api, [SignedMessages.WithdrawTag, ctx.Primary.Index, amount, recipient, nonce, ctx.Shape.Parameters.ChainId]);
            ctx.RequestSignature(0, active, old.PublicKeyX, old.PublicKeyY, message);
            CommonChecks.NotLiquidating(check, old);
            check.LessOrEqual("collateral.sufficient", amount, old.Collateral, 64);
            var after = old.Clone();
            after.Collateral = old.Collateral - amount;
            after.Nonce = old.Nonce + 1;
            ctx.CommitPrimary(active, after);
            ctx.EmitExit(active, ctx.Primary.Index, recipient, amount);
            ctx.PublishData(active, 2, ctx.Primary.Index, amount, recipient, nonce);
            hasPositions = 1 - old.HasNoPositions(api);
            ctx.RequestMargin(0, active, after);
        }
        return () =>
        {
            using (api.Scope("withdraw"))
            {
                var margined = new RuleCheck(api, api.Mul(active, hasPositions));
                CommonChecks.FreshEpoch(ctx, margined);
                CommonChecks.CacheCurrent(ctx, margined, old);
                margined.True("margin.after", CommonChecks.HoldsInitial(api, ctx.Margin[0]));
            }
        };
    }
}

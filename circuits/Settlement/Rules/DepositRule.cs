// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuits.Settlement.Gadgets;
using ZkOptions.Field.Hashing;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Settlement.Rules;

/// <summary>
/// deposit (QueueProcessor.Deposit): consumes the next L1 queue entry (kind 1) and credits the account, creating it
/// with the entry's key and owner when the index was unused. An existing account is credited only when the entry
/// names its key (deposit.key-matches), so no proof can credit a deposit to a key its sender did not choose.
/// </summary>
public sealed class DepositRule : SettlementRule
{
    public override int TypeCode => 1;
    public override string Name => "deposit";

    public override Action Apply(SlotContext ctx, Variable active)
    {
        var api = ctx.Api;
        var tx = ctx.Tx;
        var port = ctx.Primary;
        using (api.Scope("deposit"))
        {
            ctx.UsePrimary(active);
            ctx.ConsumeQueueEntry(active, 1, port.Index, tx[R.QueueOwner], tx[R.QueueAmount], tx[R.QueueKeyX], tx[R.QueueKeyY]);
            ctx.PublishData(active, 1, tx[R.QueueIndex]);
            new RuleCheck(api, active).NonNegative("amount.positive", tx[R.QueueAmount] - 1, 96);
            var topUp = new RuleCheck(api, api.Mul(active, 1 - port.IsNew));
            topUp.Equal("deposit.key-matches", port.Old.PublicKeyX, tx[R.QueueKeyX]);
            topUp.Equal("deposit.key-matches", port.Old.PublicKeyY, tx[R.QueueKeyY]);

            // A new account: the entry's key and owner, nonce 0, the deposit as collateral, an empty order tree and an
            // empty risk cache for the epoch in force.
            var created = port.Old.Clone();
            created.PublicKeyX = tx[R.QueueKeyX];
            created.PublicKeyY = tx[R.QueueKeyY];
            created.Owner = tx[R.QueueOwner];
            created.Nonce = 0;
            created.Collateral = tx[R.QueueAmount];
            created.LiquidationStart = 0;
            created.OrderRoot = EmptyRoot(ctx.Shape.Parameters.OrderTreeDepth);
            for (int i = 0; i < created.PositionSlots; i++)
            {
                created.SetSeriesAt(i, 0);
                created.SetQuantityAt(i, 0);
            }
            created.RiskEpoch = ctx.Epoch.Id;
            created.MarkSum = 0;
            created.ShortSum = 0;
            for (int s = 0; s < created.Scenarios; s++)
            {
                created.SetLoss(s, 0);
            }
            var credited = port.Old.Clone();
            credited.Collateral = port.Old.Collateral + tx[R.QueueAmount];
            ctx.CommitPrimary(active, created.SelectFrom(api, port.IsNew, credited));
            SignedArithmetic.AssertSigned(api, api.Mul(active, port.Old.Collateral + tx[R.QueueAmount]), 64);
        }
        return () => { };
    }

    private static Variable EmptyRoot(int depth) => new SparseMerkleTree(4, depth).Root;
}

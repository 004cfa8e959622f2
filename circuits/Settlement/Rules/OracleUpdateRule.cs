// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Circuit.Std;
using ZkOptions.Circuits.Settlement.Gadgets;
using R = ZkOptions.Circuits.Settlement.SlotRegions;

namespace ZkOptions.Circuits.Settlement.Rules;

/// <summary>
/// oracleUpdate (OracleProcessor.Update): the next epoch id, later than the current epoch, not after the batch and
/// fresh at it, with commitment Poseidon(id, timestamp, seriesRoot, spotsHash), whose message Poseidon(oracle domain,
/// commitment) the oracle key signed (SignedMessages.OracleEpoch); the commitment joins the batch's epoch chain. The per-series
/// consistency checks (settlement prices appear at expiry and never change) read every series of both epochs; a slot
/// cannot, so they rest on the oracle's signature (docs/circuits-settlement.md, "What the circuit does not check").
/// </summary>
public sealed class OracleUpdateRule : SettlementRule
{
    public override int TypeCode => 9;
    public override string Name => "oracleUpdate";

    public override Action Apply(SlotContext ctx, Variable active)
    {
        var api = ctx.Api;
        var tx = ctx.Tx;
        var check = new RuleCheck(api, active);
        using (api.Scope("oracleUpdate"))
        {
            Variable id = tx[R.EpochId], ts = tx[R.EpochTimestamp];
            check.Equal("oracle.forward", id, ctx.Epoch.Id + 1);
            check.Less("oracle.forward", ctx.Epoch.Timestamp, ts, 40);
            check.LessOrEqual("oracle.forward", ts, ctx.Timestamp, 40);
            check.LessOrEqual("oracle.fresh", ctx.Timestamp - ts, ctx.Shape.Parameters.MaxEpochAgeSeconds, 40);
            var commitment = Poseidon.Hash(api, [id, ts, tx[R.EpochSeriesRoot], tx[R.EpochSpotsHash]]);
            var key = ctx.Shape.OracleKey;
            ctx.RequestSignature(0, active, key.X, key.Y, Poseidon.Hash(api, [ctx.OracleDomain, commitment]));
            ctx.ApplyEpoch(active, commitment);
            var next = new EpochState(id, ts, commitment, tx[R.EpochSeriesRoot], tx[R.EpochSpotsHash]);
            ctx.NewEpoch = next.Select(api, active, ctx.NewEpoch);
            ctx.PublishData(active, 9, id, commitment);
        }
        return () => { };
    }
}

// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOptions.Settlement.Margin;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;
using static ZkOptions.Settlement.Transactions.TransactionRejectedException;

namespace ZkOptions.Settlement.Engine;

/// <summary>Signed withdrawals: nonce, signature, collateral, and initial margin after (when positions remain).</summary>
internal static class WithdrawProcessor
{
    public static void Apply(TransactionContext ctx, WithdrawTx tx)
    {
        ctx.RequireNotInsurance(tx.Account, "withdrawing account");
        Account account = ctx.Load(tx.Account, "withdrawing");
        Require(tx.Amount.Micros > 0, Rule.AmountPositive, () => $"withdrawal amount {tx.Amount} must be positive");
        Require(tx.Recipient.Sign >= 0 && tx.Recipient < BigInteger.One << 160, Rule.AmountPositive,
            () => "the recipient is not a 160-bit L1 address");
        Require(tx.Nonce == account.Nonce, Rule.NonceMatches, () => $"nonce {tx.Nonce} given, account {tx.Account} expects {account.Nonce}");
        ctx.RequireSignature(account,
            SignedMessages.Withdraw(tx.Account, tx.Amount, tx.Recipient, tx.Nonce, ctx.Parameters.ChainId), tx.Signature, "the withdrawal");
        Require(!account.IsLiquidating, Rule.NotLiquidating, () => $"account {tx.Account} is in liquidation");
        Require(tx.Amount <= account.Collateral, Rule.CollateralSufficient,
            () => $"{tx.Amount.ToDollars()} USD requested, {account.Collateral.ToDollars()} USD held");
        account.Collateral -= tx.Amount;
        account.Nonce++;
        if (!account.HasNoPositions)
        {
            OracleEpoch epoch = ctx.FreshEpoch();
            TransactionContext.RequireCurrentCache(account, epoch);
            MarginFigures after = ctx.Figures(account);
            Require(after.HoldsInitial, Rule.MarginAfter,
                () => $"initial margin fails after the withdrawal: MtM {after.MarkToMarket.ToDollars()} − IM {after.Initial.ToDollars()} = {after.InitialExcess.ToDollars()} USD");
            ctx.Details["initialExcessAfter"] = after.InitialExcess.ToString();
        }
        ctx.Exits.Add(new ExitRecord(tx.Account, tx.Recipient, tx.Amount));
    }
}

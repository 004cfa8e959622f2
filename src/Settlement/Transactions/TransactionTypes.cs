// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Transactions;

/// <summary>
/// The type codes of the batch circuit's slot selector, written once: the engine's transactions, the circuit's rules
/// and the data each slot publishes all read them from here.
/// </summary>
public static class TransactionTypes
{
    public const int Noop = 0;
    public const int Deposit = 1;
    public const int Withdraw = 2;
    public const int ForcedWithdraw = 3;
    public const int Trade = 4;
    public const int LiquidationStart = 5;
    public const int LiquidationBid = 6;
    public const int LiquidationEnd = 7;
    public const int Settle = 8;
    public const int OracleUpdate = 9;
    public const int RiskRefresh = 10;
}

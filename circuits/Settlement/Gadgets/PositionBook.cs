// SPDX-License-Identifier: MIT
using ZkOptions.Circuit;
using ZkOptions.Field;

namespace ZkOptions.Circuits.Settlement.Gadgets;

/// <summary>
/// Position-slot and risk-cache changes, as the engine makes them (Account.AddPosition, MarginCalculator.AddChange):
/// a series keeps its slot, a new one takes the first empty slot, a slot whose quantity reaches zero is emptied,
/// and the cached sums move by exactly the change.
/// </summary>
public static class PositionBook
{
    /// <summary>Quantities are below 2^47 in absolute value; 49 signed bits leave room for a sum of two.</summary>
    public const int QuantityBits = 49;

    /// <summary>
    /// Adds <paramref name="delta"/> to <paramref name="account"/>'s position in <paramref name="series"/> when
    /// <paramref name="active"/>; returns the quantity before and after.
    /// </summary>
    public static (Variable Before, Variable After) Add(Api api, AccountState account, Variable series, Variable delta, Variable active)
    {
        int k = account.PositionSlots;
        using (api.Scope("position.slot-free"))
        {
            var keys = new Variable[k];
            for (int i = 0; i < k; i++)
            {
                keys[i] = account.SeriesAt(i);
            }
            // Advice: the slot holding the series, else the first empty one (all zeros when there is none).
            var pick = api.Hint("position slot", k, (inputs, o) =>
            {
                Fr key = inputs[0];
                int found = -1;
                for (int i = 0; i < k && found < 0; i++)
                {
                    if (inputs[1 + i] == key)
                    {
                        found = i;
                    }
                }
                for (int i = 0; i < k && found < 0; i++)
                {
                    if (inputs[1 + i].IsZero)
                    {
                        found = i;
                    }
                }
                if (found >= 0)
                {
                    o[found] = Fr.One;
                }
            }, [series, .. keys]);
            Variable chosen = 0, matches = 0, chosenMatches = 0, chosenEmpty = 0, emptyBefore = 0, notFirstEmpty = 0;
            var empty = new Variable[k];
            for (int i = 0; i < k; i++)
            {
                api.AssertBoolean(pick[i]);
                chosen += pick[i];
                var match = api.IsEqual(keys[i], series);
                empty[i] = api.IsZero(keys[i]);
                matches += match;
                chosenMatches += api.Mul(pick[i], match);
                chosenEmpty += api.Mul(pick[i], empty[i]);
                notFirstEmpty += api.Mul(pick[i], emptyBefore);
                emptyBefore = emptyBefore + empty[i] - api.Mul(emptyBefore, empty[i]);
            }
            // Exactly one slot, and it is the series' own slot, or (no slot holds it) the first empty one.
            var check = new RuleCheck(api, active);
            check.Equal("position.slot-free", chosen, 1);
            var usesEmpty = api.Mul(1 - matches, chosenEmpty - notFirstEmpty);
            check.Equal("position.slot-free", chosenMatches + usesEmpty, 1);
            check.Equal("series.zero-key", api.IsZero(series), 0);

            Variable before = 0;
            var d = api.Mul(active, delta);
            for (int i = 0; i < k; i++)
            {
                before += api.Mul(pick[i], account.QuantityAt(i));
                var q = account.QuantityAt(i) + api.Mul(pick[i], d);
                var key = keys[i] + api.Mul(api.Mul(pick[i], active), series - keys[i]);
                account.SetQuantityAt(i, q);
                account.SetSeriesAt(i, api.Mul(1 - api.IsZero(q), key));
            }
            var after = before + d;
            SignedArithmetic.AssertSigned(api, after, QuantityBits);
            return (before, after);
        }
    }

    /// <summary>Adds the change of one position from <paramref name="before"/> to <paramref name="after"/> to the risk cache.</summary>
    public static void AddRiskChange(Api api, AccountState account, SeriesPort series, Variable before, Variable after)
    {
        using (api.Scope("risk cache change"))
        {
            var delta = after - before;
            account.MarkSum += api.Mul(delta, series.Mark);
            var shortBefore = SignedArithmetic.PositivePart(api, -before, QuantityBits);
            var shortAfter = SignedArithmetic.PositivePart(api, -after, QuantityBits);
            account.ShortSum += api.Mul(shortAfter - shortBefore, series.ShortCharge);
            for (int s = 0; s < account.Scenarios; s++)
            {
                account.SetLoss(s, account.Loss(s) + api.Mul(delta, series.Risk(s)));
            }
        }
    }
}

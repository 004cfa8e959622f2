// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// factor·base^i for i &lt; 2^logCount, split as low[j] = factor·base^j (j &lt; 2^LowBits) and
/// high[j] = base^(j·2^LowBits), so that factor·base^i = low[i mod 2^LowBits]·high[i >> LowBits]. Built on the host
/// with about 2·2^(logCount/2) multiplications; the device expands or applies them.
/// </summary>
internal sealed class PowerTables
{
    private PowerTables(Limbs256[] low, Limbs256[] high, int lowBits)
    {
        Low = low;
        High = high;
        LowBits = lowBits;
    }

    public Limbs256[] Low { get; }

    public Limbs256[] High { get; }

    public int LowBits { get; }

    public static PowerTables Build(Fr @base, Fr factor, int logCount)
    {
        int lowBits = (logCount + 1) / 2;
        int highBits = logCount - lowBits;
        var low = new Limbs256[1 << lowBits];
        Fr power = factor;
        for (int j = 0; j < low.Length; j++)
        {
            low[j] = Limbs256.FromFr(in power);
            Fr.Mul(in power, in @base, out power);
        }
        // base^(2^lowBits) by squaring, then its powers.
        Fr step = @base;
        for (int b = 0; b < lowBits; b++)
        {
            Fr.Square(in step, out step);
        }
        var high = new Limbs256[1 << highBits];
        power = Fr.One;
        for (int j = 0; j < high.Length; j++)
        {
            high[j] = Limbs256.FromFr(in power);
            Fr.Mul(in power, in step, out power);
        }
        return new PowerTables(low, high, lowBits);
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOptions.Field;

namespace ZkOptions.Circuit;

public sealed partial class Api
{
    // ---- Hints ----

    /// <summary>
    /// Runs <paramref name="function"/> on the values of <paramref name="inputs"/> while the witness is solved and
    /// returns its <paramref name="outputCount"/> outputs as new secret variables. The outputs are unconstrained: the
    /// caller must bind them with assertions (a hint is advice, not proof). With constant inputs the hint runs now
    /// and its outputs are constants.
    /// </summary>
    public Variable[] Hint(string name, int outputCount, HintFunction function, ReadOnlySpan<Variable> inputs,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputCount);
        return HintCore(name, inputs.ToArray(), outputCount, function, At($"hint {name}", file, line));
    }

    internal Variable[] HintCore(string name, Variable[] inputs, int outputCount, HintFunction function, Site site)
    {
        var outputs = new Variable[outputCount];
        if (inputs.All(v => v.IsConstant))
        {
            var values = inputs.Select(v => v.Constant).ToArray();
            var results = new Fr[outputCount];
            function(values, results);
            for (int i = 0; i < outputCount; i++)
            {
                outputs[i] = new Variable(results[i]);
            }
            return outputs;
        }
        int[] wires = builder.AddHint(name, function, inputs, outputCount, site.Index);
        for (int i = 0; i < outputCount; i++)
        {
            outputs[i] = Variable.FromWire(wires[i]);
        }
        return outputs;
    }
}

// SPDX-License-Identifier: MIT
using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using ZkOptions.Field;
using ZkOptions.Prover.Polynomials;

namespace ZkOptions.Prover.Engines.Gpu;

/// <summary>
/// Radix-2 NTTs over Fr on an ILGPU accelerator (<see cref="NttKernels"/>): upload, optional coset pre-scaling,
/// bit reversal into a second buffer, log2 n butterfly stages, optional scaling by 1/n (and the inverse shift
/// powers), download. Twiddle tables stay on the device per (size, direction). Results are bit-identical to the
/// Field library's arithmetic. Owns its accelerator; calls are serialised.
/// </summary>
public sealed class IlgpuNttEngine : INttEngine, IDisposable
{
    private readonly IlgpuDevice _device;
    private readonly Accelerator _accelerator;
    private readonly Action<Index1D, ArrayView<Limbs256>, ArrayView<Limbs256>, int> _bitReverse;
    private readonly Action<Index1D, ArrayView<Limbs256>, ArrayView<Limbs256>, int, int> _butterfly;
    private readonly Action<Index1D, ArrayView<Limbs256>, Limbs256> _scale;
    private readonly Action<Index1D, ArrayView<Limbs256>, ArrayView<Limbs256>, ArrayView<Limbs256>, int> _fillPowers;
    private readonly Action<Index1D, ArrayView<Limbs256>, ArrayView<Limbs256>, ArrayView<Limbs256>, int> _mulByPowers;
    private readonly Dictionary<(int LogN, bool Inverse), MemoryBuffer1D<Limbs256, Stride1D.Dense>> _twiddles = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    internal IlgpuNttEngine(IlgpuDevice device)
    {
        _device = device;
        _accelerator = device.Accelerator;
        try
        {
            _bitReverse = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<Limbs256>, ArrayView<Limbs256>, int>(
                NttKernels.BitReverse);
            _butterfly = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<Limbs256>, ArrayView<Limbs256>, int, int>(
                NttKernels.Butterfly);
            _scale = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<Limbs256>, Limbs256>(NttKernels.Scale);
            _fillPowers = _accelerator.LoadAutoGroupedStreamKernel<
                Index1D, ArrayView<Limbs256>, ArrayView<Limbs256>, ArrayView<Limbs256>, int>(NttKernels.FillPowers);
            _mulByPowers = _accelerator.LoadAutoGroupedStreamKernel<
                Index1D, ArrayView<Limbs256>, ArrayView<Limbs256>, ArrayView<Limbs256>, int>(NttKernels.MulByPowers);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public string Name => _device.EngineName;

    /// <inheritdoc/>
    public void Forward(Memory<Fr> values) => Run(values, inverse: false, preScale: null, postScale: null);

    /// <inheritdoc/>
    public void Inverse(Memory<Fr> values)
    {
        int logN = CheckSize(values.Length);
        Fr nInverse = SizeInverse(logN);
        Run(values, inverse: true, preScale: null, postScale: _ => PowerTables.Build(Fr.One, nInverse, 0));
    }

    /// <inheritdoc/>
    public void ForwardCoset(Memory<Fr> values, Fr shift) =>
        Run(values, inverse: false, preScale: logN => PowerTables.Build(shift, Fr.One, logN), postScale: null);

    /// <inheritdoc/>
    public void InverseCoset(Memory<Fr> values, Fr shift)
    {
        if (shift.IsZero)
        {
            throw new ArgumentException("The coset shift must be non-zero.", nameof(shift));
        }
        int logN = CheckSize(values.Length);
        Fr.Inverse(in shift, out Fr shiftInverse);
        Fr nInverse = SizeInverse(logN);
        Run(values, inverse: true, preScale: null, postScale: size => PowerTables.Build(shiftInverse, nInverse, size));
    }

    /// <summary>Releases the twiddle tables, the accelerator and its context.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            foreach (var buffer in _twiddles.Values)
            {
                buffer.Dispose();
            }
            _twiddles.Clear();
            _device.Dispose();
        }
    }

    /// <summary>log2 n for a power of two n ≤ 2^28, else throws.</summary>
    private static int CheckSize(int n)
    {
        if (n <= 0 || !BitOperations.IsPow2(n) || BitOperations.Log2((uint)n) > Fr.TwoAdicity)
        {
            throw new ArgumentException($"NTT size must be a power of two between 1 and 2^{Fr.TwoAdicity}; got {n}.", "values");
        }
        return BitOperations.Log2((uint)n);
    }

    // The domain (ω_n, ω_n⁻¹, 1/n) is the one the CPU engine and the prover use, so the engines cannot disagree on roots.
    private static Fr SizeInverse(int logN) => EvaluationDomain.Get(logN).SizeInverse;

    private static Fr RootOfUnity(int logN, bool inverse) =>
        inverse ? EvaluationDomain.Get(logN).GeneratorInverse : EvaluationDomain.Get(logN).Generator;

    /// <summary>
    /// The transform itself. preScale multiplies element i by the table's power i before the butterflies (coset
    /// forward); postScale after them (1/n, coset inverse). A table with LowBits = 0 and one high entry is a
    /// constant, applied with the cheaper Scale kernel.
    /// </summary>
    private void Run(Memory<Fr> values, bool inverse, Func<int, PowerTables>? preScale, Func<int, PowerTables>? postScale)
    {
        int logN = CheckSize(values.Length);
        int n = values.Length;
        Span<Limbs256> data = Limbs256.Cast(values.Span);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var input = _accelerator.Allocate1D<Limbs256>(n);
            using var output = _accelerator.Allocate1D<Limbs256>(n);
            input.View.AsContiguous().CopyFromCPU((ReadOnlySpan<Limbs256>)data);
            if (preScale is not null)
            {
                ApplyPowers(input.View, preScale(logN));
            }
            if (logN == 0)
            {
                input.View.CopyTo(output.View); // a single point is its own transform
            }
            else
            {
                ArrayView<Limbs256> twiddles = Twiddles(logN, inverse);
                _bitReverse(n, input.View, output.View, logN);
                for (int halfLog = 0; halfLog < logN; halfLog++)
                {
                    _butterfly(n / 2, output.View, twiddles, halfLog, logN - 1 - halfLog);
                }
            }
            if (postScale is not null)
            {
                ApplyPowers(output.View, postScale(logN));
            }
            _accelerator.Synchronize();
            output.View.AsContiguous().CopyToCPU(data);
        }
    }

    private void ApplyPowers(ArrayView<Limbs256> values, PowerTables tables)
    {
        if (tables.Low.Length == 1 && tables.High.Length == 1)
        {
            _scale((int)values.Length, values, tables.Low[0]);
            return;
        }
        using var low = _accelerator.Allocate1D(tables.Low);
        using var high = _accelerator.Allocate1D(tables.High);
        _mulByPowers((int)values.Length, values, low.View, high.View, tables.LowBits);
        _accelerator.Synchronize(); // the tables are freed on return
    }

    /// <summary>ω_n^j (or ω_n^−j) for j &lt; n/2, built on the device once per size and direction.</summary>
    private ArrayView<Limbs256> Twiddles(int logN, bool inverse)
    {
        if (!_twiddles.TryGetValue((logN, inverse), out var table))
        {
            PowerTables powers = PowerTables.Build(RootOfUnity(logN, inverse), Fr.One, logN - 1);
            table = _accelerator.Allocate1D<Limbs256>(1 << (logN - 1));
            using var low = _accelerator.Allocate1D(powers.Low);
            using var high = _accelerator.Allocate1D(powers.High);
            _fillPowers((int)table.Length, table.View, low.View, high.View, powers.LowBits);
            _accelerator.Synchronize();
            _twiddles[(logN, inverse)] = table;
        }
        return table.View;
    }
}

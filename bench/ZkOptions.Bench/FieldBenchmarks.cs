// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using ZkOptions.Field;

namespace ZkOptions.Bench;

/// <summary>
/// Field arithmetic. Products are measured as a dependent chain (each result feeds the next), which is latency,
/// the quantity that bounds Miller loops and bucket additions. Times are per operation.
/// </summary>
[Config(typeof(BenchConfig))]
public class FieldBenchmarks
{
    private const int Chain = 1000;
    private const int BatchSize = 4096;
    private Fr _frA, _frB;
    private Fq _fqA, _fqB;
    private Fr[] _batch = [];
    private Fr[] _work = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _frA = Fr.Random(rng);
        _frB = Fr.Random(rng);
        _fqA = Fq.Random(rng);
        _fqB = Fq.Random(rng);
        _batch = Enumerable.Range(0, BatchSize).Select(_ => Fr.Random(rng)).ToArray();
        _work = new Fr[BatchSize];
    }

    [Benchmark(OperationsPerInvoke = Chain, Description = "Fr mul")]
    public Fr FrMul()
    {
        Fr acc = _frA;
        for (int i = 0; i < Chain; i++)
        {
            Fr.Mul(in acc, in _frB, out acc);
        }
        return acc;
    }

    [Benchmark(OperationsPerInvoke = Chain, Description = "Fq mul")]
    public Fq FqMul()
    {
        Fq acc = _fqA;
        for (int i = 0; i < Chain; i++)
        {
            Fq.Mul(in acc, in _fqB, out acc);
        }
        return acc;
    }

    [Benchmark(OperationsPerInvoke = Chain, Description = "Fq square")]
    public Fq FqSquare()
    {
        Fq acc = _fqA;
        for (int i = 0; i < Chain; i++)
        {
            Fq.Square(in acc, out acc);
        }
        return acc;
    }

    [Benchmark(OperationsPerInvoke = Chain, Description = "Fq add")]
    public Fq FqAdd()
    {
        Fq acc = _fqA;
        for (int i = 0; i < Chain; i++)
        {
            Fq.Add(in acc, in _fqB, out acc);
        }
        return acc;
    }

    [Benchmark(Description = "Fq inverse")]
    public Fq FqInverse()
    {
        Fq.Inverse(in _fqA, out Fq r);
        return r;
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "Fr batch inverse (per element, n=4096)")]
    public Fr FrBatchInversePerElement()
    {
        _batch.CopyTo(_work, 0);
        Fr.BatchInverse(_work);
        return _work[0];
    }
}

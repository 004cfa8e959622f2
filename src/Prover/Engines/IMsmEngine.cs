// SPDX-License-Identifier: MIT
using ZkOptions.Field;

namespace ZkOptions.Prover.Engines;

/// <summary>
/// Multi-scalar multiplication Σ scalars[i]·points[i]. Scalars are ordinary Fr values (Montgomery form inside);
/// points may include the point at infinity. When scalars is shorter than points, only the first
/// scalars.Length points are used (KZG commits a polynomial of degree d with the first d + 1 SRS points).
/// </summary>
public interface IMsmEngine
{
    /// <summary>A short name for logs and benchmarks ("cpu", "ilgpu-cpu", "ilgpu-cuda").</summary>
    string Name { get; }

    /// <summary>Σ scalars[i]·points[i] in G1.</summary>
    G1Jacobian MultiScalarMul(ReadOnlyMemory<G1Affine> points, ReadOnlyMemory<Fr> scalars);

    /// <summary>Σ scalars[i]·points[i] in G2.</summary>
    G2Jacobian MultiScalarMul(ReadOnlyMemory<G2Affine> points, ReadOnlyMemory<Fr> scalars);
}

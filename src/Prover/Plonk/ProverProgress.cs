// SPDX-License-Identifier: MIT
namespace ZkOptions.Prover.Plonk;

/// <summary>
/// Where a long prover or setup run is: the phase it has just entered and the share of the whole run done before that
/// phase (0 to 1; 1 when the run is complete). Reported between phases, never from inside a hot loop, so reporting
/// costs nothing measurable.
/// </summary>
/// <param name="Phase">What runs now, in a user's words (for example "round 3: quotient, [t1], [t2], [t3]").</param>
/// <param name="Fraction">The estimated share of the run's time already spent, from 0 to 1.</param>
public readonly record struct ProverProgress(string Phase, double Fraction);

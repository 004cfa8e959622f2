// SPDX-License-Identifier: MIT
namespace ZkOptions.Settlement.Pricing;

/// <summary>
/// A Black-76 value and its sensitivities, in the units <see cref="Black76"/> documents (delta = ∂V/∂F,
/// vega per 1.00 of volatility, theta per year).
/// </summary>
/// <param name="Price">The option's value.</param>
/// <param name="Delta">∂V/∂F.</param>
/// <param name="Gamma">∂²V/∂F².</param>
/// <param name="Vega">∂V/∂σ per 1.00 of volatility.</param>
/// <param name="Theta">∂V/∂t per year of calendar time.</param>
public readonly record struct OptionGreeks(double Price, double Delta, double Gamma, double Vega, double Theta);

// SPDX-License-Identifier: MIT
namespace ZkOptions.Solidity.Tests.Rollup.EndToEnd;

/// <summary>
/// A fact that runs only with ZKOPTIONS_E2E_FULL=1 (scripts/e2e-anvil.sh). Otherwise it is reported as skipped, with
/// the reason spelled out, so the runner's skip count shows that the full end-to-end run did not happen.
/// </summary>
internal sealed class FullEndToEndFactAttribute : FactAttribute
{
    public const string Variable = "ZKOPTIONS_E2E_FULL";

    public FullEndToEndFactAttribute()
    {
        if (!Enabled)
        {
            Skip = $"NOT RUN: the FULL end-to-end run (every batch of the built-in scenario proved with the real batch circuit and " +
                   $"settled on anvil) takes about an hour on 2 cores and runs only with {Variable}=1; use scripts/e2e-anvil.sh. " +
                   "The CI-sized end-to-end test (four real one-slot batch proofs) did run.";
        }
    }

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";
}

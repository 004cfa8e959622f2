// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;
using ZkOptions.Prover.PlonkV2;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions zkey export-vk --zkey F --vk OUT</c>: the verification key of a PLONK .zkey, as snarkjs writes it.
/// With --json: {vk, nPublic, domainPower}.
/// </summary>
internal static class ZkeyCommand
{
    public static Command Build()
    {
        var zkey = FileOptions.Input("--zkey", "The PLONK proving key: a snarkjs .zkey, or a PLONK v2 key from `zkoptions setup --system v2` (told apart by the file's first bytes).");
        var vk = FileOptions.Output("--vk", "Where to write verification_key.json (the zkoptions-plonk-v2 verifying key JSON for a v2 key).");
        var export = new Command("export-vk", "Write the verification key of a PLONK .zkey (like `snarkjs zkey export verificationkey`), or the v2 verifying key of a PLONK v2 key.") { zkey, vk };
        export.SetAction(parse =>
        {
            string zkeyPath = FileOptions.ExistingFile(parse, zkey);
            string vkPath = FileOptions.OutputFile(parse, vk);
            if (PlonkV2Keys.IsV2Key(zkeyPath))
            {
                PlonkV2VerifyingKey v2;
                using (var key = PlonkV2ProvingKeyFile.Read(zkeyPath))
                {
                    v2 = key.VerifyingKey;
                }
                v2.Write(vkPath);
                CommandRun.Of(parse).Result.Succeeded(new JsonObject
                {
                    ["vk"] = vkPath,
                    ["system"] = "v2",
                    ["nPublic"] = v2.PublicCount,
                    ["domainPower"] = v2.Power,
                });
                return ExitCodes.Ok;
            }
            var header = PlonkZkeyFile.ReadHeader(zkeyPath);
            PlonkKeyExport.ToVerificationKey(header).Write(vkPath);
            CommandRun.Of(parse).Result.Succeeded(new JsonObject
            {
                ["vk"] = vkPath,
                ["system"] = "v1",
                ["nPublic"] = header.NPublic,
                ["domainPower"] = header.Power,
            });
            return ExitCodes.Ok;
        });
        return new Command("zkey", "Inspect and export PLONK proving keys.") { export };
    }
}

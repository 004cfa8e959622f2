// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using ZkOptions.Cli.Output;
using ZkOptions.Prover.Formats;
using ZkOptions.Prover.Plonk;

namespace ZkOptions.Cli.Commands;

/// <summary>
/// <c>zkoptions zkey export-vk --zkey F --vk OUT</c>: the verification key of a PLONK .zkey, as snarkjs writes it.
/// With --json: {vk, nPublic, domainPower}.
/// </summary>
internal static class ZkeyCommand
{
    public static Command Build()
    {
        var zkey = FileOptions.Input("--zkey", "The PLONK proving key.");
        var vk = FileOptions.Output("--vk", "Where to write verification_key.json.");
        var export = new Command("export-vk", "Write the verification key of a PLONK .zkey (like `snarkjs zkey export verificationkey`).") { zkey, vk };
        export.SetAction(parse =>
        {
            string zkeyPath = FileOptions.ExistingFile(parse, zkey);
            string vkPath = FileOptions.OutputFile(parse, vk);
            var header = PlonkZkeyFile.ReadHeader(zkeyPath);
            PlonkKeyExport.ToVerificationKey(header).Write(vkPath);
            CommandRun.Of(parse).Result.Succeeded(new JsonObject
            {
                ["vk"] = vkPath,
                ["nPublic"] = header.NPublic,
                ["domainPower"] = header.Power,
            });
            return ExitCodes.Ok;
        });
        return new Command("zkey", "Inspect and export PLONK proving keys.") { export };
    }
}

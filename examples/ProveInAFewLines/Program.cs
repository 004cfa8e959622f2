// SPDX-License-Identifier: MIT
// A circuit from C# to a verified proof with ZkOptions.Circuit's Plonk class. Run it with a folder to also write the
// files the zkoptions CLI and snarkjs take over from:
//   dotnet run --project examples/ProveInAFewLines -- out
//   zkoptions verify --vk out/vk.json --proof out/proof.json --public out/public.json
//   snarkjs plonk verify out/vk.json out/public.json out/proof.json
using ZkOptions.Circuit;

var cs = Plonk.Compile(new Notional());
var (pk, vk) = Plonk.Setup(cs, Srs.InsecureDev(seed: 1));   // development only: Srs.FromPtau("pot12.ptau") for real keys
using (pk)
{
    var proof = Plonk.Prove(cs, pk, """{"notional": "10000", "price": "2500", "quantity": "4"}""");
    bool ok = Plonk.Verify(vk, proof, proof.PublicSignals);
    Console.WriteLine($"{cs.Name}: {cs.GateCount} gates, public signals [{string.Join(", ", proof.PublicSignals)}]");
    Console.WriteLine(ok ? "proof verified" : "proof REJECTED");

    if (args.Length > 0)
    {
        Directory.CreateDirectory(args[0]);
        pk.Save(Path.Combine(args[0], "notional.zkey"));                                  // zkoptions prove --zkey
        vk.Write(Path.Combine(args[0], "vk.json"));                                       // snarkjs's verification_key.json
        proof.Write(Path.Combine(args[0], "proof.json"), Path.Combine(args[0], "public.json"));
        Console.WriteLine($"wrote notional.zkey, vk.json, proof.json and public.json to {args[0]}");
    }
    return ok ? 0 : 1;
}

/// <summary>price · quantity = notional, the price and the quantity secret and range-checked to 32 bits.</summary>
public sealed class Notional : Circuit
{
    [Public("notional")] public Variable Total;
    [Secret("price")] public Variable Price;
    [Secret("quantity")] public Variable Quantity;

    public override void Define(Api api)
    {
        api.RangeCheck(Price, 32);
        api.RangeCheck(Quantity, 32);
        api.AssertEqual(api.Mul(Price, Quantity), Total);
    }
}

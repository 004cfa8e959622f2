// SPDX-License-Identifier: MIT
using ZkOptions.Field.Tests.Support;

namespace ZkOptions.Field.Tests.Pairing;

using Pairing = ZkOptions.Field.Pairing;

/// <summary>
/// Known answers for the pairing check from go-ethereum's EIP-197 precompile vectors
/// (core/vm/testdata/precompiles/bn256Pairing.json). Each 192-byte pair is G1 (x, y) then G2 (x.c1, x.c0,
/// y.c1, y.c0), all big-endian; the precompile returns 1 exactly when the product of pairings is one.
/// </summary>
public class Eip197VectorTests
{
    private const string G2Gen =
        "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

    private const string G2GenNeg =
        "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d";

    private const string G1Gen =
        "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000002";

    private const string Jeff1Head =
        "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a416782bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c";

    public static TheoryData<string, string, bool> Vectors => new()
    {
        { "jeff1", Jeff1Head + "2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411" + G2Gen, true },
        {
            "jeff2",
            "2eca0c7238bf16e83e7a1e6c5d49540685ff51380f309842a98561558019fc0203d3260361bb8451de5ff5ecd17f010ff22f5c31cdf184e9020b06fa5997db841213d2149b006137fcfb23036606f848d638d576a120ca981b5b1a5f9300b3ee2276cf730cf493cd95d64677bbb75fc42db72513a4c1e387b476d056f80aa75f21ee6226d31426322afcda621464d0611d226783262e21bb3bc86b537e986237096df1f82dff337dd5972e32a8ad43e28a78a96a823ef1cd4debe12b6552ea5f06967a1237ebfeca9aaae0d6d0bab8e28c198c5a339ef8a2407e31cdac516db922160fa257a5fd5b280642ff47b65eca77e626cb685c84fa6d3b6882a283ddd1" + G2Gen,
            true
        },
        {
            "jeff3",
            "0f25929bcb43d5a57391564615c9e70a992b10eafa4db109709649cf48c50dd216da2f5cb6be7a0aa72c440c53c9bbdfec6c36c7d515536431b3a865468acbba2e89718ad33c8bed92e210e81d1853435399a271913a6520736a4729cf0d51eb01a9e2ffa2e92599b68e44de5bcf354fa2642bd4f26b259daa6f7ce3ed57aeb314a9a87b789a58af499b314e13c3d65bede56c07ea2d418d6874857b70763713178fb49a2d6cd347dc58973ff49613a20757d0fcc22079f9abd10c3baee245901b9e027bd5cfc2cb5db82d4dc9677ac795ec500ecd47deee3b5da006d6d049b811d7511c78158de484232fc68daf8a45cf217d1c2fae693ff5871e8752d73b21" + G2Gen,
            true
        },
        // jeff1 with the second G1 point replaced: the check must fail.
        { "jeff6", Jeff1Head + "103188585e2364128fe25c70558f1560f4f9350baf3959e603cc91486e110936" + G2Gen, false },
        { "empty_data", "", true },
        { "one_point", G1Gen + G2Gen, false },
        { "two_point_match_2", G1Gen + G2Gen + G1Gen + G2GenNeg, true },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void PairingCheckMatchesGeth(string name, string hex, bool expected)
    {
        byte[] input = Convert.FromHexString(hex);
        Assert.True(input.Length % 192 == 0, name);
        int n = input.Length / 192;
        var p = new G1Affine[n];
        var q = new G2Affine[n];
        for (int i = 0; i < n; i++)
        {
            int offset = 192 * i;
            Fq Word(int k) => Fq.ReadBytes(input.AsSpan(offset + 32 * k, 32), ByteOrder.BigEndian);
            p[i] = new G1Affine(Word(0), Word(1));
            q[i] = new G2Affine(new Fq2(Word(3), Word(2)), new Fq2(Word(5), Word(4)));
            Assert.True(ReferenceCurve.OnCurve(p[i]), name);
            Assert.True(ReferenceCurve.OnTwist(q[i]), name);
        }
        Assert.Equal(expected, Pairing.ProductIsOne(p, q));
    }
}

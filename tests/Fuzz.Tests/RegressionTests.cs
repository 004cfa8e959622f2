// SPDX-License-Identifier: MIT
namespace ZkOptions.Fuzz.Tests;

/// <summary>
/// The inputs the fuzzers found (docs/fuzzing.md, "Bugs found and fixed"): each is refused with exit code 2's
/// exception and a message that says what is wrong, not merely some mapped exception.
/// </summary>
public sealed class RegressionTests(ScratchFolder scratch) : IClassFixture<ScratchFolder>
{
    [Theory]
    // 1: a section size near 2^63 overflowed offset + size past the end-of-file check.
    [InlineData("zkey", "crash-afl-section-size-overflow.zkey", "claims 9223372036854775807 bytes")]
    [InlineData("ptau", "crash-afl-section-size-overflow.ptau", "claims 9223372036854775807 bytes")]
    // 2: an off-curve point in section 14 escaped Parallel.For as an AggregateException.
    [InlineData("zkey", "crash-afl-ptau-point-off-curve-aggregate.zkey", "section 14 (powers of tau) point 0 is not on the curve")]
    // 3: a forged constraint count overflowed 3·n or sized arrays of gigabytes.
    [InlineData("r1cs", "crash-afl-constraint-count-overflow.r1cs", "constraints, but section 2 (constraints) is only 1056 bytes")]
    [InlineData("r1cs", "crash-afl-constraint-count-huge-allocation.r1cs", "constraints, but section 2 (constraints) is only 1056 bytes")]
    // 4: duplicate members threw ArgumentException from JsonObject.
    [InlineData("proof", "crash-afl-duplicate-member.json", "Duplicate property")]
    [InlineData("vkey", "crash-afl-duplicate-member.json", "Duplicate property")]
    // 5–7: a half surrogate escape threw InvalidOperationException when the string was read.
    [InlineData("proof", "crash-mutation-unpaired-surrogate.json", "half of a UTF-16 surrogate pair")]
    [InlineData("vkey", "crash-mutation-unpaired-surrogate.json", "half of a UTF-16 surrogate pair")]
    [InlineData("batch", "crash-afl-unpaired-surrogate.json", "half of a UTF-16 surrogate pair")]
    [InlineData("scenario", "crash-mutation-unpaired-surrogate-member-name.json", "half of a UTF-16 surrogate pair")]
    [InlineData("market", "crash-mutation-unpaired-surrogate.json", "half of a UTF-16 surrogate pair")]
    [InlineData("input", "crash-crafted-unpaired-surrogate.json", "half of a UTF-16 surrogate pair")]
    [InlineData("input", "crash-crafted-unpaired-surrogate-name.json", "half of a UTF-16 surrogate pair")]
    // 8: the CLI's key and signature files parsed without the duplicate and surrogate checks.
    [InlineData("cli-eddsa-key", "crash-duplicate-member.json", "Duplicate property")]
    [InlineData("cli-eddsa-key", "crash-crafted-unpaired-surrogate.json", "half of a UTF-16 surrogate pair")]
    [InlineData("cli-eddsa-signature", "crash-afl-duplicate-member.json", "Duplicate property")]
    [InlineData("cli-eddsa-signature", "crash-crafted-unpaired-surrogate.json", "half of a UTF-16 surrogate pair")]
    // 10: public signals that cost no bytes in the file asked for two billion gates.
    [InlineData("r1cs", "crash-crafted-2147483632-public-outputs.r1cs", "more PLONK gates than 2^28")]
    public void A_found_input_is_refused_with_what_is_wrong(string name, string file, string expected)
    {
        ReaderTarget target = ReaderTargets.Get(name);
        Outcome o = ReaderContract.CheckWithin(target, File.ReadAllBytes(Path.Combine(Corpus.Root, name, file)),
            scratch.FileFor(target), TimeSpan.FromSeconds(10));
        Assert.Equal(OutcomeKind.Rejected, o.Kind);
        Assert.Contains(expected, o.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_size_that_overflows_is_refused_in_every_binary_format()
    {
        // The same forged size in the first section of each container kind (the fix is in the shared reader).
        foreach (var (name, seed) in new[] { ("wtns", "seed-snarkjs-public_inputs.wtns"), ("r1cs", "seed-circom-public_inputs.r1cs"),
                     ("zkey", "seed-snarkjs-public_inputs.zkey"), ("ptau", "seed-snarkjs-pot1-prepared.ptau") })
        {
            ReaderTarget target = ReaderTargets.Get(name);
            byte[] bytes = File.ReadAllBytes(Path.Combine(Corpus.Root, name, seed));
            BitConverter.TryWriteBytes(bytes.AsSpan(16, 8), long.MaxValue); // the size of the first section
            Outcome o = ReaderContract.CheckWithin(target, bytes, scratch.FileFor(target), TimeSpan.FromSeconds(10));
            Assert.Equal(OutcomeKind.Rejected, o.Kind);
            Assert.Contains("claims 9223372036854775807 bytes at offset 24", o.Message, StringComparison.Ordinal);
        }
    }
}

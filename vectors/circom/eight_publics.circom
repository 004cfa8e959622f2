pragma circom 2.0.0;

// Circuit (d): seven public inputs and one output, so public.json holds eight signals [out, x[0..6]] and the
// PLONK key has nPublic = 8: the largest public-input count the Solidity verifier tests and gas figures cover.
// out = (x0 + secret)·(x1 + secret)·…·(x6 + secret), so every public input reaches a gate.
template EightPublics() {
    signal input x[7];
    signal input secret;
    signal output out;

    signal acc[7];
    acc[0] <== x[0] + secret;
    for (var i = 1; i < 7; i++) {
        acc[i] <== acc[i - 1] * (x[i] + secret);
    }
    out <== acc[6];
}

component main {public [x]} = EightPublics();

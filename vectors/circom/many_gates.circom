pragma circom 2.0.0;

// Circuit (b): more than 2^12 PLONK gates after snarkjs's R1CS→PLONK conversion, so the domain is 2^13.
// Each step x' = x·x + seed is one R1CS constraint (A = x, B = x, C = x' − seed); its two-term C side
// becomes a multiplication gate plus one addition gate, so the loop also exercises the additions section.
template ManyGates(steps) {
    signal input seed;
    signal output out;

    signal x[steps + 1];
    x[0] <== seed;
    for (var i = 0; i < steps; i++) {
        x[i + 1] <== x[i] * x[i] + seed;
    }
    out <== x[steps];
}

component main = ManyGates(2100);

pragma circom 2.0.0;

// Circuit (a): three public inputs, one private input and one output, so public.json holds
// [out, a, b, c] (outputs first, then public inputs) and the PLONK key has nPublic = 4.
template PublicInputs() {
    signal input a;
    signal input b;
    signal input c;
    signal input secret;
    signal output out;

    signal ab;
    ab <== a * b;
    // One constraint whose C side has two terms (out − secret): snarkjs adds an addition gate for it.
    out <== ab * c + secret;
}

component main {public [a, b, c]} = PublicInputs();

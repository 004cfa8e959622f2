pragma circom 2.0.0;

include "circomlib/circuits/poseidon.circom";

// Circuit (c): circomlib's Poseidon over two private inputs; the hash is the one public output.
template PoseidonHash() {
    signal input left;
    signal input right;
    signal output hash;

    component h = Poseidon(2);
    h.inputs[0] <== left;
    h.inputs[1] <== right;
    hash <== h.out;
}

component main = PoseidonHash();

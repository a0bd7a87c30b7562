#!/usr/bin/env python3
"""Write the seed corpora of the ECDSA harnesses, fuzz/corpus/ec_muladd/ and
fuzz/corpus/ecdsa_verify/ (input layouts in fuzz/fuzz_ec_muladd.c and
fuzz/fuzz_ecdsa_verify.c). Deterministic; run from anywhere."""
import os, random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEN = [32, 48, 66]
HLEN = [32, 48, 64]
rnd = random.Random(20260101)


def write(target, name, data):
    d = os.path.join(ROOT, "fuzz", "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed_" + name), "wb") as f:
        f.write(bytes(data))


def rbytes(n):
    return [rnd.randrange(256) for _ in range(n)]


# ec_muladd: curve, point mode, x shape, y shape, then k, x, y
MULADD = [("random", 0, 0, 0), ("g_plus_g", 4, 2, 2), ("minus_g_x_eq_y", 5, 0, 0),
          ("g_x_eq_y", 6, 0, 0), ("x_zero", 0, 1, 0), ("y_zero", 1, 0, 1),
          ("both_zero", 2, 1, 1), ("x_n", 3, 4, 0), ("n_minus_1", 0, 3, 3),
          ("n_plus_1", 0, 5, 2), ("runs", 0, 6, 6), ("half_ones", 0, 7, 7),
          ("minus_g_runs", 7, 6, 6)]
for c in range(3):
    for name, mode, xs, ys in MULADD:
        write("ec_muladd", "p%d_%s" % (LEN[c] * 8 if c < 2 else 521, name),
              [c, mode, xs, ys] + rbytes(3 * LEN[c]))

# ecdsa_verify: curve, private key, hash, then (op, a, b) mutations
VERIFY = [("valid", []), ("r_zero", [(1, 0, 0)]), ("s_zero", [(2, 0, 0)]),
          ("r_one", [(1, 1, 0)]), ("r_n_minus_1", [(1, 4, 0)]), ("s_n", [(2, 5, 0)]),
          ("r_n_plus_1", [(1, 6, 0)]), ("r_p", [(1, 8, 0)]), ("s_p_minus_1", [(2, 7, 0)]),
          ("r_ones", [(1, 10, 0)]), ("r_eq_s", [(1, 11, 0)]), ("r_plus", [(3, 0, 129)]),
          ("s_minus", [(4, 0, 127)]), ("hash_bit", [(5, 3, 1)]), ("hash_short", [(6, 20, 0)]),
          ("hash_long", [(6, 69, 0)]), ("key_bit", [(7, 40, 2)]), ("swap", [(8, 0, 0)]),
          ("padded", [(9, 0, 0)]), ("dropped", [(10, 0, 0)]), ("resign", [(11, 5, 7), (0, 3, 3)]),
          ("bitflip", [(0, 17, 4)]), ("padded_resign", [(9, 0, 0), (11, 1, 1)])]
for c in range(3):
    for name, ops in VERIFY:
        data = [c] + rbytes(LEN[c]) + rbytes(HLEN[c])
        for op in ops:
            data += list(op)
        write("ecdsa_verify", "p%d_%s" % (LEN[c] * 8 if c < 2 else 521, name), data)

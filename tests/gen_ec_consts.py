#!/usr/bin/env python3
"""Print the constant tables of jwtauth.h's ECDSA section (P-256, P-384,
P-521): p, n, R^2 mod p, R^2 mod n, b*R mod p, R mod p and the odd multiples
G, 3G, ..., 31G of the generator in affine form, all as little-endian 64-bit
words. R = 2^(64*words) for the Montgomery arithmetic modulo n and, for
P-256 and P-384, modulo p; P-521's field uses plain residues (its own
reduction modulo 2^521 - 1), so its field constants take R = 1.
Usage: python3 tests/gen_ec_consts.py               (jwtauth.h's tables)
       python3 tests/gen_ec_consts.py --test-points (tests/t_ecdsa_engine.c's
       moduli and a point with a small x, whose x + p still fits the
       coordinate's bytes: an encoding of the point's residue that is not
       below p)"""

import sys

CURVES = [
    ("p256", 4,
     2**256 - 2**224 + 2**192 + 2**96 - 1,
     0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551,
     0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b,
     0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296,
     0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5),
    ("p384", 6,
     2**384 - 2**128 - 2**96 + 2**32 - 1,
     0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973,
     0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef,
     0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7,
     0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f),
    ("p521", 9,
     2**521 - 1,
     0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409,
     0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00,
     0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66,
     0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650),
]
GW = 16   # odd multiples of G in the table


def words(x, n):
    return [(x >> (64 * i)) & (2**64 - 1) for i in range(n)]


def arr(name, vals):
    out = "static const uint64_t %s[%d] = {\n" % (name, len(vals))
    for i in range(0, len(vals), 3):
        out += "\t" + ", ".join("0x%016xu" % v for v in vals[i:i + 3]) + ",\n"
    return out + "};\n"


def add(P, Q, p):
    if P is None: return Q
    if Q is None: return P
    if P[0] == Q[0]:
        if (P[1] + Q[1]) % p == 0: return None
        lam = (3 * P[0] * P[0] - 3) * pow(2 * P[1], -1, p) % p
    else:
        lam = (Q[1] - P[1]) * pow(Q[0] - P[0], -1, p) % p
    x = (lam * lam - P[0] - Q[0]) % p
    return (x, (lam * (P[0] - x) - P[1]) % p)


def mul(k, P, p):
    R = None
    for bit in bin(k)[2:]:
        R = add(R, R, p)
        if bit == '1': R = add(R, P, p)
    return R


def be(name, x, nbytes):
    v = x.to_bytes(nbytes, "big")
    out = "static const uint8_t %s[%d] = {\n" % (name, nbytes)
    for i in range(0, nbytes, 12):
        out += "\t" + ", ".join("0x%02x" % c for c in v[i:i + 12]) + ",\n"
    return out + "};\n"


if len(sys.argv) > 1 and sys.argv[1] == "--test-points":
    for name, nw, p, n, b, gx, gy in CURVES:
        G = (gx, gy)
        clen = (p.bit_length() + 7) // 8
        print(be("ect_%s_p" % name, p, clen), end="")
        print(be("ect_%s_n" % name, n, clen), end="")
        x = 0
        while True:   # p = 3 mod 4: a square root is a power
            rhs = (x**3 - 3 * x + b) % p
            y = pow(rhs, (p + 1) // 4, p)
            if y * y % p == rhs: break
            x += 1
        print("/* x = %d */" % x)
        print(be("ect_%s_small" % name, (4 << (16 * clen)) | (x << (8 * clen)) | y, 1 + 2 * clen), end="")
        # A signature whose R has x >= n (so r = x - n): s = 1, hash e = 1
        # (32 bytes), so u1 = 1, u2 = r and Q = r^-1 (R - G).
        x = n + 1
        while True:
            rhs = (x**3 - 3 * x + b) % p
            y = pow(rhs, (p + 1) // 4, p)
            if y * y % p == rhs: break
            x += 1
        r = x - n
        t = add((x, y), (gx, (p - gy) % p), p)
        Q = mul(pow(r, -1, n), t, p)
        Rchk = add((gx, gy), mul(r, Q, p), p)
        assert Rchk == (x, y) and r < n
        print("/* R = (n + %d, y): r = %d, s = 1, hash = 1 */" % (x - n, r))
        print(be("ect_%s_bigx_q" % name, (4 << (16 * clen)) | (Q[0] << (8 * clen)) | Q[1], 1 + 2 * clen), end="")
        print(be("ect_%s_bigx_sig" % name, (r << (8 * clen)) | 1, 2 * clen), end="")
        # A valid signature over a hash of zeros (e = 0, so u1 = 0):
        # fixed d and k, r = x(kG) mod n, s = r d / k.
        d, k = 0x1234567 * 7919, 0x7654321 * 104729
        Q, R = mul(d, G, p), mul(k, G, p)
        r = R[0] % n
        s_ = r * d * pow(k, -1, n) % n
        print("/* hash = 0: d = %d, k = %d */" % (d, k))
        print(be("ect_%s_zh_q" % name, (4 << (16 * clen)) | (Q[0] << (8 * clen)) | Q[1], 1 + 2 * clen), end="")
        print(be("ect_%s_zh_sig" % name, (r << (8 * clen)) | s_, 2 * clen), end="")
    sys.exit(0)

for name, nw, p, n, b, gx, gy in CURVES:
    RN = 2**(64 * nw)
    R = 1 if name == "p521" else RN
    G = (gx, gy)
    assert (gy * gy - gx**3 + 3 * gx - b) % p == 0
    assert mul(n, G, p) is None
    print(arr("jwtauth__ec_%s_p" % name, words(p, nw)), end="")
    print(arr("jwtauth__ec_%s_n" % name, words(n, nw)), end="")
    print(arr("jwtauth__ec_%s_rrp" % name, words(R * R % p, nw)), end="")
    print(arr("jwtauth__ec_%s_rrn" % name, words(RN * RN % n, nw)), end="")
    print(arr("jwtauth__ec_%s_b" % name, words(b * R % p, nw)), end="")
    print(arr("jwtauth__ec_%s_one" % name, words(R % p, nw)), end="")
    tbl, P, G2 = [], G, add(G, G, p)
    for i in range(GW):
        tbl += words(P[0] * R % p, nw) + words(P[1] * R % p, nw)
        P = add(P, G2, p)
    print("/* G, 3G, ..., %dG: x then y of each */" % (2 * GW - 1))
    print(arr("jwtauth__ec_%s_g" % name, tbl), end="")

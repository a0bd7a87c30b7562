#!/usr/bin/env python3
"""Print the Ed25519 constants and the base-point table of jwtauth.h.

The table holds the odd multiples 1B, 3B, ..., 63B of the base point in
affine "Niels" form (y + x, y - x, 2d*x*y), each coordinate as four
little-endian 64-bit words. tests/t_eddsa.c recomputes it with the
header's own arithmetic and compares.
usage: python3 tests/ed25519_table.py
"""
p = 2**255 - 19
d = (-121665 * pow(121666, p - 2, p)) % p
L = 2**252 + 27742317777372353535851937790883648493
sqrtm1 = pow(2, (p - 1) // 4, p)


def recover_x(y, sign):
    xx = (y * y - 1) * pow(d * y * y + 1, p - 2, p) % p
    x = pow(xx, (p + 3) // 8, p)
    if (x * x - xx) % p:
        x = x * sqrtm1 % p
    assert (x * x - xx) % p == 0
    if x & 1 != sign:
        x = p - x
    return x


def add(P, Q):
    (x1, y1), (x2, y2) = P, Q
    t = d * x1 * x2 * y1 * y2 % p
    x3 = (x1 * y2 + y1 * x2) * pow(1 + t, p - 2, p) % p
    y3 = (y1 * y2 + x1 * x2) * pow(1 - t, p - 2, p) % p
    return (x3, y3)


def words(v):
    return ", ".join("0x%016x" % ((v >> (64 * i)) & (2**64 - 1)) for i in range(4))


By = 4 * pow(5, p - 2, p) % p
B = (recover_x(By, 0), By)
B2 = add(B, B)
P = B
print("/* constants: d, 2d, sqrt(-1), as four little-endian 64-bit words */")
print("d    {%s}" % words(d))
print("2d   {%s}" % words(2 * d % p))
print("sqrt {%s}" % words(sqrtm1))
print("/* [1, 3, ..., 63]B as (y + x, y - x, 2dxy) */")
for i in range(32):
    x, y = P
    print("\t{ { %s }," % words((y + x) % p))
    print("\t  { %s }," % words((y - x) % p))
    print("\t  { %s } }%s" % (words(2 * d * x * y % p), "," if i < 31 else ""))
    P = add(P, B2)

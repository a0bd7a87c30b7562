#!/usr/bin/env python3
"""Write the seed corpora fuzz/corpus/<target>/ from the committed fixtures
(tests/fixtures, examples/demo) and hand-written cases. Run from the repo
root; rerunning rewrites the seed_* files (findings saved by libFuzzer or
added by hand keep their own names)."""
import glob, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(ROOT)

def read(path):
    with open(path, "rb") as f:
        return f.read()

def write(target, name, data):
    d = os.path.join("fuzz", "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed_" + name), "wb") as f:
        f.write(data)

tokens = {os.path.basename(p)[:-4]: read(p).strip()
          for p in sorted(glob.glob("tests/fixtures/tokens/*.jwt"))}
tokens["demo-tom"] = read("examples/demo/tom.jwt").strip()

JSON_CASES = [
    b'{}', b'[]', b'""', b'0', b'-0.5e+10', b'true', b'null',
    b'{"a":1,"b":[true,false,null],"c":{"d":"e"}}',
    b'{"a":"\\u00e9\\ud83d\\ude00\\n\\"\\\\\\/"}',
    b'{"a":1,"\\u0061":2}', b'{"a":1,"a":2}', b'{"x":"\\ud800"}', b'{"x":"\\udc00x"}',
    b'[' * 31 + b']' * 31, b'[' * 33 + b']' * 33, b'{"a":01}', b'[1.]', b'[.5]',
    b'"\xc3\xa9"', b'"\xed\xa0\x80"', b'"\xf4\x90\x80\x80"', b'"\xc0\xaf"',
    b'\xef\xbb\xbf{}', b'{"a":1} x', b'{"a" 1}', b'[1,]', b'{,}', b'"a\x01"',
    b'1e999999', b'-', b'{"exp":1.7e9,"nbf":"1","aud":["a",1]}',
]
for i, c in enumerate(JSON_CASES):
    write("json", "case%02d" % i, c)
    write("json_diff", "case%02d" % i, c)
for p in sorted(glob.glob("tests/fixtures/jwks/*.json")):
    write("json", "jwks_" + os.path.basename(p), read(p))

B64_CASES = [b"", b"AA", b"AAA", b"AAAA", b"AB", b"AAB", b"_-_-", b"A", b"AA==", b"A+/A", b"A A"]
for i, c in enumerate(B64_CASES):
    write("b64url", "case%02d" % i, c)
for name in ("hs256", "rs256", "es512"):
    for j, part in enumerate(tokens[name].split(b".")):
        write("b64url", "%s_part%d" % (name, j), part)

for p in sorted(glob.glob("tests/fixtures/jwks/*.json") + glob.glob("tests/fixtures/keys/*.pub.jwk.json")
                + glob.glob("tests/fixtures/keys/*.spki.pem") + glob.glob("tests/fixtures/keys/*.pkcs1.pem")
                + glob.glob("tests/fixtures/keys/*.cert.pem") + glob.glob("tests/fixtures/keys/oct*.jwk.json")):
    write("jwks", os.path.basename(p), read(p))
write("jwks", "demo_jwks.json", read("examples/demo/conf/jwks.json"))

# fuzz_verify: 3 option bytes, then the token (see fuzz/fuzz_verify.c)
for name, tok in sorted(tokens.items()):
    oct_set = 1 if name.startswith("hs") else 0
    for opt in (0x00, 0x08, 0x48, 0x18):
        write("verify", "%s_%02x" % (name, opt), bytes([opt | oct_set, 0, 128]) + tok)

CONFIGS = [
    read("examples/demo/tom-properties.json"),
    b'{"jwks_url":"jwks.json","principal_field":"/realm_access/roles/0",'
    b'"required_issuer":["a","b"],"required_audience":"x, y ,z"}',
    b'{"type":"authentication_jwt","jwks_url":"https://idp/jwks","principal_field":"sub",'
    b'"group_provider":"jwt","permitted_groups":"dev, ops","comment":"c"}',
    b'{"jwks_url":"x","required_issuers":"typo"}', b'{"principal_field":""}', b'[]',
    b'{"jwks_url":"a\\u0000b"}',
]
for i, c in enumerate(CONFIGS):
    write("config", "case%02d" % i, c)

def lenenc(n):
    if n < 0xFB:
        return bytes([n])
    if n < 1 << 16:
        return b"\xfc" + n.to_bytes(2, "little")
    if n < 1 << 24:
        return b"\xfd" + n.to_bytes(3, "little")
    return b"\xfe" + n.to_bytes(8, "little")

tom = tokens["demo-tom"]
write("mysql_auth", "openid", b"\x01" + lenenc(len(tom)) + tom)
write("mysql_auth", "openid_fd", b"\x01\xfd" + len(tom).to_bytes(3, "little") + tom)
write("mysql_auth", "openid_fe", b"\x01\xfe" + len(tom).to_bytes(8, "little") + tom)
write("mysql_auth", "openid_short", b"\x01\x05abc")
write("mysql_auth", "bare_nul", tom + b"\x00\x00")
write("mysql_auth", "bare", tom)
write("mysql_auth", "fb", b"\x01\xfb")
# fuzz_rsa_diff: 8 header bytes (exponent kind, base kind, modulus size,
# the random exponent's bytes, a small offset), then bytes XORed over the
# modulus and the base (see fuzz/fuzz_rsa_diff.c). Every exponent kind with
# every base kind, at 2048 and 4096 bits and at a size not a multiple of 64.
for esel in range(3):
    for xsel in range(9):
        b0 = next(b for b in range(256) if b % 3 == esel and (b >> 2) % 9 == xsel)
        for bits in (2048, 4096, 2049 + 61 * (esel * 9 + xsel)):
            off = bits - 2048
            hdr = bytes([b0, off >> 8, off & 0xFF, 0x81, 0x23, 0x45, 0x67, 1 + xsel])
            write("rsa_diff", "e%d_x%d_%d" % (esel, xsel, bits), hdr)
print("seed corpora written under fuzz/corpus/")

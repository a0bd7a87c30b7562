#!/usr/bin/env python3
"""Write the seed corpus fuzz/corpus/login/ of fuzz/fuzz_login.c: two
option bytes, then header JSON, payload JSON, property JSON and login name
separated by NUL bytes, and for a non-HMAC alg a fifth part, the signature
text. Payloads come from the committed fixture tokens (decoded) and from
hand-written cases around the principal, issuer/audience lists, groups
and dates. Run from anywhere; rerunning rewrites the seed_* files."""
import base64, glob, json, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(ROOT)
OUT = os.path.join("fuzz", "corpus", "login")
os.makedirs(OUT, exist_ok=True)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def b64d(s):
    return base64.urlsafe_b64decode(s + b"=" * (-len(s) % 4))


def seed(name, f0, f1, header, payload, props, user, sig=None):
    parts = [header, payload, props, user] + ([sig] if sig is not None else [])
    with open(os.path.join(OUT, "seed_" + name), "wb") as f:
        f.write(bytes([f0, f1]) + b"\x00".join(parts))


def js(o):
    return json.dumps(o, separators=(",", ":")).encode()


DEMO_PROPS = read("examples/demo/tom-properties.json").strip()
USER_PROPS = js({"jwks_url": "keys.json", "principal_field": "preferred_username",
                 "required_issuer": "https://issuer.example, http://localhost:38080/realms/master",
                 "required_audience": ["starrocks", "other"]})
POINTER_PROPS = js({"jwks_url": "k", "principal_field": "/realm_access/roles/0"})
ESCAPED_POINTER_PROPS = js({"jwks_url": "k", "principal_field": "/a~1b/~0c"})
INTEGRATION = js({"type": "authentication_jwt", "jwks_url": "https://idp.example/certs",
                  "principal_field": "sub", "permitted_groups": "analyst, g2",
                  "group_provider": "jwt", "comment": "fuzz"})
EMPTY_PROPS = b"{}"

# the committed fixture tokens: their header and payload, re-signed by the
# harness when the alg is HMAC, else carrying their own signature
for p in sorted(glob.glob("tests/fixtures/tokens/*.jwt")):
    name = os.path.basename(p)[:-4]
    parts = read(p).strip().split(b".")
    if len(parts) != 3:
        continue
    try:
        h, pl = b64d(parts[0]), b64d(parts[1])
    except ValueError:
        continue
    seed("fixture_" + name, 0x00, 0x00, h, pl, DEMO_PROPS, b"tom", parts[2])
    seed("fixture_" + name + "_user", 0x00, 0x05, h, pl, USER_PROPS, b"tom", parts[2])

HS = {"alg": "HS256", "typ": "JWT", "kid": "k1"}
BASE = {"sub": "tom", "iss": "http://localhost:38080/realms/master", "aud": "starrocks",
        "iat": 1764000000, "nbf": 1763999990, "exp": 1764003600,
        "preferred_username": "Tom", "realm_access": {"roles": ["analyst", "dev"]},
        "groups": ["g1", "g2"], "resource_access": {"starrocks": {"roles": ["ops"]}}}

cases = [
    # name, f0, f1, header, payload, props, user
    ("hs256_demo", 0x00, 0x00, HS, BASE, DEMO_PROPS, b"tom"),
    ("hs384_user", 0x00, 0x04, dict(HS, alg="HS384"), BASE, USER_PROPS, b"TOM"),
    ("hs512_nokid", 0x00, 0x08, {"alg": "HS512"}, BASE, DEMO_PROPS, b"tom"),
    ("hs256_k2", 0x01, 0x00, {"alg": "HS256", "kid": "k2"}, BASE, DEMO_PROPS, b"tom"),
    ("hs384_k2_unfit", 0x01, 0x00, {"alg": "HS384", "kid": "k2"}, BASE, DEMO_PROPS, b"tom"),
    ("hs256_wrong_key", 0x02, 0x00, HS, BASE, DEMO_PROPS, b"tom"),
    ("hs256_kid_unknown", 0x00, 0x00, dict(HS, kid="nope"), BASE, DEMO_PROPS, b"tom"),
    ("pointer_principal", 0x00, 0x00, HS, BASE, POINTER_PROPS, b"ANALYST"),
    ("escaped_pointer", 0x00, 0x00, HS, dict(BASE, **{"a/b": {"~c": "tom"}}),
     ESCAPED_POINTER_PROPS, b"tom"),
    ("integration_groups", 0x84, 0x00, HS, BASE, INTEGRATION, b"tom"),
    ("integration_groups_nouser", 0x8c, 0x00, HS, BASE, INTEGRATION, b""),
    ("integration_string_group", 0x44, 0x00, HS, dict(BASE, groups="analyst"), INTEGRATION, b"tom"),
    ("integration_no_group", 0xc4, 0x00, HS, BASE, INTEGRATION, b"tom"),
    ("openid_framing", 0x20, 0x00, HS, BASE, DEMO_PROPS, b"tom"),
    ("bare_nul_framing", 0x10, 0x00, HS, BASE, DEMO_PROPS, b"tom"),
    ("auto_framing", 0x30, 0x00, HS, BASE, DEMO_PROPS, b"tom"),
    ("required_all", 0x00, 0x78, HS, BASE, USER_PROPS, b"tom"),
    ("required_missing", 0x00, 0x38, HS, {"sub": "tom"}, DEMO_PROPS, b"tom"),
    ("allowlist", 0x00, 0x80, dict(HS, alg="HS512"), BASE, DEMO_PROPS, b"tom"),
    ("fraction_dates", 0x00, 0x03, HS, dict(BASE, exp=1764003600.5, nbf=1763999990.25,
                                             iat=1764000000.75), DEMO_PROPS, b"tom"),
    ("expired", 0x00, 0x00, HS, dict(BASE, exp=1700000000), DEMO_PROPS, b"tom"),
    ("future_nbf", 0x00, 0x00, HS, dict(BASE, nbf=1800000000), DEMO_PROPS, b"tom"),
    ("too_old", 0x00, 0x40, HS, dict(BASE, iat=1700000000), DEMO_PROPS, b"tom"),
    ("aud_list", 0x00, 0x00, HS, dict(BASE, aud=["x", "starrocks"]), USER_PROPS, b"Tom"),
    ("aud_bad_type", 0x00, 0x00, HS, dict(BASE, aud=["x", 1]), USER_PROPS, b"Tom"),
    ("iss_wrong", 0x00, 0x00, HS, dict(BASE, iss="https://evil.example"), DEMO_PROPS, b"Tom"),
    ("principal_mismatch", 0x00, 0x00, HS, BASE, EMPTY_PROPS, b"tim"),
    ("principal_not_string", 0x00, 0x00, HS, dict(BASE, sub=12), EMPTY_PROPS, b"12"),
    ("principal_empty", 0x00, 0x00, HS, dict(BASE, sub=""), EMPTY_PROPS, b""),
    ("principal_nul", 0x00, 0x00, HS, dict(BASE, sub="t\u0000m"), EMPTY_PROPS, b"tom"),
    ("principal_unicode", 0x00, 0x00, HS, dict(BASE, sub="T\u00f6m"), EMPTY_PROPS, "t\u00f6m".encode()),
    ("principal_long", 0x00, 0x00, HS, dict(BASE, sub="t" * 300), EMPTY_PROPS, b"t" * 300),
    ("many_groups", 0x44, 0x00, HS, dict(BASE, groups=["g%d" % i for i in range(40)]),
     INTEGRATION, b"tom"),
    ("groups_mixed", 0x44, 0x00, HS, dict(BASE, groups=[1, "", "g2", None, "a\u0000b"]),
     INTEGRATION, b"tom"),
    ("no_exp", 0x00, 0x00, HS, {"sub": "tom"}, EMPTY_PROPS, b"tom"),
    ("crit", 0x00, 0x00, dict(HS, crit=["exp"]), BASE, DEMO_PROPS, b"tom"),
    ("payload_not_object", 0x00, 0x00, HS, ["tom"], DEMO_PROPS, b"tom"),
]
for name, f0, f1, h, pl, props, user in cases:
    seed(name, f0, f1, js(h), js(pl), props, user)

# non-HMAC headers: the signature is the fifth part as given
seed("rs256_junk_sig", 0x00, 0x00, js({"alg": "RS256", "kid": "k1"}), js(BASE), DEMO_PROPS,
     b"tom", b"AAAA")
seed("none_alg", 0x00, 0x00, js({"alg": "none"}), js(BASE), DEMO_PROPS, b"tom", b"")
seed("hs256_given_sig", 0x03, 0x00, js(HS), js(BASE), DEMO_PROPS, b"tom", b"AAAA")
seed("header_not_json", 0x00, 0x00, b"{\"alg\":\"HS256\"", js(BASE), DEMO_PROPS, b"tom")
seed("duplicate_alg", 0x00, 0x00, b'{"alg":"HS256","alg":"none"}', js(BASE), DEMO_PROPS, b"tom")
print("seed corpus written under %s" % OUT)

#!/usr/bin/env python3
"""bench/table.py - the verification table of docs/performance.md from the
output of `make bench` (standard input or a file): for each algorithm the
median microseconds of jwtauth's verify, login and cache hit, BearSSL's
floor, OpenSSL and libjwt, and the ratios of the same run."""
import re
import sys


def main():
    text = open(sys.argv[1]).read() if len(sys.argv) > 1 else sys.stdin.read()
    us, ratio = {}, {}
    for line in text.splitlines():
        m = re.match(r"(us|ratio) (\S+) (.*)", line)
        if not m or "dupnames" in line:
            continue
        fields = dict(kv.split("=", 1) for kv in m.group(3).split())
        if m.group(1) == "us":
            # the first line per algorithm is the ordinary token; later ones
            # (bytes=8192) are the long-token rows
            if m.group(2) not in us:
                us[m.group(2)] = fields
        else:
            ratio[m.group(2)] = fields

    def val(f, k):
        v = f.get(k, "na").split("[")[0]
        return v.split(":")[-1]

    print("| alg | token bytes | verify µs | login µs | cache hit µs | BearSSL floor µs "
          "| OpenSSL µs | libjwt µs | verify/OpenSSL | libjwt/verify |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for alg, f in us.items():
        r = ratio.get(alg, {})
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            alg, f.get("bytes", "na"), val(f, "verify"), val(f, "auth"),
            val(f, "cachehit"), val(f, "floor"), val(f, "openssl"),
            val(f, "libjwt"), r.get("verify/openssl", "na"),
            r.get("libjwt/verify", "na")))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""mysqld_faults.py - load and fault tests of build/jwtauth-mysqld with a
raw MySQL-protocol client (standard library only), run by `make
mysqld-faults` (part of `make test`) from the repository root.

Each group starts its own server on a free loopback port (--listen
127.0.0.1:0), talks to it over sockets that all have timeouts, and stops it
with SIGTERM (SIGKILL after a grace period). The whole run is bounded by
an alarm. Usage:

    python3 tests/mysqld_faults.py [GROUP...]      (default: every group)

Groups: pipeline, case, handshake, emfile, log, backlog. MYSQLD_BIN=PATH
tests another build of the server (a sanitizer build, say).
Closing line: "mysqld-faults: N passed, M failed" (exit 1 when M > 0)."""
import os
import resource
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
BIN = os.environ.get("MYSQLD_BIN") or "build/jwtauth-mysqld"
DEMO = "examples/demo"
ACCOUNTS = DEMO + "/accounts.sql"
JWKS = DEMO + "/conf/jwks.json"
TOKEN = open(DEMO + "/tom.jwt").read().strip().encode()
ISSUER = "http://localhost:38080/realms/master"
RUN_LIMIT = 600            # seconds for the whole run
IO_TIMEOUT = 5.0           # every socket operation

CLIENT_LONG_PASSWORD = 0x1
CLIENT_PROTOCOL_41 = 0x200
CLIENT_SECURE_CONNECTION = 0x8000
CLIENT_PLUGIN_AUTH = 0x80000
CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA = 0x200000
CLIENT_DEPRECATE_EOF = 0x1000000
OPENID = b"authentication_openid_connect_client"

passed = 0
failed = 0
servers = []
TMP = tempfile.mkdtemp(prefix="mysqld-faults-", dir="build")


def ok(name):
    global passed
    passed += 1
    print("ok - " + name, flush=True)


def bad(name):
    global failed
    failed += 1
    print("not ok - " + name, flush=True)


def check(cond, name, detail=""):
    if cond:
        ok(name)
    else:
        bad(name + (": " + detail if detail else ""))
    return cond


# ---- the server ----

class Server:
    """build/jwtauth-mysqld on 127.0.0.1:<free port>. stderr goes to a file
    (self.log) unless `stderr` is given; `pre` runs in the child before exec
    (resource limits)."""

    def __init__(self, args, name, stderr=None, pre=None):
        self.name = name
        self.out = os.path.join(TMP, name + ".out")
        self.log = os.path.join(TMP, name + ".log")
        self.port = None
        with open(self.out, "wb") as out:
            err = stderr if stderr is not None else open(self.log, "wb")
            self.proc = subprocess.Popen([BIN, "--listen", "127.0.0.1:0"] + args,
                                         stdin=subprocess.DEVNULL, stdout=out,
                                         stderr=err, preexec_fn=pre)
            if stderr is None:
                err.close()
        servers.append(self)
        end = time.monotonic() + 15
        while time.monotonic() < end and self.proc.poll() is None:
            with open(self.out) as f:
                for line in f:
                    if line.startswith("listening on 127.0.0.1:"):
                        self.port = int(line.strip().rsplit(":", 1)[1])
            if self.port:
                break
            time.sleep(0.05)

    def alive(self):
        return self.proc.poll() is None

    def cpu_seconds(self):
        """utime + stime of the server process, in seconds."""
        with open("/proc/%d/stat" % self.proc.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def cpu_over(self, seconds):
        a = self.cpu_seconds()
        time.sleep(seconds)
        return self.cpu_seconds() - a

    def stop(self, grace=5.0):
        """SIGTERM; returns (exit code or None, seconds it took)."""
        t0 = time.monotonic()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return None, time.monotonic() - t0
        return self.proc.returncode, time.monotonic() - t0

    def log_text(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()
        except OSError:
            return ""


def stop_all():
    for s in servers:
        if s.proc.poll() is None:
            s.proc.kill()
            s.proc.wait()


# ---- a raw MySQL client ----

class Conn:
    def __init__(self, port, timeout=IO_TIMEOUT, source=None):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=timeout,
                                          source_address=(source, 0) if source else None)
        self.buf = b""

    def recv_exact(self, n):
        while len(self.buf) < n:
            chunk = self.s.recv(65536)
            if not chunk:
                raise EOFError("server closed the connection")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def packet(self):
        h = self.recv_exact(4)
        n = h[0] | h[1] << 8 | h[2] << 16
        return h[3], self.recv_exact(n)

    def send_packet(self, seq, payload):
        self.s.sendall(struct.pack("<I", len(payload))[:3] + bytes([seq]) + payload)

    def login(self, user, token=TOKEN):
        """Greeting, then a HandshakeResponse41 that already used the openid
        plugin. Returns the server's reply payload (OK 0x00 or ERR 0xFF)."""
        seq, greet = self.packet()
        if greet[:1] != b"\x0a":
            return greet
        flags = (CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION
                 | CLIENT_PLUGIN_AUTH | CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA
                 | CLIENT_DEPRECATE_EOF)
        auth = b"\x01" + lenenc(len(token)) + token
        p = (struct.pack("<IIB", flags, 1 << 24, 45) + b"\0" * 23 + user + b"\0"
             + lenenc(len(auth)) + auth + OPENID + b"\0")
        self.send_packet(seq + 1, p)
        return self.packet()[1]

    def query(self, sql):
        """One COM_QUERY; the single value of its one-row result, or the
        ERR payload as bytes."""
        self.send_packet(0, b"\x03" + sql)
        return read_result(self)

    def close(self, reset=False):
        try:
            if reset:
                self.s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                  struct.pack("ii", 1, 0))
            self.s.close()
        except OSError:
            pass


def lenenc(n):
    if n < 251:
        return bytes([n])
    if n < 0x10000:
        return b"\xfc" + struct.pack("<H", n)
    return b"\xfd" + struct.pack("<I", n)[:3]


def read_lenenc_str(p, i):
    b = p[i]
    if b < 251:
        return p[i + 1:i + 1 + b], i + 1 + b
    if b == 0xFC:
        n = p[i + 1] | p[i + 2] << 8
        return p[i + 3:i + 3 + n], i + 3 + n
    raise ValueError("long string")


def read_result(c):
    """A one-column, one-row result set (CLIENT_DEPRECATE_EOF): its value
    as str; an ERR: the ERR payload (bytes)."""
    _, first = c.packet()
    if first[:1] == b"\xff":
        return first
    c.packet()                      # column definition
    _, row = c.packet()
    c.packet()                      # OK (0xFE header)
    return read_lenenc_str(row, 0)[0].decode()


def err_code(payload):
    if payload[:1] != b"\xff" or len(payload) < 3:
        return None
    return payload[1] | payload[2] << 8


def greeting_or_err(port, timeout=IO_TIMEOUT, source=None):
    """Connect (from address `source`) and read the first packet:
    'greeting', 'ERR <code>', or what went wrong."""
    try:
        c = Conn(port, timeout, source)
    except OSError as e:
        return "connect: %s" % e, None
    try:
        _, p = c.packet()
        if p[:1] == b"\x0a":
            return "greeting", c
        if p[:1] == b"\xff":
            return "ERR %d" % err_code(p), c
        return "unexpected packet", c
    except (OSError, EOFError) as e:
        c.close()
        return "no first packet: %s" % e, None


def login_ok(port, user=b"tom", token=TOKEN):
    try:
        c = Conn(port)
        r = c.login(user, token)
        good = r[:1] == b"\x00"
        c.send_packet(0, b"\x01")
        c.close()
        return good, r
    except (OSError, EOFError) as e:
        return False, str(e).encode()


def quit_close(c):
    try:
        c.send_packet(0, b"\x01")
    except OSError:
        pass
    c.close()


def write_file(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def account(name, props):
    return "CREATE USER %s IDENTIFIED WITH authentication_jwt AS '%s'\n" % (name, props)


# ---- groups ----

def count_oks(c, n, deadline):
    """Read up to n OK packets; how many came (a timeout ends the count)."""
    got = 0
    try:
        while got < n and time.monotonic() < deadline:
            _, p = c.packet()
            if p[:1] != b"\x00":
                break
            got += 1
    except (OSError, EOFError) as e:
        print("    (after %d OKs: %s)" % (got, e))
    return got


def pipeline_server(name):
    srv = Server(["--accounts", ACCOUNTS, "--jwks", JWKS, "--max-connections", "2",
                  "--max-handshakes", "2"], name)
    if not check(srv.port, name + ": server started", srv.log_text()):
        return None, None
    c = Conn(srv.port)
    r = c.login(b"tom")
    if not check(r[:1] == b"\x00", name + ": login", repr(r[:80])):
        return None, None
    return srv, c


def slots_free(srv, what):
    """Both slots of --max-connections 2 take a new client."""
    time.sleep(0.2)
    res = [greeting_or_err(srv.port) for _ in range(2)]
    check(all(r[0] == "greeting" for r in res), what, ", ".join(r[0] for r in res))
    for r in res:
        if r[1]:
            r[1].close()


def group_pipeline():
    """Pipelined commands are all answered; a reset or closed connection
    frees its slot at once and leaves the server idle. Each case has its
    own server with --max-connections 2."""
    srv, c = pipeline_server("pipeline-queries")
    if srv:
        q = b"SELECT CURRENT_USER()"
        c.s.sendall((struct.pack("<I", 1 + len(q))[:3] + b"\0" + b"\x03" + q) * 300)
        got = 0
        try:
            for _ in range(300):
                if read_result(c) != "tom":
                    break
                got += 1
        except (OSError, EOFError) as e:
            print("    (%s)" % e)
        check(got == 300, "pipeline: 300 queries in one write, 300 results",
              "%d results" % got)
        quit_close(c)
        slots_free(srv, "pipeline: after COM_QUIT both slots are free")
        code, _ = srv.stop()
        check(code == 0, "pipeline: SIGTERM, exit 0", "exit %s" % code)

    srv, c = pipeline_server("pipeline-pings")
    if srv:
        c.s.sendall(b"\x01\0\0\0\x0e" * 2000)
        got = count_oks(c, 2000, time.monotonic() + 10)
        check(got == 2000, "pipeline: 2000 pings in one write, 2000 OKs", "%d OKs" % got)
        c.close()
        slots_free(srv, "pipeline: after a close both slots are free")

    # 8000 pings (40 KB), then 80 KB more (the input buffer fills), nothing
    # read, then a reset
    srv, c = pipeline_server("pipeline-reset")
    if srv:
        c.s.sendall(b"\x01\0\0\0\x0e" * 24000)
        time.sleep(0.3)
        c.close(reset=True)
        time.sleep(0.3)
        cpu = srv.cpu_over(1.0)
        check(cpu < 0.2, "pipeline: after a reset mid-pipeline the server is idle",
              "%.2f s of CPU in 1 s" % cpu)
        slots_free(srv, "pipeline: after the reset both slots are free")

    # 24000 pings, the answers read for a while, then a normal close
    srv, c = pipeline_server("pipeline-close")
    if srv:
        try:
            c.s.sendall(b"\x01\0\0\0\x0e" * 24000)
            c.s.settimeout(0.5)
            while c.s.recv(65536):
                pass
        except OSError:
            pass
        c.close()
        slots_free(srv, "pipeline: after a close mid-pipeline both slots are free")
        cpu = srv.cpu_over(1.0)
        check(cpu < 0.2, "pipeline: after a close mid-pipeline the server is idle",
              "%.2f s of CPU in 1 s" % cpu)

    # half-close: 8000 pings, shutdown(SHUT_WR): every answer still comes,
    # then the server closes and the slot is free
    srv, c = pipeline_server("pipeline-halfclose")
    if srv:
        c.s.sendall(b"\x01\0\0\0\x0e" * 8000)
        c.s.shutdown(socket.SHUT_WR)
        got = count_oks(c, 8000, time.monotonic() + 10)
        check(got == 8000, "pipeline: 8000 pings then FIN: 8000 OKs", "%d OKs" % got)
        try:
            eof = c.s.recv(1) == b""
        except OSError:
            eof = False
        check(eof, "pipeline: the server closes after answering a half-closed client")
        c.close()
        slots_free(srv, "pipeline: after the half-close both slots are free")
        cpu = srv.cpu_over(1.0)
        check(cpu < 0.2, "pipeline: idle server uses no CPU", "%.2f s in 1 s" % cpu)


def group_case():
    """Account names compare ignoring ASCII case, as principals do: a case
    variant of an account's name is that account (never the integration),
    and two names differing only in case are a start-up error."""
    props_strict = ('{"principal_field": "preferred_username", "required_issuer":'
                    ' "https://other-issuer.example/realms/x"}')
    acc = write_file("case.sql", account("tom", props_strict))
    integ = write_file("case-integration.json",
                       '{"type": "authentication_jwt", "jwks_url": "jwks.json",'
                       ' "principal_field": "preferred_username"}')
    srv = Server(["--accounts", acc, "--integration", integ, "--jwks", JWKS], "case")
    if check(srv.port, "case: server with account tom and an integration started",
             srv.log_text()):
        for user in (b"TOM", b"Tom", b"tom"):
            good, r = login_ok(srv.port, user)
            check(not good and err_code(r) == 1045 and b"ISSUER" in r,
                  "case: login as %s with a token tom's account does not trust:"
                  " refused by tom's account (ISSUER)" % user.decode(), repr(r[:120]))
        good, r = login_ok(srv.port, b"jerry")
        check(not good and err_code(r) == 1045 and b"PRINCIPAL_MISMATCH" in r,
              "case: another name still goes to the integration", repr(r[:120]))
        srv.stop()

    acc = write_file("case-ok.sql", account("tom", '{"principal_field": "preferred_username",'
                                            ' "required_issuer": "%s"}' % ISSUER))
    srv = Server(["--accounts", acc, "--jwks", JWKS], "case-ok")
    if check(srv.port, "case: server with account tom started", srv.log_text()):
        try:
            c = Conn(srv.port)
            r = c.login(b"TOM")
            check(r[:1] == b"\x00", "case: login as TOM uses tom's account", repr(r[:120]))
            if r[:1] == b"\x00":
                v = c.query(b"SELECT CURRENT_USER()")
                check(v == "tom", "case: CURRENT_USER() is the principal 'tom'", repr(v))
            quit_close(c)
        except (OSError, EOFError) as e:
            bad("case: login as TOM: %s" % e)
        srv.stop()

    acc = write_file("case-dup.sql", account("tom", props_strict)
                     + account("Tom", '{"principal_field": "preferred_username"}'))
    p = subprocess.run([BIN, "--accounts", acc, "--jwks", JWKS, "--listen", "127.0.0.1:0"],
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=10)
    err = p.stderr.decode(errors="replace")
    check(p.returncode == 2 and "case-dup.sql:2: user 'Tom' clashes with user 'tom' of line 1"
          in err, "case: accounts tom and Tom: start-up error naming both",
          "exit %d: %s" % (p.returncode, err.strip()))


def group_handshake():
    """Silent connections fill only the handshake budget: a logged-in
    session keeps working, and once --handshake-timeout drops them a real
    login succeeds."""
    srv = Server(["--accounts", ACCOUNTS, "--jwks", JWKS, "--max-connections", "8",
                  "--max-handshakes", "4", "--handshake-timeout", "2"], "handshake")
    if not check(srv.port, "handshake: server started", srv.log_text()):
        return
    a = Conn(srv.port)
    r = a.login(b"tom")
    if not check(r[:1] == b"\x00", "handshake: a session logs in", repr(r[:80])):
        return
    t0 = time.monotonic()
    silent = []
    for _ in range(4):
        what, c = greeting_or_err(srv.port)
        if c:
            silent.append(c)
    check(len(silent) == 4, "handshake: 4 silent connections get a greeting")
    what, c = greeting_or_err(srv.port)
    check(what == "ERR 1040", "handshake: a 5th connection still authenticating: ERR 1040",
          what)
    if c:
        c.close()
    check(a.query(b"SELECT CURRENT_USER()") == "tom",
          "handshake: the logged-in session keeps working")
    # the silent ones are closed after --handshake-timeout 2
    closed = 0
    for c in silent:
        c.s.settimeout(max(0.1, t0 + 5 - time.monotonic()))
        try:
            if c.s.recv(1) == b"":
                closed += 1
        except OSError:
            pass
        c.close()
    took = time.monotonic() - t0
    check(closed == 4 and 1.5 <= took < 4.5,
          "handshake: the silent connections are closed after --handshake-timeout 2",
          "%d closed, after %.1f s" % (closed, took))
    good, r = login_ok(srv.port)
    check(good, "handshake: then a login succeeds", repr(r[:80]))
    check(a.query(b"SELECT CURRENT_USER()") == "tom", "handshake: the session is still there")
    quit_close(a)
    log = srv.log_text()
    check("timed out during authentication" in log
          and "still authenticating (--max-handshakes)" in log,
          "handshake: the log names the refusal and the timeouts")
    srv.stop()

    # the default budget is half of --max-connections
    srv = Server(["--accounts", ACCOUNTS, "--jwks", JWKS, "--max-connections", "4"],
                 "handshake-default")
    if check(srv.port, "handshake: server with --max-connections 4 started", srv.log_text()):
        res = [greeting_or_err(srv.port) for _ in range(3)]
        check([r[0] for r in res] == ["greeting", "greeting", "ERR 1040"],
              "handshake: default --max-handshakes is 2 of --max-connections 4",
              ", ".join(r[0] for r in res))
        for r in res:
            if r[1]:
                r[1].close()
        srv.stop()
    # per peer address: 127.0.0.2 fills its share, 127.0.0.1 still logs in
    srv = Server(["--accounts", ACCOUNTS, "--jwks", JWKS, "--max-connections", "16",
                  "--max-handshakes", "8", "--max-handshakes-per-host", "2",
                  "--handshake-timeout", "30"], "handshake-host")
    if check(srv.port, "handshake: server with --max-handshakes-per-host 2 started",
             srv.log_text()):
        res = [greeting_or_err(srv.port, source="127.0.0.2") for _ in range(3)]
        check([r[0] for r in res] == ["greeting", "greeting", "ERR 1040"],
              "handshake: a third silent connection from 127.0.0.2: ERR 1040",
              ", ".join(r[0] for r in res))
        good, r = login_ok(srv.port)
        check(good, "handshake: meanwhile a login from 127.0.0.1 succeeds", repr(r[:80]))
        for r in res:
            if r[1]:
                r[1].close()
        check("from 127.0.0.2" in srv.log_text() and "(--max-handshakes-per-host)"
              in srv.log_text(), "handshake: the log names the host refused")
        srv.stop()
    p = subprocess.run([BIN, "--help"], capture_output=True, timeout=10)
    out = p.stdout.decode()
    check("--max-handshakes N" in out and "--handshake-timeout SECONDS" in out
          and "--max-handshakes-per-host N" in out,
          "handshake: --help lists --max-handshakes, --max-handshakes-per-host and"
          " --handshake-timeout")
    p = subprocess.run([BIN, "--accounts", ACCOUNTS, "--jwks", JWKS, "--max-connections", "4",
                        "--max-handshakes", "5"], capture_output=True, timeout=10,
                       stdin=subprocess.DEVNULL)
    check(p.returncode == 2 and b"--max-handshakes 5 is more than --max-connections 4"
          in p.stderr, "handshake: --max-handshakes over --max-connections: usage error",
          p.stderr.decode(errors="replace").strip())


def first_packets(port, n, seconds):
    """Connect n clients, then read each one's first packet, all within
    `seconds`: a list of 'greeting' / 'ERR <code>' / what went wrong, and
    the sockets (to close)."""
    conns, res = [], []
    for _ in range(n):
        try:
            conns.append(Conn(port, 2.0))
        except OSError as e:
            conns.append(None)
            res.append("connect: %s" % e)
    end = time.monotonic() + seconds
    for c in conns:
        if c is None:
            continue
        c.s.settimeout(max(0.05, end - time.monotonic()))
        try:
            _, p = c.packet()
            res.append("greeting" if p[:1] == b"\x0a" else
                       "ERR %s" % err_code(p) if p[:1] == b"\xff" else "unexpected packet")
        except (OSError, EOFError) as e:
            res.append("no first packet: %s" % e)
    return res, [c for c in conns if c]


def summary(res):
    out = {}
    for r in res:
        out[r] = out.get(r, 0) + 1
    return ", ".join("%d %s" % (v, k) for k, v in sorted(out.items()))


def group_emfile():
    """With RLIMIT_NOFILE 32, 40 clients each get a greeting or ERR 1040;
    the server logs the exhaustion once, does not spin, and recovers."""
    def low_limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (32, 32))
    srv = Server(["--accounts", ACCOUNTS, "--jwks", JWKS, "--max-connections", "64",
                  "--max-handshakes", "64"], "emfile", pre=low_limit)
    if not check(srv.port, "emfile: server started with RLIMIT_NOFILE 32", srv.log_text()):
        return
    cpu0 = srv.cpu_seconds()
    t0 = time.monotonic()
    res, conns = first_packets(srv.port, 40, 5.0)
    greet = res.count("greeting")
    refused = res.count("ERR 1040")
    check(greet + refused == 40 and greet >= 20 and refused >= 1,
          "emfile: 40 clients: each gets a greeting or ERR 1040", summary(res))
    cpu = srv.cpu_over(1.0)
    check(cpu < 0.2, "emfile: the server is idle while out of descriptors",
          "%.2f s of CPU in 1 s" % cpu)
    more, conns2 = first_packets(srv.port, 10, 5.0)
    check(more.count("ERR 1040") == 10, "emfile: 10 more clients: ERR 1040 each",
          summary(more))
    for c in conns + conns2:
        c.close()
    time.sleep(0.3)
    good, r = login_ok(srv.port)
    check(good, "emfile: after the clients leave a login succeeds", repr(r[:80]))
    res, conns = first_packets(srv.port, 40, 5.0)
    check(res.count("greeting") + res.count("ERR 1040") == 40,
          "emfile: a second wave of 40: greeting or ERR 1040 each", summary(res))
    for c in conns:
        c.close()
    time.sleep(0.3)
    good, r = login_ok(srv.port)
    check(good, "emfile: and again a login succeeds", repr(r[:80]))
    total = srv.cpu_seconds() - cpu0
    took = time.monotonic() - t0
    check(total < 0.25 * took, "emfile: CPU over the whole test stays low",
          "%.2f s of CPU in %.1f s" % (total, took))
    log = srv.log_text()
    n = log.count("accept: out of file descriptors")
    check(n == 1, "emfile: the log reports the exhaustion once", "%d reports" % n)
    check("warning: RLIMIT_NOFILE 32 leaves room for about" in log,
          "emfile: the start-up warning names RLIMIT_NOFILE")
    code, _ = srv.stop()
    check(code == 0, "emfile: SIGTERM, exit 0", "exit %s" % code)


def drain(fd, seconds):
    """Read what the pipe holds (for up to `seconds`, until EOF)."""
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], max(0.0, min(0.2, end - time.monotonic())))
        if not r:
            if seconds <= 0.5:
                break
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        out += chunk
    return out


def group_log():
    """stderr on a pipe nobody reads: logins go on, dropped lines are
    counted and reported once the pipe takes lines again, SIGTERM works."""
    rfd, wfd = os.pipe()
    try:
        srv = Server(["--accounts", ACCOUNTS, "--jwks", JWKS], "log", stderr=wfd)
    finally:
        os.close(wfd)
    try:
        if not check(srv.port, "log: server with stderr on an unread pipe started"):
            return
        t0 = time.monotonic()
        good = 0
        first_bad = None
        for i in range(2000):
            if time.monotonic() - t0 > 120:
                break
            g, r = login_ok(srv.port)
            if g:
                good += 1
            else:
                first_bad = "login %d: %r" % (i + 1, r[:80])
                break
        took = time.monotonic() - t0
        check(good == 2000, "log: 2000 logins with the log pipe full",
              "%d succeeded in %.1f s; %s" % (good, took, first_bad))
        # the pipe is read again: the next line is preceded by the count
        head = drain(rfd, 0.3)
        good, r = login_ok(srv.port)
        text = drain(rfd, 1.0).decode(errors="replace")
        check(good and "log line(s) dropped: stderr was not writable" in text
              and "logged in" in text,
              "log: once the pipe drains, the dropped lines are counted in the log",
              text[-300:] or "(nothing; %d bytes before)" % len(head))
        # fill it again, then SIGTERM: prompt exit, the count reported at exit
        # (read by a thread that starts draining right after the signal)
        for _ in range(800):
            if not login_ok(srv.port)[0]:
                break
        got = []
        t = threading.Thread(target=lambda: got.append(drain(rfd, 5.0)))
        t1 = time.monotonic()
        srv.proc.send_signal(signal.SIGTERM)
        t.start()
        try:
            srv.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
        took = time.monotonic() - t1
        t.join(6)
        code = srv.proc.poll()
        check(code == 0 and took < 3, "log: SIGTERM stops the server promptly",
              "exit %s after %.1f s" % (code, took))
        tail = (got[0] if got else b"").decode(errors="replace")
        check("log line(s) dropped" in tail and tail.rstrip().endswith("stopped"),
              "log: at exit the dropped count is reported, then 'stopped'", tail[-300:])
    finally:
        os.close(rfd)


def listen_backlog(port):
    """The listen backlog of 127.0.0.1:port as the kernel reports it (ss
    -ltn: Send-Q of a listening socket), or None."""
    try:
        p = subprocess.run(["ss", "-Hltn", "sport = :%d" % port], capture_output=True,
                           timeout=10)
    except (OSError, subprocess.TimeoutExpired) as e:
        print("    (ss: %s)" % e)
        return None
    for line in p.stdout.decode().splitlines():
        f = line.split()
        if len(f) >= 4 and f[0] == "LISTEN" and f[3].endswith(":%d" % port):
            return int(f[2])
    print("    (ss output: %r %r)" % (p.stdout[:200], p.stderr[:200]))
    return None


def group_backlog():
    """The listen backlog follows --max-connections; clients that closed
    free their slots before anyone is refused."""
    with open("/proc/sys/net/core/somaxconn") as f:
        somaxconn = int(f.read())
    for n in (64, 300):
        srv = Server(["--accounts", ACCOUNTS, "--jwks", JWKS, "--max-connections", str(n)],
                     "backlog-%d" % n)
        if check(srv.port, "backlog: server with --max-connections %d started" % n,
                 srv.log_text()):
            want = min(2 * n, somaxconn)
            got = listen_backlog(srv.port)
            check(got == want, "backlog: --max-connections %d: listen backlog %d (ss)"
                  % (n, want), "ss says %s" % got)
            srv.stop()

    n = 48
    ROUNDS = 40
    srv = Server(["--accounts", ACCOUNTS, "--jwks", JWKS, "--max-connections", str(n),
                  "--max-handshakes", str(n)], "backlog-burst")
    if not check(srv.port, "backlog: server with --max-connections %d started" % n,
                 srv.log_text()):
        return
    old, conns = first_packets(srv.port, n, 5.0)
    check(old.count("greeting") == n, "backlog: %d clients get a greeting" % n, summary(old))
    refused = []
    for rnd in range(ROUNDS):
        # each client closes and at once a new one connects in its place
        new = []
        for i in range(n):
            conns[i].close()
            try:
                new.append(Conn(srv.port, 2.0))
            except OSError as e:
                refused.append("connect: %s" % e)
        end = time.monotonic() + 5
        res = []
        for c in new:
            c.s.settimeout(max(0.05, end - time.monotonic()))
            try:
                _, p = c.packet()
                res.append("greeting" if p[:1] == b"\x0a" else "ERR %s" % err_code(p))
            except (OSError, EOFError) as e:
                res.append("no first packet: %s" % e)
        refused += [r for r in res if r != "greeting"]
        conns = new
        if len(conns) < n:
            break
    for c in conns:
        c.close()
    check(not refused, "backlog: %d rounds of %d clients closing while %d new ones connect:"
          " every new one gets a greeting" % (ROUNDS, n, n), summary(refused))
    code, _ = srv.stop()
    check(code == 0, "backlog: SIGTERM, exit 0", "exit %s" % code)


GROUPS = {
    "pipeline": group_pipeline,
    "case": group_case,
    "handshake": group_handshake,
    "emfile": group_emfile,
    "log": group_log,
    "backlog": group_backlog,
}


def main():
    signal.signal(signal.SIGALRM, lambda *a: (_ for _ in ()).throw(
        TimeoutError("run over %d s" % RUN_LIMIT)))
    signal.alarm(RUN_LIMIT)
    names = sys.argv[1:] or list(GROUPS)
    try:
        if not os.access(BIN, os.X_OK):
            bad(BIN + " not built")
        else:
            for n in names:
                if n not in GROUPS:
                    bad("unknown group " + n)
                    continue
                print("# " + n, flush=True)
                try:
                    GROUPS[n]()
                except Exception as e:  # a broken group is a failure, not a crash
                    bad("%s: %s: %s" % (n, type(e).__name__, e))
                finally:
                    stop_all()
    finally:
        signal.alarm(0)
        stop_all()
    if failed:
        for s in servers:
            t = s.log_text()
            if t:
                print("server log %s, last lines:" % s.log)
                for line in t.splitlines()[-15:]:
                    print("    " + line)
    print("mysqld-faults: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

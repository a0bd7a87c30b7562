// mysql_e2e.mjs - end-to-end checks of build/jwtauth-mysqld with a MySQL
// client library nobody here wrote (node's mysql2), plus raw-socket abuse.
// Run by tests/mysql_e2e.sh, which starts the servers and passes:
//   node tests/mysql_e2e.mjs --port PORT [--socket PATH] [--port1 PORT]
//     [--rot-port PORT --rot-conf DIR] [--http-port PORT]
// --rot-port: a server reading DIR/jwks.json through the key-set cache
// (--cache-ttl 3 --cache-cooldown 1 --cache-max-stale 3); this script
// rewrites that file (key rotation, a vanished file). --http-port: a server
// whose jwks_url is an http URL.
// Prints one "ok - ..." / "not ok - ..." line per check and, last,
// "RESULT <passed> <failed>" for the shell script to add up.
import { createRequire } from 'node:module';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'build', 'package.json'));
const mysql = require('mysql2/promise');

const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const PORT = Number(arg('--port'));
const SOCKET = arg('--socket');
const HOST = '127.0.0.1';
const demo = (f) => readFileSync(path.join(root, 'examples', 'demo', f), 'utf8').trim();
const TOM = demo('tom.jwt');
const EXPIRED = demo('tom-expired.jwt');
const OTHER_KEY = demo('other-key.jwt');
const GARBAGE = 'this-is-not-a-jwt';

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok - ${name}`);
  } else {
    failed++;
    console.log(`not ok - ${name}${detail ? ': ' + detail : ''}`);
  }
}

function withTimeout(promise, ms, what) {
  let t;
  const timer = new Promise((_, reject) => {
    t = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timer]).finally(() => clearTimeout(t));
}

// MySQL length-encoded integer + bytes, as the 9.2 client writes the token
function lenenc(buf) {
  const n = buf.length;
  let head;
  if (n < 251) head = Buffer.from([n]);
  else if (n < 0x10000) head = Buffer.from([0xfc, n & 0xff, n >> 8]);
  else if (n < 0x1000000) head = Buffer.from([0xfd, n & 0xff, (n >> 8) & 0xff, n >> 16]);
  else throw new Error('token too long for this test');
  return Buffer.concat([head, buf]);
}
// authentication_openid_connect_client: 1 capability byte + lenenc token
const openidResponse = (token) =>
  Buffer.concat([Buffer.from([1]), lenenc(Buffer.from(token, 'utf8'))]);

async function login(user, token, extra = {}) {
  const where = SOCKET && extra.socket ? { socketPath: SOCKET } : { host: HOST, port: PORT };
  delete extra.socket;
  return withTimeout(
    mysql.createConnection({
      ...where,
      user,
      connectTimeout: 5000,
      authPlugins: {
        authentication_openid_connect_client: () => () => openidResponse(token),
      },
      ...extra,
    }),
    10000,
    `login ${user}`,
  );
}

async function currentUser(conn, sql = 'SELECT CURRENT_USER()') {
  const [rows, fields] = await withTimeout(conn.query(sql), 5000, sql);
  return { value: rows[0][fields[0].name], column: fields[0].name, n: rows.length };
}

async function expectRefused(name, user, token, reason, extra = {}) {
  try {
    const c = await login(user, token, { ...extra });
    await c.end().catch(() => {});
    check(name, false, 'login succeeded');
  } catch (e) {
    const ok = e.errno === 1045 && e.sqlState === '28000' && reason.test(e.sqlMessage || '');
    check(name, ok, `errno ${e.errno} sqlState ${e.sqlState} message ${JSON.stringify(e.sqlMessage || e.message)}`);
  }
}

// ---- raw MySQL packets over a node socket ----

function packet(seq, payload) {
  const h = Buffer.alloc(4);
  h.writeUIntLE(payload.length, 0, 3);
  h[3] = seq;
  return Buffer.concat([h, payload]);
}

function splitPackets(buf) {
  const out = [];
  let i = 0;
  while (buf.length - i >= 4) {
    const len = buf.readUIntLE(i, 3);
    if (buf.length - i - 4 < len) break;
    out.push({ seq: buf[i + 3], payload: buf.subarray(i + 4, i + 4 + len) });
    i += 4 + len;
  }
  return out;
}

// A raw session: script(sock, nextPackets) drives it. Resolves with
// { packets (all received), closed } when the server closes or after ms.
function rawSession(script, ms = 5000) {
  return new Promise((resolve) => {
    const sock = net.connect(PORT, HOST);
    let data = Buffer.alloc(0);
    let waiters = [];
    let closed = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      resolve({ packets: splitPackets(data), closed });
    };
    const timer = setTimeout(finish, ms);
    const wake = () => {
      const pk = splitPackets(data);
      waiters = waiters.filter((w) => {
        if (pk.length >= w.n || closed) {
          w.resolve(pk);
          return false;
        }
        return true;
      });
    };
    // wait until at least n packets in total have arrived (or close)
    const waitPackets = (n) =>
      new Promise((res) => {
        waiters.push({ n, resolve: res });
        wake();
      });
    sock.on('data', (d) => {
      data = Buffer.concat([data, d]);
      wake();
    });
    sock.on('error', () => {});
    sock.on('close', () => {
      closed = true;
      wake();
      finish();
    });
    sock.on('connect', () => {
      Promise.resolve(script(sock, waitPackets)).catch(() => {}).then(() => {
        // scripts that do not wait for a close end here
      });
    });
  });
}

const CAPS = {
  PROTOCOL_41: 0x200,
  SECURE_CONNECTION: 0x8000,
  PLUGIN_AUTH: 0x80000,
  CONNECT_ATTRS: 0x100000,
  LENENC: 0x200000,
  DEPRECATE_EOF: 0x1000000,
};

function handshakeResponse({ flags, user, auth, plugin, attrs }) {
  const head = Buffer.alloc(32);
  head.writeUInt32LE(flags >>> 0, 0);
  head.writeUInt32LE(16 * 1024 * 1024, 4);
  head[8] = 45;
  const parts = [head, Buffer.from(user + '\0')];
  parts.push(flags & CAPS.LENENC ? lenenc(auth) : Buffer.concat([Buffer.from([auth.length]), auth]));
  if (flags & CAPS.PLUGIN_AUTH) parts.push(Buffer.from(plugin + '\0'));
  if (flags & CAPS.CONNECT_ATTRS) {
    const kv = [];
    for (const [k, v] of Object.entries(attrs || {})) kv.push(lenenc(Buffer.from(k)), lenenc(Buffer.from(v)));
    parts.push(lenenc(Buffer.concat(kv)));
  }
  return Buffer.concat(parts);
}

const isErr = (p, code) => p && p.payload[0] === 0xff && p.payload.readUInt16LE(1) === code;
const errText = (p) => (p && p.payload[0] === 0xff ? p.payload.subarray(9).toString() : '');

// log in, check CURRENT_USER(), log out
async function expectLogin(name, user, token, extra = {}) {
  try {
    const c = await login(user, token, { ...extra });
    const r = await currentUser(c);
    await c.end();
    check(name, r.value === user, `CURRENT_USER() = ${JSON.stringify(r.value)}`);
  } catch (e) {
    check(name, false, `errno ${e.errno} ${e.sqlMessage || e.message}`);
  }
}

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

// An RS256 token signed here with node's crypto (RSASSA-PKCS1-v1_5, SHA-256)
function signRS256(claims, kid, keyPem) {
  const b64u = (b) => Buffer.from(b).toString('base64url');
  const input = `${b64u(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64u(JSON.stringify(claims))}`;
  return `${input}.${b64u(crypto.sign('sha256', Buffer.from(input), keyPem))}`;
}

// Key rotation through a file source. The server reads DIR/jwks.json
// (first the demo key) with a TTL of 3 s, a cooldown of 1 s and 3 s of
// stale use; the sleeps below pass those (the server counts whole seconds).
async function rotation(port, dir) {
  const at = { port };
  const fx = (f) => readFileSync(path.join(root, 'tests', 'fixtures', f), 'utf8');
  const oldJwk = JSON.parse(demo('conf/jwks.json')).keys[0];
  const newJwk = JSON.parse(fx('keys/rsa2048b.pub.jwk.json'));
  // tom's claims, signed by the test-only key rsa2048b (kid rsa2048b)
  const claims = JSON.parse(Buffer.from(TOM.split('.')[1], 'base64url'));
  const NEW = signRS256(claims, newJwk.kid, fx('keys/rsa2048b.key.pem'));
  const file = path.join(dir, 'jwks.json');
  const setKeys = (keys) => {            // atomic: never half a file
    writeFileSync(`${file}.tmp`, JSON.stringify({ keys }));
    renameSync(`${file}.tmp`, file);
  };

  await expectLogin('rotation: tom logs in with the old key (file source)', 'tom', TOM, at);
  await expectRefused('rotation: the new key\'s token refused before the rotation: KID_UNKNOWN',
    'tom', NEW, /KID_UNKNOWN/, at);
  setKeys([oldJwk, newJwk]);
  await sleep(1200);                     // the cooldown between unknown-kid reloads
  await expectLogin('rotation: new key accepted after the file changed (unknown kid -> reload)',
    'tom', NEW, at);
  setKeys([newJwk]);
  await expectLogin('rotation: old key still accepted from the cache inside the TTL', 'tom', TOM, at);
  await sleep(3200);                     // the TTL
  await expectRefused('rotation: old key refused after the TTL: KID_UNKNOWN', 'tom', TOM,
    /KID_UNKNOWN/, at);
  await expectLogin('rotation: new key still accepted', 'tom', NEW, at);
  unlinkSync(file);
  await sleep(3200);                     // past the TTL: reloading fails
  await expectLogin('file gone, past the TTL: the last good set still used (stale)', 'tom', NEW, at);
  await sleep(3200);                     // past TTL + --cache-max-stale
  await expectRefused('file gone, past --cache-max-stale: 1045 IO, key set unavailable', 'tom', NEW,
    /^Access denied for user 'tom': IO: key set unavailable: /, at);
  setKeys([newJwk]);
  await sleep(1200);                     // the back-off after a failed load
  await expectLogin('file back: logins work again', 'tom', NEW, at);
}

async function serverServes(name) {
  try {
    const c = await login('tom', TOM);
    const r = await currentUser(c);
    await c.end();
    check(name, r.value === 'tom', `CURRENT_USER() = ${JSON.stringify(r.value)}`);
  } catch (e) {
    check(name, false, e.message);
  }
}

// ====================================================================

async function main() {
  // 1. tom logs in with his token (auth switch to the openid plugin)
  try {
    const c = await login('tom', TOM);
    check('tom logs in with tom.jwt through mysql2', true);
    const cu = await currentUser(c);
    check('SELECT CURRENT_USER() returns tom', cu.value === 'tom' && cu.n === 1,
      JSON.stringify(cu));
    const u = await currentUser(c, 'select user() ;');
    check('select user() ; returns tom', u.value === 'tom', JSON.stringify(u));
    await withTimeout(c.ping(), 5000, 'ping');
    check('COM_PING answered', true);
    await withTimeout(c.query('SET NAMES utf8mb4'), 5000, 'SET');
    check('SET NAMES accepted (ignored)', true);
    try {
      await withTimeout(c.query('SELECT * FROM secrets'), 5000, 'bad query');
      check('other queries refused with ERR 1064', false, 'query succeeded');
    } catch (e) {
      check('other queries refused with ERR 1064', e.errno === 1064, `errno ${e.errno} ${e.message}`);
    }
    const again = await currentUser(c);
    check('connection usable after an ERR', again.value === 'tom');
    await withTimeout(c.end(), 5000, 'quit');
    check('COM_QUIT closes cleanly', true);
  } catch (e) {
    check('tom session', false, e.stack || e.message);
  }

  // 2. refusals: error 1045 and the reason
  await expectRefused("jerry with tom's token: 1045 PRINCIPAL_MISMATCH", 'jerry', TOM, /PRINCIPAL_MISMATCH/);
  await expectRefused('tom with tom-expired.jwt: 1045 EXPIRED', 'tom', EXPIRED, /EXPIRED/);
  await expectRefused('jerry with tom-expired.jwt: 1045 EXPIRED', 'jerry', EXPIRED, /EXPIRED/);
  await expectRefused('tom with other-key.jwt: 1045 SIGNATURE', 'tom', OTHER_KEY, /SIGNATURE/);
  await expectRefused('jerry with other-key.jwt: 1045 SIGNATURE', 'jerry', OTHER_KEY, /SIGNATURE/);
  await expectRefused('tom with a garbage token: 1045 TOKEN_FORMAT/B64', 'tom', GARBAGE, /TOKEN_FORMAT|B64_/);
  await expectRefused('jerry with a garbage token: 1045 TOKEN_FORMAT/B64', 'jerry', GARBAGE, /TOKEN_FORMAT|B64_/);
  await expectRefused('unknown user bob: 1045 UNKNOWN_USER', 'bob', TOM, /UNKNOWN_USER/);
  await expectRefused("message names the user: Access denied for user 'jerry'", 'jerry', TOM,
    /^Access denied for user 'jerry': PRINCIPAL_MISMATCH: /);

  // 3. 50 sequential logins with the same token
  {
    let ok = 0;
    let last = '';
    for (let i = 0; i < 50; i++) {
      try {
        const c = await login('tom', TOM);
        const r = await currentUser(c);
        await c.end();
        if (r.value === 'tom') ok++;
        else last = JSON.stringify(r);
      } catch (e) {
        last = e.message;
      }
    }
    check('50 sequential logins with the same token', ok === 50, `${ok}/50 ok; last problem: ${last}`);
  }

  // 4. over the Unix socket (the transport the MySQL 9 client's plugin accepts)
  if (SOCKET) {
    try {
      const c = await login('tom', TOM, { socket: true });
      const r = await currentUser(c);
      await c.end();
      check('tom logs in over the Unix socket', r.value === 'tom', JSON.stringify(r));
    } catch (e) {
      check('tom logs in over the Unix socket', false, e.message);
    }
  }

  // 5. the client already used authentication_openid_connect_client in its
  //    HandshakeResponse41 (mysql --default-auth=...): no switch, OK at seq 2
  {
    const r = await rawSession(async (sock, wait) => {
      await wait(1);
      sock.write(packet(1, handshakeResponse({
        flags: CAPS.PROTOCOL_41 | CAPS.SECURE_CONNECTION | CAPS.PLUGIN_AUTH | CAPS.LENENC
          | CAPS.CONNECT_ATTRS | CAPS.DEPRECATE_EOF,
        user: 'tom', auth: openidResponse(TOM), plugin: 'authentication_openid_connect_client',
        attrs: { _client_name: 'raw-e2e', _client_version: '1' },
      })));
      const pk = await wait(2);
      if (pk[1] && pk[1].payload[0] === 0) {
        sock.write(packet(0, Buffer.concat([Buffer.from([3]), Buffer.from('select current_user;')])));
        await wait(6);   // column count, column def, row, OK (no EOFs)
        sock.write(packet(0, Buffer.from([1])));
      }
    });
    const p = r.packets;
    const g = p[0];
    check('greeting: protocol 10, 20-byte scramble, mysql_native_password',
      g && g.seq === 0 && g.payload[0] === 10 && g.payload.includes(Buffer.from('mysql_native_password\0')),
      g ? g.payload.toString('latin1') : 'none');
    check('direct openid plugin: OK at sequence 2 without a switch',
      p[1] && p[1].seq === 2 && p[1].payload[0] === 0, p[1] ? `seq ${p[1].seq} first ${p[1].payload[0]} ${errText(p[1])}` : 'none');
    const row = p[4];
    check('DEPRECATE_EOF result set: count, coldef, row "tom", OK 0xFE; seq 1..4',
      p.length >= 6 && p[2].payload[0] === 1 && row && row.payload.subarray(1).toString() === 'tom'
        && p[5].payload[0] === 0xfe && p[2].seq === 1 && p[5].seq === 4,
      p.map((x) => `${x.seq}:${x.payload.length}`).join(' '));
    check('COM_QUIT: server closes', r.closed);
  }

  // 6. malformed, truncated and oversized packets: that connection only
  {
    const r = await rawSession(async (sock, wait) => {
      await wait(1);
      sock.write(packet(1, Buffer.from([0x00, 0x02, 0x00, 0x00, 0x00])));
    });
    check('5-byte handshake response: ERR 1043 Bad handshake, closed',
      isErr(r.packets[1], 1043) && r.closed, errText(r.packets[1]));
  }
  {
    const flags = CAPS.PROTOCOL_41 | CAPS.SECURE_CONNECTION | CAPS.PLUGIN_AUTH | CAPS.LENENC;
    const head = Buffer.alloc(32);
    head.writeUInt32LE(flags, 0);
    const bad = Buffer.concat([head, Buffer.from('tom\0'), Buffer.from([0xfc, 0xff, 0xff, 0x41, 0x42])]);
    const r = await rawSession(async (sock, wait) => {
      await wait(1);
      sock.write(packet(1, bad));
    });
    check('auth-response length beyond the packet: ERR 1043, closed',
      isErr(r.packets[1], 1043) && r.closed, errText(r.packets[1]));
  }
  {
    const r = await rawSession(async (sock, wait) => {
      await wait(1);
      sock.write(packet(7, handshakeResponse({
        flags: CAPS.PROTOCOL_41 | CAPS.SECURE_CONNECTION, user: 'tom', auth: Buffer.alloc(0),
      })));
    });
    check('wrong sequence id: ERR 1156, closed', isErr(r.packets[1], 1156) && r.closed, errText(r.packets[1]));
  }
  {
    const r = await rawSession(async (sock, wait) => {
      await wait(1);
      const h = Buffer.from([100, 0, 0, 1]);
      sock.write(Buffer.concat([h, Buffer.alloc(10, 0x41)]));
      sock.end();           // truncated: 10 of 100 bytes, then EOF
    });
    check('truncated packet then EOF: server closes that connection', r.closed);
  }
  {
    const r = await rawSession(async (sock, wait) => {
      await wait(1);
      const h = Buffer.from([0xff, 0xff, 0xff, 1]);   // 16 MiB - 1 announced
      sock.write(Buffer.concat([h, Buffer.alloc(256 * 1024, 0x42)]));
    });
    const e = r.packets[1];
    check('oversized packet (16 MiB announced): ERR 1153 and/or close',
      r.closed && (!e || isErr(e, 1153)), e ? errText(e) : 'closed without ERR');
  }
  {
    const r = await rawSession(async (sock, wait) => {
      await wait(1);
      const big = Buffer.alloc(70000, 0x43);            // over the 64 KiB limit
      sock.write(packet(1, big));
    });
    check('70000-byte handshake response: ERR 1153, closed',
      r.closed && isErr(r.packets[1], 1153), errText(r.packets[1]));
  }
  {
    const r = await rawSession(async (sock) => {
      sock.write(Buffer.from([0x05, 0x00]));            // half a header, then EOF
      sock.end();
    });
    check('half a packet header then EOF: closed', r.closed);
  }
  {
    // an idle, silent client does not block anybody (poll loop)
    const idle = net.connect(PORT, HOST);
    idle.on('error', () => {});
    await new Promise((res) => idle.once('connect', res));
    await serverServes('login works while another client sits idle mid-handshake');
    idle.destroy();
  }
  {
    // logged in, then a bad command packet: empty payload
    const r = await rawSession(async (sock, wait) => {
      await wait(1);
      sock.write(packet(1, handshakeResponse({
        flags: CAPS.PROTOCOL_41 | CAPS.SECURE_CONNECTION | CAPS.PLUGIN_AUTH | CAPS.LENENC,
        user: 'tom', auth: openidResponse(TOM), plugin: 'authentication_openid_connect_client',
      })));
      await wait(2);
      sock.write(packet(0, Buffer.from([0x1b, 0, 0])));   // COM_SET_OPTION: unknown here
      await wait(3);
      sock.write(packet(0, Buffer.alloc(0)));             // empty command: malformed
    });
    check('unknown command: ERR 1047, connection kept',
      isErr(r.packets[2], 1047) && r.packets[2].seq === 1, errText(r.packets[2]));
    check('empty command packet: closed', r.closed);
  }

  // 7. --max-connections: a second server allows 1; mysql2 must read the
  //    ERR 1040 that a connection over the limit gets as its first packet
  const PORT1 = Number(arg('--port1'));
  if (PORT1) {
    const hold = net.connect(PORT1, HOST);
    hold.on('error', () => {});
    await new Promise((res) => hold.once('data', res));
    try {
      const c = await withTimeout(mysql.createConnection({ host: HOST, port: PORT1, user: 'tom', connectTimeout: 5000 }),
        10000, 'over the limit');
      await c.end().catch(() => {});
      check('over --max-connections: ERR 1040 Too many connections', false, 'connected');
    } catch (e) {
      check('over --max-connections: ERR 1040 Too many connections',
        e.errno === 1040 && /Too many connections/.test(e.sqlMessage || ''), `errno ${e.errno} ${e.message}`);
    }
    hold.destroy();
  }

  // 8. and the server still serves
  await serverServes('server still serves after the malformed clients');

  // 9. an http jwks_url (libcurl): two logins, one fetch (the shell counts)
  const HTTP_PORT = Number(arg('--http-port'));
  if (HTTP_PORT) {
    await expectLogin('http jwks_url: tom logs in', 'tom', TOM, { port: HTTP_PORT });
    await expectLogin('http jwks_url: tom logs in again (cached set)', 'tom', TOM, { port: HTTP_PORT });
    await expectRefused('http jwks_url: other-key.jwt refused: SIGNATURE', 'tom', OTHER_KEY,
      /SIGNATURE/, { port: HTTP_PORT });
  }

  // 10. key rotation through a file source
  const ROT_PORT = Number(arg('--rot-port'));
  const ROT_CONF = arg('--rot-conf');
  if (ROT_PORT && ROT_CONF) await rotation(ROT_PORT, path.resolve(root, ROT_CONF));

  console.log(`RESULT ${passed} ${failed}`);
}

main().catch((e) => {
  console.log(`not ok - unexpected: ${e.stack || e}`);
  console.log(`RESULT ${passed} ${failed + 1}`);
});

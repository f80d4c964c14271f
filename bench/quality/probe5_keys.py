"""probe5 private-key material, generated deterministically with the stdlib.

RSA, DSA, EC P-256 and Ed25519 keys are mathematically real keys built from
the supplied random.Random; encrypted blobs, PGP and PuTTY files are
structurally faithful containers.
"""
import hashlib
import hmac
import struct

from probe5_util import b64, rbytes, rs, HEXU, DIG

SMALL_PRIMES = [p for p in range(3, 2000) if all(p % d for d in range(2, int(p ** 0.5) + 1))]


def is_probable_prime(n, r, rounds=24):
    if n < 2:
        return False
    for p in SMALL_PRIMES:
        if n == p:
            return True
        if n % p == 0:
            return False
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(rounds):
        a = r.randrange(2, n - 2)
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def rand_prime(r, bits):
    while True:
        n = r.getrandbits(bits) | (1 << (bits - 1)) | (1 << (bits - 2)) | 1
        if is_probable_prime(n, r):
            return n


# ------------------------------------------------------------------ DER

def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def der(tag, body):
    return bytes([tag]) + der_len(len(body)) + body


def der_int(n):
    b = n.to_bytes(max(1, (n.bit_length() + 7) // 8), "big")
    if b[0] & 0x80:
        b = b"\x00" + b
    return der(0x02, b)


def der_seq(*items):
    return der(0x30, b"".join(items))


def der_oid(dotted):
    parts = [int(x) for x in dotted.split(".")]
    body = bytes([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        enc = [p & 0x7F]
        p >>= 7
        while p:
            enc.append(0x80 | (p & 0x7F))
            p >>= 7
        body += bytes(reversed(enc))
    return der(0x06, body)


def der_octets(b):
    return der(0x04, b)


def der_bits(b):
    return der(0x03, b"\x00" + b)


DER_NULL = b"\x05\x00"


def pem(label, data, width=64):
    s = b64(data)
    lines = [s[i:i + width] for i in range(0, len(s), width)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (label, "\n".join(lines), label)


# ------------------------------------------------------------------ RSA

def rsa_numbers(r, bits=2048):
    e = 65537
    while True:
        p = rand_prime(r, bits // 2)
        q = rand_prime(r, bits // 2)
        if p == q:
            continue
        phi = (p - 1) * (q - 1)
        if phi % e == 0:
            continue
        if p < q:
            p, q = q, p
        n = p * q
        d = pow(e, -1, phi)
        return dict(n=n, e=e, d=d, p=p, q=q, dp=d % (p - 1), dq=d % (q - 1),
                    qi=pow(q, -1, p))


def rsa_pkcs1_der(k):
    return der_seq(der_int(0), der_int(k["n"]), der_int(k["e"]), der_int(k["d"]),
                   der_int(k["p"]), der_int(k["q"]), der_int(k["dp"]),
                   der_int(k["dq"]), der_int(k["qi"]))


def rsa_pkcs1_pem(k):
    return pem("RSA PRIVATE KEY", rsa_pkcs1_der(k))


def rsa_pkcs8_pem(k):
    alg = der_seq(der_oid("1.2.840.113549.1.1.1"), DER_NULL)
    return pem("PRIVATE KEY", der_seq(der_int(0), alg, der_octets(rsa_pkcs1_der(k))))


def rsa_public_pem(k):
    alg = der_seq(der_oid("1.2.840.113549.1.1.1"), DER_NULL)
    spki = der_seq(alg, der_bits(der_seq(der_int(k["n"]), der_int(k["e"]))))
    return pem("PUBLIC KEY", spki)


# ------------------------------------------------------------------ EC P-256

P256_P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff
P256_A = P256_P - 3
P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
P256_G = (0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296,
          0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5)


def _ec_add(P, Q):
    if P is None:
        return Q
    if Q is None:
        return P
    p = P256_P
    if P[0] == Q[0] and (P[1] + Q[1]) % p == 0:
        return None
    if P == Q:
        lam = (3 * P[0] * P[0] + P256_A) * pow(2 * P[1], -1, p) % p
    else:
        lam = (Q[1] - P[1]) * pow(Q[0] - P[0], -1, p) % p
    x = (lam * lam - P[0] - Q[0]) % p
    return (x, (lam * (P[0] - x) - P[1]) % p)


def _ec_mul(k, P):
    R = None
    while k:
        if k & 1:
            R = _ec_add(R, P)
        P = _ec_add(P, P)
        k >>= 1
    return R


def ec_p256(r):
    d = r.randrange(1, P256_N)
    X, Y = _ec_mul(d, P256_G)
    pub = b"\x04" + X.to_bytes(32, "big") + Y.to_bytes(32, "big")
    return d, pub


def ec_sec1_der(d, pub, with_params=True):
    items = [der_int(1), der_octets(d.to_bytes(32, "big"))]
    if with_params:
        items.append(der(0xA0, der_oid("1.2.840.10045.3.1.7")))
    items.append(der(0xA1, der_bits(pub)))
    return der_seq(*items)


def ec_sec1_pem(r):
    d, pub = ec_p256(r)
    return pem("EC PRIVATE KEY", ec_sec1_der(d, pub))


def ec_pkcs8_pem(r):
    d, pub = ec_p256(r)
    alg = der_seq(der_oid("1.2.840.10045.2.1"), der_oid("1.2.840.10045.3.1.7"))
    return pem("PRIVATE KEY", der_seq(der_int(0), alg,
                                      der_octets(ec_sec1_der(d, pub, False))))


# ------------------------------------------------------------------ Ed25519

ED_P = 2 ** 255 - 19
ED_D = -121665 * pow(121666, -1, ED_P) % ED_P
ED_GY = 4 * pow(5, -1, ED_P) % ED_P


def _ed_recover_x(y):
    xx = (y * y - 1) * pow(ED_D * y * y + 1, -1, ED_P) % ED_P
    x = pow(xx, (ED_P + 3) // 8, ED_P)
    if (x * x - xx) % ED_P:
        x = x * pow(2, (ED_P - 1) // 4, ED_P) % ED_P
    if x & 1:
        x = ED_P - x
    return x


ED_G = (_ed_recover_x(ED_GY), ED_GY, 1, _ed_recover_x(ED_GY) * ED_GY % ED_P)


def _ed_add(P, Q):
    p = ED_P
    A = (P[1] - P[0]) * (Q[1] - Q[0]) % p
    B = (P[1] + P[0]) * (Q[1] + Q[0]) % p
    C = 2 * P[3] * Q[3] * ED_D % p
    D = 2 * P[2] * Q[2] % p
    E, F, G, H = B - A, D - C, D + C, B + A
    return (E * F % p, G * H % p, F * G % p, E * H % p)


def _ed_mul(s, P):
    Q = (0, 1, 1, 0)
    while s:
        if s & 1:
            Q = _ed_add(Q, P)
        P = _ed_add(P, P)
        s >>= 1
    return Q


def ed25519_pub(seed):
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    X, Y, Z, _ = _ed_mul(a, ED_G)
    zi = pow(Z, -1, ED_P)
    x, y = X * zi % ED_P, Y * zi % ED_P
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


def ed25519_pkcs8_pem(r):
    seed = rbytes(r, 32)
    alg = der_seq(der_oid("1.3.101.112"))
    return pem("PRIVATE KEY", der_seq(der_int(0), alg, der_octets(der_octets(seed))))


# ------------------------------------------------------------------ DSA

def dsa_pem(r):
    q = rand_prime(r, 160)
    while True:
        k = r.getrandbits(1024 - 160) | (1 << (1024 - 161))
        k -= k % 2
        p = k * q + 1
        if p.bit_length() == 1024 and is_probable_prime(p, r, 12):
            break
    while True:
        h = r.randrange(2, p - 1)
        g = pow(h, (p - 1) // q, p)
        if g > 1:
            break
    x = r.randrange(1, q)
    y = pow(g, x, p)
    body = der_seq(der_int(0), der_int(p), der_int(q), der_int(g), der_int(y), der_int(x))
    return pem("DSA PRIVATE KEY", body)


# ------------------------------------------------------------------ OpenSSH

def _sshstr(b):
    if isinstance(b, str):
        b = b.encode()
    return struct.pack(">I", len(b)) + b


def _mpint(n):
    b = n.to_bytes((n.bit_length() + 7) // 8 or 1, "big")
    if b[0] & 0x80:
        b = b"\x00" + b
    return _sshstr(b)


def _openssh_wrap(pubblob, privpart, r, comment):
    check = rbytes(r, 4)
    priv = check + check + privpart + _sshstr(comment)
    i = 1
    while len(priv) % 8:
        priv += bytes([i])
        i += 1
    blob = (b"openssh-key-v1\x00" + _sshstr("none") + _sshstr("none") + _sshstr(b"")
            + struct.pack(">I", 1) + _sshstr(pubblob) + _sshstr(priv))
    s = b64(blob)
    lines = [s[i:i + 70] for i in range(0, len(s), 70)]
    return ("-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(lines)
            + "\n-----END OPENSSH PRIVATE KEY-----")


def openssh_ed25519(r, comment):
    seed = rbytes(r, 32)
    pk = ed25519_pub(seed)
    pubblob = _sshstr("ssh-ed25519") + _sshstr(pk)
    privpart = _sshstr("ssh-ed25519") + _sshstr(pk) + _sshstr(seed + pk)
    return _openssh_wrap(pubblob, privpart, r, comment), "ssh-ed25519 " + b64(pubblob)


def openssh_rsa(r, k, comment):
    pubblob = _sshstr("ssh-rsa") + _mpint(k["e"]) + _mpint(k["n"])
    privpart = (_sshstr("ssh-rsa") + _mpint(k["n"]) + _mpint(k["e"]) + _mpint(k["d"])
                + _mpint(k["qi"]) + _mpint(k["p"]) + _mpint(k["q"]))
    return _openssh_wrap(pubblob, privpart, r, comment), "ssh-rsa " + b64(pubblob)


def ssh_ed25519_public(r, comment):
    pk = ed25519_pub(rbytes(r, 32))
    return "ssh-ed25519 %s %s" % (b64(_sshstr("ssh-ed25519") + _sshstr(pk)), comment)


# ------------------------------------------------------------------ encrypted

def encrypted_legacy_pem(r):
    iv = rs(r, HEXU, 32)
    body = b64(rbytes(r, r.choice((1192, 1200, 1216))))
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return ("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
            "DEK-Info: AES-128-CBC,%s\n\n%s\n-----END RSA PRIVATE KEY-----"
            % (iv, "\n".join(lines)))


def encrypted_pkcs8_pem(r):
    salt = rbytes(r, 16)
    iv = rbytes(r, 16)
    kdf = der_seq(der_oid("1.2.840.113549.1.5.12"),
                  der_seq(der_octets(salt), der_int(2048),
                          der_seq(der_oid("1.2.840.113549.2.9"), DER_NULL)))
    enc = der_seq(der_oid("2.16.840.1.101.3.4.1.42"), der_octets(iv))
    alg = der_seq(der_oid("1.2.840.113549.1.5.13"), der_seq(kdf, enc))
    body = der_seq(alg, der_octets(rbytes(r, r.choice((1232, 1248, 1264)))))
    return pem("ENCRYPTED PRIVATE KEY", body)


# ------------------------------------------------------------------ OpenPGP

def _crc24(data):
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def _pgp_packet(tag, body):
    n = len(body)
    if n < 192:
        ln = bytes([n])
    elif n < 8384:
        n2 = n - 192
        ln = bytes([(n2 >> 8) + 192, n2 & 0xFF])
    else:
        ln = b"\xff" + struct.pack(">I", n)
    return bytes([0xC0 | tag]) + ln + body


def _pgp_mpi(b):
    n = int.from_bytes(b, "big")
    return struct.pack(">H", n.bit_length()) + b


def pgp_private_block(r, uid, created):
    seed = rbytes(r, 32)
    pk = ed25519_pub(seed)
    oid = bytes.fromhex("2b06010401da470f01")
    pub = (b"\x04" + struct.pack(">I", created) + b"\x16" + bytes([len(oid)]) + oid
           + _pgp_mpi(b"\x40" + pk))
    sec_mpi = _pgp_mpi(seed)
    sk = pub + b"\x00" + sec_mpi + struct.pack(">H", sum(sec_mpi) & 0xFFFF)
    sig = (b"\x04\x13\x16\x08" + struct.pack(">H", 30) + rbytes(r, 30)
           + struct.pack(">H", 10) + rbytes(r, 10) + rbytes(r, 2) + _pgp_mpi(rbytes(r, 32))
           + _pgp_mpi(rbytes(r, 32)))
    data = _pgp_packet(5, sk) + _pgp_packet(13, uid.encode()) + _pgp_packet(2, sig)
    s = b64(data)
    lines = [s[i:i + 64] for i in range(0, len(s), 64)]
    crc = b64(_crc24(data).to_bytes(3, "big"))
    return ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + "\n".join(lines) + "\n=" + crc
            + "\n-----END PGP PRIVATE KEY BLOCK-----")


# ------------------------------------------------------------------ PuTTY

def putty_ppk(r, comment):
    seed = rbytes(r, 32)
    pk = ed25519_pub(seed)
    pubblob = _sshstr("ssh-ed25519") + _sshstr(pk)
    privblob = _sshstr(seed)
    mac_data = (_sshstr("ssh-ed25519") + _sshstr("none") + _sshstr(comment)
                + _sshstr(pubblob) + _sshstr(privblob))
    mac = hmac.new(b"", mac_data, hashlib.sha256).hexdigest()
    pub64 = b64(pubblob)
    priv64 = b64(privblob)
    publ = [pub64[i:i + 64] for i in range(0, len(pub64), 64)]
    privl = [priv64[i:i + 64] for i in range(0, len(priv64), 64)]
    return "\n".join(["PuTTY-User-Key-File-3: ssh-ed25519", "Encryption: none",
                      "Comment: " + comment, "Public-Lines: %d" % len(publ)] + publ
                     + ["Private-Lines: %d" % len(privl)] + privl
                     + ["Private-MAC: " + mac])


# ------------------------------------------------------------------ certs (negatives)

def fake_certificate_pem(r):
    """A structurally plausible X.509 certificate (public material only)."""
    k_n = r.getrandbits(2048) | (1 << 2047) | 1
    alg = der_seq(der_oid("1.2.840.113549.1.1.1"), DER_NULL)
    spki = der_seq(alg, der_bits(der_seq(der_int(k_n), der_int(65537))))
    name = der_seq(der(0x31, der_seq(der_oid("2.5.4.3"),
                                     der(0x0C, ("%s.internal" % rs(r, "abcdefghijkmnpqrstuvwxyz", 8)).encode()))))
    validity = der_seq(der(0x17, b"240101000000Z"), der(0x17, b"260101000000Z"))
    sigalg = der_seq(der_oid("1.2.840.113549.1.1.11"), DER_NULL)
    tbs = der_seq(der(0xA0, der_int(2)), der_int(r.getrandbits(120)), sigalg, name,
                  validity, name, spki)
    return pem("CERTIFICATE", der_seq(tbs, sigalg, der_bits(rbytes(r, 256))))


def public_key_pem(r):
    k_n = r.getrandbits(2048) | (1 << 2047) | 1
    alg = der_seq(der_oid("1.2.840.113549.1.1.1"), DER_NULL)
    return pem("PUBLIC KEY", der_seq(alg, der_bits(der_seq(der_int(k_n), der_int(65537)))))


def pgp_public_block(r, uid, created):
    pk = ed25519_pub(rbytes(r, 32))
    oid = bytes.fromhex("2b06010401da470f01")
    pub = (b"\x04" + struct.pack(">I", created) + b"\x16" + bytes([len(oid)]) + oid
           + _pgp_mpi(b"\x40" + pk))
    data = _pgp_packet(6, pub) + _pgp_packet(13, uid.encode())
    s = b64(data)
    lines = [s[i:i + 64] for i in range(0, len(s), 64)]
    crc = b64(_crc24(data).to_bytes(3, "big"))
    return ("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + "\n".join(lines) + "\n=" + crc
            + "\n-----END PGP PUBLIC KEY BLOCK-----")

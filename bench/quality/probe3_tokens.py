"""Credential generators for gen_probe3.py (one generator per credential kind).

Every generator takes the single random.Random instance of the run and returns a
list of fields (F). A field is one named value as it would be written into a
config file or source file:

  role "secret"  the value is (or contains) a credential: it becomes a positive label;
                 F.secret is the labelled string (a substring of F.value when the
                 value is a URL or connection string that embeds the credential)
  role "ignore"  an identifier that pairs with the secret (AWS key id, Twilio SID,
                 OAuth client id, ...): a scanner may legitimately report it, it is
                 neither a hit nor a false positive
  role "plain"   ordinary configuration (region, host, user name), not labelled

Formats follow each provider's documented token format (prefix, length, alphabet,
checksum); Kind.doc holds the page used. Where the provider documents a checksum
(GitHub / npm CRC32-base62, the age bech32 checksum, the OpenPGP armor CRC24) it is
computed, and private keys are real: RSA keys use actual primes, EC keys real P-256
points, OpenSSH ed25519 keys a real public key derived from the seed. Python 3
standard library only.
"""
import base64
import binascii
import hashlib
import json
import math
import string

DIG = string.digits
UP = string.ascii_uppercase
LO = string.ascii_lowercase
ALNUM = UP + LO + DIG
B62 = DIG + UP + LO                       # GitHub / npm checksum alphabet order
HEX = "0123456789abcdef"
HEXU = HEX.upper()
B64 = UP + LO + DIG + "+/"
B64URL = UP + LO + DIG + "-_"
B32 = UP + "234567"
LOALNUM = LO + DIG
UPALNUM = UP + DIG


# ----------------------------------------------------------------------------------
# primitives
# ----------------------------------------------------------------------------------
def rs(rng, n, alpha=ALNUM):
    return "".join(rng.choice(alpha) for _ in range(n))


def rb(rng, n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def b64(b):
    return base64.b64encode(b).decode()


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def digits(rng, n):
    return str(rng.randint(1, 9)) + rs(rng, n - 1, DIG)


def uuid4(rng):
    b = bytearray(rb(rng, 16))
    b[6] = (b[6] & 0x0F) | 0x40
    b[8] = (b[8] & 0x3F) | 0x80
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def base62(n, width=6):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(width, "0")


def crc32_b62(s):
    """GitHub / npm token checksum: CRC32 of the random part, base62, left-padded to 6."""
    return base62(binascii.crc32(s.encode()) & 0xFFFFFFFF, 6)


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


WORDS = ["atlas", "orion", "helios", "lumen", "nimbus", "vertex", "quasar", "ember", "tidal", "cobalt",
         "juniper", "falcon", "harbor", "summit", "beacon", "mosaic", "pioneer", "sierra", "boreal",
         "kestrel", "meridian", "granite", "aurora", "cedar", "delta", "fjord", "glacier", "horizon",
         "ion", "jasper", "keystone", "lagoon", "monarch", "nova", "onyx", "prism", "redwood", "sable"]
SERVICES = ["billing", "auth", "search", "notify", "ingest", "gateway", "payments", "reports",
            "scheduler", "media", "analytics", "catalog", "inventory", "checkout", "users", "orders",
            "webhooks", "mailer", "exporter", "sync"]
FIRST = ["alice", "bob", "carol", "dmitri", "elena", "farid", "grace", "hiro", "ines", "jamal", "kate",
         "liam", "maya", "noah", "olga", "priya", "quentin", "rosa", "sam", "tariq", "uma", "victor"]
LAST = ["smith", "nguyen", "garcia", "mueller", "rossi", "kowalski", "tanaka", "okafor", "silva",
        "johansson", "dubois", "patel", "kim", "novak", "haddad", "fischer", "moreau", "ivanova"]
DOMAINS = ["acme-corp.com", "northwind.io", "contoso.dev", "initech.net", "globex.co", "umbrella.app",
           "hooli.xyz", "vandelay.biz", "stark-ind.com", "wayne-ent.org", "tyrell.tech", "cyberdyne.ai"]


def project(rng):
    return pick(rng, WORDS) + "-" + pick(rng, SERVICES)


def email(rng, domain=None):
    return f"{pick(rng, FIRST)}.{pick(rng, LAST)}@{domain or pick(rng, DOMAINS)}"


def password(rng, url_safe=False):
    """Passwords people actually use in configs: generated, human-ish, or passphrases.
    Never contains quotes, backslash, '$', '#', '&', '<', '>' or '%' (they would need
    escaping in some of the file formats); url_safe ones also avoid ':' '@' '/' '!' ."""
    style = rng.random()
    sym = "-_." if url_safe else "!^*-_=+.?"
    if style < 0.40:
        n = rng.randint(16, 28)
        pw = rs(rng, n, ALNUM + sym)
        # at least one digit, one upper, one symbol
        pw = pw[:-3] + rng.choice(DIG) + rng.choice(UP) + rng.choice(sym)
        return pw
    if style < 0.75:
        w1 = pick(rng, WORDS).capitalize()
        w2 = pick(rng, ["Falcon", "River", "Marble", "Copper", "Tundra", "Violet", "Anchor", "Pepper",
                        "Quartz", "Zephyr", "Lantern", "Orchard", "Saddle", "Walrus"])
        return w1 + rng.choice(sym) + w2 + str(rng.randint(10, 9999)) + rng.choice(sym)
    syl = ["ka", "vo", "mi", "tru", "zel", "po", "nax", "ri", "bel", "dor", "qui", "sen", "lu", "fra"]
    return "".join(rng.choice(syl) for _ in range(4)).capitalize() + rs(rng, 3, DIG) + rng.choice(sym) + \
        "".join(rng.choice(syl) for _ in range(2)).upper()


# ----------------------------------------------------------------------------------
# ASN.1 DER, RSA, P-256, Ed25519, OpenSSH, OpenPGP, bech32
# ----------------------------------------------------------------------------------
def _der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def der(tag, body):
    return bytes([tag]) + _der_len(len(body)) + body


def der_int(x):
    return der(0x02, x.to_bytes(max(1, (x.bit_length() + 8) // 8), "big"))


def der_seq(*items):
    return der(0x30, b"".join(items))


OID_RSA = bytes.fromhex("06092a864886f70d010101")
OID_P256 = bytes.fromhex("06082a8648ce3d030107")
OID_ECPUB = bytes.fromhex("06072a8648ce3d0201")
OID_SHA256RSA = bytes.fromhex("06092a864886f70d01010b")
NULL = b"\x05\x00"


def pem(label, blob, width=64):
    body = b64(blob)
    lines = [body[i:i + width] for i in range(0, len(body), width)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"


def _sieve(n):
    s = bytearray([1]) * n
    s[0] = s[1] = 0
    for i in range(2, int(n ** 0.5) + 1):
        if s[i]:
            s[i * i::i] = bytearray(len(s[i * i::i]))
    return [i for i in range(n) if s[i]]


_SMALL = _sieve(3000)


def _probable_prime(n):
    for p in _SMALL:
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(rng, bits):
    while True:
        c = rng.getrandbits(bits) | (3 << (bits - 2)) | 1
        if _probable_prime(c):
            return c


def rsa_key(rng, bits=2048):
    """A real RSA key: returns dict(n, e, d, p, q, dp, dq, qi)."""
    e = 65537
    while True:
        p, q = _prime(rng, bits // 2), _prime(rng, bits // 2)
        if p == q or math.gcd(e, (p - 1) * (q - 1)) != 1:
            continue
        if p < q:
            p, q = q, p
        lam = (p - 1) * (q - 1) // math.gcd(p - 1, q - 1)
        d = pow(e, -1, lam)
        return dict(n=p * q, e=e, d=d, p=p, q=q, dp=d % (p - 1), dq=d % (q - 1), qi=pow(q, -1, p))


def rsa_pkcs1_der(k):
    return der_seq(der_int(0), *(der_int(k[x]) for x in ("n", "e", "d", "p", "q", "dp", "dq", "qi")))


def rsa_pkcs8_der(k):
    return der_seq(der_int(0), der_seq(OID_RSA, NULL), der(0x04, rsa_pkcs1_der(k)))


_P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff
_A = _P - 3
_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
_G = (0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296,
      0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5)


def _ec_add(P, Q):
    if P is None:
        return Q
    if Q is None:
        return P
    if P[0] == Q[0] and (P[1] + Q[1]) % _P == 0:
        return None
    if P == Q:
        lam = (3 * P[0] * P[0] + _A) * pow(2 * P[1], -1, _P) % _P
    else:
        lam = (Q[1] - P[1]) * pow(Q[0] - P[0], -1, _P) % _P
    x = (lam * lam - P[0] - Q[0]) % _P
    return x, (lam * (P[0] - x) - P[1]) % _P


def _ec_mul(k, P):
    R = None
    while k:
        if k & 1:
            R = _ec_add(R, P)
        P = _ec_add(P, P)
        k >>= 1
    return R


def ec_key(rng):
    d = rng.randrange(1, _N)
    X, Y = _ec_mul(d, _G)
    return d, b"\x04" + X.to_bytes(32, "big") + Y.to_bytes(32, "big")


def ec_sec1_der(d, pub):
    return der_seq(der_int(1), der(0x04, d.to_bytes(32, "big")), der(0xA0, OID_P256),
                   der(0xA1, der(0x03, b"\x00" + pub)))


def ec_pkcs8_der(d, pub):
    inner = der_seq(der_int(1), der(0x04, d.to_bytes(32, "big")), der(0xA1, der(0x03, b"\x00" + pub)))
    return der_seq(der_int(0), der_seq(OID_ECPUB, OID_P256), der(0x04, inner))


# Ed25519 (RFC 8032 reference arithmetic, affine, slow but fine for a handful of keys)
_q = 2 ** 255 - 19
_d = -121665 * pow(121666, _q - 2, _q) % _q
_I = pow(2, (_q - 1) // 4, _q)


def _xrecover(y):
    xx = (y * y - 1) * pow(_d * y * y + 1, _q - 2, _q)
    x = pow(xx, (_q + 3) // 8, _q)
    if (x * x - xx) % _q:
        x = x * _I % _q
    if x % 2:
        x = _q - x
    return x


_By = 4 * pow(5, _q - 2, _q) % _q
_B = (_xrecover(_By), _By)


def _ed_add(P, Q):
    x1, y1 = P
    x2, y2 = Q
    t = _d * x1 * x2 * y1 * y2
    return ((x1 * y2 + x2 * y1) * pow(1 + t, _q - 2, _q) % _q,
            (y1 * y2 + x1 * x2) * pow(1 - t, _q - 2, _q) % _q)


def ed25519_pub(seed):
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    R, P = (0, 1), _B
    while a:
        if a & 1:
            R = _ed_add(R, P)
        P = _ed_add(P, P)
        a >>= 1
    x, y = R
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


def _sshstr(b):
    return len(b).to_bytes(4, "big") + b


def _mpint(x):
    return _sshstr(x.to_bytes((x.bit_length() + 8) // 8, "big") if x else b"")


def openssh_key(rng, algo, comment):
    """(private PEM, public 'authorized_keys' line) in the openssh-key-v1 format."""
    if algo == "ed25519":
        seed = rb(rng, 32)
        pk = ed25519_pub(seed)
        pub = _sshstr(b"ssh-ed25519") + _sshstr(pk)
        body = _sshstr(b"ssh-ed25519") + _sshstr(pk) + _sshstr(seed + pk)
        kt = "ssh-ed25519"
    else:
        k = rsa_key(rng, 2048)
        pub = _sshstr(b"ssh-rsa") + _mpint(k["e"]) + _mpint(k["n"])
        body = _sshstr(b"ssh-rsa") + _mpint(k["n"]) + _mpint(k["e"]) + _mpint(k["d"]) + _mpint(k["qi"]) + \
            _mpint(k["p"]) + _mpint(k["q"])
        kt = "ssh-rsa"
    check = rb(rng, 4)
    priv = check + check + body + _sshstr(comment.encode())
    i = 1
    while len(priv) % 8:
        priv += bytes([i])
        i += 1
    blob = b"openssh-key-v1\0" + _sshstr(b"none") + _sshstr(b"none") + _sshstr(b"") + \
        (1).to_bytes(4, "big") + _sshstr(pub) + _sshstr(priv)
    return pem("OPENSSH PRIVATE KEY", blob, 70), f"{kt} {b64(pub)} {comment}"


def ssh_public_line(rng, comment):
    """Only a public key line (negatives): ed25519 or rsa."""
    if rng.random() < 0.5:
        pk = ed25519_pub(rb(rng, 32))
        return "ssh-ed25519 " + b64(_sshstr(b"ssh-ed25519") + _sshstr(pk)) + " " + comment
    n = rng.getrandbits(2048) | (1 << 2047) | 1
    return "ssh-rsa " + b64(_sshstr(b"ssh-rsa") + _mpint(65537) + _mpint(n)) + " " + comment


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
        n -= 192
        ln = bytes([(n >> 8) + 192, n & 0xFF])
    else:
        ln = b"\xff" + len(body).to_bytes(4, "big")
    return bytes([0xC0 | tag]) + ln + body


def _pgp_mpi(b):
    x = int.from_bytes(b, "big")
    return x.bit_length().to_bytes(2, "big") + b


def pgp_private_block(rng, uid, created):
    """An unencrypted OpenPGP v4 EdDSA secret key + ECDH subkey, ASCII armored."""
    t = created.to_bytes(4, "big")
    seed = rb(rng, 32)
    pk = ed25519_pub(seed)
    pub = b"\x04" + t + bytes([22]) + bytes([9]) + bytes.fromhex("2b06010401da470f01") + _pgp_mpi(b"\x40" + pk)
    sec = _pgp_mpi(seed)
    key = _pgp_packet(5, pub + b"\x00" + sec + (sum(sec) & 0xFFFF).to_bytes(2, "big"))
    uidp = _pgp_packet(13, uid.encode())
    def sig(sigtype):
        def sub(typ, data):
            return bytes([len(data) + 1, typ]) + data
        hashed = sub(33, b"\x04" + rb(rng, 20)) + sub(2, t) + sub(27, b"\x03" if sigtype == 0x13 else b"\x0c") + \
            (sub(11, b"\x09\x08\x07\x03\x02") + sub(21, b"\x0a\x09\x08\x02") if sigtype == 0x13 else b"")
        unhashed = sub(16, rb(rng, 8))
        body = bytes([4, sigtype, 22, 10]) + len(hashed).to_bytes(2, "big") + hashed + len(unhashed).to_bytes(2, "big") + \
            unhashed + rb(rng, 2) + _pgp_mpi(b"\x7f" + rb(rng, 31)) + _pgp_mpi(b"\x3f" + rb(rng, 31))
        return _pgp_packet(2, body)
    sig1 = sig(0x13)
    csec = rb(rng, 32)
    sub = b"\x04" + t + bytes([18]) + bytes([10]) + bytes.fromhex("2b060104019755010501") + \
        _pgp_mpi(b"\x40" + rb(rng, 32)) + bytes.fromhex("03010807")
    csm = _pgp_mpi(csec)
    subp = _pgp_packet(7, sub + b"\x00" + csm + (sum(csm) & 0xFFFF).to_bytes(2, "big"))
    sig2 = sig(0x18)
    data = key + uidp + sig1 + subp + sig2
    body = b64(data)
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    crc = b64(_crc24(data).to_bytes(3, "big"))
    return ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + "\n".join(lines) + "\n=" + crc +
            "\n-----END PGP PRIVATE KEY BLOCK-----")


_BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech_polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def bech32(hrp, data):
    conv, acc, bits = [], 0, 0
    for byte in data:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            conv.append((acc >> bits) & 31)
    if bits:
        conv.append((acc << (5 - bits)) & 31)
    hv = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    pm = _bech_polymod(hv + conv + [0] * 6) ^ 1
    chk = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH[d] for d in conv + chk)


def jwt(rng, header, payload, sig_bytes=32):
    enc = lambda o: b64u(json.dumps(o, separators=(",", ":")).encode())
    return enc(header) + "." + enc(payload) + "." + b64u(rb(rng, sig_bytes))


def epoch(rng, lo=1672531200, hi=1767225600):   # 2023-01-01 .. 2026-01-01
    return rng.randint(lo, hi)


# ----------------------------------------------------------------------------------
# fields, kinds
# ----------------------------------------------------------------------------------
class F:
    __slots__ = ("env", "value", "role", "secret", "key", "reason")

    def __init__(self, env, value, role="secret", secret=None, key=None, reason=""):
        self.env = env
        self.value = value
        self.role = role
        self.secret = (secret if secret is not None else value) if role != "plain" else None
        self.key = key
        self.reason = reason

    def __repr__(self):
        return f"F({self.env}={self.value[:30]!r}, {self.role})"


class Kind:
    def __init__(self, name, provider, doc, gen, group, host, path, auth, tags):
        self.name, self.provider, self.doc, self.gen = name, provider, doc, gen
        self.group, self.host, self.path, self.auth, self.tags = group, host, path, auth, set(tags)

    def __repr__(self):
        return f"Kind({self.name})"


class Cred:
    """One generated instance of a kind: its fields plus convenience views."""

    def __init__(self, kind, fields):
        self.kind = kind
        self.fields = fields
        for f in fields:
            if f.key is None:
                f.key = short_key(f.env, kind.group)

    @property
    def multiline(self):
        return any("\n" in f.value for f in self.fields)

    @property
    def secrets(self):
        return [f for f in self.fields if f.role == "secret"]

    @property
    def main(self):
        return self.secrets[0]

    def first(self, role):
        for f in self.fields:
            if f.role == role:
                return f
        return None


def short_key(env, group):
    parts = env.lower().split("_")
    g = group.lower().replace("-", "_").split("_")
    if len(parts) > len(g) and parts[:len(g)] == g:
        parts = parts[len(g):]
    elif len(parts) > 1 and parts[0] in (group[:2].lower(), group[:3].lower()):
        parts = parts[1:]
    return "_".join(parts)


KINDS = []


def kind(name, provider, doc, group=None, host=None, path="/", auth=None, tags=()):
    def deco(fn):
        KINDS.append(Kind(name, provider, doc, fn, group or provider, host, path, auth, tags))
        return fn
    return deco


def env_name(rng, *names):
    return pick(rng, names)


# ---------------------------------------------------------------- cloud: AWS / GCP / Azure
@kind("aws_access_key", "aws", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
      tags=("aws",))
def _aws(rng):
    akid = "AKIA" + rs(rng, 16, B32)
    sk = rs(rng, 40, ALNUM + "+/")
    return [F("AWS_ACCESS_KEY_ID", akid, "ignore", key="access_key_id", reason="AWS access key id (paired with its secret)"),
            F("AWS_SECRET_ACCESS_KEY", sk, key="secret_access_key"),
            F("AWS_DEFAULT_REGION", pick(rng, ["us-east-1", "eu-west-1", "eu-central-1", "us-west-2", "ap-southeast-2"]),
              "plain", key="region")]


@kind("aws_session", "aws", "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html",
      tags=("aws",))
def _aws_sts(rng):
    akid = "ASIA" + rs(rng, 16, B32)
    sk = rs(rng, 40, ALNUM + "+/")
    tok = "IQoJb3JpZ2luX2VjE" + rs(rng, 3, ALNUM) + b64(rb(rng, rng.choice([420, 450, 480])))
    tok = tok[:len(tok) - (len(tok) % 4)] if len(tok) % 4 else tok
    return [F("AWS_ACCESS_KEY_ID", akid, "ignore", key="access_key_id", reason="AWS temporary access key id"),
            F("AWS_SECRET_ACCESS_KEY", sk, key="secret_access_key"),
            F("AWS_SESSION_TOKEN", tok, key="session_token")]


def gcp_sa_json(rng, indent=2):
    proj = pick(rng, WORDS) + "-" + pick(rng, SERVICES) + "-" + str(rng.randint(100000, 999999))
    sa = pick(rng, ["deployer", "ci-runner", "terraform", "bigquery-loader", "firebase-adminsdk-" + rs(rng, 5, LO)])
    mail = f"{sa}@{proj}.iam.gserviceaccount.com"
    k = rsa_key(rng, 2048)
    key_pem = pem("PRIVATE KEY", rsa_pkcs8_der(k))
    kid = rs(rng, 40, HEX)
    doc = {"type": "service_account", "project_id": proj, "private_key_id": kid,
           "private_key": key_pem + "\n", "client_email": mail, "client_id": digits(rng, 21),
           "auth_uri": "https://accounts.google.com/o/oauth2/auth",
           "token_uri": "https://oauth2.googleapis.com/token",
           "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
           "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/" + mail.replace("@", "%40"),
           "universe_domain": "googleapis.com"}
    return json.dumps(doc, indent=indent), key_pem, kid, proj


@kind("gcp_service_account", "gcp", "https://cloud.google.com/iam/docs/keys-create-delete", tags=("jsondoc",))
def _gcp_sa(rng):
    text, key_pem, kid, proj = gcp_sa_json(rng)
    return [F("GOOGLE_APPLICATION_CREDENTIALS_JSON", text, secret=key_pem, key="credentials"),
            F("GCP_PRIVATE_KEY_ID", kid, "ignore", key="private_key_id",
              reason="service-account key id (identifies the key, not secret)")]


@kind("gcp_api_key", "gcp", "https://cloud.google.com/docs/authentication/api-keys", group="google",
      host="maps.googleapis.com", path="/maps/api/geocode/json?address=Berlin", auth="query:key")
def _gcp_api_key(rng):
    return [F(env_name(rng, "GOOGLE_MAPS_API_KEY", "GOOGLE_API_KEY", "GEMINI_API_KEY", "YOUTUBE_API_KEY",
                       "GOOGLE_PLACES_KEY"), "AIzaSy" + rs(rng, 33, B64URL))]


@kind("google_oauth_client_secret", "gcp", "https://developers.google.com/identity/protocols/oauth2/web-server",
      group="google")
def _google_oauth(rng):
    cid = digits(rng, 12) + "-" + rs(rng, 32, LOALNUM) + ".apps.googleusercontent.com"
    return [F("GOOGLE_CLIENT_ID", cid, "ignore", key="client_id", reason="OAuth client id (public)"),
            F("GOOGLE_CLIENT_SECRET", "GOCSPX-" + rs(rng, 28, B64URL), key="client_secret")]


@kind("google_oauth_refresh_token", "gcp", "https://developers.google.com/identity/protocols/oauth2/web-server#offline",
      group="google")
def _google_refresh(rng):
    return [F(env_name(rng, "GOOGLE_REFRESH_TOKEN", "GDRIVE_REFRESH_TOKEN", "GMAIL_REFRESH_TOKEN"),
              "1//0" + pick(rng, "4569deg") + rs(rng, 98, B64URL))]


@kind("firebase_fcm_server_key", "gcp", "https://firebase.google.com/docs/cloud-messaging/auth-server",
      group="fcm", host="fcm.googleapis.com", path="/fcm/send", auth="header_prefix:Authorization:key=")
def _fcm(rng):
    return [F(env_name(rng, "FCM_SERVER_KEY", "FIREBASE_SERVER_KEY", "FCM_LEGACY_KEY"),
              "AAAA" + rs(rng, 7, B64URL) + ":APA91b" + rs(rng, 134, B64URL))]


def azure_acct(rng):
    return pick(rng, WORDS) + pick(rng, ["prod", "store", "data", "assets", "logs"]) + rs(rng, 3, LOALNUM)


@kind("azure_storage_key", "azure",
      "https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string")
def _az_storage(rng):
    acct = azure_acct(rng)
    key = b64(rb(rng, 64))
    if rng.random() < 0.6:
        cs = f"DefaultEndpointsProtocol=https;AccountName={acct};AccountKey={key};EndpointSuffix=core.windows.net"
        return [F(env_name(rng, "AZURE_STORAGE_CONNECTION_STRING", "AzureWebJobsStorage", "BLOB_CONNECTION_STRING"),
                  cs, secret=key, key="connection_string")]
    return [F("AZURE_STORAGE_ACCOUNT", acct, "plain", key="account_name"),
            F(env_name(rng, "AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCESS_KEY"), key, key="access_key")]


@kind("azure_sas_token", "azure", "https://learn.microsoft.com/en-us/rest/api/storageservices/create-account-sas")
def _az_sas(rng):
    acct = azure_acct(rng)
    sig_raw = b64(rb(rng, 32))
    sig = sig_raw.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    y = rng.randint(2025, 2027)
    q = (f"sv=2022-11-02&ss=bfqt&srt=sco&sp={pick(rng, ['rwdlacupiytfx', 'rl', 'racwdl', 'rwl'])}"
         f"&se={y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00Z"
         f"&st={y - 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T08:00:00Z&spr=https&sig={sig}")
    url = f"https://{acct}.blob.core.windows.net/{pick(rng, ['backups', 'uploads', 'exports', 'media'])}?{q}"
    return [F(env_name(rng, "AZURE_BLOB_SAS_URL", "STORAGE_SAS_URL", "BACKUP_CONTAINER_SAS"), url, secret=sig,
              key="sas_url")]


@kind("azure_ad_client_secret", "azure",
      "https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials")
def _az_ad(rng):
    sec = rs(rng, 3, ALNUM + "_~.-") + str(rng.randint(7, 8)) + "Q~" + rs(rng, 34, ALNUM + "_~.-")
    return [F("AZURE_TENANT_ID", uuid4(rng), "ignore", key="tenant_id", reason="Entra tenant id"),
            F("AZURE_CLIENT_ID", uuid4(rng), "ignore", key="client_id", reason="Entra application (client) id"),
            F("AZURE_CLIENT_SECRET", sec, key="client_secret")]


@kind("azure_devops_pat", "azure",
      "https://learn.microsoft.com/en-us/purview/sit-defn-azure-devops-personal-access-token",
      group="azure_devops", host="dev.azure.com", path="/_apis/projects?api-version=7.1", auth="basic:pat",
      tags=("git",))
def _ado(rng):
    if rng.random() < 0.6:
        tok = rs(rng, 52, B62) + "JQQJ99" + "B" + rs(rng, 1, "ABCD") + "AC" + "".join(
            rng.choice("AAAAAAAB") for _ in range(14)) + "AZDO" + rs(rng, 4, B62)
    else:
        tok = rs(rng, 52, "abcdefghijklmnopqrstuvwxyz234567")
    return [F(env_name(rng, "AZURE_DEVOPS_PAT", "AZURE_DEVOPS_EXT_PAT", "ADO_PAT", "SYSTEM_ACCESSTOKEN_PAT"), tok)]


@kind("azure_cosmos_key", "azure", "https://learn.microsoft.com/en-us/azure/cosmos-db/secure-access-to-data")
def _cosmos(rng):
    key = b64(rb(rng, 64))
    acct = azure_acct(rng)
    if rng.random() < 0.5:
        return [F("COSMOS_CONNECTION_STRING", f"AccountEndpoint=https://{acct}.documents.azure.com:443/;AccountKey={key};",
                  secret=key, key="connection_string")]
    return [F("COSMOS_ENDPOINT", f"https://{acct}.documents.azure.com:443/", "plain", key="endpoint"),
            F(env_name(rng, "COSMOS_KEY", "COSMOS_PRIMARY_KEY", "COSMOSDB_KEY"), key, key="key")]


@kind("azure_service_bus", "azure", "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas")
def _sbus(rng):
    key = b64(rb(rng, 32))
    ns = pick(rng, WORDS) + "-" + pick(rng, ["events", "bus", "queue"]) + "-" + pick(rng, ["prod", "prd", "live"])
    host = pick(rng, ["servicebus", "servicebus"]) + ".windows.net"
    cs = f"Endpoint=sb://{ns}.{host}/;SharedAccessKeyName={pick(rng, ['RootManageSharedAccessKey', 'send-listen', 'app'])};SharedAccessKey={key}"
    return [F(env_name(rng, "SERVICEBUS_CONNECTION_STRING", "AZURE_SERVICEBUS_CONNECTION", "EVENTHUB_CONNECTION_STRING"),
              cs, secret=key, key="connection_string")]


@kind("azure_openai_key", "azure", "https://learn.microsoft.com/en-us/azure/ai-services/openai/reference",
      group="azure_openai", auth="header:api-key", path="/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01")
def _aoai(rng):
    res = pick(rng, WORDS) + "-openai-" + rs(rng, 4, LOALNUM)
    return [F("AZURE_OPENAI_ENDPOINT", f"https://{res}.openai.azure.com/", "plain", key="endpoint"),
            F(env_name(rng, "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_KEY", "AOAI_API_KEY"), rs(rng, 32, HEX), key="api_key")]


@kind("azure_sql_connection", "azure",
      "https://learn.microsoft.com/en-us/sql/connect/ado-net/connection-string-syntax", group="sql")
def _azsql(rng):
    pw = password(rng)
    srv = pick(rng, WORDS) + "-sql-" + pick(rng, ["prod", "eu", "main"])
    cs = (f"Server=tcp:{srv}.database.windows.net,1433;Initial Catalog={pick(rng, SERVICES)}db;"
          f"Persist Security Info=False;User ID={pick(rng, ['sqladmin', 'app_user', 'dbowner'])};Password={pw};"
          f"MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;")
    return [F(env_name(rng, "SQL_CONNECTION_STRING", "ConnectionStrings__Default", "DB_CONNECTION"), cs, secret=pw,
              key="connection_string")]


# ---------------------------------------------------------------- source hosting / CI
def gh_token(rng, prefix):
    body = rs(rng, 30, B62)
    return prefix + body + crc32_b62(body)


@kind("github_pat_classic", "github",
      "https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/",
      host="api.github.com", path="/user/repos?per_page=100", auth="token", tags=("git", "registry", "npmrc", "netrc"))
def _ghp(rng):
    return [F(env_name(rng, "GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT", "GH_PAT", "GITHUB_ACCESS_TOKEN"),
              gh_token(rng, "ghp_"))]


@kind("github_pat_fine_grained", "github",
      "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens",
      host="api.github.com", path="/repos/{org}/{repo}/contents", auth="bearer", tags=("git", "registry", "netrc"))
def _ghpat(rng):
    tok = "github_pat_11" + rs(rng, 20, UPALNUM) + "_" + rs(rng, 59, ALNUM)
    return [F(env_name(rng, "GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT", "RELEASE_TOKEN"), tok)]


@kind("github_oauth_token", "github",
      "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats",
      host="api.github.com", path="/user", auth="bearer")
def _gho(rng):
    return [F(env_name(rng, "GITHUB_OAUTH_TOKEN", "GH_OAUTH_TOKEN", "GITHUB_USER_TOKEN"), gh_token(rng, "gho_"))]


@kind("github_app_token", "github",
      "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats",
      host="api.github.com", path="/installation/repositories", auth="bearer", tags=("git",))
def _ghs(rng):
    p = pick(rng, ["ghs_", "ghs_", "ghu_", "ghr_"])
    return [F(env_name(rng, "GITHUB_APP_TOKEN", "INSTALLATION_TOKEN", "GH_APP_TOKEN"), gh_token(rng, p))]


@kind("gitlab_pat", "gitlab", "https://docs.gitlab.com/security/tokens/#token-prefixes",
      host="gitlab.com", path="/api/v4/projects?membership=true", auth="header:PRIVATE-TOKEN",
      tags=("git", "registry", "npmrc", "netrc"))
def _glpat(rng):
    if rng.random() < 0.7:
        tok = "glpat-" + rs(rng, 20, ALNUM + "-_")
    else:
        payload = rb(rng, 16) + f"\no:{rng.randint(1, 99999):x}\nu:{rng.randint(1, 9999999):x}".encode()
        tok = "glpat-" + b64u(payload) + ".01." + rs(rng, 9, LOALNUM)
    return [F(env_name(rng, "GITLAB_TOKEN", "GITLAB_PAT", "GL_TOKEN", "CI_API_TOKEN", "GITLAB_API_TOKEN"), tok)]


@kind("gitlab_runner_token", "gitlab", "https://docs.gitlab.com/security/tokens/#token-prefixes",
      group="gitlab_runner")
def _glrt(rng):
    p = pick(rng, ["glrt-", "glrt-", "GR1348941"])
    return [F(env_name(rng, "RUNNER_TOKEN", "CI_SERVER_TOKEN", "GITLAB_RUNNER_TOKEN"), p + rs(rng, 20, ALNUM + "-_"))]


@kind("bitbucket_app_password", "bitbucket", "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/",
      host="api.bitbucket.org", path="/2.0/repositories/{org}", auth="basic:@user", tags=("git",))
def _bb(rng):
    body = rs(rng, 32, ALNUM)
    tok = "ATBB" + body + format(binascii.crc32(body.encode()) & 0xFFFFFFFF, "08X")
    return [F("BITBUCKET_USERNAME", pick(rng, FIRST) + "-" + pick(rng, WORDS), "plain", key="username"),
            F(env_name(rng, "BITBUCKET_APP_PASSWORD", "BB_APP_PASSWORD", "BITBUCKET_TOKEN"), tok, key="app_password")]


@kind("circleci_token", "circleci", "https://circleci.com/docs/managing-api-tokens/",
      host="circleci.com", path="/api/v2/me", auth="header:Circle-Token")
def _circle(rng):
    tok = "CCIPAT_" + rs(rng, 22, ALNUM) + "_" + rs(rng, 40, HEX) if rng.random() < 0.7 else rs(rng, 40, HEX)
    return [F(env_name(rng, "CIRCLECI_TOKEN", "CIRCLE_TOKEN", "CIRCLECI_API_TOKEN"), tok)]


@kind("buildkite_token", "buildkite", "https://buildkite.com/docs/apis/managing-api-tokens",
      host="api.buildkite.com", path="/v2/organizations", auth="bearer")
def _bk(rng):
    return [F(env_name(rng, "BUILDKITE_API_TOKEN", "BUILDKITE_TOKEN", "BK_TOKEN"), "bkua_" + rs(rng, 40, HEX))]


@kind("travis_token", "travis", "https://docs.travis-ci.com/user/triggering-builds/",
      host="api.travis-ci.com", path="/repos", auth="header_prefix:Authorization:token ")
def _travis(rng):
    return [F(env_name(rng, "TRAVIS_API_TOKEN", "TRAVIS_TOKEN"), rs(rng, 22, ALNUM + "-_"))]


@kind("jenkins_api_token", "jenkins",
      "https://www.jenkins.io/doc/book/system-administration/authenticating-scripted-clients/",
      host="jenkins.{domain}", path="/job/{repo}/build", auth="basic:@user")
def _jenkins(rng):
    return [F("JENKINS_USER", pick(rng, FIRST) + "." + pick(rng, LAST), "plain", key="user"),
            F(env_name(rng, "JENKINS_API_TOKEN", "JENKINS_TOKEN"), "11" + rs(rng, 32, HEX), key="api_token")]


@kind("sonarqube_token", "sonarqube",
      "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/",
      host="sonarcloud.io", path="/api/projects/search", auth="basic_user")
def _sonar(rng):
    return [F(env_name(rng, "SONAR_TOKEN", "SONARQUBE_TOKEN", "SONAR_LOGIN"),
              pick(rng, ["squ_", "squ_", "sqp_", "sqa_"]) + rs(rng, 40, HEX))]


@kind("snyk_token", "snyk", "https://docs.snyk.io/snyk-api/authentication-for-api",
      host="api.snyk.io", path="/rest/self?version=2024-10-15", auth="header_prefix:Authorization:token ")
def _snyk(rng):
    return [F(env_name(rng, "SNYK_TOKEN", "SNYK_API_TOKEN"), uuid4(rng))]


@kind("jfrog_token", "jfrog", "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens",
      host="{org}.jfrog.io", path="/artifactory/api/repositories", auth="bearer", tags=("registry", "npmrc"))
def _jfrog(rng):
    if rng.random() < 0.75:
        exp = pick(rng, ["0000000000", str(epoch(rng, 1735689600, 1830000000))])
        tok = b64(f"reftkn:01:{exp}:{rs(rng, 27, ALNUM)}".encode())
    else:
        tok = "AKCp8" + rs(rng, 68, ALNUM)
    return [F(env_name(rng, "ARTIFACTORY_API_KEY", "JFROG_ACCESS_TOKEN", "ARTIFACTORY_TOKEN"), tok)]


# ---------------------------------------------------------------- messaging / chat
@kind("slack_bot_token", "slack", "https://api.slack.com/authentication/token-types",
      host="slack.com", path="/api/chat.postMessage", auth="bearer")
def _xoxb(rng):
    tok = f"xoxb-{digits(rng, rng.choice([10, 11, 12, 13]))}-{digits(rng, 13)}-{rs(rng, 24, ALNUM)}"
    return [F(env_name(rng, "SLACK_BOT_TOKEN", "SLACK_TOKEN", "SLACK_API_TOKEN"), tok)]


@kind("slack_user_token", "slack", "https://api.slack.com/authentication/token-types",
      host="slack.com", path="/api/conversations.history", auth="bearer")
def _xoxp(rng):
    tok = f"xoxp-{digits(rng, 11)}-{digits(rng, 11)}-{digits(rng, 13)}-{rs(rng, 32, HEX)}"
    return [F(env_name(rng, "SLACK_USER_TOKEN", "SLACK_OAUTH_TOKEN", "SLACK_LEGACY_TOKEN"), tok)]


@kind("slack_app_token", "slack", "https://api.slack.com/authentication/token-types#app-level")
def _xapp(rng):
    tok = f"xapp-1-A{rs(rng, 10, UPALNUM)}-{digits(rng, 13)}-{rs(rng, 64, HEX)}"
    return [F(env_name(rng, "SLACK_APP_TOKEN", "SOCKET_MODE_TOKEN"), tok)]


@kind("slack_webhook", "slack", "https://api.slack.com/messaging/webhooks", auth="url")
def _slack_hook(rng):
    url = f"https://hooks.slack.com/services/T{rs(rng, rng.choice([8, 10]), UPALNUM)}/B{rs(rng, rng.choice([8, 10, 11]), UPALNUM)}/{rs(rng, 24, ALNUM)}"
    return [F(env_name(rng, "SLACK_WEBHOOK_URL", "SLACK_WEBHOOK", "ALERT_WEBHOOK_URL"), url)]


@kind("discord_bot_token", "discord", "https://discord.com/developers/docs/reference#authentication",
      host="discord.com", path="/api/v10/users/@me", auth="header_prefix:Authorization:Bot ")
def _discord(rng):
    uid = str(rng.randint(800000000000000000, 1299999999999999999))
    tok = b64(uid.encode()).rstrip("=") + "." + rs(rng, 6, B64URL) + "." + rs(rng, pick(rng, [27, 38]), B64URL)
    return [F(env_name(rng, "DISCORD_TOKEN", "DISCORD_BOT_TOKEN", "BOT_TOKEN"), tok)]


@kind("discord_webhook", "discord", "https://discord.com/developers/docs/resources/webhook", auth="url")
def _discord_hook(rng):
    url = f"https://discord.com/api/webhooks/{rng.randint(1000000000000000000, 1399999999999999999)}/{rs(rng, 68, B64URL)}"
    return [F(env_name(rng, "DISCORD_WEBHOOK_URL", "DISCORD_WEBHOOK"), url)]


@kind("telegram_bot_token", "telegram", "https://core.telegram.org/bots/api#authorizing-your-bot",
      host="api.telegram.org", path="/bot{S}/getMe", auth="path")
def _tg(rng):
    return [F(env_name(rng, "TELEGRAM_BOT_TOKEN", "TELEGRAM_TOKEN", "TG_BOT_TOKEN"),
              f"{rng.randint(1000000000, 8999999999) if rng.random() < 0.7 else rng.randint(100000000, 999999999)}:AA{rs(rng, 33, B64URL)}")]


@kind("teams_webhook", "microsoft",
      "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
      group="teams", auth="url")
def _teams(rng):
    url = (f"https://{pick(rng, WORDS)}{pick(rng, ['corp', 'group', 'inc'])}.webhook.office.com/webhookb2/"
           f"{uuid4(rng)}@{uuid4(rng)}/IncomingWebhook/{rs(rng, 32, HEX)}/{uuid4(rng)}")
    if rng.random() < 0.5:
        url += "/V2" + rs(rng, 43, B64URL)
    return [F(env_name(rng, "TEAMS_WEBHOOK_URL", "MS_TEAMS_WEBHOOK", "TEAMS_INCOMING_WEBHOOK"), url)]


@kind("twilio_auth_token", "twilio", "https://www.twilio.com/docs/iam/credentials/api",
      host="api.twilio.com", path="/2010-04-01/Accounts/{id}/Messages.json", auth="basic:@id")
def _twilio(rng):
    return [F("TWILIO_ACCOUNT_SID", "AC" + rs(rng, 32, HEX), "ignore", key="account_sid", reason="Twilio account SID"),
            F("TWILIO_AUTH_TOKEN", rs(rng, 32, HEX), key="auth_token")]


@kind("twilio_api_key", "twilio", "https://www.twilio.com/docs/iam/api-keys",
      host="api.twilio.com", path="/2010-04-01/Accounts.json", auth="basic:@id")
def _twilio_sk(rng):
    return [F("TWILIO_API_KEY", "SK" + rs(rng, 32, HEX), "ignore", key="api_key", reason="Twilio API key SID"),
            F("TWILIO_API_SECRET", rs(rng, 32, ALNUM), key="api_secret")]


@kind("sendgrid_api_key", "sendgrid", "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
      host="api.sendgrid.com", path="/v3/mail/send", auth="bearer")
def _sg(rng):
    return [F(env_name(rng, "SENDGRID_API_KEY", "SENDGRID_KEY", "SMTP_PASSWORD"),
              "SG." + rs(rng, 22, B64URL) + "." + rs(rng, 43, B64URL))]


@kind("mailgun_api_key", "mailgun", "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/",
      host="api.mailgun.net", path="/v3/{domain}/messages", auth="basic:api")
def _mailgun(rng):
    tok = "key-" + rs(rng, 32, HEX) if rng.random() < 0.5 else f"{rs(rng, 32, HEX)}-{rs(rng, 8, HEX)}-{rs(rng, 8, HEX)}"
    return [F(env_name(rng, "MAILGUN_API_KEY", "MAILGUN_KEY", "MAILGUN_PRIVATE_KEY"), tok)]


@kind("mailchimp_api_key", "mailchimp",
      "https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key",
      host="us{dc}.api.mailchimp.com", path="/3.0/lists", auth="basic:anystring")
def _mailchimp(rng):
    return [F(env_name(rng, "MAILCHIMP_API_KEY", "MAILCHIMP_KEY", "MC_API_KEY"),
              rs(rng, 32, HEX) + "-us" + str(rng.randint(1, 21)))]


@kind("postmark_server_token", "postmark", "https://postmarkapp.com/developer/api/overview#authentication",
      host="api.postmarkapp.com", path="/email", auth="header:X-Postmark-Server-Token")
def _postmark(rng):
    return [F(env_name(rng, "POSTMARK_SERVER_TOKEN", "POSTMARK_API_TOKEN", "POSTMARK_TOKEN"), uuid4(rng))]


@kind("brevo_api_key", "brevo", "https://developers.brevo.com/docs/getting-started",
      host="api.brevo.com", path="/v3/smtp/email", auth="header:api-key")
def _brevo(rng):
    return [F(env_name(rng, "BREVO_API_KEY", "SENDINBLUE_API_KEY"), "xkeysib-" + rs(rng, 64, HEX) + "-" + rs(rng, 16, ALNUM))]


@kind("intercom_access_token", "intercom",
      "https://developers.intercom.com/docs/build-an-integration/learn-more/authentication",
      host="api.intercom.io", path="/contacts", auth="bearer")
def _intercom(rng):
    u = uuid4(rng).replace("-", "_")
    return [F(env_name(rng, "INTERCOM_ACCESS_TOKEN", "INTERCOM_TOKEN"), b64(f"tok:{u}:1:0".encode()))]


@kind("zendesk_api_token", "zendesk",
      "https://developer.zendesk.com/api-reference/introduction/security-and-auth/#api-token",
      host="{org}.zendesk.com", path="/api/v2/tickets.json", auth="basic:@email/token")
def _zendesk(rng):
    return [F(env_name(rng, "ZENDESK_API_TOKEN", "ZENDESK_TOKEN"), rs(rng, 40, ALNUM))]


@kind("freshdesk_api_key", "freshdesk", "https://developers.freshdesk.com/api/#authentication",
      host="{org}.freshdesk.com", path="/api/v2/tickets", auth="basic_user_x")
def _freshdesk(rng):
    return [F(env_name(rng, "FRESHDESK_API_KEY", "FRESHDESK_KEY"), rs(rng, 20, ALNUM))]


@kind("hubspot_private_app_token", "hubspot", "https://developers.hubspot.com/docs/api/private-apps",
      host="api.hubapi.com", path="/crm/v3/objects/contacts", auth="bearer")
def _hubspot(rng):
    return [F(env_name(rng, "HUBSPOT_ACCESS_TOKEN", "HUBSPOT_API_KEY", "HUBSPOT_TOKEN"),
              f"pat-{pick(rng, ['na1', 'na1', 'eu1', 'na2'])}-{uuid4(rng)}")]


# ---------------------------------------------------------------- payments
@kind("stripe_secret_key", "stripe", "https://docs.stripe.com/keys",
      host="api.stripe.com", path="/v1/charges", auth="basic_user")
def _stripe(rng):
    tok = "sk_live_51" + rs(rng, 97, ALNUM) if rng.random() < 0.8 else "sk_live_" + rs(rng, 24, ALNUM)
    return [F(env_name(rng, "STRIPE_SECRET_KEY", "STRIPE_API_KEY", "STRIPE_KEY", "STRIPE_SK"), tok)]


@kind("stripe_restricted_key", "stripe", "https://docs.stripe.com/keys#create-restricted-api-secret-key",
      host="api.stripe.com", path="/v1/customers", auth="bearer")
def _stripe_rk(rng):
    return [F(env_name(rng, "STRIPE_RESTRICTED_KEY", "STRIPE_RK", "STRIPE_READONLY_KEY"), "rk_live_51" + rs(rng, 97, ALNUM))]


@kind("stripe_webhook_secret", "stripe", "https://docs.stripe.com/webhooks#verify-events")
def _whsec(rng):
    return [F(env_name(rng, "STRIPE_WEBHOOK_SECRET", "STRIPE_SIGNING_SECRET", "STRIPE_ENDPOINT_SECRET"),
              "whsec_" + rs(rng, 32, ALNUM))]


@kind("square_access_token", "square", "https://developer.squareup.com/docs/build-basics/access-tokens",
      host="connect.squareup.com", path="/v2/locations", auth="bearer")
def _square(rng):
    return [F(env_name(rng, "SQUARE_ACCESS_TOKEN", "SQUARE_TOKEN"), "EAAA" + rs(rng, 60, B64URL))]


@kind("square_app_secret", "square", "https://developer.squareup.com/docs/oauth-api/overview")
def _square_sec(rng):
    return [F("SQUARE_APPLICATION_ID", "sq0idp-" + rs(rng, 22, B64URL), "ignore", key="application_id",
              reason="Square application id"),
            F("SQUARE_APPLICATION_SECRET", "sq0csp-" + rs(rng, 43, B64URL), key="application_secret")]


@kind("braintree_access_token", "braintree",
      "https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials")
def _braintree(rng):
    return [F(env_name(rng, "BRAINTREE_ACCESS_TOKEN", "BT_ACCESS_TOKEN"),
              f"access_token$production${rs(rng, 16, LOALNUM)}${rs(rng, 32, HEX)}")]


@kind("paypal_client_secret", "paypal", "https://developer.paypal.com/api/rest/authentication/")
def _paypal(rng):
    return [F("PAYPAL_CLIENT_ID", "A" + rs(rng, 79, ALNUM + "-_"), "ignore", key="client_id", reason="PayPal client id"),
            F("PAYPAL_CLIENT_SECRET", "E" + rs(rng, 79, ALNUM + "-_"), key="client_secret")]


@kind("adyen_api_key", "adyen", "https://docs.adyen.com/development-resources/api-credentials/",
      host="checkout-live.adyenpayments.com", path="/checkout/v71/payments", auth="header:X-API-Key")
def _adyen(rng):
    tok = "AQE" + rs(rng, 3, ALNUM) + "hmfx" + b64(rb(rng, 66)) + "-" + b64(rb(rng, 32)) + "-" + \
        rs(rng, 16, ALNUM + "?,;:[]()<>{}%=")
    tok = tok.replace("<", "(").replace(">", ")").replace("%", "=")
    return [F(env_name(rng, "ADYEN_API_KEY", "ADYEN_KEY"), tok)]


@kind("razorpay_key_secret", "razorpay", "https://razorpay.com/docs/api/authentication/",
      host="api.razorpay.com", path="/v1/orders", auth="basic:@id")
def _razorpay(rng):
    return [F("RAZORPAY_KEY_ID", "rzp_live_" + rs(rng, 14, ALNUM), "ignore", key="key_id", reason="Razorpay key id"),
            F("RAZORPAY_KEY_SECRET", rs(rng, 24, ALNUM), key="key_secret")]


@kind("plaid_secret", "plaid", "https://plaid.com/docs/api/#api-access")
def _plaid(rng):
    return [F("PLAID_CLIENT_ID", rs(rng, 24, HEX), "ignore", key="client_id", reason="Plaid client id"),
            F(env_name(rng, "PLAID_SECRET", "PLAID_PRODUCTION_SECRET"), rs(rng, 30, HEX), key="secret"),
            F("PLAID_ENV", "production", "plain", key="env")]


@kind("coinbase_cdp_key", "coinbase", "https://docs.cdp.coinbase.com/get-started/docs/cdp-api-keys", tags=("pem",))
def _coinbase(rng):
    d, pub = ec_key(rng)
    keypem = pem("EC PRIVATE KEY", ec_sec1_der(d, pub))
    name = f"organizations/{uuid4(rng)}/apiKeys/{uuid4(rng)}"
    return [F("COINBASE_API_KEY_NAME", name, "ignore", key="api_key_name", reason="CDP API key name (identifier)"),
            F("COINBASE_API_PRIVATE_KEY", keypem, key="api_private_key")]


@kind("shippo_token", "shippo", "https://docs.goshippo.com/docs/guides_general/authentication/",
      host="api.goshippo.com", path="/shipments/", auth="header_prefix:Authorization:ShippoToken ")
def _shippo(rng):
    return [F(env_name(rng, "SHIPPO_API_TOKEN", "SHIPPO_TOKEN"), "shippo_live_" + rs(rng, 40, HEX))]


@kind("easypost_api_key", "easypost", "https://docs.easypost.com/docs/authentication",
      host="api.easypost.com", path="/v2/shipments", auth="basic_user")
def _easypost(rng):
    return [F(env_name(rng, "EASYPOST_API_KEY", "EASYPOST_KEY"), "EZAK" + rs(rng, 54, ALNUM))]


# ---------------------------------------------------------------- AI / ML
@kind("openai_api_key", "openai", "https://platform.openai.com/docs/api-reference/authentication",
      host="api.openai.com", path="/v1/chat/completions", auth="bearer")
def _openai(rng):
    r = rng.random()
    if r < 0.65:
        tok = "sk-proj-" + rs(rng, 74, B64URL) + "T3BlbkFJ" + rs(rng, 74, B64URL)
    elif r < 0.85:
        tok = "sk-svcacct-" + rs(rng, 74, B64URL) + "T3BlbkFJ" + rs(rng, 74, B64URL)
    else:
        tok = "sk-" + rs(rng, 20, ALNUM) + "T3BlbkFJ" + rs(rng, 20, ALNUM)
    return [F(env_name(rng, "OPENAI_API_KEY", "OPENAI_KEY", "OPENAI_TOKEN", "LLM_API_KEY"), tok)]


@kind("anthropic_api_key", "anthropic", "https://docs.anthropic.com/en/api/getting-started",
      host="api.anthropic.com", path="/v1/messages", auth="header:x-api-key")
def _anthropic(rng):
    return [F(env_name(rng, "ANTHROPIC_API_KEY", "CLAUDE_API_KEY", "ANTHROPIC_KEY"),
              "sk-ant-api03-" + rs(rng, 93, B64URL) + "AA")]


@kind("huggingface_token", "huggingface", "https://huggingface.co/docs/hub/security-tokens",
      host="huggingface.co", path="/api/whoami-v2", auth="bearer", tags=("netrc",))
def _hf(rng):
    return [F(env_name(rng, "HF_TOKEN", "HUGGINGFACE_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_API_TOKEN"),
              "hf_" + rs(rng, 34, UP + LO))]


@kind("replicate_token", "replicate", "https://replicate.com/docs/topics/security/api-tokens",
      host="api.replicate.com", path="/v1/predictions", auth="bearer")
def _r8(rng):
    return [F(env_name(rng, "REPLICATE_API_TOKEN", "REPLICATE_TOKEN"), "r8_" + rs(rng, 37, ALNUM))]


@kind("groq_api_key", "groq", "https://console.groq.com/docs/quickstart",
      host="api.groq.com", path="/openai/v1/chat/completions", auth="bearer")
def _groq(rng):
    return [F(env_name(rng, "GROQ_API_KEY", "GROQ_KEY"), "gsk_" + rs(rng, 52, ALNUM))]


@kind("perplexity_api_key", "perplexity", "https://docs.perplexity.ai/guides/getting-started",
      host="api.perplexity.ai", path="/chat/completions", auth="bearer")
def _pplx(rng):
    return [F(env_name(rng, "PERPLEXITY_API_KEY", "PPLX_API_KEY"), "pplx-" + rs(rng, 48, ALNUM))]


@kind("xai_api_key", "xai", "https://docs.x.ai/docs/overview",
      host="api.x.ai", path="/v1/chat/completions", auth="bearer")
def _xai(rng):
    return [F(env_name(rng, "XAI_API_KEY", "GROK_API_KEY"), "xai-" + rs(rng, 80, ALNUM))]


@kind("mistral_api_key", "mistral", "https://docs.mistral.ai/getting-started/quickstart/",
      host="api.mistral.ai", path="/v1/chat/completions", auth="bearer")
def _mistral(rng):
    return [F(env_name(rng, "MISTRAL_API_KEY", "MISTRAL_KEY"), rs(rng, 32, ALNUM))]


@kind("cohere_api_key", "cohere", "https://docs.cohere.com/reference/about",
      host="api.cohere.com", path="/v2/chat", auth="bearer")
def _cohere(rng):
    return [F(env_name(rng, "COHERE_API_KEY", "CO_API_KEY"), rs(rng, 40, ALNUM))]


@kind("together_api_key", "together", "https://docs.together.ai/reference/authentication-1",
      host="api.together.xyz", path="/v1/chat/completions", auth="bearer")
def _together(rng):
    tok = "tgp_v1_" + rs(rng, 43, B64URL) if rng.random() < 0.6 else rs(rng, 64, HEX)
    return [F(env_name(rng, "TOGETHER_API_KEY", "TOGETHER_AI_KEY"), tok)]


@kind("deepseek_api_key", "deepseek", "https://api-docs.deepseek.com/",
      host="api.deepseek.com", path="/chat/completions", auth="bearer")
def _deepseek(rng):
    return [F(env_name(rng, "DEEPSEEK_API_KEY", "DEEPSEEK_KEY"), "sk-" + rs(rng, 32, HEX))]


@kind("openrouter_api_key", "openrouter", "https://openrouter.ai/docs/api-reference/authentication",
      host="openrouter.ai", path="/api/v1/chat/completions", auth="bearer")
def _openrouter(rng):
    return [F(env_name(rng, "OPENROUTER_API_KEY", "OPENROUTER_KEY"), "sk-or-v1-" + rs(rng, 64, HEX))]


@kind("elevenlabs_api_key", "elevenlabs", "https://elevenlabs.io/docs/api-reference/authentication",
      host="api.elevenlabs.io", path="/v1/voices", auth="header:xi-api-key")
def _eleven(rng):
    return [F(env_name(rng, "ELEVENLABS_API_KEY", "ELEVEN_API_KEY", "XI_API_KEY"), "sk_" + rs(rng, 48, HEX))]


@kind("pinecone_api_key", "pinecone", "https://docs.pinecone.io/guides/projects/manage-api-keys",
      host="api.pinecone.io", path="/indexes", auth="header:Api-Key")
def _pinecone(rng):
    return [F(env_name(rng, "PINECONE_API_KEY", "PINECONE_KEY"),
              "pcsk_" + rs(rng, rng.choice([5, 6]), ALNUM) + "_" + rs(rng, 63, ALNUM))]


@kind("wandb_api_key", "wandb", "https://docs.wandb.ai/guides/track/environment-variables/",
      host="api.wandb.ai", path="/graphql", auth="basic:api", tags=("netrc",))
def _wandb(rng):
    return [F(env_name(rng, "WANDB_API_KEY", "WANDB_KEY"), rs(rng, 40, HEX))]


# ---------------------------------------------------------------- packages / registries
@kind("npm_token", "npm", "https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/",
      host="registry.npmjs.org", path="/-/whoami", auth="bearer", tags=("npmrc",))
def _npm(rng):
    body = rs(rng, 30, B62)
    return [F(env_name(rng, "NPM_TOKEN", "NODE_AUTH_TOKEN", "NPM_AUTH_TOKEN", "NPM_PUBLISH_TOKEN"),
              "npm_" + body + crc32_b62(body))]


def pypi_token(rng):
    ident = uuid4(rng)
    cav = pick(rng, [json.dumps({"permissions": "user", "version": 1}),
                     f'[3,"{uuid4(rng)}"]', f'[1,["{project(rng)}"]]'])
    mac = (b"\x02\x01\x08pypi.org\x02" + bytes([len(ident)]) + ident.encode() + b"\x00\x02" + bytes([len(cav)]) +
           cav.encode() + b"\x00\x00\x06\x20" + rb(rng, 32))
    return "pypi-" + b64u(mac)


@kind("pypi_token", "pypi", "https://pypi.org/help/#apitoken", tags=("pypirc",))
def _pypi(rng):
    return [F(env_name(rng, "TWINE_PASSWORD", "PYPI_API_TOKEN", "PYPI_TOKEN", "UV_PUBLISH_TOKEN"), pypi_token(rng))]


@kind("dockerhub_pat", "docker", "https://docs.docker.com/security/for-developers/access-tokens/",
      tags=("registry",))
def _dckr(rng):
    return [F("DOCKERHUB_USERNAME", pick(rng, WORDS) + pick(rng, ["ci", "bot", "deploy", "ops"]), "plain", key="username"),
            F(env_name(rng, "DOCKERHUB_TOKEN", "DOCKER_PASSWORD", "DOCKERHUB_PAT", "REGISTRY_PASSWORD"),
              "dckr_pat_" + rs(rng, 27, B64URL), key="token")]


@kind("nuget_api_key", "nuget", "https://learn.microsoft.com/en-us/nuget/nuget-org/publish-a-package#create-api-keys")
def _nuget(rng):
    return [F(env_name(rng, "NUGET_API_KEY", "NUGET_KEY"), "oy2" + rs(rng, 43, LOALNUM))]


@kind("rubygems_api_key", "rubygems", "https://guides.rubygems.org/api-key-scopes/",
      host="rubygems.org", path="/api/v1/gems", auth="header:Authorization")
def _gem(rng):
    return [F(env_name(rng, "GEM_HOST_API_KEY", "RUBYGEMS_API_KEY"), "rubygems_" + rs(rng, 48, HEX))]


@kind("clojars_token", "clojars", "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens")
def _clojars(rng):
    return [F("CLOJARS_USERNAME", pick(rng, FIRST) + pick(rng, LAST), "plain", key="username"),
            F(env_name(rng, "CLOJARS_PASSWORD", "CLOJARS_TOKEN"), "CLOJARS_" + rs(rng, 60, HEX), key="password")]


# ---------------------------------------------------------------- observability / ops
@kind("datadog_keys", "datadog", "https://docs.datadoghq.com/account_management/api-app-keys/",
      host="api.datadoghq.com", path="/api/v1/validate", auth="headers:DD-API-KEY,DD-APPLICATION-KEY")
def _dd(rng):
    out = [F(env_name(rng, "DD_API_KEY", "DATADOG_API_KEY"), rs(rng, 32, HEX), key="api_key")]
    if rng.random() < 0.6:
        out.append(F(env_name(rng, "DD_APP_KEY", "DATADOG_APP_KEY"), rs(rng, 40, HEX), key="app_key"))
    return out


@kind("newrelic_user_key", "newrelic", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
      host="api.newrelic.com", path="/graphql", auth="header:API-Key")
def _nrak(rng):
    return [F(env_name(rng, "NEW_RELIC_API_KEY", "NEW_RELIC_USER_KEY", "NR_API_KEY"), "NRAK-" + rs(rng, 27, UPALNUM))]


@kind("newrelic_license_key", "newrelic", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key")
def _nral(rng):
    tok = rs(rng, 36, HEX) + "NRAL" if rng.random() < 0.7 else rs(rng, 40, HEX)
    return [F(env_name(rng, "NEW_RELIC_LICENSE_KEY", "NRIA_LICENSE_KEY"), tok)]


@kind("sentry_org_token", "sentry", "https://docs.sentry.io/account/auth-tokens/",
      host="sentry.io", path="/api/0/organizations/", auth="bearer")
def _sntrys(rng):
    org = pick(rng, WORDS) + "-" + pick(rng, ["labs", "inc", "io", "hq", "tech"])
    region = pick(rng, ["us", "de"])
    payload = json.dumps({"iat": round(epoch(rng) + rng.random(), 6), "url": "https://sentry.io",
                          "region_url": f"https://{region}.sentry.io", "org": org}, separators=(",", ":"))
    tok = "sntrys_" + b64(payload.encode()) + "_" + b64(rb(rng, 32)).rstrip("=")
    return [F(env_name(rng, "SENTRY_AUTH_TOKEN", "SENTRY_TOKEN"), tok)]


@kind("sentry_user_token", "sentry", "https://docs.sentry.io/account/auth-tokens/#user-auth-tokens",
      host="sentry.io", path="/api/0/projects/", auth="bearer")
def _sntryu(rng):
    return [F(env_name(rng, "SENTRY_AUTH_TOKEN", "SENTRY_USER_TOKEN"), "sntryu_" + rs(rng, 64, HEX))]


@kind("grafana_service_account_token", "grafana", "https://grafana.com/docs/grafana/latest/administration/service-accounts/",
      host="grafana.{domain}", path="/api/dashboards/uid/{repo}", auth="bearer")
def _glsa(rng):
    return [F(env_name(rng, "GRAFANA_TOKEN", "GRAFANA_SERVICE_ACCOUNT_TOKEN", "GF_TOKEN"),
              "glsa_" + rs(rng, 32, ALNUM) + "_" + rs(rng, 8, HEX))]


@kind("grafana_cloud_token", "grafana",
      "https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/")
def _glc(rng):
    payload = {"o": str(rng.randint(100000, 1999999)),
               "n": f"stack-{rng.randint(100000, 1999999)}-{pick(rng, ['alloy', 'otlp', 'metrics-write', 'logs'])}-{pick(rng, WORDS)}",
               "k": rs(rng, 24, ALNUM), "m": {"r": pick(rng, ["prod-us-east-0", "prod-eu-west-2", "us", "prod-ap-southeast-1"])}}
    return [F("GRAFANA_CLOUD_INSTANCE_ID", str(rng.randint(100000, 3999999)), "plain", key="instance_id"),
            F(env_name(rng, "GRAFANA_CLOUD_API_KEY", "GRAFANA_CLOUD_TOKEN", "GCLOUD_RW_API_KEY"),
              "glc_" + b64(json.dumps(payload, separators=(",", ":")).encode()), key="api_key")]


@kind("dynatrace_token", "dynatrace",
      "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens",
      host="{org}.live.dynatrace.com", path="/api/v2/metrics/ingest", auth="header_prefix:Authorization:Api-Token ")
def _dt(rng):
    return [F(env_name(rng, "DT_API_TOKEN", "DYNATRACE_API_TOKEN", "DT_TOKEN"),
              "dt0c01." + rs(rng, 24, UPALNUM) + "." + rs(rng, 64, UPALNUM))]


@kind("pagerduty_token", "pagerduty", "https://support.pagerduty.com/main/docs/api-access-keys",
      host="api.pagerduty.com", path="/incidents", auth="header_prefix:Authorization:Token token=")
def _pd(rng):
    tok = "u+" + rs(rng, 18, ALNUM + "_-") if rng.random() < 0.4 else rs(rng, 20, ALNUM + "_-+")
    return [F(env_name(rng, "PAGERDUTY_TOKEN", "PAGERDUTY_API_KEY", "PD_API_TOKEN"), tok)]


@kind("launchdarkly_key", "launchdarkly", "https://docs.launchdarkly.com/home/account/environment/keys")
def _ld(rng):
    if rng.random() < 0.5:
        return [F(env_name(rng, "LAUNCHDARKLY_SDK_KEY", "LD_SDK_KEY"), "sdk-" + uuid4(rng))]
    return [F(env_name(rng, "LAUNCHDARKLY_ACCESS_TOKEN", "LD_API_KEY"), "api-" + uuid4(rng))]


@kind("segment_token", "segment", "https://segment.com/docs/api/public-api/",
      host="api.segmentapis.com", path="/sources", auth="bearer")
def _segment(rng):
    return [F(env_name(rng, "SEGMENT_PUBLIC_API_TOKEN", "SEGMENT_API_TOKEN"), "sgp_" + rs(rng, 64, ALNUM))]


@kind("mixpanel_service_account", "mixpanel", "https://docs.mixpanel.com/docs/orgs-and-projects/service-accounts")
def _mixpanel(rng):
    return [F("MIXPANEL_SERVICE_ACCOUNT_USERNAME", f"{pick(rng, WORDS)}-etl.{rs(rng, 6, LOALNUM)}.mp-service-account",
              "plain", key="service_account_username"),
            F(env_name(rng, "MIXPANEL_SERVICE_ACCOUNT_SECRET", "MIXPANEL_API_SECRET", "MIXPANEL_SECRET"),
              rs(rng, 32, ALNUM), key="service_account_secret")]


@kind("amplitude_secret_key", "amplitude", "https://amplitude.com/docs/apis/keys-and-tokens")
def _amp(rng):
    return [F("AMPLITUDE_API_KEY", rs(rng, 32, HEX), "ignore", key="api_key",
              reason="Amplitude project API key (used client-side)"),
            F("AMPLITUDE_SECRET_KEY", rs(rng, 32, HEX), key="secret_key")]


@kind("tailscale_api_key", "tailscale", "https://tailscale.com/kb/1101/api",
      host="api.tailscale.com", path="/api/v2/tailnet/-/devices", auth="bearer")
def _ts(rng):
    kind_ = pick(rng, ["api", "api", "auth"])
    return [F(env_name(rng, "TAILSCALE_API_KEY", "TS_API_KEY") if kind_ == "api" else env_name(rng, "TS_AUTHKEY", "TAILSCALE_AUTHKEY"),
              f"tskey-{kind_}-{rs(rng, 12, ALNUM)}CNTRL-{rs(rng, 33, ALNUM)}")]


@kind("ngrok_authtoken", "ngrok", "https://ngrok.com/docs/agent/#authtokens")
def _ngrok(rng):
    return [F(env_name(rng, "NGROK_AUTHTOKEN", "NGROK_AUTH_TOKEN"), "2" + rs(rng, 26, ALNUM) + "_" + rs(rng, 21, ALNUM))]


@kind("onepassword_service_account", "1password", "https://developer.1password.com/docs/service-accounts/",
      group="op")
def _ops(rng):
    doc = {"signInAddress": "my.1password.com",
           "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256", "iterations": 650000, "salt": b64u(rb(rng, 16))},
           "email": rs(rng, 13, LOALNUM) + "@1passwordserviceaccounts.com", "srpX": rs(rng, 64, HEX),
           "muk": {"alg": "A256GCM", "ext": True, "k": b64u(rb(rng, 32)), "key_ops": ["encrypt", "decrypt"],
                   "kty": "oct", "kid": "mp"},
           "secretKey": f"A3-{rs(rng, 6, UPALNUM)}-{rs(rng, 6, UPALNUM)}-{rs(rng, 5, UPALNUM)}-{rs(rng, 5, UPALNUM)}-{rs(rng, 5, UPALNUM)}-{rs(rng, 5, UPALNUM)}",
           "throttleSecret": {"seed": rs(rng, 64, HEX), "uuid": rs(rng, 26, UPALNUM)},
           "deviceUuid": rs(rng, 26, LOALNUM)}
    return [F(env_name(rng, "OP_SERVICE_ACCOUNT_TOKEN", "ONEPASSWORD_TOKEN"),
              "ops_" + b64u(json.dumps(doc, separators=(",", ":")).encode()))]


# ---------------------------------------------------------------- platform / infra
@kind("hashicorp_vault_token", "vault", "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
      host="vault.{domain}:8200", path="/v1/secret/data/{repo}", auth="header:X-Vault-Token")
def _vault(rng):
    tok = "hvs." + rs(rng, 24, ALNUM) if rng.random() < 0.5 else "hvs.CAESI" + rs(rng, 86, B64URL)
    return [F("VAULT_ADDR", f"https://vault.{pick(rng, DOMAINS)}:8200", "plain", key="addr"),
            F(env_name(rng, "VAULT_TOKEN", "VAULT_ROOT_TOKEN"), tok, key="token")]


@kind("doppler_token", "doppler", "https://docs.doppler.com/reference/auth-token-formats",
      host="api.doppler.com", path="/v3/configs/config/secrets/download?format=json", auth="bearer")
def _doppler(rng):
    p = pick(rng, ["dp.st." + pick(rng, ["prd", "dev", "stg"]) + ".", "dp.st.", "dp.pt.", "dp.sa.", "dp.ct."])
    return [F(env_name(rng, "DOPPLER_TOKEN", "DOPPLER_SERVICE_TOKEN"), p + rs(rng, 43 if p == "dp.pt." else 40, ALNUM))]


@kind("terraform_cloud_token", "terraform",
      "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
      host="app.terraform.io", path="/api/v2/organizations", auth="bearer", tags=("tfrc",))
def _tfc(rng):
    return [F(env_name(rng, "TF_API_TOKEN", "TFE_TOKEN", "TF_TOKEN_app_terraform_io"),
              rs(rng, 14, ALNUM) + ".atlasv1." + rs(rng, 67, ALNUM))]


@kind("pulumi_access_token", "pulumi", "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/",
      host="api.pulumi.com", path="/api/user/stacks", auth="header_prefix:Authorization:token ")
def _pulumi(rng):
    return [F(env_name(rng, "PULUMI_ACCESS_TOKEN", "PULUMI_TOKEN"), "pul-" + rs(rng, 40, HEX))]


@kind("digitalocean_token", "digitalocean",
      "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
      host="api.digitalocean.com", path="/v2/droplets", auth="bearer")
def _do(rng):
    p = pick(rng, ["dop_v1_", "dop_v1_", "doo_v1_", "dor_v1_"])
    return [F(env_name(rng, "DIGITALOCEAN_TOKEN", "DO_API_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN"), p + rs(rng, 64, HEX))]


@kind("linode_token", "linode", "https://techdocs.akamai.com/linode-api/reference/get-started#personal-access-tokens",
      host="api.linode.com", path="/v4/linode/instances", auth="bearer")
def _linode(rng):
    return [F(env_name(rng, "LINODE_TOKEN", "LINODE_API_TOKEN", "LINODE_CLI_TOKEN"), rs(rng, 64, HEX))]


@kind("alibaba_access_key", "alibaba", "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair")
def _ali(rng):
    return [F("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5t" + rs(rng, 18, ALNUM), "ignore", key="access_key_id",
              reason="Alibaba AccessKey ID"),
            F("ALIBABA_CLOUD_ACCESS_KEY_SECRET", rs(rng, 30, ALNUM), key="access_key_secret")]


@kind("tencent_secret_key", "tencent", "https://www.tencentcloud.com/document/product/598/32675")
def _tencent(rng):
    return [F("TENCENTCLOUD_SECRET_ID", "AKID" + rs(rng, 32, ALNUM), "ignore", key="secret_id",
              reason="Tencent SecretId"),
            F("TENCENTCLOUD_SECRET_KEY", rs(rng, 32, ALNUM), key="secret_key")]


@kind("ibm_cloud_api_key", "ibm", "https://cloud.ibm.com/docs/account?topic=account-userapikey")
def _ibm(rng):
    return [F(env_name(rng, "IBMCLOUD_API_KEY", "IC_API_KEY", "IBM_CLOUD_API_KEY"), rs(rng, 44, ALNUM + "-_"))]


@kind("oracle_oci_auth_token", "oracle",
      "https://docs.oracle.com/en-us/iaas/Content/Registry/Tasks/registrygettingauthtoken.htm",
      group="oci", tags=("registry",))
def _oci(rng):
    tok = rs(rng, 20, ALNUM + "()[]_+-.:")
    while sum(c in "()[]_+-.:" for c in tok) < 3:
        tok = rs(rng, 20, ALNUM + "()[]_+-.:")
    ten = pick(rng, WORDS) + pick(rng, ["corp", "prod", "tenancy"])
    return [F("OCI_REGISTRY_USERNAME", f"{ten}/oracleidentitycloudservice/{email(rng)}", "plain", key="registry_username"),
            F(env_name(rng, "OCI_AUTH_TOKEN", "OCIR_PASSWORD", "OCI_REGISTRY_TOKEN"), tok, key="auth_token")]


@kind("databricks_token", "databricks", "https://docs.databricks.com/en/dev-tools/auth/pat.html",
      host="dbc-{hex8}-{hex4}.cloud.databricks.com", path="/api/2.0/clusters/list", auth="bearer")
def _dbx(rng):
    tok = "dapi" + rs(rng, 32, HEX) + ("-" + str(rng.randint(2, 3)) if rng.random() < 0.3 else "")
    return [F(env_name(rng, "DATABRICKS_TOKEN", "DATABRICKS_ACCESS_TOKEN"), tok)]


@kind("snowflake_password", "snowflake",
      "https://docs.snowflake.com/en/developer-guide/python-connector/python-connector-connect")
def _snow(rng):
    return [F("SNOWFLAKE_ACCOUNT", f"{rs(rng, 7, UP)}-{rs(rng, 7, UP)}", "plain", key="account"),
            F("SNOWFLAKE_USER", pick(rng, ["ETL_SVC", "DBT_PROD", "LOADER", "AIRFLOW"]), "plain", key="user"),
            F("SNOWFLAKE_PASSWORD", password(rng), key="password")]


@kind("confluent_api_secret", "confluent",
      "https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html")
def _confluent(rng):
    return [F("CONFLUENT_API_KEY", rs(rng, 16, UPALNUM), "ignore", key="api_key", reason="Confluent API key (id half)"),
            F(env_name(rng, "CONFLUENT_API_SECRET", "KAFKA_API_SECRET", "CONFLUENT_CLOUD_API_SECRET"),
              rs(rng, 64, ALNUM + "+/"), key="api_secret")]


@kind("cloudflare_api_token", "cloudflare", "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/",
      host="api.cloudflare.com", path="/client/v4/user/tokens/verify", auth="bearer")
def _cf(rng):
    return [F(env_name(rng, "CLOUDFLARE_API_TOKEN", "CF_API_TOKEN", "CLOUDFLARE_TOKEN"), rs(rng, 40, ALNUM + "_-"))]


@kind("cloudflare_global_key", "cloudflare", "https://developers.cloudflare.com/fundamentals/api/get-started/keys/",
      host="api.cloudflare.com", path="/client/v4/zones", auth="headers:X-Auth-Key")
def _cfg(rng):
    return [F("CLOUDFLARE_EMAIL", email(rng), "plain", key="email"),
            F(env_name(rng, "CLOUDFLARE_API_KEY", "CF_API_KEY"), rs(rng, 37, HEX), key="api_key")]


@kind("fastly_api_token", "fastly", "https://www.fastly.com/documentation/reference/api/auth-tokens/",
      host="api.fastly.com", path="/service", auth="header:Fastly-Key")
def _fastly(rng):
    return [F(env_name(rng, "FASTLY_API_TOKEN", "FASTLY_API_KEY", "FASTLY_KEY"), rs(rng, 32, ALNUM + "_-"))]


@kind("heroku_api_key", "heroku", "https://devcenter.heroku.com/articles/authentication",
      host="api.heroku.com", path="/apps", auth="bearer", tags=("netrc",))
def _heroku(rng):
    tok = "HRKU-AA" + rs(rng, 43, B64URL) + "_____w" + rs(rng, 9, B64URL) if rng.random() < 0.7 else uuid4(rng)
    return [F(env_name(rng, "HEROKU_API_KEY", "HEROKU_API_TOKEN", "HEROKU_TOKEN"), tok)]


@kind("netlify_token", "netlify", "https://docs.netlify.com/api/get-started/#authentication",
      host="api.netlify.com", path="/api/v1/sites", auth="bearer")
def _netlify(rng):
    return [F(env_name(rng, "NETLIFY_AUTH_TOKEN", "NETLIFY_TOKEN"), "nfp_" + rs(rng, 32, ALNUM) + rs(rng, 4, HEX))]


@kind("vercel_token", "vercel", "https://vercel.com/docs/rest-api#creating-an-access-token",
      host="api.vercel.com", path="/v9/projects", auth="bearer")
def _vercel(rng):
    return [F(env_name(rng, "VERCEL_TOKEN", "VERCEL_ACCESS_TOKEN", "NOW_TOKEN"), rs(rng, 24, ALNUM))]


@kind("render_api_key", "render", "https://render.com/docs/api#1-create-an-api-key",
      host="api.render.com", path="/v1/services", auth="bearer")
def _render(rng):
    return [F(env_name(rng, "RENDER_API_KEY", "RENDER_TOKEN"), "rnd_" + rs(rng, 32, ALNUM))]


@kind("flyio_token", "flyio", "https://fly.io/docs/security/tokens/", group="fly",
      host="api.machines.dev", path="/v1/apps", auth="header_prefix:Authorization:FlyV1 ")
def _fly(rng):
    def seg():
        return "fm2_lJPE" + rs(rng, 3, ALNUM) + "AAAAAA" + b64(rb(rng, 30) + b"\xb5https://api.fly.io/v1\x94\x00\x92" + rb(rng, rng.randint(150, 230)))
    tok = seg() + ("," + seg() if rng.random() < 0.6 else "")
    return [F(env_name(rng, "FLY_API_TOKEN", "FLY_ACCESS_TOKEN"), tok)]


@kind("supabase_secret", "supabase", "https://supabase.com/docs/guides/api/api-keys")
def _supabase(rng):
    ref = rs(rng, 20, LO)
    r = rng.random()
    url = F("SUPABASE_URL", f"https://{ref}.supabase.co", "plain", key="url")
    if r < 0.45:
        iat = epoch(rng)
        tok = jwt(rng, {"alg": "HS256", "typ": "JWT"},
                  {"iss": "supabase", "ref": ref, "role": "service_role", "iat": iat, "exp": iat + 315360000})
        return [url, F(env_name(rng, "SUPABASE_SERVICE_ROLE_KEY", "SUPABASE_SERVICE_KEY"), tok, key="service_role_key")]
    if r < 0.75:
        return [url, F(env_name(rng, "SUPABASE_SECRET_KEY", "SUPABASE_SERVICE_KEY"),
                       "sb_secret_" + rs(rng, 22, B64URL) + "_" + rs(rng, 8, ALNUM), key="secret_key")]
    return [F(env_name(rng, "SUPABASE_ACCESS_TOKEN", "SUPABASE_PAT"), "sbp_" + rs(rng, 40, HEX), key="access_token")]


@kind("planetscale_token", "planetscale", "https://planetscale.com/docs/concepts/service-tokens",
      host="api.planetscale.com", path="/v1/organizations", auth="header:Authorization")
def _pscale(rng):
    return [F("PLANETSCALE_SERVICE_TOKEN_ID", rs(rng, 12, LOALNUM), "ignore", key="service_token_id",
              reason="PlanetScale service token id"),
            F(env_name(rng, "PLANETSCALE_SERVICE_TOKEN", "PSCALE_TOKEN"), "pscale_tkn_" + rs(rng, 43, ALNUM + "_"),
              key="service_token")]


@kind("neon_api_key", "neon", "https://neon.com/docs/manage/api-keys",
      host="console.neon.tech", path="/api/v2/projects", auth="bearer")
def _neon(rng):
    return [F(env_name(rng, "NEON_API_KEY", "NEON_TOKEN"), "napi_" + rs(rng, 64, LOALNUM))]


@kind("cloudinary_url", "cloudinary", "https://cloudinary.com/documentation/node_integration#configuration")
def _cloudinary(rng):
    sec = rs(rng, 27, B64URL)
    return [F("CLOUDINARY_URL", f"cloudinary://{digits(rng, 15)}:{sec}@{pick(rng, WORDS)}-{rs(rng, 4, LOALNUM)}",
              secret=sec, key="url")]


# ---------------------------------------------------------------- SaaS / productivity
@kind("linear_api_key", "linear", "https://linear.app/developers/graphql#personal-api-keys",
      host="api.linear.app", path="/graphql", auth="header:Authorization")
def _linear(rng):
    return [F(env_name(rng, "LINEAR_API_KEY", "LINEAR_TOKEN"), "lin_api_" + rs(rng, 40, ALNUM))]


@kind("notion_token", "notion", "https://developers.notion.com/docs/authorization",
      host="api.notion.com", path="/v1/search", auth="bearer")
def _notion(rng):
    tok = "ntn_" + rs(rng, 11, DIG) + rs(rng, 35, ALNUM) if rng.random() < 0.6 else "secret_" + rs(rng, 43, ALNUM)
    return [F(env_name(rng, "NOTION_TOKEN", "NOTION_API_KEY", "NOTION_SECRET"), tok)]


@kind("postman_api_key", "postman", "https://learning.postman.com/docs/developer/postman-api/authentication/",
      host="api.getpostman.com", path="/collections", auth="header:X-Api-Key")
def _postman(rng):
    return [F(env_name(rng, "POSTMAN_API_KEY", "POSTMAN_KEY"), f"PMAK-{rs(rng, 24, HEX)}-{rs(rng, 34, HEX)}")]


@kind("atlassian_api_token", "atlassian",
      "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
      host="{org}.atlassian.net", path="/rest/api/3/search?jql=project%3DOPS", auth="basic:@email")
def _atlassian(rng):
    body = "ATATT3xFfGF0" + rs(rng, rng.randint(170, 182), B64URL)
    tok = body + "=" + format(binascii.crc32(body.encode()) & 0xFFFFFFFF, "08X")
    return [F(env_name(rng, "JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN", "CONFLUENCE_API_TOKEN"), tok)]


@kind("asana_pat", "asana", "https://developers.asana.com/docs/personal-access-token",
      host="app.asana.com", path="/api/1.0/users/me", auth="bearer")
def _asana(rng):
    tok = f"2/{digits(rng, 16)}/{digits(rng, 16)}:{rs(rng, 32, HEX)}" if rng.random() < 0.6 else \
        f"1/{digits(rng, 16)}:{rs(rng, 32, HEX)}"
    return [F(env_name(rng, "ASANA_ACCESS_TOKEN", "ASANA_PAT", "ASANA_TOKEN"), tok)]


@kind("airtable_pat", "airtable", "https://airtable.com/developers/web/guides/personal-access-tokens",
      host="api.airtable.com", path="/v0/meta/bases", auth="bearer")
def _airtable(rng):
    return [F(env_name(rng, "AIRTABLE_API_KEY", "AIRTABLE_TOKEN", "AIRTABLE_PAT"),
              "pat" + rs(rng, 14, ALNUM) + "." + rs(rng, 64, HEX))]


@kind("mapbox_secret_token", "mapbox", "https://docs.mapbox.com/accounts/guides/tokens/",
      host="api.mapbox.com", path="/uploads/v1/{user}", auth="query:access_token")
def _mapbox(rng):
    user = pick(rng, WORDS) + pick(rng, ["maps", "geo", "dev"])
    tok = "sk." + b64u(json.dumps({"u": user, "a": "cl" + rs(rng, 23, LOALNUM)}, separators=(",", ":")).encode()) + \
        "." + rs(rng, 22, B64URL)
    return [F(env_name(rng, "MAPBOX_SECRET_TOKEN", "MAPBOX_DOWNLOADS_TOKEN", "MAPBOX_ACCESS_TOKEN"), tok)]


@kind("algolia_admin_key", "algolia", "https://www.algolia.com/doc/guides/security/api-keys/",
      host="{id}.algolia.net", path="/1/indexes", auth="headers_id:X-Algolia-Application-Id,X-Algolia-API-Key")
def _algolia(rng):
    return [F("ALGOLIA_APP_ID", rs(rng, 10, UPALNUM), "ignore", key="app_id", reason="Algolia application id"),
            F(env_name(rng, "ALGOLIA_ADMIN_KEY", "ALGOLIA_ADMIN_API_KEY", "ALGOLIA_WRITE_KEY"), rs(rng, 32, HEX),
              key="admin_key")]


@kind("contentful_token", "contentful",
      "https://www.contentful.com/developers/docs/references/authentication/#the-content-management-api",
      host="api.contentful.com", path="/spaces", auth="bearer")
def _contentful(rng):
    return [F(env_name(rng, "CONTENTFUL_MANAGEMENT_TOKEN", "CONTENTFUL_CMA_TOKEN"), "CFPAT-" + rs(rng, 43, B64URL))]


@kind("sanity_token", "sanity", "https://www.sanity.io/docs/http-auth",
      host="{id}.api.sanity.io", path="/v2024-01-01/data/query/production", auth="bearer")
def _sanity(rng):
    return [F("SANITY_PROJECT_ID", rs(rng, 8, LOALNUM), "plain", key="project_id"),
            F(env_name(rng, "SANITY_API_TOKEN", "SANITY_WRITE_TOKEN", "SANITY_AUTH_TOKEN"), "sk" + rs(rng, 180, ALNUM),
              key="api_token")]


@kind("okta_api_token", "okta", "https://developer.okta.com/docs/guides/create-an-api-token/main/",
      host="{org}.okta.com", path="/api/v1/users?limit=25", auth="header_prefix:Authorization:SSWS ")
def _okta(rng):
    return [F(env_name(rng, "OKTA_API_TOKEN", "OKTA_TOKEN", "OKTA_CLIENT_TOKEN"), "00" + rs(rng, 40, ALNUM + "_-"))]


@kind("auth0_client_secret", "auth0", "https://auth0.com/docs/get-started/applications/application-settings")
def _auth0(rng):
    return [F("AUTH0_DOMAIN", f"{pick(rng, WORDS)}-{pick(rng, ['prod', 'eu', 'app'])}.eu.auth0.com", "plain", key="domain"),
            F("AUTH0_CLIENT_ID", rs(rng, 32, ALNUM), "ignore", key="client_id", reason="Auth0 client id"),
            F("AUTH0_CLIENT_SECRET", rs(rng, 64, ALNUM + "_-"), key="client_secret")]


@kind("twitch_client_secret", "twitch", "https://dev.twitch.tv/docs/authentication/register-app/")
def _twitch(rng):
    return [F("TWITCH_CLIENT_ID", rs(rng, 30, LOALNUM), "ignore", key="client_id", reason="Twitch client id"),
            F("TWITCH_CLIENT_SECRET", rs(rng, 30, LOALNUM), key="client_secret")]


@kind("salesforce_access_token", "salesforce",
      "https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flows.htm",
      host="{org}.my.salesforce.com", path="/services/data/v60.0/sobjects", auth="bearer")
def _sfdc(rng):
    tok = "00D" + rs(rng, 12, ALNUM) + "!AQ" + rs(rng, 1, UPALNUM) + "AQ" + rs(rng, 94, ALNUM + "._")
    return [F(env_name(rng, "SALESFORCE_ACCESS_TOKEN", "SF_ACCESS_TOKEN", "SFDC_SESSION_ID"), tok)]


@kind("dropbox_token", "dropbox", "https://developers.dropbox.com/oauth-guide",
      host="api.dropboxapi.com", path="/2/files/list_folder", auth="bearer")
def _dropbox(rng):
    tok = "sl." + pick(rng, ["B", "B", "C", "u.AF"]) + rs(rng, 135, B64URL)
    return [F(env_name(rng, "DROPBOX_ACCESS_TOKEN", "DROPBOX_TOKEN"), tok)]


@kind("box_client_secret", "box", "https://developer.box.com/guides/authentication/client-credentials/")
def _box(rng):
    return [F("BOX_CLIENT_ID", rs(rng, 32, LOALNUM), "ignore", key="client_id", reason="Box client id"),
            F("BOX_CLIENT_SECRET", rs(rng, 32, ALNUM), key="client_secret")]


@kind("figma_token", "figma", "https://www.figma.com/developers/api#access-tokens",
      host="api.figma.com", path="/v1/me", auth="header:X-Figma-Token")
def _figma(rng):
    return [F(env_name(rng, "FIGMA_TOKEN", "FIGMA_ACCESS_TOKEN", "FIGMA_API_KEY"), "figd_" + rs(rng, 40, B64URL))]


@kind("shopify_access_token", "shopify",
      "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin",
      host="{org}.myshopify.com", path="/admin/api/2024-10/products.json", auth="header:X-Shopify-Access-Token")
def _shopify(rng):
    p = pick(rng, ["shpat_", "shpat_", "shpca_", "shppa_"])
    return [F(env_name(rng, "SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_TOKEN", "SHOPIFY_API_PASSWORD"), p + rs(rng, 32, HEX))]


@kind("shopify_shared_secret", "shopify", "https://shopify.dev/docs/apps/build/authentication-authorization")
def _shpss(rng):
    return [F("SHOPIFY_API_KEY", rs(rng, 32, HEX), "ignore", key="api_key", reason="Shopify app API key (client id)"),
            F("SHOPIFY_API_SECRET", "shpss_" + rs(rng, 32, HEX), key="api_secret")]


# ---------------------------------------------------------------- keys, tokens, app secrets
@kind("rsa_private_key", "private_key", "https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.2", group="tls",
      tags=("pem",))
def _rsa(rng):
    k = rsa_key(rng, 2048)
    if rng.random() < 0.6:
        text = pem("RSA PRIVATE KEY", rsa_pkcs1_der(k))
    else:
        text = pem("PRIVATE KEY", rsa_pkcs8_der(k))
    return [F(env_name(rng, "TLS_PRIVATE_KEY", "JWT_PRIVATE_KEY", "SIGNING_KEY", "PRIVATE_KEY", "APP_PRIVATE_KEY"),
              text, key="private_key")]


@kind("ec_private_key", "private_key", "https://www.rfc-editor.org/rfc/rfc5915", group="tls", tags=("pem",))
def _ec(rng):
    d, pub = ec_key(rng)
    text = pem("EC PRIVATE KEY", ec_sec1_der(d, pub)) if rng.random() < 0.6 else pem("PRIVATE KEY", ec_pkcs8_der(d, pub))
    return [F(env_name(rng, "EC_PRIVATE_KEY", "APNS_AUTH_KEY", "JWT_SIGNING_KEY", "WEBHOOK_SIGNING_KEY"), text,
              key="private_key")]


@kind("openssh_private_key", "private_key",
      "https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key", group="ssh", tags=("pem", "ssh"))
def _openssh(rng):
    text, _pub = openssh_key(rng, pick(rng, ["ed25519", "ed25519", "rsa"]),
                             f"{pick(rng, FIRST)}@{pick(rng, WORDS)}-{pick(rng, ['laptop', 'ci', 'bastion', 'build'])}")
    return [F(env_name(rng, "SSH_PRIVATE_KEY", "DEPLOY_KEY", "SSH_KEY"), text, key="private_key")]


@kind("pgp_private_key", "private_key", "https://www.rfc-editor.org/rfc/rfc4880#section-6.2", group="gpg",
      tags=("pem",))
def _pgp(rng):
    uid = f"{pick(rng, FIRST).capitalize()} {pick(rng, LAST).capitalize()} (release signing) <{email(rng)}>"
    return [F(env_name(rng, "GPG_PRIVATE_KEY", "SIGNING_KEY_ASC", "MAVEN_GPG_PRIVATE_KEY"),
              pgp_private_block(rng, uid, epoch(rng, 1577836800)), key="private_key")]


@kind("age_secret_key", "age", "https://age-encryption.org/v1")
def _age(rng):
    return [F(env_name(rng, "SOPS_AGE_KEY", "AGE_SECRET_KEY", "AGE_KEY"), bech32("age-secret-key-", rb(rng, 32)).upper())]


@kind("jwt_token", "jwt", "https://www.rfc-editor.org/rfc/rfc7519", auth="bearer",
      host="api.{domain}", path="/v2/{repo}")
def _jwt(rng):
    iat = epoch(rng)
    alg = pick(rng, ["HS256", "RS256", "ES256"])
    payload = {"sub": str(rng.randint(10000, 9999999)), "name": f"{pick(rng, FIRST).capitalize()} {pick(rng, LAST).capitalize()}",
               "email": email(rng), "roles": pick(rng, [["admin"], ["user"], ["billing", "user"]]),
               "iss": f"https://auth.{pick(rng, DOMAINS)}", "aud": pick(rng, ["api", "dashboard", "mobile"]),
               "iat": iat, "exp": iat + pick(rng, [3600, 86400, 2592000, 31536000])}
    hdr = {"alg": alg, "typ": "JWT"}
    if alg != "HS256":
        hdr["kid"] = rs(rng, 16, LOALNUM)
    tok = jwt(rng, hdr, payload, {"HS256": 32, "RS256": 256, "ES256": 64}[alg])
    return [F(env_name(rng, "API_ACCESS_TOKEN", "SERVICE_JWT", "AUTH_TOKEN", "BEARER_TOKEN", "ADMIN_TOKEN"), tok)]


@kind("kubernetes_sa_token", "kubernetes",
      "https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/", group="k8s")
def _k8s_tok(rng):
    ns = pick(rng, ["default", "ci", "monitoring", "argocd", "kube-system"])
    sa = pick(rng, ["deployer", "gitlab-runner", "prometheus", "argocd-manager", "admin-user"])
    iat = epoch(rng)
    payload = {"aud": ["https://kubernetes.default.svc.cluster.local"], "exp": iat + 31536000, "iat": iat,
               "iss": "https://kubernetes.default.svc.cluster.local",
               "kubernetes.io": {"namespace": ns, "serviceaccount": {"name": sa, "uid": uuid4(rng)}},
               "nbf": iat, "sub": f"system:serviceaccount:{ns}:{sa}"}
    tok = jwt(rng, {"alg": "RS256", "kid": rs(rng, 43, B64URL)}, payload, 256)
    return [F(env_name(rng, "K8S_TOKEN", "KUBE_TOKEN", "KUBERNETES_TOKEN"), tok)]


@kind("django_secret_key", "django", "https://docs.djangoproject.com/en/stable/ref/settings/#secret-key")
def _django(rng):
    return [F(env_name(rng, "DJANGO_SECRET_KEY", "SECRET_KEY"),
              rs(rng, 50, LO + DIG + "!@^*(-_=+)"))]


@kind("rails_master_key", "rails", "https://guides.rubyonrails.org/security.html#custom-credentials")
def _rails(rng):
    return [F(env_name(rng, "RAILS_MASTER_KEY", "SECRET_KEY_BASE"), rs(rng, 32, HEX))]


@kind("laravel_app_key", "laravel", "https://laravel.com/docs/encryption#configuration")
def _laravel(rng):
    return [F("APP_KEY", "base64:" + b64(rb(rng, 32)), key="app_key")]


@kind("generic_app_secret", "generic", "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
      group="app")
def _generic_secret(rng):
    name = env_name(rng, "JWT_SECRET", "SESSION_SECRET", "ENCRYPTION_KEY", "COOKIE_SECRET", "HMAC_SECRET",
                    "APP_SECRET", "NEXTAUTH_SECRET", "WEBHOOK_SECRET", "SIGNING_SECRET")
    r = rng.random()
    val = rs(rng, 64, HEX) if r < 0.4 else (b64(rb(rng, 32)) if r < 0.75 else rs(rng, 40, ALNUM))
    return [F(name, val)]


@kind("generic_password", "generic", "https://cwe.mitre.org/data/definitions/798.html", group="app")
def _generic_pw(rng):
    name = env_name(rng, "DB_PASSWORD", "ADMIN_PASSWORD", "SMTP_PASSWORD", "LDAP_BIND_PASSWORD", "REDIS_PASSWORD",
                    "KEYSTORE_PASSWORD", "RABBITMQ_PASSWORD", "MYSQL_ROOT_PASSWORD", "POSTGRES_PASSWORD",
                    "ELASTIC_PASSWORD", "FTP_PASSWORD")
    user = F(name.replace("PASSWORD", "USER"), pick(rng, ["admin", "app", "svc_" + pick(rng, SERVICES), "root", "deploy"]),
             "plain")
    return [user, F(name, password(rng))]


# ---------------------------------------------------------------- database / broker URLs
def _host(rng, kind_):
    return pick(rng, {
        "pg": [f"{pick(rng, WORDS)}-db.{rs(rng, 12, LOALNUM)}.{pick(rng, ['eu-west-1', 'us-east-1'])}.rds.amazonaws.com",
               f"db.{pick(rng, DOMAINS)}", "10.0.%d.%d" % (rng.randint(1, 30), rng.randint(2, 250)),
               f"ep-{pick(rng, WORDS)}-{pick(rng, WORDS)}-{rs(rng, 8, LOALNUM)}.eu-central-1.aws.neon.tech"],
        "mysql": [f"{pick(rng, WORDS)}-mysql.{pick(rng, DOMAINS)}", f"aws.connect.psdb.cloud",
                  f"mysql-{rs(rng, 6, LOALNUM)}.{pick(rng, ['us-east-1', 'eu-west-2'])}.rds.amazonaws.com"],
        "redis": [f"redis-{rng.randint(10000, 19999)}.c{rng.randint(1, 300)}.us-east-1-{rng.randint(1, 4)}.ec2.redns.redis-cloud.com",
                  f"{pick(rng, WORDS)}-cache.{rs(rng, 6, LOALNUM)}.ng.0001.use1.cache.amazonaws.com",
                  f"{pick(rng, WORDS)}-{rs(rng, 5, LOALNUM)}.upstash.io"],
        "amqp": [f"{pick(rng, WORDS)}.rmq.cloudamqp.com", f"mq.{pick(rng, DOMAINS)}",
                 f"b-{uuid4(rng)}.mq.eu-west-1.amazonaws.com"],
    }[kind_])


@kind("postgres_url", "postgres", "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS",
      group="database")
def _pg(rng):
    pw = password(rng, url_safe=True)
    if rng.random() < 0.15:
        pw = "npg_" + rs(rng, 12, ALNUM)
    user = pick(rng, ["postgres", "app", "api_rw", pick(rng, SERVICES) + "_svc", "neondb_owner"])
    db = pick(rng, SERVICES) + pick(rng, ["", "_prod", "db"])
    scheme = pick(rng, ["postgres", "postgresql", "postgresql"])
    url = f"{scheme}://{user}:{pw}@{_host(rng, 'pg')}:5432/{db}" + pick(rng, ["", "?sslmode=require", "?sslmode=verify-full"])
    if rng.random() < 0.25:
        return [F("PGHOST", _host(rng, "pg"), "plain", key="host"), F("PGUSER", user, "plain", key="user"),
                F("PGPASSWORD", pw, key="password")]
    return [F(env_name(rng, "DATABASE_URL", "POSTGRES_URL", "PG_DSN", "DB_URL"), url, secret=pw, key="url")]


@kind("mysql_url", "mysql", "https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html",
      group="database")
def _mysql(rng):
    pw = password(rng, url_safe=True) if rng.random() < 0.8 else "pscale_pw_" + rs(rng, 43, ALNUM + "_")
    user = pick(rng, ["root", "app", "wordpress", "laravel", rs(rng, 12, LOALNUM)])
    scheme = pick(rng, ["mysql", "mysql", "mysql2", "mysql+pymysql"])
    url = f"{scheme}://{user}:{pw}@{_host(rng, 'mysql')}:3306/{pick(rng, SERVICES)}"
    if rng.random() < 0.25:
        return [F("MYSQL_HOST", _host(rng, "mysql"), "plain", key="host"), F("MYSQL_USER", user, "plain", key="user"),
                F("MYSQL_PASSWORD", pw, key="password")]
    return [F(env_name(rng, "DATABASE_URL", "MYSQL_URL", "SQLALCHEMY_DATABASE_URI"), url, secret=pw, key="url")]


@kind("mongodb_url", "mongodb", "https://www.mongodb.com/docs/manual/reference/connection-string/", group="mongo")
def _mongo(rng):
    pw = password(rng, url_safe=True)
    user = pick(rng, ["admin", "app", "atlasAdmin", pick(rng, SERVICES) + "-rw"])
    if rng.random() < 0.7:
        url = (f"mongodb+srv://{user}:{pw}@{pick(rng, ['cluster0', pick(rng, WORDS) + '-prod'])}.{rs(rng, 5, LOALNUM)}.mongodb.net/"
               f"{pick(rng, SERVICES)}?retryWrites=true&w=majority")
    else:
        url = f"mongodb://{user}:{pw}@mongo-0.{pick(rng, DOMAINS)}:27017,mongo-1.{pick(rng, DOMAINS)}:27017/admin?replicaSet=rs0"
    return [F(env_name(rng, "MONGODB_URI", "MONGO_URL", "MONGO_URI", "DATABASE_URL"), url, secret=pw, key="uri")]


@kind("redis_url", "redis", "https://www.iana.org/assignments/uri-schemes/prov/redis", group="redis")
def _redis(rng):
    pw = password(rng, url_safe=True) if rng.random() < 0.7 else rs(rng, 32, ALNUM)
    user = pick(rng, ["", "default"])
    url = f"{pick(rng, ['redis', 'rediss'])}://{user}:{pw}@{_host(rng, 'redis')}:{pick(rng, ['6379', '6380', str(rng.randint(10000, 19999))])}"
    return [F(env_name(rng, "REDIS_URL", "CACHE_URL", "CELERY_BROKER_URL", "REDIS_TLS_URL"), url, secret=pw, key="url")]


@kind("amqp_url", "rabbitmq", "https://www.rabbitmq.com/docs/uri-spec", group="amqp")
def _amqp(rng):
    pw = password(rng, url_safe=True)
    user = pick(rng, ["guest_prod", "app", rs(rng, 8, LO)])
    url = f"{pick(rng, ['amqp', 'amqps'])}://{user}:{pw}@{_host(rng, 'amqp')}/{pick(rng, ['', user, 'prod'])}"
    return [F(env_name(rng, "AMQP_URL", "RABBITMQ_URL", "CLOUDAMQP_URL", "BROKER_URL"), url, secret=pw, key="url")]


@kind("basic_auth_url", "generic", "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1", group="http")
def _basic_url(rng):
    pw = password(rng, url_safe=True)
    user = pick(rng, ["admin", "deploy", "ci", "grafana", pick(rng, FIRST)])
    host = pick(rng, [f"nexus.{pick(rng, DOMAINS)}/repository/maven-releases/", f"registry.{pick(rng, DOMAINS)}/v2/",
                      f"elastic.{pick(rng, DOMAINS)}:9200", f"{pick(rng, WORDS)}.{pick(rng, DOMAINS)}/api/",
                      f"ftp.{pick(rng, DOMAINS)}/uploads/", f"prometheus.{pick(rng, DOMAINS)}/api/v1/write"])
    scheme = "ftp" if host.startswith("ftp.") else "https"
    return [F(env_name(rng, "NEXUS_URL", "ELASTICSEARCH_URL", "REMOTE_WRITE_URL", "UPLOAD_URL", "REPO_URL"),
              f"{scheme}://{user}:{pw}@{host}", secret=pw, key="url")]


BY_NAME = {k.name: k for k in KINDS}


def generate(rng, k):
    return Cred(k, k.gen(rng))


# ----------------------------------------------------------------------------------
# HTTP view of a credential (for curl / HTTP dump / HAR / Postman templates)
# ----------------------------------------------------------------------------------
def http_view(rng, cred, fill):
    """Return dict(url, headers=[(k, v)], user, password, labels=[(field, anchor_text_or_None)]) or None.
    `fill` replaces {org} {domain} {repo} {user} {id} {dc} {hex8} {hex4} placeholders."""
    k = cred.kind
    if not k.auth:
        return None
    main = cred.main
    idf = cred.first("ignore")
    out = {"headers": [], "user": None, "password": None}
    spec = k.auth
    if spec == "url":
        out["url"] = main.value
        return out
    host = fill(k.host or "", cred)
    if not host:
        urls = [f.value for f in cred.fields if f.role == "plain" and f.value.startswith("https://")]
        if not urls:
            return None
        host = urls[0].split("/")[2]
    path = fill(k.path or "/", cred)
    if spec == "path":
        out["url"] = f"https://{host}" + path.replace("{S}", main.value)
        return out
    out["url"] = f"https://{host}{path}"
    if spec == "bearer":
        out["headers"].append(("Authorization", "Bearer " + main.value))
    elif spec == "token":
        out["headers"].append(("Authorization", "token " + main.value))
    elif spec.startswith("header:"):
        out["headers"].append((spec.split(":", 1)[1], main.value))
    elif spec.startswith("header_prefix:"):
        _, name, prefix = spec.split(":", 2)
        out["headers"].append((name, prefix + main.value))
    elif spec.startswith("headers:"):
        names = spec.split(":", 1)[1].split(",")
        for name, f in zip(names, cred.secrets):
            out["headers"].append((name, f.value))
        if len(names) > len(cred.secrets) or spec == "headers:X-Auth-Key":
            em = [f for f in cred.fields if f.key == "email"]
            if em:
                out["headers"].insert(0, ("X-Auth-Email", em[0].value))
    elif spec.startswith("headers_id:"):
        n1, n2 = spec.split(":", 1)[1].split(",")
        out["headers"] += [(n1, idf.value), (n2, main.value)]
    elif spec.startswith("query:"):
        q = spec.split(":", 1)[1]
        out["url"] += ("&" if "?" in out["url"] else "?") + f"{q}={main.value}"
    elif spec == "basic_user":
        out["user"], out["password"] = main.value, ""
    elif spec == "basic_user_x":
        out["user"], out["password"] = main.value, "X"
    elif spec.startswith("basic:"):
        who = spec.split(":", 1)[1]
        if who == "@id":
            user = idf.value
        elif who == "@user":
            pl = [f for f in cred.fields if f.role == "plain"]
            user = pl[0].value if pl else pick(rng, FIRST)
        elif who == "@email":
            user = email(rng)
        elif who == "@email/token":
            user = email(rng) + "/token"
        else:
            user = who
        out["user"], out["password"] = user, main.value
    else:
        return None
    return out

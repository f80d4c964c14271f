"""probe5 helpers: deterministic random strings, encodings, small fillers.

Everything takes an explicit random.Random instance; nothing here touches the
clock, os.urandom or hash().
"""
import base64
import json
import string
import urllib.parse
import zlib

DIG = string.digits
HEXL = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
LOW = string.ascii_lowercase
UP = string.ascii_uppercase
ALNUM = string.ascii_letters + string.digits
ALNUML = LOW + DIG
ALNUMU = UP + DIG
B64 = UP + LOW + DIG + "+/"
B64U = UP + LOW + DIG + "-_"
B32 = UP + "234567"
B32L = LOW + "234567"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
BASE62 = DIG + UP + LOW
PWCHARS = ALNUM + "!#%*+-.:=?@^_~"

BAD_WORDS = ("example", "test", "fake", "dummy", "sample", "xxxx", "demo",
             "secret", "token", "changeme", "passw", "1234", "abcd", "0000")


def looks_random(s):
    """Reject values with runs, ascending sequences or telltale words."""
    low = s.lower()
    for w in BAD_WORDS:
        if w in low:
            return False
    run = 1
    seq = 1
    for i in range(1, len(s)):
        run = run + 1 if s[i] == s[i - 1] else 1
        if run >= 4:
            return False
        if ord(s[i]) == ord(s[i - 1]) + 1:
            seq += 1
            if seq >= 4:
                return False
        else:
            seq = 1
    return True


def rs(r, alpha, n, check=True):
    """Random string of n chars from alpha, re-drawn until it looks random."""
    for _ in range(200):
        s = "".join(r.choice(alpha) for _ in range(n))
        if not check or looks_random(s):
            return s
    return s


def rs_mixed(r, alpha, n):
    """Random string that contains at least one digit, upper and lower (if in alpha)."""
    for _ in range(200):
        s = rs(r, alpha, n)
        ok = True
        if any(c in alpha for c in DIG) and not any(c in DIG for c in s) and n >= 12:
            ok = False
        if any(c in alpha for c in UP) and not any(c in UP for c in s) and n >= 12:
            ok = False
        if any(c in alpha for c in LOW) and not any(c in LOW for c in s) and n >= 12:
            ok = False
        if ok:
            return s
    return s


def rbytes(r, n):
    return bytes(r.getrandbits(8) for _ in range(n))


def b64(b):
    if isinstance(b, str):
        b = b.encode()
    return base64.b64encode(b).decode()


def b64u_nopad(b):
    if isinstance(b, str):
        b = b.encode()
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def rb64(r, nbytes):
    """base64 of random bytes, re-drawn for realism."""
    for _ in range(100):
        s = b64(rbytes(r, nbytes))
        if looks_random(s.rstrip("=")):
            return s
    return s


def uuid4(r):
    h = rs(r, HEXL, 32, check=False)
    h = h[:12] + "4" + h[13:16] + r.choice("89ab") + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def base62_encode(n, width):
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = BASE62[d] + out
    return out.rjust(width, "0")


def crc32_b62_token(r, prefix, n_random=30):
    """prefix + 30 random base62 chars + 6-char base62 CRC32 checksum."""
    body = rs(r, ALNUM, n_random)
    chk = base62_encode(zlib.crc32(body.encode()) & 0xFFFFFFFF, 6)
    return prefix + body + chk


def jwt(r, payload, alg="HS256", header_extra=None, sig_bytes=32):
    hdr = {"alg": alg, "typ": "JWT"}
    if header_extra:
        hdr.update(header_extra)
    h = b64u_nopad(json.dumps(hdr, separators=(",", ":")))
    p = b64u_nopad(json.dumps(payload, separators=(",", ":")))
    s = b64u_nopad(rbytes(r, sig_bytes))
    return h + "." + p + "." + s


def rand_password(r, n=None, symbols=True):
    n = n or r.randint(12, 26)
    alpha = PWCHARS if symbols else ALNUM
    for _ in range(200):
        s = rs(r, alpha, n)
        if (any(c in DIG for c in s) and any(c in UP for c in s)
                and any(c in LOW for c in s)):
            if not symbols or any(c in "!#%*+-.:=?@^_~" for c in s):
                return s
    return s


def qurl(s):
    return urllib.parse.quote(s, safe="")


def json_esc(s):
    return json.dumps(s)[1:-1]


def xml_esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


# ----------------------------------------------------------------- fillers

WORDS = ("orders billing ledger atlas nimbus harbor quartz falcon meridian cobalt "
         "juniper pioneer summit vertex aurora beacon cinder delta ember fjord "
         "granite helix indigo kestrel lumen mosaic nova onyx prairie raven "
         "sierra tundra umber willow zephyr catalog invoice payments search "
         "ingest gateway reports metrics portal checkout inventory shipping").split()
FIRST = ("alice bob carol dave erin frank grace heidi ivan judy mallory niaj olivia "
         "peggy rupert sybil trent victor walter priya chen mateo sofia lukas amara "
         "kenji fatima diego yara noah").split()
LAST = ("smith jones garcia miller davis lopez wilson anderson thomas moore martin "
        "lee walker hall young king wright scott green baker adams nelson hill").split()
TLDS = ("io", "com", "dev", "net", "co", "app", "cloud")
REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2",
           "ap-northeast-1", "ca-central-1", "sa-east-1")


def word(r):
    return r.choice(WORDS)


def app_name(r):
    return "%s-%s" % (word(r), r.choice(("api", "svc", "worker", "web", "service",
                                           "backend", "jobs", "sync", "core")))


def company(r):
    return r.choice(("acme", "globex", "initech", "umbrella", "hooli", "vandelay",
                     "stark", "wayne", "tyrell", "cyberdyne", "wonka", "soylent",
                     "contoso", "fabrikam", "northwind", "tailspin", "kiteworks",
                     "bluebird", "redwood", "brightline"))


def domain(r):
    return "%s.%s" % (company(r), r.choice(TLDS))


def host(r):
    return "%s.%s" % (r.choice(("db", "api", "cache", "mq", "auth", "internal",
                               "staging", "prod", "edge", "svc")), domain(r))


def person(r):
    return r.choice(FIRST), r.choice(LAST)


def email(r):
    f, l = person(r)
    return "%s.%s@%s" % (f, l, domain(r))


def username(r):
    f, l = person(r)
    return r.choice(("%s%s" % (f, l[0]), "%s.%s" % (f, l), "%s_%s" % (f, l), f,
                     "svc_%s" % word(r), "%s-deploy" % word(r)))


def ipv4(r, private=True):
    if private:
        return "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))
    return "%d.%d.%d.%d" % (r.choice((34, 52, 54, 3, 18, 35, 104, 142, 159, 165)),
                            r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))


def ts(r, year=None):
    y = year or r.randint(2022, 2025)
    return "%04d-%02d-%02dT%02d:%02d:%02d" % (y, r.randint(1, 12), r.randint(1, 28),
                                              r.randint(0, 23), r.randint(0, 59),
                                              r.randint(0, 59))


def ts_ms(r):
    return ts(r) + ".%03dZ" % r.randint(0, 999)


def epoch(r):
    return r.randint(1640995200, 1767225600)


def version(r):
    return "%d.%d.%d" % (r.randint(0, 9), r.randint(0, 30), r.randint(0, 40))


def sha1hex(r):
    return rs(r, HEXL, 40, check=False)


def sha256hex(r):
    return rs(r, HEXL, 64, check=False)


def port(r):
    return r.choice((8080, 3000, 5000, 8000, 9000, 8443, 4000, 8081))


def pick(r, seq):
    return seq[r.randrange(len(seq))]


def style_var(r, var, style):
    """var is UPPER_SNAKE; return in the requested style."""
    parts = [p for p in var.lower().split("_") if p]
    if style == "upper":
        return "_".join(p.upper() for p in parts)
    if style == "snake":
        return "_".join(parts)
    if style == "camel":
        return parts[0] + "".join(p.capitalize() for p in parts[1:])
    if style == "pascal":
        return "".join(p.capitalize() for p in parts)
    if style == "kebab":
        return "-".join(parts)
    if style == "dot":
        return ".".join(parts)
    return var

"""probe5 template machinery: marker-based documents and shared fillers."""
import re

from probe5_util import (b64, json_esc, qurl, xml_esc, style_var, word, app_name, host,
                         domain, REGIONS, pick, sha1hex, rs, HEXL, ALNUML, DIG, uuid4,
                         version, port, company, ts, email, username)

MARK_RE = re.compile("\x00(\\d+)\x00")

TEMPLATES = []


def template(name, shapes=("tok", "url"), pem=None, kinds=None, tags=None, nmax=3,
             bad="", ext=None, fam=None, decoy=True, bare=False):
    """Register a positive template.

    shapes: cred shapes accepted; pem: how PEM blocks are embedded (None =
    not accepted); kinds/tags: whitelist; bad: characters that must not
    appear in raw secret values for this format; decoy: the template can
    also be rendered with decoy (non-secret) values for negatives.
    """
    def deco(fn):
        sh = set(shapes)
        if pem:
            sh.add("pem")
        TEMPLATES.append(dict(name=name, fn=fn, shapes=sh, pem=pem,
                              kinds=set(kinds) if kinds else None,
                              tags=set(tags) if tags else None, nmax=nmax, bad=bad,
                              decoy=decoy, bare=bare))
        return fn
    return deco


def accepts(tpl, kind):
    if kind["shape"] not in tpl["shapes"]:
        return False
    if tpl["kinds"] is not None or tpl["tags"] is not None:
        ok = False
        if tpl["kinds"] is not None and kind["name"] in tpl["kinds"]:
            ok = True
        if tpl["tags"] is not None and set(kind["tags"]) & tpl["tags"]:
            ok = True
        return ok
    return True


def cred_ok(tpl, cred):
    for f in cred["fields"]:
        if tpl.get("bare") and any(x in f["value"] for x in ("://", " ", "\n")):
            return False
        if any(c in f["value"] for c in tpl["bad"]):
            return False
    return True


def transform(enc, s, indent=""):
    if enc == "raw":
        return s
    if enc == "json":
        return json_esc(s)
    if enc == "json_slash":
        return json_esc(s).replace("/", "\\/")
    if enc == "url":
        return qurl(s)
    if enc == "xml":
        return xml_esc(s)
    if enc == "block":
        return s.replace("\n", "\n" + indent)
    if enc == "nl":          # escape newlines only (properties, ini, env one-liners)
        return s.replace("\n", "\\n")
    if enc == "sql":
        return s.replace("'", "''")
    if enc == "csv":
        return s.replace('"', '""')
    raise ValueError(enc)


class Doc(object):
    """Collects markers for fields; render() substitutes and records labels."""

    def __init__(self, r, decoy=False):
        self.r = r
        self.marks = []
        self.decoy = decoy
        self.decoy_notes = []

    def put(self, field, enc="raw", indent="", b64wrap=None):
        self.marks.append((field, enc, indent, b64wrap))
        return "\x00%d\x00" % (len(self.marks) - 1)

    def render(self, text):
        out = []
        labels = []
        pos = 0
        line = 1
        for m in MARK_RE.finditer(text):
            chunk = text[pos:m.start()]
            out.append(chunk)
            line += chunk.count("\n")
            field, enc, indent, wrap = self.marks[int(m.group(1))]
            v = field["value"]
            if enc == "b64":
                rendered = b64(v)
                if wrap:
                    rendered = wrap(rendered)
                alts = [rendered]
            elif enc == "b64_given":
                rendered = field["b64"]
                alts = [rendered]
            else:
                rendered = transform(enc, v, indent)
                alts = []
                if field.get("secret") is not None:
                    for c in [field["secret"]] + list(field.get("alts", [])):
                        t = transform(enc, c, indent)
                        if t != field["secret"] and t not in alts:
                            alts.append(t)
            if field.get("secret") is not None and not self.decoy:
                labels.append(dict(line=line, field=field, alts=alts, kind="pos"))
            elif field.get("reason") and not self.decoy:
                labels.append(dict(line=line, field=field, alts=[], kind="ign",
                                   rendered=rendered))
            out.append(rendered)
            line += rendered.count("\n")
            pos = m.end()
        out.append(text[pos:])
        return "".join(out), labels


# ------------------------------------------------------------------ fillers

def filler_settings(r, n):
    """(UPPER_SNAKE name, value) pairs of non-secret settings, some credential-ish."""
    pool = [
        ("PORT", str(port(r))), ("LOG_LEVEL", r.choice(("info", "debug", "warn"))),
        ("NODE_ENV", "production"), ("APP_ENV", r.choice(("production", "staging"))),
        ("AWS_REGION", pick(r, REGIONS)), ("AWS_DEFAULT_REGION", pick(r, REGIONS)),
        ("DB_HOST", host(r)), ("DB_PORT", r.choice(("5432", "3306"))),
        ("DB_NAME", word(r)), ("DB_USER", username(r)), ("REDIS_HOST", "cache." + domain(r)),
        ("CACHE_TTL", str(r.choice((60, 300, 900, 3600)))), ("TZ", "UTC"),
        ("MAX_WORKERS", str(r.randint(2, 16))), ("BASE_URL", "https://" + host(r)),
        ("S3_BUCKET", "%s-%s-assets" % (company(r), word(r))),
        ("REQUEST_ID_HEADER", "X-Request-Id"), ("BUILD_SHA", sha1hex(r)),
        ("SESSION_COOKIE_NAME", r.choice(("sid", "_session", "connect.sid"))),
        ("PASSWORD_MIN_LENGTH", str(r.choice((10, 12, 14)))),
        ("TOKEN_TTL_SECONDS", str(r.choice((900, 3600, 86400)))),
        ("API_KEY_HEADER", "X-Api-Key"), ("SECRET_NAME", "prod/%s/%s" % (word(r), word(r))),
        ("FEATURE_NEW_CHECKOUT", r.choice(("true", "false"))),
        ("SENTRY_ENVIRONMENT", "production"), ("OTEL_SERVICE_NAME", app_name(r)),
        ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4317"),
        ("KAFKA_BROKERS", "b-1.%s:9092,b-2.%s:9092" % (domain(r), domain(r))),
        ("CORS_ORIGINS", "https://%s,https://admin.%s" % (domain(r), domain(r))),
        ("UPLOAD_MAX_MB", str(r.choice((10, 25, 100)))), ("APP_VERSION", version(r)),
        ("DEPLOY_ID", uuid4(r)), ("IMAGE_TAG", sha1hex(r)[:12]),
        ("SMTP_HOST", "smtp." + domain(r)), ("SMTP_PORT", "587"),
        ("AUTH_ISSUER", "https://auth.%s/" % domain(r)), ("JWT_ALGORITHM", "RS256"),
        ("ENCRYPTION_KEY_ID", "alias/%s-%s" % (word(r), word(r))),
        ("OAUTH_CALLBACK_URL", "https://%s/oauth/callback" % domain(r)),
        ("VAULT_ADDR", "https://vault.%s:8200" % domain(r)), ("GIT_BRANCH", "main"),
        ("METRICS_PORT", "9090"), ("HEALTHCHECK_PATH", "/healthz"),
        ("TOKEN_ENDPOINT", "https://login.%s/oauth2/token" % domain(r)),
        ("PUBLIC_KEY_PATH", "/etc/%s/jwt.pub" % word(r)),
        ("SECRET_MANAGER_PREFIX", "arn:aws:secretsmanager:%s:%s:secret:" % (pick(r, REGIONS), rs(r, DIG, 12, check=False))),
    ]
    r.shuffle(pool)
    out = []
    seen = set()
    for k, v in pool:
        if k in seen:
            continue
        seen.add(k)
        out.append((k, v))
        if len(out) >= n:
            break
    return out


def field_name(r, f, style, keep=False):
    v = f["var"]
    if not keep and r.random() < 0.15 and "_" in v:
        # occasional variation: drop a vendor prefix or add an app prefix
        parts = v.split("_")
        if r.random() < 0.5 and len(parts) > 2:
            v = "_".join(parts[1:])
        else:
            v = word(r).upper() + "_" + v
    return style_var(r, v, style)


def blocks(r, creds, fill):
    """Interleave cred blocks (fields kept together) with filler items."""
    items = [("fill", kv) for kv in fill]
    slots = []
    for c in creds:
        slots.append(("cred", c))
    r.shuffle(items)
    out = list(items)
    for s in slots:
        out.insert(r.randint(0, len(out)), s)
    return out


def needs_quote(v, extra=""):
    return any(c in v for c in " #'\"$`\\!&;|<>(){}*?[]^~" + extra) or v == ""


def yaml_scalar(r, doc, f, force=False, enc="raw"):
    v = f["value"]
    special = (not v[:1].isalnum()) or any(c in v for c in ": #'\"{}[],&*!|>%@`")
    m = doc.put(f, enc)
    if special or force or r.random() < 0.4:
        if "'" in v:
            return '"%s"' % m
        return r.choice(("'%s'", '"%s"')) % m if '"' not in v and "\\" not in v else "'%s'" % m
    return m


def decoy_comment(r):
    return r.choice(("# TODO: rotate before launch", "# managed by platform team",
                     "# do not commit real values", "# see runbook/SECRETS.md",
                     "# values injected at deploy time", "# last reviewed %s" % ts(r)[:10]))


def pseudo(name, value):
    return dict(var=name, value=value, secret=None, reason=None, alts=[], multiline=False)


def assign_lines(r, doc, creds, nfill, style, render, keep_names=False, extra_fill=None):
    """Lines for assignment-style formats.

    render(name, field, is_fill) -> str or list of str (may include markers).
    """
    fill = filler_settings(r, nfill)
    if extra_fill:
        fill += extra_fill
    out = []
    for typ, item in blocks(r, creds, fill):
        if typ == "fill":
            name, val = item
            res = render(style_var(r, name, style), pseudo(name, val), True)
        else:
            res = []
            for f in item["fields"]:
                x = render(field_name(r, f, style, keep_names), f, False)
                res.extend(x if isinstance(x, list) else [x])
        if isinstance(res, list):
            out.extend(res)
        else:
            out.append(res)
    return out


def q_shell(r, doc, f, enc="raw"):
    """Shell-ish quoting (dotenv, bash): single quotes when needed."""
    v = f["value"]
    m = doc.put(f, enc)
    if "\n" in v and enc == "raw":
        return '"%s"' % m
    if needs_quote(v) or "%" in v or r.random() < 0.35:
        if "'" not in v and (any(c in v for c in "$`\\!") or r.random() < 0.5):
            return "'%s'" % m
        if not any(c in v for c in "$`\\\"!"):
            return '"%s"' % m
        return "'%s'" % m
    return m


def q_code(r, doc, f, enc="raw", quotes=('"',)):
    q = r.choice(quotes)
    v = f["value"]
    if q in v or "\\" in v:
        q = "'" if q == '"' else '"'
    return q + doc.put(f, enc) + q


def jstr(s):
    """JSON string literal of s, leaving markers intact (their values are
    rendered with enc='json' by the caller)."""
    out = []
    pos = 0
    for m in MARK_RE.finditer(s):
        out.append(json_esc(s[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(json_esc(s[pos:]))
    return '"' + "".join(out) + '"'

"""probe5 hard negatives: credential-looking files that hold no real secret."""
import json

import probe5_keys as keys
from probe5_util import (word, app_name, host, domain, REGIONS, pick, sha1hex, sha256hex, rs,
                         HEXL, HEXU, ALNUM, ALNUML, ALNUMU, DIG, B64, B64U, uuid4, version, port,
                         company, ts, ts_ms, email, username, person, style_var, b64, b64u_nopad,
                         qurl, ipv4, epoch, rbytes, rb64, jwt)

NEG_TEMPLATES = []


def neg(name):
    def deco(fn):
        NEG_TEMPLATES.append(dict(name=name, fn=fn))
        return fn
    return deco


# ------------------------------------------------------------------ decoy values for a field

TEST_PREFIX = {
    "stripe-secret-key-live": lambda r: ("sk_test_51" + rs(r, ALNUM, 97), "Stripe test-mode secret key"),
    "stripe-restricted-key-live": lambda r: ("rk_test_51" + rs(r, ALNUM, 97), "Stripe test-mode restricted key"),
    "paystack-secret-key": lambda r: ("sk_test_" + rs(r, HEXL, 40), "Paystack test key"),
    "clerk-secret-key": lambda r: ("sk_test_" + rs(r, ALNUM, 40), "Clerk development key"),
    "mollie-live-key": lambda r: ("test_" + rs(r, ALNUM, 30), "Mollie test key"),
    "lob-live-key": lambda r: ("test_" + rs(r, HEXL, 35), "Lob test key"),
    "shippo-live-token": lambda r: ("shippo_test_" + rs(r, HEXL, 40), "Shippo test token"),
    "duffel-live-token": lambda r: ("duffel_test_" + rs(r, B64U, 43), "Duffel test token"),
    "gocardless-live-token": lambda r: ("sandbox_" + rs(r, B64U, 40), "GoCardless sandbox token"),
    "braintree-access-token": lambda r: ("access_token$sandbox$%s$%s" % (rs(r, ALNUML, 16), rs(r, HEXL, 32)), "Braintree sandbox token"),
    "paddle-api-key": lambda r: ("pdl_sdbx_apikey_%s_%s_%s" % (rs(r, ALNUML, 26), rs(r, ALNUM, 22), rs(r, ALNUM, 3)), "Paddle sandbox key"),
    "razorpay-key-secret": None,
}

EXAMPLES = {
    "aws-secret-access-key": ("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS documented example secret key"),
    "aws-session-token": ("AQoDYXdzEJr...<remainder of security token>", "AWS documentation placeholder"),
    "slack-bot-token": ("xoxb-not-a-real-token-this-will-not-work", "Slack documentation example"),
}


def decoy_value(r, kind, field):
    """Return (value, category) for a non-secret stand-in of field."""
    var = field["var"]
    v = field["value"]
    if field["secret"] is None:
        # identifiers: documented examples or placeholders
        if var == "AWS_ACCESS_KEY_ID":
            return "AKIAIOSFODNN7EXAMPLE", "documented example access key id"
        return r.choice(("<%s>" % var.lower(), "YOUR_%s" % var, "${%s}" % var)), "placeholder id"
    if kind["shape"] == "url" and "://" in v:
        scheme = v.split("://")[0]
        hostpart = v.split("@")[-1]
        user = v.split("://")[1].split(":")[0]
        c = r.randrange(5)
        if c == 0:
            return "%s://%s:${DB_PASSWORD}@%s" % (scheme, user, hostpart), "env reference in URL"
        if c == 1:
            return "%s://%s:%s@%s" % (scheme, user, r.choice(("<password>", "PASSWORD", "your_password")), hostpart), "placeholder password in URL"
        if c == 2:
            return "%s://%s:****@%s" % (scheme, user, hostpart), "redacted password in URL"
        if c == 3:
            return "%s://%s" % (scheme, hostpart), "URL without credentials"
        return "%s://%s:%s@localhost%s" % (scheme, r.choice(("guest", "postgres", "root")), r.choice(("guest", "postgres", "")),
                                         "/" + word(r)), "documented local default credentials"
    if kind["name"] in TEST_PREFIX and TEST_PREFIX[kind["name"]] and r.random() < 0.6:
        return TEST_PREFIX[kind["name"]](r)
    if kind["name"] in EXAMPLES and r.random() < 0.5:
        return EXAMPLES[kind["name"]]
    c = r.randrange(9)
    if c == 0:
        return r.choice(("YOUR_%s" % var, "your-%s-here" % var.lower().replace("_", "-"), "<%s>" % var.lower(),
                         "changeme", "REPLACE_ME", "TODO", "<insert-token>", "xxxxxxxxxxxxxxxxxxxxxxxx",
                         "sk-...", "null", "")), "placeholder"
    if c == 1:
        return r.choice(("${%s}" % var, "$%s" % var, "${%s:-}" % var, "%%%s%%" % var)), "environment reference"
    if c == 2:
        return r.choice(("{{ secrets.%s }}" % var, "${{ secrets.%s }}" % var, "{{ .Values.%s }}" % style_var(r, var, "camel"),
                         "((%s))" % var.lower().replace("_", "-"), "#{%s}" % var, "$(%s)" % var)), "template variable"
    if c == 3:
        return r.choice(("vault:secret/data/%s/%s#%s" % (word(r), word(r), var.lower()),
                         "arn:aws:secretsmanager:%s:%s:secret:prod/%s-%s" % (pick(r, REGIONS), rs(r, DIG, 12, check=False), word(r), rs(r, ALNUM, 6)),
                         "projects/%d/secrets/%s/versions/latest" % (r.randint(10 ** 11, 10 ** 12), var.lower().replace("_", "-")),
                         "op://Engineering/%s/credential" % word(r),
                         "ssm:/prod/%s/%s" % (word(r), var.lower()),
                         "ref+vault://secret/%s#/%s" % (word(r), var.lower()))), "secret-manager reference"
    if c == 4:
        keep = v[:min(len(v) // 4, 8)] if r.random() < 0.5 and len(v) > 20 else ""
        return r.choice((keep + "*" * r.randint(8, 24), "[REDACTED]", "<redacted>", "****", "***REMOVED***")), "redacted"
    if c == 5:
        return ("ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (rb64(r, r.randint(16, 48)), rb64(r, 32), rb64(r, 16)),
                "sops-encrypted value")
    if c == 6:
        return "AQICAHh" + rs(r, B64, 180) + "==", "KMS ciphertext blob"
    if c == 7:
        return "ENC(%s)" % rb64(r, 32), "jasypt-encrypted value"
    return r.choice(("os.environ['%s']" % var, "process.env.%s" % var, "System.getenv(\"%s\")" % var)), "code env lookup as string"


def decoy_cred(r, kind, make):
    c = make(kind, r)
    cats = []
    for f in c["fields"]:
        val, cat = decoy_value(r, kind, f)
        f["value"] = val
        # keep the secret/identifier role so templates render the field the same
        # way as a real one; Doc(decoy=True) never emits labels.
        f["secret"] = val if f["secret"] is not None else None
        f["reason"] = None
        f["alts"] = []
        f["multiline"] = "\n" in val
        cats.append("%s=%s" % (f["var"], cat))
    return c, cats


# ------------------------------------------------------------------ negative-only files

@neg("lockfile-npm")
def n_lock(r):
    pk = {}
    lines = ["{", '  "name": "%s",' % app_name(r), '  "version": "%s",' % version(r), '  "lockfileVersion": 3,',
             '  "requires": true,', '  "packages": {']
    ents = []
    for _ in range(r.randint(5, 10)):
        n = r.choice(("lodash", "axios", "debug", "ms", "chalk", "semver", "yargs", "uuid", "minimist", "tslib", "zod", "react"))
        ents.append('    "node_modules/%s": {\n      "version": "%s",\n      "resolved": "https://registry.npmjs.org/%s/-/%s-%s.tgz",\n      "integrity": "sha512-%s"\n    }'
                    % (n, version(r), n, n, version(r), rb64(r, 64)))
    lines.append(",\n".join(ents))
    lines += ["  }", "}"]
    return "package-lock.json", "\n".join(lines) + "\n", "npm lockfile: sha512 integrity hashes"


@neg("lockfile-misc")
def n_gosum(r):
    lines = []
    for _ in range(r.randint(8, 16)):
        m = "github.com/%s/%s" % (word(r), word(r))
        v = "v" + version(r)
        lines.append("%s %s h1:%s" % (m, v, rb64(r, 32)))
        lines.append("%s %s/go.mod h1:%s" % (m, v, rb64(r, 32)))
    return "go.sum", "\n".join(lines) + "\n", "go.sum module hashes (base64 h1: digests)"


@neg("checksums")
def n_sums(r):
    lines = ["%s  %s-%s-%s.tar.gz" % (sha256hex(r), app_name(r), version(r), pl)
             for pl in ("linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64", "windows-amd64")]
    return "SHA256SUMS", "\n".join(lines) + "\n", "release checksum file (sha256 digests)"


@neg("git-log")
def n_gitlog(r):
    lines = []
    for _ in range(r.randint(5, 9)):
        a = person(r)
        lines += ["commit %s" % sha1hex(r), "Author: %s %s <%s@%s>" % (a[0].capitalize(), a[1].capitalize(), a[0], domain(r)),
                  "Date:   %s" % ts(r), "", "    %s" % r.choice(("rotate API token (old one revoked)", "remove leaked key from config",
                                                                  "bump deps", "fix: token refresh race", "chore: secrets via vault")),
                  ""]
    return "git-log.txt", "\n".join(lines), "git log with commit SHAs and secret-related messages"


@neg("certificate")
def n_cert(r):
    return r.choice(("server.crt", "ca.pem", "certs/chain.pem")), keys.fake_certificate_pem(r) + "\n" + keys.fake_certificate_pem(r) + "\n", "X.509 certificates (public)"


@neg("public-key")
def n_pub(r):
    c = r.randrange(3)
    if c == 0:
        return "jwt.pub", keys.public_key_pem(r) + "\n", "PEM public key"
    if c == 1:
        lines = [keys.ssh_ed25519_public(r, "%s@%s" % (username(r), word(r))) for _ in range(r.randint(2, 5))]
        return ".ssh/authorized_keys", "\n".join(lines) + "\n", "SSH authorized_keys (public keys)"
    return "KEYS.asc", keys.pgp_public_block(r, "Release <release@%s>" % domain(r), epoch(r)) + "\n", "PGP public key block"


@neg("jwks")
def n_jwks(r):
    ks = []
    for _ in range(2):
        ks.append('    {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "%s", "n": "%s", "e": "AQAB"}' % (rs(r, B64U, 43), b64u_nopad(rbytes(r, 256))))
    return ".well-known/jwks.json", '{\n  "keys": [\n' + ",\n".join(ks) + "\n  ]\n}\n", "JWKS with public RSA keys"


@neg("ansible-vault")
def n_vault(r):
    body = rs(r, HEXL, 80 * r.randint(6, 12), check=False)
    lines = ["$ANSIBLE_VAULT;1.1;AES256"] + [body[i:i + 80] for i in range(0, len(body), 80)]
    txt = "---\ndb_password: !vault |\n" + "\n".join("  " + l for l in lines) + "\napi_user: %s\n" % username(r)
    return "group_vars/prod/vault.yml", txt, "ansible-vault encrypted values"


@neg("sops-file")
def n_sops(r):
    lines = []
    for k in ("db_password", "stripe_secret_key", "github_token"):
        lines.append("%s: ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (k, rb64(r, 30), rb64(r, 32), rb64(r, 16)))
    lines += ["sops:", "    age:", "        - recipient: age1%s" % rs(r, "qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58),
              "          enc: |", "            -----BEGIN AGE ENCRYPTED FILE-----"]
    blob = rb64(r, 180)
    lines += ["            " + blob[i:i + 64] for i in range(0, len(blob), 64)]
    lines += ["            -----END AGE ENCRYPTED FILE-----", "    lastmodified: \"%sZ\"" % ts(r),
              "    mac: ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (rb64(r, 64), rb64(r, 32), rb64(r, 16)),
              "    version: 3.8.1"]
    return "secrets.enc.yaml", "\n".join(lines) + "\n", "sops-encrypted YAML"


@neg("sealed-secret")
def n_sealed(r):
    lines = ["apiVersion: bitnami.com/v1alpha1", "kind: SealedSecret", "metadata:", "  name: %s" % app_name(r),
             "spec:", "  encryptedData:"]
    for k in ("DATABASE_URL", "API_TOKEN"):
        lines.append("    %s: AgB%s" % (k, rs(r, B64, 600)))
    return "sealedsecret.yaml", "\n".join(lines) + "\n", "Bitnami SealedSecret ciphertexts"


@neg("tfplan-sensitive")
def n_tfplan(r):
    lines = ["Terraform will perform the following actions:", "",
             "  # aws_db_instance.%s will be created" % word(r), '  + resource "aws_db_instance" "main" {',
             '      + engine   = "postgres"', '      + password = (sensitive value)', '      + username = "%s"' % username(r),
             "    }", "", "  # github_actions_secret.token will be updated in-place",
             '  ~ resource "github_actions_secret" "token" {', '      ~ plaintext_value = (sensitive value)', "    }", "",
             "Plan: 1 to add, 1 to change, 0 to destroy."]
    return "plan.txt", "\n".join(lines) + "\n", "terraform plan output with (sensitive value) markers"


@neg("password-policy")
def n_policy(r):
    txt = """# Password and secret handling policy

- Passwords must be at least %d characters and include upper, lower, digit and symbol.
- Never store `password=` or `api_key=` values in source control; use `${SECRET_NAME}` references.
- Rotate API tokens every %d days. Example rotation ticket: SEC-%d.
- Service tokens look like `ghp_<36 chars>` or `xoxb-<...>`; report any you find to #security.
- The default admin password `changeme` must be changed on first login.
""" % (r.choice((12, 14, 16)), r.choice((30, 60, 90)), r.randint(100, 999))
    return "docs/security/password-policy.md", txt, "password policy prose with format descriptions"


@neg("signatures")
def n_sigs(r):
    txt = """def authenticate(username: str, password: str, *, api_key: str | None = None) -> bool:
    \"\"\"Check credentials; `password` is compared against the stored bcrypt hash.\"\"\"
    if api_key is not None:
        return verify_api_key(api_key)
    return bcrypt.checkpw(password.encode(), lookup_hash(username))


def rotate_token(client_secret: str, token_ttl: int = 3600) -> str:
    secret = secrets.token_urlsafe(32)
    store.put(secret_name="%s/api", value=secret)
    return secret
""" % word(r)
    return "auth/service.py", txt, "function signatures and parameters named password/secret"


@neg("fake-fixture")
def n_fixture(r):
    lines = ["# Test fixtures. ALL VALUES BELOW ARE FAKE and intentionally invalid.", "FAKE_CREDENTIALS = {",
             '    "aws_access_key_id": "AKIAIOSFODNN7EXAMPLE",',
             '    "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",',
             '    "stripe_key": "sk_test_%s",' % rs(r, ALNUM, 24),
             '    "github_token": "ghp_%s",' % ("0" * 36 if r.random() < 0.5 else "x" * 36),
             '    "password": "hunter2-not-real",',
             '    "slack": "xoxb-not-a-real-token-this-will-not-work",', "}"]
    return "tests/fixtures/fake_credentials.py", "\n".join(lines) + "\n", "test fixture with documented example / fake values"


@neg("trace-ids-log")
def n_traces(r):
    lines = []
    for _ in range(r.randint(10, 20)):
        lines.append("%s INFO  [%s] request_id=%s trace_id=%s span_id=%s user_id=%s status=200 latency_ms=%d"
                     % (ts_ms(r), app_name(r), uuid4(r), rs(r, HEXL, 32, check=False), rs(r, HEXL, 16, check=False),
                        rs(r, HEXL, 24, check=False), r.randint(1, 800)))
    return "logs/app.log", "\n".join(lines) + "\n", "log with request/trace/span ids"


@neg("ci-digests-log")
def n_cilog(r):
    lines = ["#1 [internal] load build definition from Dockerfile",
             "#2 resolve image config for docker.io/docker/dockerfile:1@sha256:%s" % sha256hex(r),
             "#5 CACHED", "#9 exporting layers", "#9 writing image sha256:%s done" % sha256hex(r),
             "#9 naming to %s.dkr.ecr.%s.amazonaws.com/%s:%s" % (rs(r, DIG, 12, check=False), pick(r, REGIONS), word(r), sha1hex(r)[:12]),
             "Cache restored from key: Linux-gradle-%s" % sha256hex(r),
             "Build scan: https://gradle.com/s/%s" % rs(r, ALNUML, 13),
             "Artifact digest: sha256:%s" % sha256hex(r),
             "GITHUB_SHA=%s" % sha1hex(r), "RUN_ID=%d" % r.randint(10 ** 9, 10 ** 10),
             "NPM_TOKEN=***", "Masked 3 secrets in the output"]
    return "ci/build-output.log", "\n".join(lines) + "\n", "CI log with image digests, cache keys and masked secrets"


@neg("data-uri")
def n_datauri(r):
    img = rb64(r, r.randint(300, 900))
    font = rb64(r, r.randint(600, 1500))
    txt = (".logo{background:url(data:image/png;base64,%s) no-repeat}\n@font-face{font-family:Icons;src:url(data:font/woff2;base64,%s) format(\"woff2\")}\n"
           % (img, font))
    return "static/css/app.css", txt, "base64 image and font data URIs"


@neg("env-example")
def n_envexample(r):
    lines = ["# Copy to .env and fill in", "OPENAI_API_KEY=sk-...", "STRIPE_SECRET_KEY=sk_test_your_key_here",
             "DATABASE_URL=postgres://user:password@localhost:5432/%s" % word(r), "GITHUB_TOKEN=<your github token>",
             "AWS_ACCESS_KEY_ID=", "AWS_SECRET_ACCESS_KEY=", "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/XXX/YYY/ZZZ",
             "JWT_SECRET=changeme", "SENTRY_DSN="]
    return ".env.example", "\n".join(lines) + "\n", ".env.example with placeholders"


@neg("readme-placeholders")
def n_readme(r):
    txt = """# %s SDK

```bash
export ANTHROPIC_API_KEY="<your-api-key>"
export HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
curl -H "Authorization: Bearer $API_TOKEN" https://api.%s/v1/items
```

Set `password: ${DB_PASSWORD}` in `config.yml`. Never commit real keys.
""" % (word(r).capitalize(), domain(r))
    return "README.md", txt, "README with placeholder tokens and env references"


@neg("k8s-secretref")
def n_secretref(r):
    lines = ["apiVersion: external-secrets.io/v1beta1", "kind: ExternalSecret", "metadata:", "  name: %s" % app_name(r),
             "spec:", "  secretStoreRef:", "    name: aws-secretsmanager", "    kind: ClusterSecretStore",
             "  data:", "    - secretKey: DATABASE_PASSWORD", "      remoteRef:", "        key: prod/%s/db" % word(r),
             "        property: password", "---", "apiVersion: apps/v1", "kind: Deployment", "metadata:",
             "  name: %s" % word(r), "spec:", "  template:", "    spec:", "      containers:", "        - name: app",
             "          env:", "            - name: API_TOKEN", "              valueFrom:", "                secretKeyRef:",
             "                  name: %s-secrets" % word(r), "                  key: api-token"]
    return "k8s/external-secret.yaml", "\n".join(lines) + "\n", "ExternalSecret and secretKeyRef references"


@neg("gha-secrets-refs")
def n_gha(r):
    lines = ["name: release", "on: [push]", "jobs:", "  publish:", "    runs-on: ubuntu-latest", "    env:",
             "      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}", "      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}",
             "      PYPI_API_TOKEN: ${{ secrets.PYPI_API_TOKEN }}", "    steps:",
             "      - uses: actions/checkout@%s # v4" % sha1hex(r),
             "      - uses: docker/login-action@%s" % sha1hex(r), "        with:", "          username: ${{ github.actor }}",
             "          password: ${{ secrets.GITHUB_TOKEN }}"]
    return ".github/workflows/release.yml", "\n".join(lines) + "\n", "workflow using secrets.* references and pinned action SHAs"


@neg("redacted-log")
def n_redacted(r):
    lines = ["%s DEBUG http: POST https://api.%s/oauth/token" % (ts_ms(r), domain(r)),
             "%s DEBUG http: Authorization: Bearer [REDACTED]" % ts_ms(r),
             "%s DEBUG http: body client_id=%s&client_secret=********&grant_type=client_credentials" % (ts_ms(r), uuid4(r)),
             "%s INFO  config: STRIPE_SECRET_KEY=sk_live_****************************%s" % (ts_ms(r), rs(r, ALNUM, 4)),
             "%s INFO  config: DATABASE_URL=postgres://app:*****@db.internal:5432/app" % ts_ms(r),
             "%s WARN  token ghp_****%s expires in 3 days" % (ts_ms(r), rs(r, ALNUM, 4))]
    return "logs/debug.log", "\n".join(lines) + "\n", "log lines with redacted credentials"


@neg("publishable-keys")
def n_publishable(r):
    ref = rs(r, "abcdefghijklmnopqrstuvwxyz", 20)
    iat = epoch(r)
    anon = jwt(r, {"iss": "supabase", "ref": ref, "role": "anon", "iat": iat, "exp": iat + 315360000})
    lines = ["// public client configuration (safe to expose)", "export const publicConfig = {",
             "  stripePublishableKey: 'pk_live_51%s'," % rs(r, ALNUM, 97),
             "  algoliaAppId: '%s'," % rs(r, ALNUMU, 10),
             "  algoliaSearchOnlyKey: '%s'," % rs(r, HEXL, 32),
             "  supabaseUrl: 'https://%s.supabase.co'," % ref,
             "  supabaseAnonKey: '%s'," % anon,
             "  mapboxPublicToken: 'pk.%s.%s'," % (b64u_nopad(json.dumps({"u": word(r), "a": rs(r, ALNUML, 25)}, separators=(",", ":"))), rs(r, B64U, 22)),
             "  sentryDsn: 'https://%s@o%d.ingest.sentry.io/%d'," % (rs(r, HEXL, 32), r.randint(10 ** 5, 10 ** 6), r.randint(10 ** 6, 10 ** 7)),
             "  recaptchaSiteKey: '6L%s'," % rs(r, B64U, 38),
             "  posthogKey: 'phc_%s'," % rs(r, ALNUM, 43),
             "};"]
    return "src/publicConfig.ts", "\n".join(lines) + "\n", "publishable/public client keys documented as safe to expose"


@neg("object-ids")
def n_ids(r):
    rows = []
    for _ in range(r.randint(5, 10)):
        rows.append('  {"_id": {"$oid": "%s"}, "order_id": "%s", "idempotency_key": "%s", "stripe_charge": "ch_%s", "customer": "cus_%s", "etag": "W/\\"%s\\""}'
                    % (rs(r, HEXL, 24, check=False), uuid4(r), uuid4(r), rs(r, ALNUM, 24), rs(r, ALNUM, 14), rs(r, HEXL, 32, check=False)))
    return "export/orders.json", "[\n" + ",\n".join(rows) + "\n]\n", "object/charge/customer ids, idempotency keys, etags"


@neg("sri-html")
def n_sri(r):
    lines = ["<!doctype html>", "<html>", "<head>",
             '<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/js/bootstrap.bundle.min.js" integrity="sha384-%s" crossorigin="anonymous"></script>' % rb64(r, 48),
             '<link rel="stylesheet" href="/app.%s.css" integrity="sha256-%s">' % (rs(r, HEXL, 20, check=False), rb64(r, 32)),
             '<meta http-equiv="Content-Security-Policy" content="script-src \'nonce-%s\'">' % rb64(r, 16),
             '<meta name="csrf-token" content="{{ csrf_token() }}">', "</head>", "<body></body>", "</html>"]
    return "templates/base.html", "\n".join(lines) + "\n", "SRI integrity hashes, CSP nonce, csrf template"


@neg("webpack-bundle")
def n_bundle(r):
    parts = []
    for i in range(r.randint(8, 15)):
        parts.append('%d:function(e,t,n){"use strict";var r=n("%s");e.exports=r}' % (r.randint(1, 9999), rs(r, HEXL, 20, check=False)))
    return "dist/vendors.%s.js" % rs(r, HEXL, 20, check=False), "(self.webpackChunk=self.webpackChunk||[]).push([[%d],{%s}]);\n" % (r.randint(1, 900), ",".join(parts)), "minified bundle with module hashes"


@neg("aws-docs-example")
def n_awsdocs(r):
    txt = """## Configure the CLI

```
$ aws configure
AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE
AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
Default region name [None]: %s
Default output format [None]: json
```
""" % pick(r, REGIONS)
    return "docs/aws-cli.md", txt, "AWS documented example credentials"


@neg("secret-manager-code")
def n_smcode(r):
    txt = """import os
import boto3
from google.cloud import secretmanager

def get_db_password():
    client = boto3.client("secretsmanager", region_name="%s")
    return client.get_secret_value(SecretId="prod/%s/db")["SecretString"]

API_KEY = os.environ["API_KEY"]
STRIPE_SECRET_KEY = os.getenv("STRIPE_SECRET_KEY", "")
token = secretmanager.SecretManagerServiceClient().access_secret_version(
    name="projects/%d/secrets/github-token/versions/latest").payload.data.decode()
""" % (pick(r, REGIONS), word(r), r.randint(10 ** 11, 10 ** 12))
    return "app/secrets.py", txt, "secret-manager lookups and env reads in code"


@neg("bcrypt-users")
def n_bcrypt(r):
    lines = ["INSERT INTO users (id, email, password_hash, api_key_last4) VALUES"]
    rows = []
    alpha = "./" + ALNUM
    for i in range(r.randint(3, 7)):
        rows.append("(%d, '%s', '$2b$12$%s', '%s')" % (i + 1, email(r), rs(r, alpha, 53, check=False), rs(r, ALNUM, 4)))
    return "db/users_seed.sql", "\n".join(lines) + "\n" + ",\n".join(rows) + ";\n", "user table with bcrypt password hashes and last-4 digits"


@neg("kms-ciphertext")
def n_kms(r):
    lines = ["# encrypted with aws kms encrypt --key-id alias/%s" % word(r),
             "db_password_encrypted: AQICAHh%s==" % rs(r, B64, 200),
             "api_key_ciphertext: AQICAHh%s=" % rs(r, B64, 230), "kms_key_arn: arn:aws:kms:%s:%s:key/%s" % (pick(r, REGIONS), rs(r, DIG, 12, check=False), uuid4(r))]
    return "config/encrypted.yaml", "\n".join(lines) + "\n", "KMS ciphertext blobs"


@neg("notebook-env")
def n_nb(r):
    txt = json.dumps({"cells": [
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
         "source": ["import getpass, os\n", "os.environ[\"OPENAI_API_KEY\"] = getpass.getpass(\"key: \")"]},
        {"cell_type": "code", "execution_count": 2, "metadata": {},
         "outputs": [{"name": "stdout", "output_type": "stream", "text": ["key loaded: sk-...%s\n" % rs(r, ALNUM, 4)]}],
         "source": ["print('key loaded:', os.environ['OPENAI_API_KEY'][:3] + '...' + os.environ['OPENAI_API_KEY'][-4:])"]}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)
    return "notebooks/setup.ipynb", txt + "\n", "notebook reading key via getpass, printing masked key"


@neg("postman-vars")
def n_postman(r):
    txt = json.dumps({"info": {"_postman_id": uuid4(r), "name": "API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
                      "item": [{"name": "me", "request": {"method": "GET", "header": [{"key": "Authorization", "value": "Bearer {{accessToken}}"}],
                                                          "url": "{{baseUrl}}/v1/me"}}],
                      "variable": [{"key": "accessToken", "value": ""}, {"key": "baseUrl", "value": "https://api.%s" % domain(r)}]}, indent=2)
    return "api.postman_collection.json", txt + "\n", "Postman collection with {{variables}}"


@neg("dockerfile-checksums")
def n_dockerfile(r):
    lines = ["FROM alpine:3.19@sha256:%s" % sha256hex(r), "ARG KUBECTL_VERSION=%s" % version(r),
             "ARG KUBECTL_SHA256=%s" % sha256hex(r),
             "RUN wget -q https://dl.k8s.io/release/v${KUBECTL_VERSION}/bin/linux/amd64/kubectl \\",
             " && echo \"${KUBECTL_SHA256}  kubectl\" | sha256sum -c -", "ENV API_TOKEN=\"\"",
             "RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci"]
    return "Dockerfile", "\n".join(lines) + "\n", "Dockerfile with digests, checksums and BuildKit secret mounts"


@neg("openapi-spec")
def n_openapi(r):
    txt = """openapi: 3.0.3
info:
  title: %s API
  version: %s
components:
  securitySchemes:
    ApiKeyAuth:
      type: apiKey
      in: header
      name: X-API-Key
    BearerAuth:
      type: http
      scheme: bearer
      bearerFormat: JWT
  schemas:
    Token:
      type: object
      properties:
        access_token:
          type: string
          example: "<access-token>"
        client_secret:
          type: string
          format: password
          example: "********"
""" % (word(r).capitalize(), version(r))
    return "openapi.yaml", txt, "OpenAPI spec with security schemes and placeholder examples"


@neg("rfc-test-vectors")
def n_vectors(r):
    txt = """# HMAC-SHA256 test vectors from RFC 4231 (test case 2)
KEY = b"Jefe"
DATA = b"what do ya want for nothing?"
EXPECTED = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"

# AES-128 key from FIPS-197 appendix C.1
AES_KEY = bytes.fromhex("000102030405060708090a0b0c0d0e0f")
"""
    return "tests/test_vectors.py", txt, "published RFC/FIPS test vectors"


@neg("known-hosts")
def n_known(r):
    lines = []
    for _ in range(r.randint(3, 6)):
        lines.append("|1|%s|%s %s" % (rb64(r, 20), rb64(r, 20), keys.ssh_ed25519_public(r, "").strip()))
    return ".ssh/known_hosts", "\n".join(lines) + "\n", "hashed known_hosts entries (public host keys)"


@neg("configmap-ca")
def n_configmap(r):
    cert = keys.fake_certificate_pem(r)
    lines = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: trusted-ca", "data:", "  ca.crt: |"]
    lines += ["    " + l for l in cert.split("\n")]
    lines += ["  api_base_url: https://api.%s" % domain(r), "  token_header: Authorization"]
    return "configmap.yaml", "\n".join(lines) + "\n", "ConfigMap with CA certificate"


@neg("uuid-config")
def n_uuidcfg(r):
    lines = ["{", '  "tenantId": "%s",' % uuid4(r), '  "subscriptionId": "%s",' % uuid4(r),
             '  "clientId": "%s",' % uuid4(r), '  "objectId": "%s",' % uuid4(r),
             '  "resourceGroup": "rg-%s-prod",' % word(r), '  "clientSecret": "@Microsoft.KeyVault(SecretUri=https://kv-%s.vault.azure.net/secrets/app-secret/)"' % word(r),
             "}"]
    return "azure.json", "\n".join(lines) + "\n", "Azure ids (tenant/client/subscription) with Key Vault reference"


@neg("hash-config")
def n_hashcfg(r):
    lines = ["[security]", "password_hash_algorithm = argon2id", "session_key_id = %s" % rs(r, HEXL, 16, check=False),
             "csp_report_uri = https://%s/csp" % domain(r), "admin_password_sha256 = %s" % sha256hex(r),
             "jwt_public_key_fingerprint = SHA256:%s" % rb64(r, 32).rstrip("="),
             "api_key_prefix = ak_live_", "webhook_signature_header = X-Signature-256"]
    return "security.ini", "\n".join(lines) + "\n", "security config with hashes, fingerprints and prefixes only"

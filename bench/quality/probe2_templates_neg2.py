"""gen_probe2 negative templates, group 2: high-entropy non-secrets (hashes, ids, public keys, logs)."""
from probe2_templates_base import *  # noqa: F401,F403
from probe2_templates_neg1 import sample


def n2_yarn_lock(d):
    d.path = d.path.rsplit("/", 1)[0] + R.choice(["/yarn.lock", "/pnpm-lock.yaml", "/Cargo.lock", "/poetry.lock"])
    name = d.path.rsplit("/", 1)[1]
    for pkg in R.sample(["lodash", "axios", "chalk", "debug", "ms", "semver", "serde", "tokio", "requests", "urllib3"], 4):
        v = f"{R.randint(0, 9)}.{R.randint(0, 30)}.{R.randint(0, 9)}"
        if name == "yarn.lock":
            d.add(f'{pkg}@^{v}:', f'  version "{v}"', f'  resolved "https://registry.yarnpkg.com/{pkg}/-/{pkg}-{v}.tgz#{rs(HEX, 40)}"',
                  f'  integrity sha512-{b64(rbytes(64))}', "")
        elif name == "pnpm-lock.yaml":
            d.add(f"  /{pkg}@{v}:", f"    resolution: {{integrity: sha512-{b64(rbytes(64))}}}", "    dev: false")
        elif name == "Cargo.lock":
            d.add("[[package]]", f'name = "{pkg}"', f'version = "{v}"', 'source = "registry+https://github.com/rust-lang/crates.io-index"',
                  f'checksum = "{rs(HEX, 64)}"', "")
        else:
            d.add("[[package]]", f'name = "{pkg}"', f'version = "{v}"', "files = [",
                  f'    {{file = "{pkg}-{v}-py3-none-any.whl", hash = "sha256:{rs(HEX, 64)}"}},', "]", "")
    return "lockfile integrity hashes"


def n2_data_uris(d):
    png = b64(b"\x89PNG\r\n\x1a\n" + rbytes(R.randint(120, 300)))
    svg = b64(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M{R.randint(1, 9)} 2h{R.randint(2, 9)}v20z"/></svg>'.encode())
    d.add(json.dumps({"name": f"{svc()} app", "icons": [{"src": f"data:image/png;base64,{png}", "sizes": "192x192"},
                                                        {"src": f"data:image/svg+xml;base64,{svg}", "sizes": "any"}]}, indent=2))
    return "base64 images in manifest"


def n2_jwks(d):
    keys = []
    for _ in range(R.randint(1, 3)):
        keys.append({"kty": "RSA", "use": "sig", "alg": "RS256", "kid": rs(B64URL, 43), "n": G_b64url(rbytes(256)), "e": "AQAB",
                     "x5t": G_b64url(rbytes(20)), "x5c": [b64(rbytes(700))]})
    d.add(json.dumps({"keys": keys}, indent=2))
    return "JWKS public keys"


def G_b64url(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def n2_cert_json(d):
    cert = "\n".join(fake_cert()) + "\n"
    d.add(json.dumps({"tls": {"certificate": cert, "serial": ":".join(rs(HEX, 2) for _ in range(16)),
                              "fingerprint_sha256": rs(HEX.upper(), 64)}}, indent=2))
    return "public certificate in JSON (\\n-escaped)"


def n2_kubeconfig_exec(d):
    d.add("apiVersion: v1", "kind: Config", "clusters:", "- cluster:", f"    certificate-authority-data: {b64(chr(10).join(fake_cert()))}",
          f"    server: https://{rs(HEX.upper(), 32)}.gr7.eu-west-1.eks.amazonaws.com", f"  name: {svc()}", "users:", "- name: eks",
          "  user:", "    exec:", "      apiVersion: client.authentication.k8s.io/v1beta1", "      command: aws",
          f"      args: [eks, get-token, --cluster-name, {svc()}]")
    return "kubeconfig with CA data and exec auth"


def n2_git_shas(d):
    lines = []
    for _ in range(R.randint(4, 8)):
        lines.append(f"* {rs(HEX, 7)} {R.choice(['fix', 'feat', 'chore'])}({svc()}): {R.choice(['bump deps', 'retry on 503', 'add index', 'rotate logs'])}")
    lines.append(f"Full diff: https://github.com/acme/{svc()}/compare/{rs(HEX, 40)}...{rs(HEX, 40)}")
    lines.append(f"Image: ghcr.io/acme/{svc()}@sha256:{rs(HEX, 64)}")
    d.add("## Release notes", "", *lines)
    return "git SHAs and image digests"


def n2_json_log_ids(d):
    for _ in range(R.randint(4, 8)):
        d.add(json.dumps({"ts": ts(), "level": R.choice(["info", "warn"]), "msg": "request completed", "request_id": uuid4(),
                          "trace_id": rs(HEX, 32), "span_id": rs(HEX, 16), "user": R.randint(1000, 99999),
                          "authorization": R.choice(["[REDACTED]", "Bearer ***", "<redacted>"]), "etag": f"W/\"{rs(HEX, 32)}\""}))
    return "JSON logs with ids and redacted auth"


def n2_nginx_ids(d):
    for _ in range(R.randint(5, 9)):
        q = R.choice([f"?v={rs(HEX, 8)}", f"?session_id={uuid4()}", f"?utm_source=newsletter&utm_campaign={svc()}",
                      f"?sha={rs(HEX, 40)}", f"?page={R.randint(1, 9)}", f"?state={rs(HEX, 16)}&code_challenge_method=S256"])
        d.add(f'{ip()} - - [12/Mar/2024:10:{R.randint(10, 59)}:{R.randint(10, 59)} +0000] "GET /{svc()}{q} HTTP/1.1" 200 {R.randint(200, 90000)} "-" "Mozilla/5.0"')
    return "access log with non-secret query params"


def n2_har_public(d):
    entry = {"startedDateTime": ts(), "request": {"method": "GET", "url": f"https://www.acme-corp.io/{svc()}", "headers": [
        {"name": "cookie", "value": f"_ga=GA1.2.{R.randint(10**8, 10**9)}.{R.randint(1600000000, 1700000000)}; _gid=GA1.2.{R.randint(10**8, 10**9)}"},
        {"name": "if-none-match", "value": f"\"{rs(HEX, 40)}\""}, {"name": "x-request-id", "value": uuid4()},
        {"name": "authorization", "value": "Bearer <token>"}]},
        "response": {"status": 304, "headers": [{"name": "x-amz-cf-id", "value": rs(B64URL, 56) + "=="}]}}
    d.add(json.dumps({"log": {"version": "1.2", "entries": [entry]}}, indent=2))
    return "HAR without credentials"


def n2_openapi_examples(d):
    sample(d, ["openapi: 3.0.3", "components:", "  securitySchemes:", "    bearerAuth:", "      type: http", "      scheme: bearer",
               "  schemas:", "    Token:", "      properties:", "        access_token:", "          type: string",
               "          example: YOUR_ACCESS_TOKEN", "        aws_access_key_id:", "          example: AKIAIOSFODNN7EXAMPLE",
               "        aws_secret_access_key:", "          example: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
               "        github_token:", "          example: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "        id:",
               f"          example: {uuid4()}"], lo=0.8)
    return "OpenAPI documented example values"


def n2_webhook_placeholders(d):
    d.add(json.dumps({"alerting": {"slack": {"url": "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"},
                                   "discord": {"url": "https://discord.com/api/webhooks/<id>/<token>"},
                                   "teams": {"url": "${TEAMS_WEBHOOK_URL}"}}}, indent=2))
    return "webhook placeholders"


def n2_checksums_code(d):
    d.add("# expected digests of release artifacts", f"EXPECTED_SHA256 = \"{rs(HEX, 64)}\"", f"LEGACY_MD5 = '{rs(HEX, 32)}'",
          f"COMMIT = \"{rs(HEX, 40)}\"", f"SUBRESOURCE_INTEGRITY = \"sha384-{b64(rbytes(48))}\"", f"NAMESPACE_UUID = uuid.UUID('{uuid4()}')",
          f"GPG_FINGERPRINT = \"{rs(HEX.upper(), 40)}\"")
    return "digests and identifiers in code"


def n2_public_keys(d):
    d.path = d.path.rsplit("/", 1)[0] + R.choice(["/known_hosts", "/keys.json"])
    if d.path.endswith("known_hosts"):
        for h in ["github.com", "gitlab.com", f"git.{svc()}.internal"]:
            d.add(f"{h} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{b64(rbytes(32))[:43]}")
            d.add(f"{h} ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB{b64(rbytes(65))[:87]}=")
    else:
        pub = "-----BEGIN PUBLIC KEY-----\n" + "\n".join(wrap(b64(bytes.fromhex("30820122300d06092a864886f70d01010105000382010f00") + rbytes(270)), 64)) + "\n-----END PUBLIC KEY-----\n"
        d.add(json.dumps({"issuer": f"https://auth.{svc()}.io", "public_key": pub, "algorithm": "RS256"}, indent=2))
    return "public keys (known_hosts / PEM public key in JSON)"


def n2_masked_output(d):
    d.add(f"$ {svc()} config show", "api_url       = https://api.acme-corp.io", "api_key       = sk-****************************3fA9",
          "github_token  = ghp_************************************", "db_password   = ********", "aws_key_id    = AKIA************WXYZ",
          f"session       = {uuid4()}")
    return "CLI output with masked secrets"


def n2_grafana_dashboard(d):
    d.add(json.dumps({"uid": rs(ALNUM, 9), "title": f"{svc()} overview", "version": R.randint(1, 40),
                      "panels": [{"id": i, "datasource": {"type": "prometheus", "uid": rs(ALNUM, 9)},
                                  "targets": [{"expr": f"rate(http_requests_total{{job=\"{svc()}\"}}[5m])", "refId": "A"}]} for i in range(3)],
                      "__inputs": [{"name": "DS_PROM", "pluginId": "prometheus"}]}, indent=2))
    return "Grafana dashboard JSON (uids)"


NEGATIVE = [
    (n2_yarn_lock, ["web/yarn.lock"]),
    (n2_data_uris, ["public/manifest.json"]),
    (n2_jwks, [".well-known/jwks.json"]),
    (n2_cert_json, ["config/tls.json"]),
    (n2_kubeconfig_exec, ["kube/config.yaml"]),
    (n2_git_shas, ["RELEASE_NOTES.md"]),
    (n2_json_log_ids, ["logs/app.jsonl"]),
    (n2_nginx_ids, ["logs/access.log"]),
    (n2_har_public, ["debug/homepage.har"]),
    (n2_openapi_examples, ["api/openapi.yaml"]),
    (n2_webhook_placeholders, ["config/alerting.example.json"]),
    (n2_checksums_code, ["tools/verify.py"]),
    (n2_public_keys, ["ssh/known_hosts"]),
    (n2_masked_output, ["docs/cli-output.txt"]),
    (n2_grafana_dashboard, ["dashboards/overview.json"]),
]

"""File templates for gen_probe3.py: positive templates (files that leak 1-3 credentials)
and negative templates (files that look secret-ish but hold no real credential).

A positive template is fn(ctx, creds) -> Out(path, text, over). It must write every
"secret" field of every credential it is given; `over` maps id(field) to
{"anchor": text_on_the_labelled_line, "alts": [...]} when the field is not written
verbatim (base64 in a Kubernetes Secret, basic-auth headers, docker config.json).
Otherwise the label line is the line where the secret itself (for PEM blocks, the
BEGIN line) first occurs; gen_probe3.py computes and checks it.

A negative template is fn(ctx) -> Out(path, text) and must not contain any credential.
"""
import base64
import json
import re
from xml.sax.saxutils import escape as xml_escape

import probe3_tokens as T
from probe3_tokens import (ALNUM, B64URL, DOMAINS, FIRST, HEX, LAST, LO, LOALNUM, SERVICES, UP, UPALNUM,
                           WORDS, b64, b64u, rb, rs, uuid4)


class Out:
    def __init__(self, path, text, over=None):
        self.path = path
        self.text = text if text.endswith("\n") else text + "\n"
        self.over = over or {}


class Ctx:
    """Per-file helper around the run's single Random instance."""

    def __init__(self, rng):
        self.rng = rng
        self.org = rng.choice(WORDS)
        self.domain = rng.choice(DOMAINS)
        self.proj = rng.choice(WORDS) + "-" + rng.choice(SERVICES)
        self.person = rng.choice(FIRST)

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p):
        return self.rng.random() < p

    def randint(self, a, b):
        return self.rng.randint(a, b)

    def email(self):
        return f"{self.pick(FIRST)}.{self.pick(LAST)}@{self.domain}"

    def sha1(self):
        return rs(self.rng, 40, HEX)

    def uuid(self):
        return uuid4(self.rng)

    def ip(self):
        return f"10.{self.randint(0, 40)}.{self.randint(0, 255)}.{self.randint(2, 250)}"

    def date(self, y0=2023, y1=2025):
        return f"{self.randint(y0, y1)}-{self.randint(1, 12):02d}-{self.randint(1, 28):02d}"

    def ts(self):
        return f"{self.date()}T{self.randint(0, 23):02d}:{self.randint(0, 59):02d}:{self.randint(0, 59):02d}Z"

    def semver(self):
        return f"{self.randint(0, 4)}.{self.randint(0, 30)}.{self.randint(0, 12)}"

    def fill(self, s, cred=None):
        if "{" not in s:
            return s
        idv = ""
        if cred is not None:
            f = cred.first("ignore") or cred.first("plain")
            idv = f.value if f else ""
        dc = "1"
        if cred is not None and "-us" in cred.main.value:
            dc = cred.main.value.rsplit("-us", 1)[1]
        return (s.replace("{org}", self.org).replace("{domain}", self.domain).replace("{repo}", self.proj)
                .replace("{user}", self.person).replace("{id}", idv).replace("{dc}", dc)
                .replace("{hex8}", rs(self.rng, 8, HEX)).replace("{hex4}", rs(self.rng, 4, HEX)))


# ----------------------------------------------------------------------------------
# naming and quoting
# ----------------------------------------------------------------------------------
PRETTY = {"aws": "AWS", "gcp": "Google Cloud", "azure": "Azure", "github": "GitHub", "gitlab": "GitLab",
          "openai": "OpenAI", "huggingface": "Hugging Face", "newrelic": "New Relic", "digitalocean": "DigitalOcean",
          "private_key": "Signing key", "generic": "App", "jwt": "API auth", "postgres": "Postgres",
          "mongodb": "MongoDB", "rabbitmq": "RabbitMQ", "1password": "1Password", "flyio": "Fly.io",
          "ibm": "IBM Cloud", "oracle": "OCI", "xai": "xAI"}


def pretty(cred):
    p = cred.kind.provider
    return PRETTY.get(p, p.replace("_", " ").title())


def snake(env):
    return env.lower()


def camel(env):
    p = [x for x in env.lower().split("_") if x]
    return p[0] + "".join(x.capitalize() for x in p[1:])


def pascal(env):
    return "".join(x.capitalize() for x in env.lower().split("_") if x)


def kebab(s):
    return s.lower().replace("_", "-")


def group_name(cred):
    return cred.kind.group.lower().replace("-", "_")


_PLAIN_YAML = re.compile(r"^[A-Za-z][A-Za-z0-9_./+=-]*$")


def yq(ctx, v):
    """YAML scalar."""
    if _PLAIN_YAML.match(v) and v.lower() not in ("yes", "no", "true", "false", "on", "off", "null") and ctx.chance(0.5):
        return v
    return '"' + v + '"' if ctx.chance(0.8) else "'" + v + "'"


def envq(ctx, v):
    """dotenv value."""
    if any(c in v for c in " #\"'`$\\;&|<>(){}!*?^"):
        return '"' + v + '"'
    return v if ctx.chance(0.6) else '"' + v + '"'


def shq(v):
    return "'" + v + "'"


def yaml_block(ctx, key, value, indent):
    pad = " " * indent
    lines = [f"{pad}{key}: |"]
    lines += [pad + "  " + ln for ln in value.split("\n")]
    return lines


def escaped_nl(v):
    return v.replace("\n", "\\n")


def b64s(s):
    return base64.b64encode(s.encode()).decode()


def all_fields(creds):
    for c in creds:
        for f in c.fields:
            yield c, f


# ----------------------------------------------------------------------------------
# filler
# ----------------------------------------------------------------------------------
def env_filler(ctx, n):
    d = ctx.domain
    pool = [("NODE_ENV", "production"), ("APP_ENV", ctx.pick(["production", "staging"])), ("PORT", str(ctx.pick([3000, 8080, 8000, 5000]))),
            ("LOG_LEVEL", ctx.pick(["info", "warn", "debug"])), ("APP_NAME", ctx.proj), ("APP_URL", f"https://app.{d}"),
            ("TZ", "UTC"), ("FEATURE_NEW_CHECKOUT", ctx.pick(["true", "false"])), ("CACHE_TTL", str(ctx.pick([60, 300, 3600]))),
            ("MAX_UPLOAD_MB", str(ctx.pick([10, 25, 100]))), ("S3_BUCKET", f"{ctx.proj}-assets"),
            ("SENTRY_ENVIRONMENT", "production"), ("WEB_CONCURRENCY", str(ctx.randint(2, 8))),
            ("RATE_LIMIT_PER_MIN", str(ctx.pick([120, 600, 1000]))), ("CORS_ORIGINS", f"https://app.{d},https://admin.{d}"),
            ("SMTP_HOST", f"smtp.{d}"), ("SMTP_PORT", "587"), ("DEFAULT_LOCALE", ctx.pick(["en", "de", "fr", "en-GB"])),
            ("REQUEST_TIMEOUT_MS", str(ctx.pick([5000, 15000, 30000]))), ("OTEL_SERVICE_NAME", ctx.proj),
            ("METRICS_ENABLED", "true"), ("DB_POOL_SIZE", str(ctx.randint(5, 30))), ("QUEUE_NAME", ctx.pick(SERVICES) + "-jobs"),
            ("IMAGE_TAG", "v" + ctx.semver()), ("PUBLIC_BASE_PATH", "/"), ("SESSION_TTL_HOURS", str(ctx.pick([12, 24, 168]))),
            ("ENABLE_SIGNUPS", ctx.pick(["true", "false"])), ("UPLOAD_DIR", "/var/lib/" + ctx.proj + "/uploads"),
            ("WORKER_QUEUES", "default,mailers,reports"), ("HEALTHCHECK_PATH", "/healthz")]
    ctx.rng.shuffle(pool)
    out = pool[:n]
    if ctx.chance(0.15):
        out.insert(ctx.randint(0, len(out)), ("GIT_COMMIT", ctx.sha1()))
    return out


def text_lines(ctx, n):
    s = ["Deployment is handled by the pipeline; do not edit by hand.",
         "Rotate these quarterly (see runbook).", "Values below are for the production cluster.",
         "Ask #platform before changing anything here.", "Last updated by " + ctx.person + " on " + ctx.date(),
         "TODO: move to the secret manager", "Staging uses the same layout with different values.",
         "Keep this file out of the image build context."]
    ctx.rng.shuffle(s)
    return s[:n]


def log_ts(ctx, day, base_h, i):
    return f"{day}T{base_h + i // 3600:02d}:{(i // 60) % 60:02d}:{i % 60:02d}.{ctx.randint(100, 999)}Z"



# ----------------------------------------------------------------------------------
# code padding: plausible helper functions so source files have realistic bulk
# ----------------------------------------------------------------------------------
def _verb(ctx):
    return ctx.pick(["fetch", "sync", "load", "export", "refresh", "list", "upsert", "archive"])


def _noun(ctx):
    return ctx.pick(["orders", "invoices", "users", "events", "reports", "accounts", "payouts", "tickets", "assets"])


def py_pad(ctx, n=None):
    out = []
    for _ in range(n or ctx.randint(1, 3)):
        v, o = _verb(ctx), _noun(ctx)
        out += ["", "", f"def {v}_{o}(session, since=None, page_size={ctx.pick([50, 100, 200])}):",
                f'    """{v.capitalize()} {o} changed since `since` (paginated)."""', "    params = {\"limit\": page_size}",
                "    if since is not None:", "        params[\"updated_since\"] = since.isoformat()", "    items = []", "    while True:",
                f"        r = session.get(BASE_URL + \"/{o}\", params=params, timeout=30)", "        r.raise_for_status()",
                "        body = r.json()", "        items.extend(body[\"data\"])", "        if not body.get(\"next_cursor\"):", "            break",
                "        params[\"cursor\"] = body[\"next_cursor\"]", "    return items"]
    return out


def js_pad(ctx, n=None):
    out = []
    for _ in range(n or ctx.randint(1, 3)):
        v, o = _verb(ctx), _noun(ctx)
        out += ["", f"export async function {v}{o.capitalize()}(client, {{ limit = {ctx.pick([25, 50, 100])}, cursor }} = {{}}) {{",
                f"  const url = new URL('/v1/{o}', client.baseUrl);", "  url.searchParams.set('limit', String(limit));",
                "  if (cursor) url.searchParams.set('cursor', cursor);", "  const res = await fetch(url, { headers: client.headers });",
                "  if (!res.ok) {", f"    throw new Error(`{v} {o} failed: ${{res.status}}`);", "  }", "  return res.json();", "}"]
    return out


def go_pad(ctx, n=None):
    out = []
    for _ in range(n or ctx.randint(1, 2)):
        v, o = _verb(ctx), _noun(ctx)
        out += ["", f"func {v.capitalize()}{o.capitalize()}(ctx context.Context, base string) ([]byte, error) {{",
                f'\treq, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/{o}", nil)', "\tif err != nil {",
                "\t\treturn nil, err", "\t}", "\tresp, err := client.Do(req)", "\tif err != nil {", "\t\treturn nil, err", "\t}",
                "\tdefer resp.Body.Close()", "\tif resp.StatusCode >= 300 {", f'\t\treturn nil, fmt.Errorf("{v} {o}: %s", resp.Status)',
                "\t}", "\treturn io.ReadAll(resp.Body)", "}"]
    return out


def java_pad(ctx, n=None):
    out = []
    for _ in range(n or ctx.randint(1, 2)):
        v, o = _verb(ctx), _noun(ctx)
        out += ["", f"    public static java.util.List<String> {v}{o.capitalize()}(java.net.http.HttpClient http, String base) throws Exception {{",
                f'        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v1/{o}"))',
                "                .timeout(TIMEOUT)", "                .GET()", "                .build();",
                "        var res = http.send(req, java.net.http.HttpResponse.BodyHandlers.ofLines());",
                "        if (res.statusCode() >= 300) {", f'            throw new IllegalStateException("{v} {o}: " + res.statusCode());',
                "        }", "        return res.body().toList();", "    }"]
    return out


def cs_pad(ctx, n=None):
    out = []
    for _ in range(n or ctx.randint(1, 2)):
        v, o = _verb(ctx), _noun(ctx)
        out += ["", f"        public static async System.Threading.Tasks.Task<string> {pascal(v)}{pascal(o)}Async(HttpClient http, string baseUrl)",
                "        {", f'            using var res = await http.GetAsync($"{{baseUrl}}/v1/{o}");', "            res.EnsureSuccessStatusCode();",
                "            return await res.Content.ReadAsStringAsync();", "        }"]
    return out


def php_pad(ctx, n=None):
    out = []
    for _ in range(n or ctx.randint(1, 2)):
        v, o = _verb(ctx), _noun(ctx)
        out += ["", f"function {v}_{o}(string $baseUrl, array $headers = []): array", "{",
                f"    $ch = curl_init($baseUrl . '/v1/{o}');", "    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);",
                "    curl_setopt($ch, CURLOPT_HTTPHEADER, $headers);", "    curl_setopt($ch, CURLOPT_TIMEOUT, 30);",
                "    $body = curl_exec($ch);", "    if ($body === false) {", "        throw new RuntimeException(curl_error($ch));", "    }",
                "    curl_close($ch);", "    return json_decode($body, true) ?? [];", "}"]
    return out


def rb_pad(ctx, n=None):
    out = []
    for _ in range(n or ctx.randint(1, 2)):
        v, o = _verb(ctx), _noun(ctx)
        out += ["", f"class {pascal(v)}{pascal(o)}Job < ApplicationJob", "  queue_as :default", "", "  def perform(account_id)",
                "    account = Account.find(account_id)", f"    response = HTTP.timeout(30).get(\"#{{BASE_URL}}/v1/{o}\", params: {{ account: account.external_id }})",
                "    raise \"upstream error: #{response.status}\" unless response.status.success?", "",
                f"    JSON.parse(response.body.to_s).fetch('data', []).each do |row|",
                f"      account.{o}.upsert(row.slice('id', 'status', 'updated_at'), unique_by: :id)", "    end", "  end", "end"]
    return out


def rs_pad(ctx, n=None):
    out = []
    for _ in range(n or ctx.randint(1, 2)):
        v, o = _verb(ctx), _noun(ctx)
        out += ["", f"pub async fn {v}_{o}(http: &reqwest::Client, base: &str) -> anyhow::Result<serde_json::Value> {{",
                f'    let res = http.get(format!("{{base}}/v1/{o}")).send().await?;', "    let res = res.error_for_status()?;",
                "    Ok(res.json().await?)", "}"]
    return out


def sh_pad(ctx):
    return ["", "log() { printf '%s %s\\n' \"$(date -u +%FT%TZ)\" \"$*\" >&2; }", "",
            "wait_for() {", "  local url=$1 tries=${2:-30}", "  for _ in $(seq \"$tries\"); do",
            "    curl -fsS \"$url\" >/dev/null && return 0", "    sleep 2", "  done", "  log \"timeout waiting for $url\"", "  return 1", "}"]

# ----------------------------------------------------------------------------------
# registry
# ----------------------------------------------------------------------------------
POSITIVE = []
NEGATIVE = []


def LINE(k):
    return not (k.tags & {"pem", "jsondoc"})


def LINE_PEM(k):
    return "jsondoc" not in k.tags


def HTTP(k):
    return k.auth is not None and LINE(k)


def positive(accepts, multi=True):
    def deco(fn):
        POSITIVE.append((fn.__name__, fn, accepts, multi))
        return fn
    return deco


def negative(fn):
    NEGATIVE.append((fn.__name__, fn))
    return fn


# ==================================================================================
# POSITIVE TEMPLATES
# ==================================================================================
@positive(LINE_PEM)
def t_dotenv(ctx, creds):
    path = ctx.pick([".env", ".env.production", "config/.env.local", "deploy/prod.env", ".env.staging", "backend/.env"])
    lines = []
    if ctx.chance(0.6):
        lines += ["# " + ctx.proj + " environment", "# " + text_lines(ctx, 1)[0], ""]
    filler = env_filler(ctx, ctx.randint(6, 16))
    cut = ctx.randint(0, len(filler))
    lines += [f"{k}={envq(ctx, v)}" for k, v in filler[:cut]]
    for c in creds:
        lines.append("")
        if ctx.chance(0.7):
            lines.append("# " + pretty(c))
        for f in c.fields:
            if "\n" in f.value:
                if ctx.chance(0.5):
                    lines.append(f'{f.env}="{escaped_nl(f.value)}"')
                else:
                    lines.append(f'{f.env}="' + f.value.split("\n")[0])
                    lines += f.value.split("\n")[1:-1]
                    lines.append(f.value.split("\n")[-1] + '"')
            else:
                lines.append(f"{f.env}={envq(ctx, f.value)}")
    lines.append("")
    lines += [f"{k}={envq(ctx, v)}" for k, v in filler[cut:]]
    return Out(path, "\n".join(lines))


@positive(LINE_PEM)
def t_shell_export(ctx, creds):
    path = ctx.pick(["scripts/deploy.sh", "ops/env.sh", "bin/setup-env.sh", "deploy/release.sh", "tools/bootstrap.sh"])
    lines = ["#!/usr/bin/env bash", "set -euo pipefail", "", f"# environment for {ctx.proj}"]
    for k, v in env_filler(ctx, ctx.randint(3, 8)):
        lines.append(f'export {k}="{v}"')
    lines.append("")
    for c in creds:
        for f in c.fields:
            if "\n" in f.value:
                lines += [f"export {f.env}=\"$(cat <<'EOF'"] + f.value.split("\n") + ["EOF", ')"']
            else:
                lines.append(f"export {f.env}={shq(f.value)}")
    lines += sh_pad(ctx)
    lines += ["", 'cd "$(dirname "$0")/.."',
              f'echo "deploying {ctx.proj} to ${{APP_ENV:-production}}"',
              ctx.pick(["docker compose pull && docker compose up -d --remove-orphans",
                        f"helm upgrade --install {ctx.proj} ./chart -f values.prod.yaml",
                        "./node_modules/.bin/serverless deploy --stage prod",
                        f"kubectl -n {ctx.org} rollout restart deploy/{ctx.proj}"]),
              'echo "done"']
    return Out(path, "\n".join(lines))


@positive(LINE)
def t_docker_compose(ctx, creds):
    path = ctx.pick(["docker-compose.yml", "docker-compose.prod.yml", "compose.yaml", "deploy/docker-compose.yml"])
    svc = ctx.pick(SERVICES)
    listform = ctx.chance(0.5)
    lines = ['version: "3.9"', "", "services:", f"  {svc}:",
             f"    image: ghcr.io/{ctx.org}/{ctx.proj}:{ctx.semver()}", "    restart: unless-stopped",
             "    ports:", f'      - "{ctx.pick([3000, 8080, 8000])}:{ctx.pick([3000, 8080, 8000])}"',
             "    depends_on:", "      - db", "      - redis", "    environment:"]
    for k, v in env_filler(ctx, ctx.randint(2, 6)):
        lines.append(f"      - {k}={v}" if listform else f"      {k}: {yq(ctx, v)}")
    for c, f in all_fields(creds):
        lines.append(f"      - {f.env}={f.value}" if listform else f"      {f.env}: {yq(ctx, f.value)}")
    lines += ["    healthcheck:", '      test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"]',
              "      interval: 30s", "      retries: 3", "",
              "  db:", "    image: postgres:16-alpine", "    volumes:", "      - pgdata:/var/lib/postgresql/data",
              "    environment:", f"      POSTGRES_DB: {svc}", "      POSTGRES_USER: app",
              "      POSTGRES_PASSWORD_FILE: /run/secrets/pg_password", "",
              "  redis:", "    image: redis:7-alpine", "    command: [\"redis-server\", \"--appendonly\", \"yes\"]", "",
              "volumes:", "  pgdata: {}"]
    return Out(path, "\n".join(lines))


@positive(LINE_PEM)
def t_k8s_secret_data(ctx, creds):
    name = ctx.proj + "-" + ctx.pick(["secrets", "credentials", "env"])
    path = ctx.pick([f"k8s/{name}.yaml", f"manifests/prod/secret.yaml", f"deploy/k8s/{ctx.proj}-secret.yml"])
    lines = ["apiVersion: v1", "kind: Secret", "metadata:", f"  name: {name}", f"  namespace: {ctx.org}",
             "  labels:", f"    app.kubernetes.io/name: {ctx.proj}", "    app.kubernetes.io/managed-by: kubectl",
             "type: Opaque", "data:"]
    over = {}
    for c, f in all_fields(creds):
        key = ("tls.key" if f.env in ("TLS_PRIVATE_KEY",) else f.env) if "\n" in f.value else f.env
        enc = b64s(f.value)
        lines.append(f"  {key}: {enc}")
        if f.role != "plain":
            over[id(f)] = {"anchor": enc, "alts": [enc]}
    return Out(path, "\n".join(lines), over)


@positive(LINE_PEM)
def t_k8s_secret_stringdata(ctx, creds):
    name = ctx.proj + "-env"
    lines = ["---", "apiVersion: v1", "kind: Secret", "metadata:", f"  name: {name}", f"  namespace: {ctx.pick(['default', 'prod', ctx.org])}",
             "type: Opaque", "stringData:"]
    for c, f in all_fields(creds):
        if "\n" in f.value:
            lines += yaml_block(ctx, f.env, f.value, 2)
        else:
            lines.append(f"  {f.env}: {yq(ctx, f.value)}")
    lines += ["---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", f"  name: {ctx.proj}", "spec:",
              "  replicas: 2", "  selector:", "    matchLabels:", f"      app: {ctx.proj}", "  template:",
              "    metadata:", "      labels:", f"        app: {ctx.proj}", "    spec:", "      containers:",
              f"        - name: {ctx.proj}", f"          image: {ctx.org}/{ctx.proj}:{ctx.semver()}",
              "          envFrom:", "            - secretRef:", f"                name: {name}"]
    return Out(ctx.pick(["k8s/secret-env.yaml", "deploy/secrets.yaml", "kustomize/overlays/prod/secret.yaml"]), "\n".join(lines))


@positive(LINE)
def t_k8s_configmap(ctx, creds):
    lines = ["apiVersion: v1", "kind: ConfigMap", "metadata:", f"  name: {ctx.proj}-config", f"  namespace: {ctx.org}", "data:"]
    for k, v in env_filler(ctx, ctx.randint(4, 9)):
        lines.append(f'  {k}: "{v}"')
    for c, f in all_fields(creds):
        lines.append(f'  {f.env}: "{f.value}"')
    lines += ["  application.yaml: |", "    server:", "      port: 8080", "    management:", "      endpoints:",
              "        web:", "          exposure:", "            include: health,info,prometheus"]
    return Out(ctx.pick(["k8s/configmap.yaml", "manifests/config.yaml", "helm/templates/configmap-rendered.yaml"]), "\n".join(lines))


def nested_yaml(ctx, creds, indent, keyfn, pem_ok=True):
    lines = []
    pad = " " * indent
    for c in creds:
        lines.append(f"{pad}{keyfn(group_name(c))}:")
        for f in c.fields:
            k = keyfn(f.key)
            if "\n" in f.value:
                lines += yaml_block(ctx, k, f.value, indent + 2)
            else:
                lines.append(f"{pad}  {k}: {yq(ctx, f.value)}")
    return lines


@positive(LINE_PEM)
def t_helm_values(ctx, creds):
    lines = ["# Default values for " + ctx.proj, "replicaCount: " + str(ctx.randint(1, 4)), "", "image:",
             f"  repository: {ctx.org}/{ctx.proj}", "  pullPolicy: IfNotPresent", f'  tag: "{ctx.semver()}"', "",
             "service:", "  type: ClusterIP", "  port: 80", "", "ingress:", "  enabled: true", "  className: nginx",
             "  hosts:", f"    - host: {ctx.proj}.{ctx.domain}", "      paths:", "        - path: /", "          pathType: Prefix", "",
             "resources:", "  limits:", "    cpu: 500m", "    memory: 512Mi", "  requests:", "    cpu: 100m", "    memory: 128Mi", "",
             "config:"]
    lines += [f"  {camel(k)}: {yq(ctx, v)}" for k, v in env_filler(ctx, ctx.randint(2, 5))]
    lines += ["", "secrets:"] if ctx.chance(0.5) else [""]
    ind = 2 if lines[-1] == "secrets:" else 0
    lines += nested_yaml(ctx, creds, ind, camel)
    lines += ["", "autoscaling:", "  enabled: false", "  minReplicas: 1", "  maxReplicas: 5", "", "nodeSelector: {}",
              "tolerations: []"]
    return Out(ctx.pick(["chart/values.yaml", "helm/values-prod.yaml", f"charts/{ctx.proj}/values.production.yaml"]), "\n".join(lines))


TF_PROVIDERS = {
    "aws": ("aws", {"access_key_id": "access_key", "secret_access_key": "secret_key", "session_token": "token", "region": "region"}),
    "github": ("github", {"token": "token"}),
    "gitlab": ("gitlab", {"token": "token"}),
    "datadog": ("datadog", {"api_key": "api_key", "app_key": "app_key"}),
    "cloudflare": ("cloudflare", {"api_token": "api_token", "api_key": "api_key", "email": "email"}),
    "digitalocean": ("digitalocean", {"token": "token"}),
    "heroku": ("heroku", {"api_key": "api_key"}),
    "vault": ("vault", {"addr": "address", "token": "token"}),
    "azure": ("azurerm", {"tenant_id": "tenant_id", "client_id": "client_id", "client_secret": "client_secret"}),
    "linode": ("linode", {"token": "token"}),
    "fastly": ("fastly", {"api_token": "api_key"}),
    "newrelic": ("newrelic", {"api_key": "api_key"}),
    "okta": ("okta", {"api_token": "api_token"}),
    "pagerduty": ("pagerduty", {"token": "token"}),
    "sentry": ("sentry", {"auth_token": "token", "token": "token"}),
}


def hcl_str(v):
    return '"' + v + '"'


@positive(LINE_PEM)
def t_terraform(ctx, creds):
    lines = ["terraform {", '  required_version = ">= 1.5.0"', "  required_providers {"]
    blocks = []
    for c in creds:
        prov = TF_PROVIDERS.get(c.kind.group)
        if prov and c.kind.name != "azure_storage_key" and not c.multiline and all(f.key in prov[1] for f in c.fields):
            name, mapping = prov
            lines.append(f'    {name} = {{ source = "{"hashicorp" if name in ("aws", "azurerm", "vault") else name}/{name}" }}')
            b = [f'provider "{name}" {{']
            if name == "azurerm":
                b.append("  features {}")
            for f in c.fields:
                b.append(f"  {mapping[f.key]} = {hcl_str(f.value)}")
            b.append("}")
            blocks.append(b)
        else:
            for f in c.fields:
                vname = snake(f.env)
                if "\n" in f.value:
                    b = [f'variable "{vname}" {{', "  type      = string", "  sensitive = true", "  default   = <<EOT"] + \
                        f.value.split("\n") + ["EOT", "}"]
                elif ctx.chance(0.5):
                    b = [f'variable "{vname}" {{', '  type      = string',
                         f'  description = "{pretty(c)} {f.key.replace("_", " ")}"', f"  default   = {hcl_str(f.value)}",
                         "  sensitive = true" if f.role == "secret" else "  sensitive = false", "}"]
                else:
                    b = [f'resource "aws_ssm_parameter" "{vname}" {{', f'  name  = "/{ctx.proj}/prod/{f.env}"',
                         f'  type  = "{"SecureString" if f.role == "secret" else "String"}"',
                         f"  value = {hcl_str(f.value)}", "}"]
                blocks.append(b)
    if lines[-1] == "  required_providers {":
        lines = lines[:2]
    else:
        lines.append("  }")
    lines += ["}", ""]
    for b in blocks:
        lines += b + [""]
    lines += ['module "service" {', f'  source      = "./modules/ecs-service"', f'  name        = "{ctx.proj}"',
              f'  cpu         = {ctx.pick([256, 512, 1024])}', f'  memory      = {ctx.pick([512, 1024, 2048])}',
              f'  environment = "production"', "}"]
    return Out(ctx.pick(["main.tf", "infra/providers.tf", f"terraform/{ctx.proj}/main.tf", "envs/prod/main.tf"]), "\n".join(lines))


@positive(LINE)
def t_tfvars(ctx, creds):
    lines = [f'project     = "{ctx.proj}"', f'environment = "production"', f'region      = "{ctx.pick(["eu-west-1", "us-east-1"])}"',
             f'instance_type = "{ctx.pick(["t3.medium", "m6i.large", "c6g.xlarge"])}"', ""]
    for c, f in all_fields(creds):
        lines.append(f"{snake(f.env)} = {hcl_str(f.value)}")
    lines += ["", "tags = {", f'  team  = "{ctx.pick(SERVICES)}"', '  owner = "platform"', "}"]
    return Out(ctx.pick(["terraform.tfvars", "prod.auto.tfvars", "envs/prod/terraform.tfvars"]), "\n".join(lines))


@positive(LINE_PEM)
def t_ansible_vars(ctx, creds):
    lines = ["---", f"app_name: {ctx.proj}", f"app_user: {ctx.pick(['deploy', 'app', 'www-data'])}", f"app_port: {ctx.pick([8000, 8080])}",
             f"app_version: \"{ctx.semver()}\"", "nginx_worker_processes: auto", f"server_name: {ctx.proj}.{ctx.domain}", ""]
    for c, f in all_fields(creds):
        k = group_name(c) + "_" + f.key if not f.key.startswith(group_name(c)) else f.key
        if "\n" in f.value:
            lines += yaml_block(ctx, k, f.value, 0)
        else:
            lines.append(f"{k}: {yq(ctx, f.value)}")
    lines += ["", "cron_jobs:", "  - name: nightly-report", '    minute: "15"', '    hour: "3"', f"    job: /opt/{ctx.proj}/bin/report"]
    return Out(ctx.pick(["group_vars/production/vars.yml", "inventories/prod/group_vars/all.yml", "roles/app/defaults/main.yml",
                         "host_vars/web01.yml"]), "\n".join(lines))


@positive(LINE)
def t_github_actions(ctx, creds):
    job = ctx.pick(["deploy", "release", "e2e", "publish"])
    lines = [f"name: {job.capitalize()}", "", "on:", "  push:", "    branches: [main]", "  workflow_dispatch: {}", "",
             "permissions:", "  contents: read", "", "env:", f"  APP_NAME: {ctx.proj}"]
    inline = ctx.chance(0.5)
    if not inline:
        for c, f in all_fields(creds):
            lines.append(f"  {f.env}: {yq(ctx, f.value)}")
    lines += ["", "jobs:", f"  {job}:", "    runs-on: ubuntu-latest", "    steps:", "      - uses: actions/checkout@v4",
              "      - uses: actions/setup-node@v4", "        with:", "          node-version: 20", "      - run: npm ci"]
    if inline:
        lines += [f"      - name: {job.capitalize()}", "        env:"]
        for c, f in all_fields(creds):
            lines.append(f"          {f.env}: {yq(ctx, f.value)}")
        lines += [f"        run: npm run {job}"]
    else:
        lines += [f"      - run: npm run {job}"]
    lines += ["      - name: Notify", "        if: failure()", '        run: echo "build failed" >&2']
    return Out(f".github/workflows/{job}.yml", "\n".join(lines))


@positive(LINE)
def t_gitlab_ci(ctx, creds):
    lines = ["stages:", "  - test", "  - build", "  - deploy", "", "variables:", '  DOCKER_DRIVER: overlay2',
             f'  IMAGE: "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"']
    for c, f in all_fields(creds):
        lines.append(f"  {f.env}: {yq(ctx, f.value)}")
    lines += ["", "test:", "  stage: test", "  image: python:3.12", "  script:", "    - pip install -r requirements.txt",
              "    - pytest -q", "", "deploy:", "  stage: deploy", "  image: alpine:3.20", "  only:", "    - main", "  script:",
              "    - apk add --no-cache curl", f"    - ./scripts/deploy.sh {ctx.proj}"]
    return Out(".gitlab-ci.yml", "\n".join(lines))


@positive(LINE)
def t_jenkinsfile(ctx, creds):
    lines = ["pipeline {", "    agent any", "    options { timestamps() }", "    environment {",
             f"        APP = '{ctx.proj}'", f"        REGISTRY = 'registry.{ctx.domain}'"]
    for c, f in all_fields(creds):
        lines.append(f"        {f.env} = '{f.value}'")
    lines += ["    }", "    stages {", "        stage('Build') {", "            steps {", "                sh 'make build'",
              "            }", "        }", "        stage('Deploy') {", "            when { branch 'main' }", "            steps {",
              "                sh './deploy.sh $APP'", "            }", "        }", "    }", "    post {",
              "        failure { echo 'Deployment failed' }", "    }", "}"]
    return Out(ctx.pick(["Jenkinsfile", "ci/Jenkinsfile", "jenkins/Jenkinsfile.deploy"]), "\n".join(lines))


@positive(LINE)
def t_spring_properties(ctx, creds):
    lines = [f"spring.application.name={ctx.proj}", "server.port=8080", "spring.jpa.hibernate.ddl-auto=validate",
             "spring.jpa.open-in-view=false", "management.endpoints.web.exposure.include=health,info,prometheus",
             "logging.level.root=INFO", f"logging.level.com.{ctx.org}=DEBUG", ""]
    for c in creds:
        lines.append(f"# {pretty(c)}")
        for f in c.fields:
            lines.append(f"{kebab(group_name(c))}.{kebab(f.key)}={f.value}")
    lines += ["", "spring.servlet.multipart.max-file-size=20MB", "spring.mvc.async.request-timeout=30000"]
    return Out(ctx.pick(["src/main/resources/application.properties", "src/main/resources/application-prod.properties",
                         "config/application.properties"]), "\n".join(lines))


@positive(LINE_PEM)
def t_spring_yaml(ctx, creds):
    lines = ["spring:", "  application:", f"    name: {ctx.proj}", "  jpa:", "    open-in-view: false", "server:", "  port: 8080",
             "management:", "  endpoints:", "    web:", "      exposure:", "        include: health,info", ""]
    lines += nested_yaml(ctx, creds, 0, kebab)
    lines += ["", "logging:", "  level:", f"    com.{ctx.org}: DEBUG"]
    return Out(ctx.pick(["src/main/resources/application.yml", "src/main/resources/application-prod.yaml"]), "\n".join(lines))


@positive(LINE_PEM)
def t_appsettings_json(ctx, creds):
    doc = {"Logging": {"LogLevel": {"Default": "Information", "Microsoft.AspNetCore": "Warning"}}, "AllowedHosts": "*"}
    for c in creds:
        if c.kind.group in ("sql", "database") and len(c.fields) == 1:
            doc.setdefault("ConnectionStrings", {})["DefaultConnection"] = c.fields[0].value
            continue
        sec = doc.setdefault(pascal(group_name(c)), {})
        for f in c.fields:
            sec[pascal(f.key)] = f.value
    doc["Features"] = {"EnableSwagger": ctx.chance(0.5), "MaxPageSize": ctx.pick([50, 100, 200])}
    return Out(ctx.pick(["appsettings.json", "appsettings.Production.json", f"src/{pascal(ctx.proj.replace('-', '_'))}.Api/appsettings.json"]),
               json.dumps(doc, indent=2))


@positive(LINE)
def t_web_config(ctx, creds):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <appSettings>",
             '    <add key="webpages:Version" value="3.0.0.0" />', '    <add key="ClientValidationEnabled" value="true" />']
    conn = []
    for c, f in all_fields(creds):
        if c.kind.group in ("sql", "database") and f.key in ("connection_string", "url"):
            conn.append(f'    <add name="Default" connectionString="{xml_escape(f.value, {chr(34): "&quot;"})}" providerName="System.Data.SqlClient" />')
        else:
            lines.append(f'    <add key="{pascal(f.env)}" value="{xml_escape(f.value, {chr(34): "&quot;"})}" />')
    lines.append("  </appSettings>")
    if conn:
        lines += ["  <connectionStrings>"] + conn + ["  </connectionStrings>"]
    lines += ["  <system.web>", '    <compilation debug="false" targetFramework="4.8" />', '    <httpRuntime targetFramework="4.8" />',
              "  </system.web>", "</configuration>"]
    return Out(ctx.pick(["Web.config", "web.config", "src/Web/Web.Release.config"]), "\n".join(lines))


@positive(LINE)
def t_django_settings(ctx, creds):
    lines = ['"""Django settings for ' + ctx.proj + '."""', "from pathlib import Path", "import os", "",
             "BASE_DIR = Path(__file__).resolve().parent.parent", "", "DEBUG = False",
             f'ALLOWED_HOSTS = ["{ctx.proj}.{ctx.domain}", "localhost"]', "",
             "INSTALLED_APPS = [", '    "django.contrib.admin",', '    "django.contrib.auth",', '    "django.contrib.contenttypes",',
             '    "django.contrib.sessions",', '    "rest_framework",', f'    "{ctx.pick(SERVICES)}",', "]", ""]
    for c, f in all_fields(creds):
        if f.env in ("DATABASE_URL", "POSTGRES_URL", "PG_DSN", "DB_URL") and ctx.chance(0.5):
            lines += [f"DATABASES = {{\"default\": dj_database_url.parse(\"{f.value}\")}}"]
            lines.insert(2, "import dj_database_url")
        elif ctx.chance(0.3):
            lines.append(f'{f.env} = os.environ.get("{f.env}", "{f.value}")')
        else:
            lines.append(f'{f.env} = "{f.value}"')
    lines += ["", 'LANGUAGE_CODE = "en-us"', 'TIME_ZONE = "UTC"', "USE_I18N = True", "USE_TZ = True", "",
              'STATIC_URL = "static/"', 'STATIC_ROOT = BASE_DIR / "staticfiles"', 'DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"']
    return Out(ctx.pick([f"{ctx.proj.replace('-', '_')}/settings.py", "config/settings/production.py", "app/settings.py"]), "\n".join(lines))


@positive(LINE_PEM)
def t_js_config(ctx, creds):
    ts = ctx.chance(0.5)
    lines = ["// Runtime configuration", "import 'dotenv/config';" if ctx.chance(0.5) else "", ""]
    style = ctx.pick(["object", "fallback", "consts"])
    if style == "object":
        lines.append("export const config = {" if ts else "module.exports = {")
        lines.append(f"  env: process.env.NODE_ENV || 'production',")
        lines.append(f"  port: Number(process.env.PORT) || {ctx.pick([3000, 8080])},")
        for c in creds:
            lines.append(f"  {camel(group_name(c))}: {{")
            for f in c.fields:
                v = "`" + f.value + "`" if "\n" in f.value else "'" + f.value + "'"
                lines.append(f"    {camel(f.key)}: {v},")
            lines.append("  },")
        lines.append("};")
        lines += js_pad(ctx) if ts else []
    else:
        for c, f in all_fields(creds):
            v = "`" + f.value + "`" if "\n" in f.value else '"' + f.value + '"'
            if style == "fallback" and "\n" not in f.value:
                lines.append(f"const {f.env} = process.env.{f.env} ?? {v};")
            else:
                lines.append(f"{'export ' if ts else ''}const {f.env} = {v};")
        lines += ["", f"export async function ping() {{", f"  const res = await fetch('https://api.{ctx.domain}/health');",
                  "  return res.ok;", "}"] + js_pad(ctx)
    return Out(ctx.pick(["src/config.ts", "config/index.js", "src/lib/config.mjs", "server/config.js"]) if ts else
               ctx.pick(["config.js", "src/config.js", "lib/settings.js"]), "\n".join(lines))


@positive(LINE_PEM)
def t_go_source(ctx, creds):
    lines = [f"package {ctx.pick(['config', 'main', 'client'])}", "", "import (", '\t"context"', '\t"fmt"', '\t"io"', '\t"net/http"',
             '\t"time"', ")", "", "const ("]
    for c, f in all_fields(creds):
        v = "`" + f.value + "`" if "\n" in f.value else '"' + f.value + '"'
        lines.append(f"\t{pascal(f.env)} = {v}")
    lines += [")", "", "var client = &http.Client{Timeout: 15 * time.Second}", "",
              "func NewRequest(method, url string) (*http.Request, error) {", "\treq, err := http.NewRequest(method, url, nil)",
              "\tif err != nil {", "\t\treturn nil, err", "\t}", f'\treq.Header.Set("User-Agent", "{ctx.proj}/{ctx.semver()}")',
              "\treturn req, nil", "}"] + go_pad(ctx)
    return Out(ctx.pick(["internal/config/secrets.go", "cmd/server/config.go", "pkg/client/auth.go"]), "\n".join(lines))


@positive(LINE_PEM)
def t_rust_source(ctx, creds):
    lines = ["use std::time::Duration;", "", "// TODO: load from environment before release"]
    for c, f in all_fields(creds):
        v = 'r#"' + f.value + '"#' if "\n" in f.value else '"' + f.value + '"'
        lines.append(f"pub const {f.env.upper()}: &str = {v};")
    lines += ["", "pub fn client() -> reqwest::Client {", "    reqwest::Client::builder()",
              "        .timeout(Duration::from_secs(20))", f'        .user_agent("{ctx.proj}")', "        .build()",
              '        .expect("client")', "}"] + rs_pad(ctx)
    return Out(ctx.pick(["src/config.rs", "src/secrets.rs", "crates/api/src/auth.rs"]), "\n".join(lines))


@positive(LINE_PEM)
def t_java_source(ctx, creds):
    cls = pascal(ctx.pick(SERVICES)) + "Config"
    lines = [f"package com.{ctx.org}.{ctx.pick(SERVICES)};", "", "import java.time.Duration;", "", f"public final class {cls} {{",
             f"    private {cls}() {{}}", "", "    public static final Duration TIMEOUT = Duration.ofSeconds(30);"]
    for c, f in all_fields(creds):
        if "\n" in f.value:
            lines.append(f'    public static final String {f.env.upper()} = "{escaped_nl(f.value)}";')
        else:
            lines.append(f'    public static final String {f.env.upper()} = "{f.value}";')
    lines += ["", "    public static String userAgent() {", f'        return "{ctx.proj}/" + "{ctx.semver()}";', "    }"] + java_pad(ctx) + ["}"]
    return Out(f"src/main/java/com/{ctx.org}/{cls}.java", "\n".join(lines))


@positive(LINE_PEM)
def t_csharp_source(ctx, creds):
    lines = ["using System;", "using System.Net.Http;", "", f"namespace {pascal(ctx.org)}.{pascal(ctx.pick(SERVICES))}", "{",
             "    internal static class Secrets", "    {"]
    for c, f in all_fields(creds):
        if "\n" in f.value:
            lines += [f'        public const string {pascal(f.env)} = @"' + f.value.split("\n")[0]] + f.value.split("\n")[1:-1] + \
                     [f.value.split("\n")[-1] + '";']
        else:
            lines.append(f'        public const string {pascal(f.env)} = "{f.value}";')
    lines += ["", "        public static HttpClient CreateClient() => new HttpClient { Timeout = TimeSpan.FromSeconds(30) };"]
    lines += cs_pad(ctx) + ["    }", "}"]
    return Out(ctx.pick(["src/Secrets.cs", "Infrastructure/ApiKeys.cs", "Services/Config.cs"]), "\n".join(lines))


@positive(LINE_PEM)
def t_php_source(ctx, creds):
    style = ctx.pick(["define", "array"])
    lines = ["<?php", "", "declare(strict_types=1);", ""]
    if style == "define":
        for c, f in all_fields(creds):
            if "\n" in f.value:
                lines += [f"define('{f.env}', <<<KEY"] + f.value.split("\n") + ["KEY);"]
            else:
                lines.append(f"define('{f.env}', '{f.value}');")
    else:
        lines.append("return [")
        lines.append(f"    'app_name' => '{ctx.proj}',")
        for c in creds:
            lines.append(f"    '{group_name(c)}' => [")
            for f in c.fields:
                v = "\"" + escaped_nl(f.value) + "\"" if "\n" in f.value else f"'{f.value}'"
                lines.append(f"        '{f.key}' => {v},")
            lines.append("    ],")
        lines.append("];")
    if style == "define":
        lines += php_pad(ctx)
    else:
        lines = lines[:4] + php_pad(ctx) + [""] + lines[4:]
    return Out(ctx.pick(["config/services.php", "wp-config-local.php", "includes/config.php"]), "\n".join(lines))


@positive(LINE_PEM)
def t_ruby_source(ctx, creds):
    lines = ["# frozen_string_literal: true", ""]
    for c, f in all_fields(creds):
        if "\n" in f.value:
            lines += [f"{f.env} = <<~PEM"] + ["  " + x for x in f.value.split("\n")] + ["PEM"]
        elif ctx.chance(0.4):
            lines.append(f"ENV['{f.env}'] ||= '{f.value}'")
        else:
            lines.append(f"{f.env} = '{f.value}'")
    lines += ["", f"BASE_URL = 'https://api.{ctx.domain}'", "", f"Rails.application.configure do", "  config.cache_store = :redis_cache_store",
              f"  config.x.app_name = '{ctx.proj}'", "end"] + rb_pad(ctx)
    return Out(ctx.pick(["config/initializers/services.rb", "config/initializers/api_keys.rb", "lib/tasks/sync.rake"]), "\n".join(lines))


@positive(LINE_PEM)
def t_python_source(ctx, creds):
    lines = ["#!/usr/bin/env python3", f'"""{ctx.pick(["Nightly sync job", "Export helper", "Quick script to backfill data"])}."""',
             "import os", "import sys", "import requests", "", f"BASE_URL = \"https://api.{ctx.domain}/v1\""]
    style = ctx.pick(["const", "getenv", "dict"])
    if style == "dict":
        lines.append("SETTINGS = {")
        for c, f in all_fields(creds):
            v = '"""' + f.value + '"""' if "\n" in f.value else '"' + f.value + '"'
            lines.append(f'    "{f.key if len(creds) == 1 else group_name(c) + "_" + f.key}": {v},')
        lines.append("}")
    else:
        for c, f in all_fields(creds):
            if "\n" in f.value:
                lines.append(f'{f.env} = """{f.value}"""')
            elif style == "getenv":
                lines.append(f'{f.env} = os.getenv("{f.env}", "{f.value}")')
            else:
                lines.append(f'{f.env} = "{f.value}"')
    lines += py_pad(ctx)
    lines += ["", "", "def main():", "    session = requests.Session()", "    r = session.get(BASE_URL + \"/status\", timeout=30)",
              "    r.raise_for_status()", "    print(r.json())", "    return 0", "", "", 'if __name__ == "__main__":', "    sys.exit(main())"]
    return Out(ctx.pick(["scripts/sync.py", "tools/export.py", f"{ctx.proj.replace('-', '_')}/client.py", "backfill.py"]), "\n".join(lines))


@positive(LINE)
def t_jupyter(ctx, creds):
    src1 = ["import pandas as pd\n", "import requests\n"]
    src2 = []
    for c, f in all_fields(creds):
        src2.append(f'{f.env} = "{f.value}"\n')
    src3 = [f'resp = requests.get("https://api.{ctx.domain}/v1/export", timeout=60)\n', "df = pd.DataFrame(resp.json())\n", "df.head()"]
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": [f"# {ctx.proj} exploration\n", "\n", "Pull the latest export and look at churn."]},
                    {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": src1},
                    {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [], "source": src2},
                    {"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [
                        {"output_type": "execute_result", "execution_count": 3, "metadata": {},
                         "data": {"text/plain": ["   id  plan  mrr\n", "0  17  pro   49\n", "1  18  team  199"]}}], "source": src3}],
          "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                       "language_info": {"name": "python", "version": "3.11.6"}},
          "nbformat": 4, "nbformat_minor": 5}
    return Out(ctx.pick(["notebooks/exploration.ipynb", "analysis/churn.ipynb", "Untitled.ipynb"]), json.dumps(nb, indent=1))


# ---------------------------------------------------------------- HTTP-shaped
def curl_cmd(ctx, view, multiline=True):
    parts = ["curl", "-sS"]
    if view["user"] is not None:
        parts.append(f"-u '{view['user']}:{view['password']}'")
    for k, v in view["headers"]:
        parts.append(f"-H '{k}: {v}'")
    if not view["headers"] and view["user"] is None:
        parts += ["-X POST", "-H 'Content-Type: application/json'", "--data '{\"text\": \"deploy finished\"}'"]
    elif ctx.chance(0.4):
        parts.append("-H 'Content-Type: application/json'")
    parts.append(f"'{view['url']}'")
    if multiline:
        return [parts[0] + " " + parts[1] + " \\"] + ["  " + p + " \\" for p in parts[2:-1]] + ["  " + parts[-1]]
    return [" ".join(parts)]


def http_views(ctx, creds):
    vs = []
    for c in creds:
        v = T.http_view(ctx.rng, c, ctx.fill)
        if v is None:
            raise ValueError("no http view for " + c.kind.name)
        vs.append((c, v))
    return vs


@positive(HTTP)
def t_readme_curl(ctx, creds):
    lines = [f"# {ctx.proj}", "", f"Internal service that talks to {', '.join(pretty(c) for c in creds)}.", "", "## Quick start", "",
             "```bash", "make dev", "```", "", "## Calling the API by hand", "",
             "Handy for debugging (token is the shared team one):", ""]
    for c, v in http_views(ctx, creds):
        lines += ["```bash"] + curl_cmd(ctx, v, ctx.chance(0.6)) + ["```", ""]
    lines += ["## Deploy", "", "Merges to `main` deploy automatically. See `docs/runbook.md`."]
    return Out(ctx.pick(["README.md", "docs/api.md", "docs/debugging.md"]), "\n".join(lines))


@positive(lambda k: HTTP(k) or LINE(k))
def t_shell_history(ctx, creds):
    cmds = ["ls -la", "cd ~/src/" + ctx.proj, "git pull --rebase", "docker ps", "git status", "git log --oneline | head",
            "make test", "npm run dev", "kubectl get pods -n " + ctx.org, "kubectl logs -f deploy/" + ctx.proj, "docker compose up -d",
            "cat .env", "code .", "terraform plan", "aws sts get-caller-identity", "ssh bastion." + ctx.domain, "htop", "df -h",
            "git checkout -b fix/" + ctx.pick(SERVICES), "pytest -x -q", "brew upgrade", "gh pr create --fill", "clear"]
    lines = [ctx.pick(cmds) for _ in range(ctx.randint(8, 25))]
    for c in creds:
        v = T.http_view(ctx.rng, c, ctx.fill) if c.kind.auth else None
        if v is not None and ctx.chance(0.6):
            lines += curl_cmd(ctx, v, False)
        else:
            for f in c.fields:
                lines.append(f"export {f.env}={f.value if re.match(r'^[A-Za-z0-9_./:+=-]+$', f.value) else shq(f.value)}")
        lines += [ctx.pick(["vim .env", "npm run dev", "make test", "kubectl get pods -n " + ctx.org, "htop", "git status"])]
    lines += ["history | tail", "exit"]
    if ctx.chance(0.5):   # zsh extended history
        t0 = ctx.randint(1700000000, 1740000000)
        lines = [f": {t0 + i * ctx.randint(3, 90)}:0;{l}" for i, l in enumerate(lines)]
        return Out(ctx.pick(["home/.zsh_history", "dotfiles/.zsh_history"]), "\n".join(lines))
    return Out(ctx.pick(["home/.bash_history", ".bash_history"]), "\n".join(lines))


@positive(HTTP)
def t_http_dump(ctx, creds):
    over = {}
    lines = []
    jetbrains = ctx.chance(0.5) or any(c.kind.auth in ("url", "path") for c in creds)
    for c, v in http_views(ctx, creds):
        url = v["url"]
        if jetbrains:
            lines += [f"### {pretty(c)}", f"{'POST' if c.kind.auth == 'url' else 'GET'} {url}"]
        else:
            m = re.match(r"https://([^/]+)(.*)", url)
            lines += [f"GET {m.group(2) or '/'} HTTP/1.1", f"Host: {m.group(1)}"]
        lines.append(f"User-Agent: {ctx.pick(['curl/8.5.0', 'python-requests/2.32.3', 'PostmanRuntime/7.39.0', 'axios/1.7.2'])}")
        lines.append("Accept: application/json")
        for k, val in v["headers"]:
            lines.append(f"{k}: {val}")
        if v["user"] is not None:
            enc = b64s(f"{v['user']}:{v['password']}")
            lines.append(f"Authorization: Basic {enc}")
            over[id(c.main)] = {"anchor": enc, "alts": [enc]}
            idf = c.first("ignore")
            if idf is not None and v["user"] == idf.value:
                over[id(idf)] = {"anchor": enc}
        lines.append("")
        if not jetbrains:
            lines += ["HTTP/1.1 200 OK", "Content-Type: application/json; charset=utf-8", f"Date: {ctx.ts()}",
                      f"X-Request-Id: {ctx.uuid()}", "", '{"ok":true}', ""]
    return Out(ctx.pick(["requests.http", "debug/request-dump.txt", "api-tests/smoke.http", "notes/failing-request.txt"]), "\n".join(lines), over)


@positive(HTTP)
def t_har(ctx, creds):
    entries = []
    over = {}
    for c, v in http_views(ctx, creds):
        headers = [{"name": "accept", "value": "application/json"}, {"name": "user-agent", "value": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"}]
        headers += [{"name": k, "value": val} for k, val in v["headers"]]
        if v["user"] is not None:
            enc = b64s(f"{v['user']}:{v['password']}")
            headers.append({"name": "authorization", "value": "Basic " + enc})
            over[id(c.main)] = {"anchor": enc, "alts": [enc]}
        entries.append({"startedDateTime": ctx.ts(), "time": ctx.randint(40, 900),
                        "request": {"method": "GET", "url": v["url"], "httpVersion": "HTTP/2", "headers": headers,
                                    "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
                        "response": {"status": 200, "statusText": "", "httpVersion": "HTTP/2",
                                     "headers": [{"name": "content-type", "value": "application/json"}],
                                     "content": {"size": 2, "mimeType": "application/json", "text": "{}"},
                                     "redirectURL": "", "headersSize": -1, "bodySize": 2},
                        "cache": {}, "timings": {"send": 0, "wait": ctx.randint(30, 800), "receive": 1}})
    har = {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "pages": [], "entries": entries}}
    return Out(ctx.pick(["debug/session.har", "bug-4211/network.har", "har/checkout.har"]), json.dumps(har, indent=2), over)


@positive(HTTP)
def t_postman_collection(ctx, creds):
    items = []
    over = {}
    for c, v in http_views(ctx, creds):
        req = {"method": "GET", "header": [{"key": k, "value": val, "type": "text"} for k, val in v["headers"]],
               "url": {"raw": v["url"], "protocol": "https", "host": v["url"].split("/")[2].split("."), "path": v["url"].split("/")[3:]}}
        if v["user"] is not None:
            req["auth"] = {"type": "basic", "basic": [{"key": "password", "value": v["password"], "type": "string"},
                                                      {"key": "username", "value": v["user"], "type": "string"}]}
        elif v["headers"] and v["headers"][0][1].startswith("Bearer ") and ctx.chance(0.6):
            req["auth"] = {"type": "bearer", "bearer": [{"key": "token", "value": v["headers"][0][1][7:], "type": "string"}]}
            req["header"] = req["header"][1:]
        items.append({"name": f"{pretty(c)} - list", "request": req, "response": []})
    col = {"info": {"_postman_id": ctx.uuid(), "name": ctx.proj, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
           "item": items, "variable": [{"key": "baseUrl", "value": f"https://api.{ctx.domain}"}]}
    return Out(ctx.pick([f"postman/{ctx.proj}.postman_collection.json", "collections/api.postman_collection.json"]), json.dumps(col, indent=2), over)


ANSI = ["\x1b[32m", "\x1b[33m", "\x1b[36m", "\x1b[0m", "\x1b[1m", "\x1b[90m"]


@positive(lambda k: LINE(k))
def t_ci_log(ctx, creds):
    h = ctx.randint(0, 21)
    day = ctx.date(2024, 2025)
    i = [ctx.randint(0, 600)]

    def L(s):
        i[0] += ctx.randint(0, 7)
        return f"{log_ts(ctx, day, h, i[0])} {s}"
    lines = [L("##[group]Run actions/checkout@v4"), L(f"Syncing repository: {ctx.org}/{ctx.proj}"), L("##[endgroup]"),
             L(f"{ANSI[2]}Step 3/9{ANSI[3]} : RUN npm ci --no-audit"), L("added 1284 packages in 41s"),
             L(f"{ANSI[4]}> {ctx.proj}@{ctx.semver()} build{ANSI[3]}"), L("vite v5.2.11 building for production..."),
             L(f"{ANSI[0]}✓{ANSI[3]} 812 modules transformed.")]
    for c in creds:
        v = T.http_view(ctx.rng, c, ctx.fill) if c.kind.auth else None
        mode = ctx.pick(["setx", "env", "curl"] if v is not None and v["headers"] else ["setx", "env"])
        if mode == "setx":
            for f in c.fields:
                lines.append(L(f"{ANSI[5]}+ export {f.env}={f.value}{ANSI[3]}"))
        elif mode == "env":
            lines.append(L(f"{ANSI[1]}DEBUG{ANSI[3]} dumping environment"))
            for f in c.fields:
                lines.append(L(f"  {f.env}={f.value}"))
        else:
            lines.append(L(f"+ curl -v {v['url']}"))
            lines.append(L(f"> GET /{v['url'].split('/', 3)[3] if v['url'].count('/') >= 3 else ''} HTTP/2"))
            lines.append(L(f"> Host: {v['url'].split('/')[2]}"))
            for k, val in v["headers"]:
                lines.append(L(f"> {k}: {val}"))
            lines.append(L("< HTTP/2 200"))
            for f in c.fields:
                if f.role != "plain" and f.value not in "".join(lines):
                    lines.append(L(f"  {f.env}={f.value}"))
    lines += [L(f"{ANSI[0]}Deploy finished in {ctx.randint(20, 400)}s{ANSI[3]}"), L("Cleaning up orphan processes")]
    return Out(ctx.pick(["logs/build-" + str(ctx.randint(1000, 99999)) + ".log", "ci/job.log", "artifacts/deploy.log"]), "\n".join(lines))


@positive(LINE)
def t_json_response(ctx, creds):
    data = {}
    for c in creds:
        data[group_name(c)] = {f.key: f.value for f in c.fields}
    doc = ctx.pick([
        {"id": ctx.uuid(), "object": "integration", "created": ctx.randint(1700000000, 1740000000), "livemode": True,
         "credentials": data, "status": "active"},
        {"data": {"workspace": ctx.proj, "integrations": data}, "meta": {"request_id": ctx.uuid(), "took_ms": ctx.randint(3, 90)}},
    ])
    return Out(ctx.pick(["tests/fixtures/integration_response.json", "mocks/api/integrations.json", "debug/response.json"]), json.dumps(doc, indent=2))


@positive(LINE)
def t_ini(ctx, creds):
    lines = [f"; {ctx.proj} configuration", "[general]", f"name = {ctx.proj}", "debug = false", f"workers = {ctx.randint(2, 8)}", ""]
    for c in creds:
        lines.append(f"[{group_name(c)}]")
        for f in c.fields:
            lines.append(f"{f.key} = {f.value}")
        lines.append("")
    lines += ["[logging]", "level = INFO", "format = %(asctime)s %(levelname)s %(message)s"]
    return Out(ctx.pick(["config.ini", "settings.cfg", "conf/app.ini", "etc/" + ctx.proj + ".conf"]), "\n".join(lines))


@positive(lambda k: "aws" in k.tags, multi=False)
def t_aws_credentials(ctx, creds):
    c = creds[0]
    prof = ctx.pick(["default", "prod", "deploy", ctx.org])
    lines = ["# managed by aws configure", f"[{prof}]"]
    for f in c.fields:
        if f.key != "region":
            lines.append(f"{snake(f.env)} = {f.value}")
    lines += ["", f"[profile {ctx.pick(['sso-dev', 'readonly'])}]" if ctx.chance(0.5) else "[sso-dev]",
              f"sso_start_url = https://{ctx.org}.awsapps.com/start", "sso_region = eu-west-1",
              f"sso_account_id = {T.digits(ctx.rng, 12)}", "sso_role_name = ReadOnlyAccess",
              "region = " + next((f.value for f in c.fields if f.key == "region"), "eu-west-1"), "output = json"]
    return Out(ctx.pick(["aws/credentials", "home/.aws/credentials", ".aws/credentials"]), "\n".join(lines))


@positive(lambda k: "npmrc" in k.tags, multi=False)
def t_npmrc(ctx, creds):
    c = creds[0]
    tok = c.main.value
    host = {"npm": "//registry.npmjs.org/", "github": "//npm.pkg.github.com/",
            "gitlab": f"//gitlab.com/api/v4/projects/{ctx.randint(1000000, 59999999)}/packages/npm/",
            "jfrog": f"//{ctx.org}.jfrog.io/artifactory/api/npm/npm-virtual/"}[c.kind.provider]
    lines = ["# npm configuration (see https://docs.npmjs.com/cli/v10/configuring-npm/npmrc)", "registry=https://registry.npmjs.org/",
             f"@{ctx.org}:registry=https:{host}", f"{host}:_authToken={tok}", "always-auth=true", "save-exact=true", "fund=false",
             "audit-level=high", "engine-strict=true", "legacy-peer-deps=false", "progress=false", "loglevel=warn"]
    return Out(ctx.pick([".npmrc", "frontend/.npmrc", "home/.npmrc"]), "\n".join(lines))


@positive(lambda k: "pypirc" in k.tags, multi=False)
def t_pypirc(ctx, creds):
    tok = creds[0].main.value
    lines = ["[distutils]", "index-servers =", "    pypi", "    testpypi", "", "[pypi]", "username = __token__", f"password = {tok}", "",
             "[testpypi]", "repository = https://test.pypi.org/legacy/", "username = __token__"]
    return Out(ctx.pick([".pypirc", "home/.pypirc"]), "\n".join(lines))


@positive(lambda k: "netrc" in k.tags or k.name in ("jenkins_api_token", "bitbucket_app_password"), multi=True)
def t_netrc(ctx, creds):
    hosts = {"github": "github.com", "gitlab": "gitlab.com", "heroku": "api.heroku.com", "huggingface": "huggingface.co",
             "wandb": "api.wandb.ai", "jenkins": f"jenkins.{ctx.domain}", "bitbucket": "bitbucket.org"}
    lines = []
    for c in creds:
        host = hosts[c.kind.provider]
        login = next((f.value for f in c.fields if f.role == "plain"), ctx.pick(["user", ctx.email(), "oauth2", ctx.person]))
        lines += [f"machine {host}", f"  login {login}", f"  password {c.main.value}"]
        if c.kind.provider == "heroku" and ctx.chance(0.7):
            lines += ["machine git.heroku.com", f"  login {login}", f"  password {c.main.value}"]
    return Out(ctx.pick([".netrc", "home/.netrc", "_netrc"]), "\n".join(lines))


@positive(lambda k: "git" in k.tags, multi=True)
def t_git_credentials(ctx, creds):
    hosts = {"github": "github.com", "gitlab": "gitlab.com", "bitbucket": "bitbucket.org", "azure": "dev.azure.com"}
    lines = []
    for c in creds:
        user = next((f.value for f in c.fields if f.role == "plain"),
                    ctx.pick(["x-access-token", "oauth2", ctx.person, "git"]) if c.kind.provider != "azure" else ctx.org)
        lines.append(f"https://{user}:{c.main.value}@{hosts[c.kind.provider]}")
    return Out(ctx.pick([".git-credentials", "home/.git-credentials"]), "\n".join(lines))


@positive(lambda k: "registry" in k.tags, multi=True)
def t_docker_config(ctx, creds):
    auths = {}
    over = {}
    for c in creds:
        prov = c.kind.provider
        reg = {"docker": "https://index.docker.io/v1/", "github": "ghcr.io", "gitlab": "registry.gitlab.com",
               "jfrog": f"{ctx.org}.jfrog.io", "oracle": f"{ctx.pick(['fra', 'iad', 'lhr', 'phx'])}.ocir.io"}[prov]
        user = next((f.value for f in c.fields if f.role == "plain"), ctx.pick([ctx.person, "ci-bot", ctx.org]))
        enc = b64s(f"{user}:{c.main.value}")
        auths[reg] = {"auth": enc}
        over[id(c.main)] = {"anchor": enc, "alts": [enc]}
    doc = {"auths": auths}
    if ctx.chance(0.5):
        doc["HttpHeaders"] = {"User-Agent": "Docker-Client/24.0.7 (linux)"}
    return Out(ctx.pick([".docker/config.json", "home/.docker/config.json", "ci/docker-config.json"]), json.dumps(doc, indent="\t"), over)


@positive(lambda k: "ssh" in k.tags, multi=False)
def t_ssh_key_file(ctx, creds):
    return Out(ctx.pick([".ssh/id_ed25519", "deploy/id_rsa", "keys/deploy_key", "ansible/files/ssh/id_ed25519"]), creds[0].main.value)


@positive(lambda k: "pem" in k.tags and "ssh" not in k.tags, multi=False)
def t_pem_file(ctx, creds):
    text = creds[0].main.value
    if "PRIVATE KEY-----" in text and "PGP" not in text and ctx.chance(0.4):
        text = text + "\n" + fake_cert(ctx, "CN=" + ctx.proj + "." + ctx.domain)
    path = ctx.pick(["certs/server.key", "secrets/private.pem", "config/jwt/private.pem", "tls/tls.key"]) \
        if "PGP" not in text else ctx.pick(["release/signing-key.asc", "keys/private.asc"])
    return Out(path, text)


@positive(LINE)
def t_sql_dump(ctx, creds):
    lines = ["-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)", f"-- Host: localhost    Database: {ctx.proj.replace('-', '_')}",
             "-- ------------------------------------------------------", "", "DROP TABLE IF EXISTS `integrations`;",
             "CREATE TABLE `integrations` (", "  `id` int NOT NULL AUTO_INCREMENT,", "  `provider` varchar(64) NOT NULL,",
             "  `name` varchar(128) NOT NULL,", "  `value` text NOT NULL,", "  `created_at` datetime NOT NULL,",
             "  PRIMARY KEY (`id`)", ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;", "", "LOCK TABLES `integrations` WRITE;"]
    rows = []
    n = 1
    for c, f in all_fields(creds):
        rows.append(f"({n},'{c.kind.provider}','{f.env}','{f.value}','{ctx.date()} {ctx.randint(0, 23):02d}:{ctx.randint(0, 59):02d}:00')")
        n += 1
    if ctx.chance(0.5):
        lines.append("INSERT INTO `integrations` VALUES " + ",".join(rows) + ";")
    else:
        lines += [f"INSERT INTO `integrations` VALUES {r};" for r in rows]
    lines += ["UNLOCK TABLES;", "", "-- Dump completed on " + ctx.date()]
    return Out(ctx.pick(["db/dump.sql", "backup/integrations.sql", "sql/seed_prod.sql"]), "\n".join(lines))


@positive(LINE)
def t_csv_export(ctx, creds):
    lines = ["service,variable,value,owner,created_at"]
    for c, f in all_fields(creds):
        v = '"' + f.value + '"' if "," in f.value else f.value
        lines.append(f"{c.kind.provider},{f.env},{v},{ctx.email()},{ctx.date()}")
    for k, v in env_filler(ctx, ctx.randint(8, 20)):
        lines.insert(ctx.randint(1, len(lines)), f"app,{k},{v.replace(',', ';')},{ctx.email()},{ctx.date()}")
    return Out(ctx.pick(["exports/credentials.csv", "inventory/api-keys.csv", "secrets-audit.csv"]), "\n".join(lines))


@positive(LINE)
def t_xml_config(ctx, creds):
    if ctx.chance(0.5):
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<settings>", "  <servers>"]
        for c in creds:
            user = next((f.value for f in c.fields if f.role != "secret"), "deployment")
            lines += ["    <server>", f"      <id>{ctx.org}-{group_name(c).replace('_', '-')}</id>", f"      <username>{xml_escape(user)}</username>"]
            for f in c.secrets:
                lines.append(f"      <password>{xml_escape(f.value)}</password>")
            lines.append("    </server>")
        lines += ["  </servers>", "  <mirrors>", "    <mirror>", "      <id>central-proxy</id>",
                  f"      <url>https://nexus.{ctx.domain}/repository/maven-public/</url>", "      <mirrorOf>central</mirrorOf>",
                  "    </mirror>", "  </mirrors>", "</settings>"]
        return Out(ctx.pick([".m2/settings.xml", "ci/maven-settings.xml"]), "\n".join(lines))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<config>", f"  <app name=\"{ctx.proj}\" env=\"production\"/>",
             "  <server>", "    <port>8443</port>", "    <maxThreads>200</maxThreads>", "    <compression>on</compression>", "  </server>",
             "  <logging level=\"INFO\">", f"    <file>/var/log/{ctx.proj}/app.log</file>", "    <rotate days=\"14\"/>", "  </logging>"]
    for c in creds:
        lines.append(f"  <{group_name(c)}>")
        for f in c.fields:
            lines.append(f"    <{camel(f.key)}>{xml_escape(f.value)}</{camel(f.key)}>")
        lines.append(f"  </{group_name(c)}>")
    lines.append("</config>")
    return Out(ctx.pick(["conf/config.xml", "src/main/resources/integrations.xml"]), "\n".join(lines))


@positive(LINE)
def t_dockerfile(ctx, creds):
    lines = [f"FROM {ctx.pick(['node:20-alpine', 'python:3.12-slim', 'eclipse-temurin:21-jre', 'golang:1.22'])} AS base", "WORKDIR /app",
             "COPY . .", "RUN " + ctx.pick(["npm ci && npm run build", "pip install --no-cache-dir -r requirements.txt", "go build -o /app/server ./cmd/server"]), ""]
    for c, f in all_fields(creds):
        lines.append(f"{'ARG' if ctx.chance(0.3) else 'ENV'} {f.env}={f.value}")
    lines += ["", f"EXPOSE {ctx.pick([3000, 8080, 8000])}", 'USER 1000', 'CMD ["./entrypoint.sh"]']
    return Out(ctx.pick(["Dockerfile", "docker/Dockerfile.prod", "services/api/Dockerfile"]), "\n".join(lines))


@positive(LINE)
def t_makefile(ctx, creds):
    lines = [f"APP := {ctx.proj}", f"VERSION ?= {ctx.semver()}"]
    for c, f in all_fields(creds):
        lines.append(f"{f.env} {'?=' if ctx.chance(0.5) else ':='} {f.value}")
    lines += ["", ".PHONY: build deploy test", "", "build:", "\tdocker build -t $(APP):$(VERSION) .", "", "test:", "\tgo test ./...", "",
              "deploy: build", f"\t{' '.join(f'{f.env}=$({f.env})' for c, f in all_fields(creds) if f.role == 'secret')} ./scripts/deploy.sh $(APP)"]
    return Out(ctx.pick(["Makefile", "deploy/Makefile"]), "\n".join(lines))


@positive(LINE_PEM)
def t_markdown_doc(ctx, creds):
    lines = [f"# Onboarding: {ctx.proj}", "", "Welcome! This page collects what you need on day one.", "", "## Accounts", "",
             f"- Ask {ctx.person} for access to the staging cluster", "- Join #" + ctx.pick(SERVICES) + "-alerts", "",
             "## Credentials", "", "Shared service credentials (production):", ""]
    for c in creds:
        lines.append(f"### {pretty(c)}")
        lines.append("")
        if c.multiline:
            lines += ["```"] + [c.main.value] + ["```"]
        elif ctx.chance(0.5):
            lines += ["```"] + [f"{f.env}={f.value}" for f in c.fields] + ["```"]
        else:
            lines += [f"- **{f.key.replace('_', ' ')}**: `{f.value}`" for f in c.fields]
        lines.append("")
    lines += ["## Local setup", "", "```bash", "cp .env.example .env", "make up", "```"]
    return Out(ctx.pick(["docs/onboarding.md", "wiki/Credentials.md", "docs/setup.md", "NOTES.md"]), "\n".join(lines))


@positive(LINE_PEM)
def t_yaml_nested(ctx, creds):
    lines = ["# application configuration", "app:", f"  name: {ctx.proj}", "  env: production", "  debug: false", "",
             "server:", "  host: 0.0.0.0", f"  port: {ctx.pick([8080, 9000])}", ""]
    lines += nested_yaml(ctx, creds, 0, lambda s: s)
    lines += ["", "features:", "  beta_dashboard: false", "  audit_log: true"]
    return Out(ctx.pick(["config/production.yaml", "config.yml", "conf/settings.yaml", f"deploy/{ctx.proj}.yaml"]), "\n".join(lines))


@positive(lambda k: "pem" in k.tags or "jsondoc" in k.tags, multi=False)
def t_multiline_strings(ctx, creds):
    c = creds[0]
    lines = []
    if ctx.chance(0.5):
        lines += ["import jwt", "import datetime", ""]
        for f in c.fields:
            if "\n" in f.value:
                lines.append(f'{f.env} = """' + f.value + '"""' if c.kind.name != "gcp_service_account" else
                             f"{f.env} = r'''" + f.value + "'''")
            else:
                lines.append(f'{f.env} = "{f.value}"')
        lines += ["", "", "def sign(payload):", "    now = datetime.datetime.utcnow()",
                  '    payload = {**payload, "iat": now, "exp": now + datetime.timedelta(minutes=5)}',
                  f'    return jwt.encode(payload, {c.main.env}, algorithm="RS256")']
        return Out(ctx.pick(["app/keys.py", "scripts/sign_token.py", "auth/signing.py"]), "\n".join(lines))
    lines = ["apiVersion: v1", "kind: Secret", "metadata:", f"  name: {ctx.proj}-keys", "type: Opaque", "stringData:"]
    for f in c.fields:
        if "\n" in f.value:
            lines += yaml_block(ctx, "credentials.json" if c.kind.name == "gcp_service_account" else snake(f.env), f.value, 2)
        else:
            lines.append(f"  {snake(f.env)}: {yq(ctx, f.value)}")
    return Out(ctx.pick(["k8s/keys-secret.yaml", "deploy/keys.yaml"]), "\n".join(lines))


@positive(LINE)
def t_minified_js(ctx, creds):
    cfg = []
    for c, f in all_fields(creds):
        cfg.append(f'{camel(f.env)}:"{f.value}"')
    parts = []
    for _ in range(ctx.randint(6, 14)):
        a, b = rs(ctx.rng, 1, LO), rs(ctx.rng, 2, LO)
        parts.append(f"function {a}{b}(e,t){{return e&&t?Object.assign({{}},e,t):e||t}}")
        parts.append(f"var {b}=[\"{ctx.pick(SERVICES)}\",\"{ctx.pick(WORDS)}\",{ctx.randint(0, 999)}]")
    pos = ctx.randint(1, len(parts) - 1)
    parts.insert(pos, "const Xe={" + ",".join(cfg) + f',apiBase:"https://api.{ctx.domain}"}}')
    head = ("/*!\n * " + ctx.proj + " v" + ctx.semver() + "\n * (c) " + ctx.org + " - MIT License\n *\n"
            " * Includes code from:\n *  - react-dom (MIT)\n *  - scheduler (MIT)\n *  - object-assign (MIT)\n"
            " *  - @remix-run/router (MIT)\n */\n")
    body = "!function(){\"use strict\";" + ";".join(parts) + ";window.__APP__=Xe}();"
    tail = "\n//# sourceMappingURL=main." + rs(ctx.rng, 8, HEX) + ".js.map"
    return Out(ctx.pick([f"dist/assets/index-{rs(ctx.rng, 8, LOALNUM)}.js", f"public/static/js/main.{rs(ctx.rng, 8, HEX)}.js",
                         "build/bundle.min.js"]), head + body + tail)


@positive(lambda k: k.name in ("rsa_private_key", "ec_private_key", "kubernetes_sa_token"), multi=False)
def t_kubeconfig(ctx, creds):
    c = creds[0]
    cluster = ctx.pick(["prod-eu", "gke_" + ctx.org + "_europe-west1_main", "arn-eks-" + ctx.org, "k3s-homelab"])
    ca = b64s(fake_cert(ctx, "CN=kubernetes"))
    lines = ["apiVersion: v1", "kind: Config", "clusters:", "- cluster:", f"    certificate-authority-data: {ca}",
             f"    server: https://{ctx.ip()}:6443", f"  name: {cluster}", "contexts:", "- context:", f"    cluster: {cluster}",
             f"    user: {ctx.person}-admin", f"  name: {cluster}", f"current-context: {cluster}", "preferences: {}", "users:",
             f"- name: {ctx.person}-admin", "  user:"]
    over = {}
    if c.kind.name == "kubernetes_sa_token":
        lines.append(f"    token: {c.main.value}")
    else:
        cert = b64s(fake_cert(ctx, "CN=" + ctx.person + ",O=system:masters"))
        key = b64s(c.main.value + "\n")
        lines += [f"    client-certificate-data: {cert}", f"    client-key-data: {key}"]
        over[id(c.main)] = {"anchor": key, "alts": [key]}
    return Out(ctx.pick(["kubeconfig", ".kube/config", "clusters/prod/kubeconfig.yaml"]), "\n".join(lines), over)


@positive(lambda k: "jsondoc" in k.tags, multi=False)
def t_gcp_sa_file(ctx, creds):
    c = creds[0]
    return Out(ctx.pick(["service-account.json", "credentials/gcp-sa.json", f"{ctx.proj}-{rs(ctx.rng, 12, HEX)}.json",
                         "firebase-adminsdk.json"]), c.main.value)


@positive(lambda k: "jsondoc" in k.tags, multi=False)
def t_gcp_sa_embedded(ctx, creds):
    c = creds[0]
    f = c.main
    mode = ctx.pick(["env", "k8s", "tf"])
    one_line = json.dumps(json.loads(f.value), separators=(",", ":"))
    if mode == "env":
        lines = [f"{k}={v}" for k, v in env_filler(ctx, ctx.randint(6, 12))]
        lines += ["", "# BigQuery export job", f"GCP_PROJECT={json.loads(f.value)['project_id']}",
                  f"GOOGLE_APPLICATION_CREDENTIALS_JSON='{one_line}'", "BQ_DATASET=analytics", "BQ_LOCATION=EU"]
        return Out(ctx.pick([".env", "deploy/gcp.env"]), "\n".join(lines))
    if mode == "k8s":
        enc = b64s(f.value)
        lines = ["apiVersion: v1", "kind: Secret", "metadata:", "  name: gcp-credentials", "type: Opaque", "data:", f"  key.json: {enc}"]
        return Out("k8s/gcp-credentials.yaml", "\n".join(lines), {id(f): {"anchor": enc, "alts": [enc]}})
    lines = ['provider "google" {', f'  project     = "{json.loads(f.value)["project_id"]}"', '  region      = "europe-west1"',
             "  credentials = <<EOF"] + f.value.split("\n") + ["EOF", "}"]
    return Out("infra/google.tf", "\n".join(lines))


@positive(LINE)
def t_tfstate(ctx, creds):
    resources = []
    for c in creds:
        attrs = {"id": ctx.uuid(), "name": f"/{ctx.proj}/{group_name(c)}", "tier": "Standard", "type": "SecureString",
                 "overwrite": None, "tags": {"team": "platform"}}
        for f in c.fields:
            attrs[snake(f.env) if len(c.fields) > 1 else "value"] = f.value
        resources.append({"mode": "managed", "type": "aws_ssm_parameter", "name": group_name(c),
                          "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
                          "instances": [{"schema_version": 0, "attributes": attrs, "sensitive_attributes": [], "private": "bnVsbA=="}]})
    st = {"version": 4, "terraform_version": "1." + str(ctx.randint(5, 9)) + "." + str(ctx.randint(0, 5)), "serial": ctx.randint(3, 400),
          "lineage": ctx.uuid(), "outputs": {}, "resources": resources, "check_results": None}
    return Out(ctx.pick(["terraform.tfstate", "infra/terraform.tfstate", "envs/prod/terraform.tfstate.backup"]), json.dumps(st, indent=2))


@positive(LINE)
def t_systemd_unit(ctx, creds):
    lines = ["[Unit]", f"Description={ctx.proj} service", "After=network-online.target", "Wants=network-online.target", "", "[Service]",
             "Type=simple", f"User={ctx.pick(['app', 'deploy', 'svc'])}", f"WorkingDirectory=/opt/{ctx.proj}"]
    for k, v in env_filler(ctx, ctx.randint(1, 4)):
        lines.append(f"Environment={k}={v}")
    for c, f in all_fields(creds):
        lines.append(f'Environment="{f.env}={f.value}"')
    lines += [f"ExecStart=/opt/{ctx.proj}/bin/server", "Restart=on-failure", "RestartSec=5", "", "[Install]", "WantedBy=multi-user.target"]
    return Out(ctx.pick([f"deploy/systemd/{ctx.proj}.service", f"etc/systemd/system/{ctx.proj}.service"]), "\n".join(lines))


@positive(LINE)
def t_gradle_properties(ctx, creds):
    lines = ["# Project-wide Gradle settings.", "org.gradle.jvmargs=-Xmx2048m -Dfile.encoding=UTF-8", "org.gradle.parallel=true",
             "org.gradle.caching=true", "org.gradle.configuration-cache=true", "android.useAndroidX=true", "android.nonTransitiveRClass=true",
             "kotlin.code.style=official", f"GROUP=com.{ctx.org}", f"POM_ARTIFACT_ID={ctx.proj}", f"VERSION_NAME={ctx.semver()}",
             f"VERSION_CODE={ctx.randint(10, 900)}", "POM_LICENSE_NAME=Apache-2.0", f"POM_SCM_URL=https://github.com/{ctx.org}/{ctx.proj}", ""]
    for c, f in all_fields(creds):
        lines.append(f"{camel(f.env)}={f.value}")
    return Out(ctx.pick(["gradle.properties", "local.properties", "app/secrets.properties"]), "\n".join(lines))


@positive(LINE)
def t_powershell(ctx, creds):
    lines = ["#Requires -Version 7", "$ErrorActionPreference = 'Stop'", ""]
    for c, f in all_fields(creds):
        lines.append(f"$env:{f.env} = '{f.value}'")
    lines += ["", f"$uri = 'https://api.{ctx.domain}/v1/deployments'", "$body = @{ service = '" + ctx.proj + "'; version = '" + ctx.semver() + "' } | ConvertTo-Json",
              "Invoke-RestMethod -Method Post -Uri $uri -Body $body -ContentType 'application/json'", "Write-Host 'Deployment queued'", "",
              "function Wait-Healthy {", "    param([string]$Url, [int]$Tries = 30)", "    for ($i = 0; $i -lt $Tries; $i++) {",
              "        try { Invoke-WebRequest -Uri $Url -UseBasicParsing | Out-Null; return $true } catch { Start-Sleep -Seconds 2 }",
              "    }", "    throw \"service at $Url did not become healthy\"", "}", "",
              f"Wait-Healthy -Url 'https://{ctx.proj}.{ctx.domain}/healthz'"]
    return Out(ctx.pick(["scripts/deploy.ps1", "tools/Set-Env.ps1", "build/release.ps1"]), "\n".join(lines))


@positive(LINE_PEM)
def t_toml(ctx, creds):
    lines = [f'name = "{ctx.proj}"', 'environment = "production"', "", "[server]", 'bind = "0.0.0.0:8080"', "workers = 4",
             "keepalive_secs = 75", 'request_timeout = "30s"', "", "[log]", 'level = "info"', 'format = "json"', "",
             "[cache]", f'url = "redis://cache.{ctx.domain}:6379/0"', "ttl_secs = 300", ""]
    for c in creds:
        lines.append(f"[{group_name(c)}]")
        for f in c.fields:
            if "\n" in f.value:
                lines.append(f"{f.key} = '''" + f.value + "'''")
            else:
                lines.append(f'{f.key} = "{f.value}"')
        lines.append("")
    return Out(ctx.pick(["config.toml", "Settings.toml", "config/production.toml", "samconfig.toml"]), "\n".join(lines))


# ----------------------------------------------------------------------------------
# non-secret helpers shared by negatives
# ----------------------------------------------------------------------------------
def fake_cert(ctx, subject):
    """A DER-structured X.509 certificate (public data; self-signature is random bytes)."""
    D = T
    n = ctx.rng.getrandbits(2048) | (1 << 2047) | 1
    spki = D.der_seq(D.der_seq(D.OID_RSA, D.NULL), D.der(0x03, b"\x00" + D.der_seq(D.der_int(n), D.der_int(65537))))

    def name(s):
        rdns = b""
        for part in s.split(","):
            k, v = part.split("=", 1)
            oid = {"CN": "0603550403", "O": "060355040a", "C": "0603550406"}[k]
            rdns += D.der(0x31, D.der_seq(bytes.fromhex(oid), D.der(0x0C, v.encode())))
        return D.der(0x30, rdns)
    y = ctx.randint(23, 25)
    validity = D.der_seq(D.der(0x17, f"{y}0101000000Z".encode()), D.der(0x17, f"{y + 1}0101000000Z".encode()))
    tbs = D.der_seq(D.der(0xA0, D.der_int(2)), D.der_int(ctx.rng.getrandbits(120)), D.der_seq(D.OID_SHA256RSA, D.NULL),
                    name("CN=" + ctx.org + " Internal CA,O=" + ctx.org), validity, name(subject), spki)
    cert = D.der_seq(tbs, D.der_seq(D.OID_SHA256RSA, D.NULL), D.der(0x03, b"\x00" + rb(ctx.rng, 256)))
    return D.pem("CERTIFICATE", cert)


def fake_gh_token(ctx, prefix="ghp_"):
    """A GitHub-shaped token whose CRC32 checksum is WRONG."""
    while True:
        body = rs(ctx.rng, 30, T.B62)
        good = T.crc32_b62(body)
        bad = rs(ctx.rng, 6, T.B62)
        if bad != good:
            return prefix + body + bad


# ==================================================================================
# NEGATIVE TEMPLATES
# ==================================================================================
@negative
def n_env_example(ctx):
    generic = ["<YOUR_API_KEY>", "your-api-key-here", "changeme", "", "REPLACE_ME", "<secret>", "<paste token here>", "TODO",
               "dummy", "your_password", "********", "xxxxxxxxxxxxxxxxxxxxxxxx", "${SECRET_FROM_VAULT}"]
    shaped = {"STRIPE_SECRET_KEY": ["sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "sk_live_..."],
              "GITHUB_TOKEN": ["ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ghp_your_token_here", "github_pat_..."],
              "SLACK_BOT_TOKEN": ["xoxb-your-bot-token", "xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx"],
              "AWS_ACCESS_KEY_ID": ["AKIAXXXXXXXXXXXXXXXX", "AKIA..."], "OPENAI_API_KEY": ["sk-proj-...", "sk-your-key"],
              "ANTHROPIC_API_KEY": ["sk-ant-api03-...", "sk-ant-xxxxxxxx"], "SENDGRID_API_KEY": ["SG.xxxxxx.yyyyyy", "SG.your-key"],
              "DATABASE_URL": ["postgres://user:password@localhost:5432/app", "postgresql://postgres:postgres@db:5432/dev",
                               "postgres://USER:PASSWORD@HOST:5432/DBNAME"],
              "REDIS_URL": ["redis://localhost:6379/0", "redis://:@redis:6379"],
              "SLACK_WEBHOOK_URL": ["https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"]}
    names = ["STRIPE_SECRET_KEY", "GITHUB_TOKEN", "SLACK_BOT_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "OPENAI_API_KEY",
             "DATABASE_URL", "SENDGRID_API_KEY", "TWILIO_AUTH_TOKEN", "JWT_SECRET", "DB_PASSWORD", "SMTP_PASSWORD",
             "ANTHROPIC_API_KEY", "DATADOG_API_KEY", "MAILGUN_API_KEY", "REDIS_URL", "SLACK_WEBHOOK_URL"]
    lines = ["# Copy to .env and fill in real values. NEVER commit the real .env!", ""]
    for k, v in env_filler(ctx, ctx.randint(3, 8)):
        lines.append(f"{k}={v}")
    lines.append("")
    ctx.rng.shuffle(names)
    for n in names[:ctx.randint(6, 12)]:
        v = ctx.pick(shaped[n]) if n in shaped and (ctx.chance(0.7) or n in ("DATABASE_URL", "REDIS_URL")) else ctx.pick(generic)
        lines.append(f"{n}={v}")
    return Out(ctx.pick([".env.example", ".env.sample", "env.template", "config/.env.dist"]), "\n".join(lines))


@negative
def n_env_interpolation(ctx):
    names = ["STRIPE_SECRET_KEY", "GITHUB_TOKEN", "SLACK_WEBHOOK_URL", "OPENAI_API_KEY", "DB_PASSWORD", "AWS_SECRET_ACCESS_KEY",
             "SENTRY_AUTH_TOKEN", "NPM_TOKEN", "DOCKERHUB_TOKEN"]
    ctx.rng.shuffle(names)
    mode = ctx.pick(["compose", "gha", "helm"])
    if mode == "compose":
        lines = ["services:", "  api:", f"    image: {ctx.org}/{ctx.proj}:${{TAG:-latest}}", "    environment:"] + \
            [f"      {n}: ${{{n}}}" for n in names[:5]] + ["    env_file:", "      - .env"]
        return Out("docker-compose.yml", "\n".join(lines))
    if mode == "gha":
        lines = ["name: deploy", "on: [push]", "jobs:", "  deploy:", "    runs-on: ubuntu-latest", "    env:"]
        lines += [f"      {n}: ${{{{ secrets.{n} }}}}" for n in names[:5]]
        lines += ["    steps:", "      - uses: actions/checkout@v4", "      - run: ./deploy.sh", "        env:",
                  "          TOKEN: ${{ secrets.GITHUB_TOKEN }}", "          PASSWORD: ${{ vars.DB_PASSWORD_REF }}"]
        return Out(".github/workflows/deploy.yml", "\n".join(lines))
    lines = ["apiVersion: v1", "kind: Secret", "metadata:", "  name: {{ include \"app.fullname\" . }}", "type: Opaque", "stringData:"]
    lines += [f"  {n}: {{{{ .Values.secrets.{camel(n)} | quote }}}}" for n in names[:5]]
    lines += ["  password: {{ required \"db password\" .Values.db.password | b64enc }}"]
    return Out("chart/templates/secret.yaml", "\n".join(lines))


@negative
def n_code_env_lookup(ctx):
    lang = ctx.pick(["py", "js", "go", "java"])
    names = ["STRIPE_SECRET_KEY", "GITHUB_TOKEN", "OPENAI_API_KEY", "DATABASE_URL", "JWT_SECRET", "TWILIO_AUTH_TOKEN", "API_KEY"]
    ctx.rng.shuffle(names)
    if lang == "py":
        lines = ["import os", "", "from pydantic_settings import BaseSettings", "", "", "class Settings(BaseSettings):"]
        lines += [f"    {n.lower()}: str" for n in names[:3]]
        lines += ["", ""] + [f'{n} = os.environ["{n}"]' for n in names[3:5]] + [f'{names[5]} = os.getenv("{names[5]}")',
                                                                                 f'password = os.environ.get("DB_PASSWORD", "")',
                                                                                 "api_key = settings.api_key", "secret = get_secret(\"prod/api\")"]
        return Out(ctx.pick(["app/settings.py", "config.py"]), "\n".join(lines))
    if lang == "js":
        lines = ["const config = {"] + [f"  {camel(n)}: process.env.{n}," for n in names[:5]] + ["};", "",
                 "if (!config.stripeSecretKey) throw new Error('STRIPE_SECRET_KEY is required');",
                 "const headers = { Authorization: `Bearer ${process.env.API_TOKEN}` };", "module.exports = { config, headers };"]
        return Out(ctx.pick(["src/config.js", "lib/env.js"]), "\n".join(lines))
    if lang == "go":
        lines = ["package config", "", 'import "os"', "", "type Config struct {"] + [f"\t{pascal(n)} string" for n in names[:4]] + \
            ["}", "", "func Load() Config {", "\treturn Config{"] + [f'\t\t{pascal(n)}: os.Getenv("{n}"),' for n in names[:4]] + ["\t}", "}"]
        return Out("internal/config/config.go", "\n".join(lines))
    lines = ["public class Env {"] + [f'    static final String {n} = System.getenv("{n}");' for n in names[:4]] + \
        ['    @Value("${stripe.secret-key}") private String stripeKey;', "}"]
    return Out("src/main/java/Env.java", "\n".join(lines))


@negative
def n_documented_examples(ctx):
    lines = ["# Configuring credentials", "", "The examples below use the documentation placeholder values from the AWS docs.", "",
             "```ini", "[default]", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "```", "",
             "Session example:", "", "```bash", "export AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE",
             "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "export AWS_SESSION_TOKEN=AQoDYXdzEJr...<remainder of security token>", "```", "",
             "Basic auth looks like `Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==` (RFC 7617's Aladdin example).", "",
             "A JWT from jwt.io:", "", "```",
             "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
             "```", "", "Connection strings use `postgres://user:password@localhost/mydb`."]
    return Out(ctx.pick(["docs/credentials.md", "docs/aws-setup.md", "CONTRIBUTING.md"]), "\n".join(lines))


@negative
def n_package_lock(ctx):
    deps = {}
    for name in ["lodash", "axios", "react", "react-dom", "express", "debug", "ms", "chalk", "semver", "uuid", "zod", "dayjs",
                 "commander", "yargs", "tslib", "@babel/core", "@types/node", "postcss", "esbuild", "rollup"][:ctx.randint(10, 20)]:
        v = ctx.semver()
        deps["node_modules/" + name] = {"version": v, "resolved": f"https://registry.npmjs.org/{name}/-/{name.split('/')[-1]}-{v}.tgz",
                                         "integrity": "sha512-" + b64(rb(ctx.rng, 64)), "license": "MIT"}
        if ctx.chance(0.3):
            deps["node_modules/" + name]["dev"] = True
    doc = {"name": ctx.proj, "version": ctx.semver(), "lockfileVersion": 3, "requires": True,
           "packages": {"": {"name": ctx.proj, "version": "1.0.0"}, **deps}}
    return Out("package-lock.json", json.dumps(doc, indent=2))


@negative
def n_yarn_lock(ctx):
    lines = ["# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.", "# yarn lockfile v1", ""]
    for name in ["@babel/code-frame", "ansi-styles", "chalk", "color-convert", "has-flag", "js-tokens", "supports-color", "picocolors",
                 "escape-string-regexp", "graceful-fs", "minimatch", "brace-expansion"][:ctx.randint(6, 12)]:
        v = ctx.semver()
        lines += [f'"{name}@^{v}":', f'  version "{v}"',
                  f'  resolved "https://registry.yarnpkg.com/{name}/-/{name.split("/")[-1]}-{v}.tgz#{ctx.sha1()}"',
                  f'  integrity sha512-{b64(rb(ctx.rng, 64))}', ""]
    return Out("yarn.lock", "\n".join(lines))


@negative
def n_cargo_lock(ctx):
    lines = ["# This file is automatically @generated by Cargo.", "# It is not intended for manual editing.", "version = 3", ""]
    for name in ["anyhow", "bytes", "cfg-if", "hashbrown", "itoa", "libc", "memchr", "once_cell", "serde", "serde_json", "tokio", "tracing"][:ctx.randint(6, 12)]:
        lines += ["[[package]]", f'name = "{name}"', f'version = "{ctx.semver()}"', 'source = "registry+https://github.com/rust-lang/crates.io-index"',
                  f'checksum = "{rs(ctx.rng, 64, HEX)}"', ""]
    return Out("Cargo.lock", "\n".join(lines))


@negative
def n_go_sum(ctx):
    lines = []
    for mod in ["github.com/google/uuid", "github.com/stretchr/testify", "golang.org/x/sys", "golang.org/x/net", "github.com/spf13/cobra",
                "go.uber.org/zap", "github.com/pkg/errors", "gopkg.in/yaml.v3"][:ctx.randint(5, 8)]:
        v = "v" + ctx.semver()
        lines.append(f"{mod} {v} h1:{b64(rb(ctx.rng, 32))}")
        lines.append(f"{mod} {v}/go.mod h1:{b64(rb(ctx.rng, 32))}")
    return Out("go.sum", "\n".join(lines))


@negative
def n_poetry_lock(ctx):
    lines = []
    for name in ["certifi", "charset-normalizer", "idna", "requests", "urllib3", "pydantic", "anyio", "sniffio"][:ctx.randint(4, 8)]:
        v = ctx.semver()
        lines += ["[[package]]", f'name = "{name}"', f'version = "{v}"', f'description = "{name} package"', 'optional = false',
                  'python-versions = ">=3.8"', "files = [",
                  f'    {{file = "{name}-{v}-py3-none-any.whl", hash = "sha256:{rs(ctx.rng, 64, HEX)}"}},',
                  f'    {{file = "{name}-{v}.tar.gz", hash = "sha256:{rs(ctx.rng, 64, HEX)}"}},', "]", ""]
    lines += ["[metadata]", 'lock-version = "2.0"', 'python-versions = "^3.11"', f'content-hash = "{rs(ctx.rng, 64, HEX)}"']
    return Out("poetry.lock", "\n".join(lines))


@negative
def n_changelog_commits(ctx):
    lines = ["# Changelog", ""]
    for _ in range(ctx.randint(3, 6)):
        lines += [f"## [{ctx.semver()}] - {ctx.date()}", ""]
        for _ in range(ctx.randint(2, 5)):
            sha = ctx.sha1()
            lines.append(f"- {ctx.pick(['Fix', 'Add', 'Refactor', 'Bump'])} {ctx.pick(SERVICES)} {ctx.pick(['retry', 'timeouts', 'pagination', 'caching'])} "
                         f"([{sha[:7]}](https://github.com/{ctx.org}/{ctx.proj}/commit/{sha}))")
        lines.append("")
    lines.append(f"Merge base: {ctx.sha1()}")
    return Out("CHANGELOG.md", "\n".join(lines))


@negative
def n_checksums(ctx):
    lines = []
    algo = ctx.pick(["sha256", "sha1", "md5", "sha512"])
    n = {"sha256": 64, "sha1": 40, "md5": 32, "sha512": 128}[algo]
    for f in [f"{ctx.proj}-{ctx.semver()}-{p}.tar.gz" for p in ["linux-amd64", "linux-arm64", "darwin-arm64", "windows-amd64"]]:
        lines.append(f"{rs(ctx.rng, n, HEX)}  {f}")
    return Out(ctx.pick(["dist/SHA256SUMS", "release/checksums.txt", f"dist/{algo}sums.txt"]), "\n".join(lines))


@negative
def n_uuids_fixture(ctx):
    rows = [{"id": ctx.uuid(), "tenant_id": ctx.uuid(), "request_id": ctx.uuid(), "trace_id": rs(ctx.rng, 32, HEX),
             "span_id": rs(ctx.rng, 16, HEX), "created_at": ctx.ts(), "status": ctx.pick(["ok", "error", "retry"])} for _ in range(ctx.randint(4, 10))]
    return Out(ctx.pick(["tests/fixtures/events.json", "testdata/requests.json"]), json.dumps(rows, indent=2))


SVG_B64 = b64s('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M8 0L16 16H0z"/></svg>')


@negative
def n_data_uri(ctx):
    png = b"\x89PNG\r\n\x1a\n" + rb(ctx.rng, ctx.randint(300, 900))
    woff = rb(ctx.rng, ctx.randint(400, 1200))
    lines = [".logo {", f"  background-image: url(data:image/png;base64,{b64(png)});", "  width: 32px;", "}", "",
             "@font-face {", "  font-family: 'Inter';", f"  src: url(data:font/woff2;base64,{b64(woff)}) format('woff2');", "}", "",
             ".icon::before { content: url('data:image/svg+xml;base64," + SVG_B64 + "'); }"]
    return Out(ctx.pick(["src/styles/inline.css", "public/css/icons.css"]), "\n".join(lines))


@negative
def n_minified_identifiers(ctx):
    parts = []
    for _ in range(ctx.randint(30, 60)):
        a = rs(ctx.rng, ctx.randint(1, 3), LO + UP + "_$")
        parts.append(ctx.pick([f"var {a}=function(e){{return e.{rs(ctx.rng, 2, LO)}}}",
                               f"{a}.prototype.{rs(ctx.rng, 3, LO)}=function(t,n){{return this.{rs(ctx.rng, 2, LO)}(t)||n}}",
                               f'"{rs(ctx.rng, 24, ALNUM)}":function(e,t,n){{"use strict";n.r(t)}}',
                               f"const {a}=\"{rs(ctx.rng, 20, ALNUM + '_-')}\"",
                               f"{a}[\"{rs(ctx.rng, 8, LOALNUM)}\"]={ctx.randint(0, 99999)}"]))
    chunk = rs(ctx.rng, 20, HEX)
    return Out(f"dist/assets/vendor-{chunk[:8]}.js", "(self.webpackChunk=self.webpackChunk||[]).push([[" + str(ctx.randint(1, 900)) + "],{" +
               ",".join(parts) + "}]);\n//# sourceMappingURL=vendor-" + chunk[:8] + ".js.map")


@negative
def n_test_fixtures_fake(ctx):
    lines = ["import pytest", "", "", "FAKE_API_KEY = \"fake-api-key-for-tests\"", 'DUMMY_TOKEN = "dummy-token"',
             'TEST_PASSWORD = "test-password"', 'EXAMPLE_SECRET = "example_secret_do_not_use"', "", "",
             "@pytest.fixture", "def client(monkeypatch):", '    monkeypatch.setenv("STRIPE_SECRET_KEY", "stripe-key-placeholder")',
             '    monkeypatch.setenv("GITHUB_TOKEN", "fake-github-token")', '    monkeypatch.setenv("DATABASE_URL", "sqlite:///:memory:")',
             "    return make_client(api_key=FAKE_API_KEY)", "", "",
             "def test_rejects_bad_token(client):", '    assert client.auth("not-a-real-token") is None', "", "",
             "def test_mask():", '    assert mask("abcd1234") == "****1234"', '    assert mask("") == ""']
    return Out(ctx.pick(["tests/test_auth.py", "tests/conftest.py"]), "\n".join(lines))


@negative
def n_html_password_form(ctx):
    lines = ["<!doctype html>", '<html lang="en">', "<head><meta charset=\"utf-8\"><title>Sign in</title></head>", "<body>",
             '  <form method="post" action="/login" autocomplete="on">', '    <label for="email">Email</label>',
             '    <input id="email" name="email" type="email" required>', '    <label for="password">Password</label>',
             '    <input id="password" name="password" type="password" placeholder="Password" minlength="12" required>',
             '    <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">', '    <button type="submit">Sign in</button>',
             '    <a href="/forgot-password">Forgot your password?</a>', "  </form>", "</body>", "</html>"]
    return Out(ctx.pick(["templates/login.html", "public/login.html"]), "\n".join(lines))


@negative
def n_password_policy(ctx):
    lines = ["PASSWORD_MIN_LENGTH = 12", "PASSWORD_MAX_LENGTH = 128", "PASSWORD_REQUIRE_SYMBOL = True",
             "PASSWORD_REGEX = r\"^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)(?=.*[^\\w\\s]).{12,}$\"", "PASSWORD_HISTORY = 5",
             "TOKEN_TTL_SECONDS = 3600", "API_KEY_LENGTH = 32", "SECRET_ROTATION_DAYS = 90", "", "",
             "def validate_password(password: str) -> list[str]:", "    errors = []", "    if len(password) < PASSWORD_MIN_LENGTH:",
             '        errors.append("password_too_short")', "    if password.lower() == password:", '        errors.append("password_needs_uppercase")',
             "    return errors", "", "", "def generate_api_key() -> str:", "    return secrets.token_urlsafe(API_KEY_LENGTH)"]
    return Out(ctx.pick(["auth/policy.py", "accounts/validators.py"]), "\n".join(lines))


@negative
def n_i18n_strings(ctx):
    doc = {"auth": {"password": "Password", "password_placeholder": "Enter your password", "forgot": "Forgot password?",
                    "invalid_api_key": "The API key you entered is invalid.", "token_expired": "Your session token has expired.",
                    "secret_hint": "Your secret key is shown only once. Store it somewhere safe.",
                    "new_password": "New password", "confirm_password": "Confirm password"},
           "settings": {"api_keys": "API keys", "create_key": "Create secret key", "revoke": "Revoke token",
                        "copy": "Copy to clipboard", "masked": "sk_live_••••••••••••••••"}}
    return Out(ctx.pick(["locales/en.json", "src/i18n/en-US.json"]), json.dumps(doc, indent=2, ensure_ascii=False))


@negative
def n_ansible_vault(ctx):
    lines = ["$ANSIBLE_VAULT;1.1;AES256"]
    blob = rs(ctx.rng, ctx.randint(600, 1400), HEX)
    lines += [blob[i:i + 80] for i in range(0, len(blob), 80)]
    return Out(ctx.pick(["group_vars/production/vault.yml", "host_vars/db01/vault.yml"]), "\n".join(lines))


@negative
def n_sops(ctx):
    def enc(n):
        return f"ENC[AES256_GCM,data:{b64(rb(ctx.rng, n))},iv:{b64(rb(ctx.rng, 32))},tag:{b64(rb(ctx.rng, 16))},type:str]"
    lines = ["stripe_secret_key: " + enc(80), "database_password: " + enc(24), "github_token: " + enc(30), "sops:", "    kms:",
             f"        - arn: arn:aws:kms:eu-west-1:{T.digits(ctx.rng, 12)}:key/{ctx.uuid()}", f"          created_at: \"{ctx.ts()}\"",
             f"          enc: {b64(rb(ctx.rng, 180))}", "          aws_profile: \"\"", f"    lastmodified: \"{ctx.ts()}\"",
             f"    mac: {enc(32)}", "    unencrypted_suffix: _unencrypted", "    version: 3.8.1"]
    return Out(ctx.pick(["secrets/prod.enc.yaml", "secrets.sops.yaml"]), "\n".join(lines))


@negative
def n_password_hashes(ctx):
    def bcrypt():
        return "$2b$12$" + rs(ctx.rng, 53, ALNUM + "./")
    lines = ["-- users seed", "INSERT INTO users (id, email, password_hash) VALUES"]
    rows = [f"  ({i}, '{ctx.email()}', '{bcrypt()}')" for i in range(1, ctx.randint(4, 9))]
    lines += [",\n".join(rows) + ";", "", "-- legacy accounts migrated from Django",
              f"-- pbkdf2_sha256$600000${rs(ctx.rng, 22, ALNUM)}${b64(rb(ctx.rng, 32))}",
              f"-- argon2: $argon2id$v=19$m=65536,t=3,p=4${b64(rb(ctx.rng, 16)).rstrip('=')}${b64(rb(ctx.rng, 32)).rstrip('=')}"]
    if ctx.chance(0.5):
        return Out("db/seeds/users.sql", "\n".join(lines))
    ht = [f"{ctx.pick(FIRST)}:$apr1${rs(ctx.rng, 8, ALNUM)}${rs(ctx.rng, 22, ALNUM + './')}" for _ in range(3)]
    ht.append(f"{ctx.pick(FIRST)}:{bcrypt()}")
    return Out(ctx.pick(["nginx/.htpasswd", "deploy/htpasswd"]), "\n".join(ht))


@negative
def n_public_keys(ctx):
    mode = ctx.pick(["authorized_keys", "pubkey", "cert", "known_hosts"])
    if mode == "authorized_keys":
        lines = [T.ssh_public_line(ctx.rng, f"{ctx.pick(FIRST)}@{ctx.pick(WORDS)}") for _ in range(ctx.randint(2, 5))]
        return Out(ctx.pick([".ssh/authorized_keys", "ansible/files/authorized_keys"]), "\n".join(lines))
    if mode == "pubkey":
        n = ctx.rng.getrandbits(2048) | (1 << 2047) | 1
        spki = T.der_seq(T.der_seq(T.OID_RSA, T.NULL), T.der(0x03, b"\x00" + T.der_seq(T.der_int(n), T.der_int(65537))))
        return Out(ctx.pick(["keys/jwt_public.pem", "config/jwt/public.pem"]), T.pem("PUBLIC KEY", spki))
    if mode == "cert":
        return Out(ctx.pick(["certs/ca.crt", "tls/chain.pem"]), fake_cert(ctx, "CN=" + ctx.proj + "." + ctx.domain) + "\n" +
                   fake_cert(ctx, "CN=" + ctx.org + " Internal CA"))
    lines = [f"{h} {T.ssh_public_line(ctx.rng, '').strip()}" for h in ["github.com", "gitlab.com", f"git.{ctx.domain}", ctx.ip()]]
    return Out(ctx.pick([".ssh/known_hosts", "ci/known_hosts"]), "\n".join(lines))


@negative
def n_bad_checksum_tokens(ctx):
    toks = [fake_gh_token(ctx, ctx.pick(["ghp_", "gho_", "ghs_"])) for _ in range(ctx.randint(2, 4))]
    lines = ["package tokens_test", "", "import \"testing\"", "", "// Tokens below have invalid CRC32 checksums on purpose.",
             "var invalidTokens = []string{"] + [f'\t"{t}",' for t in toks] + ["}", "", "func TestRejectsBadChecksum(t *testing.T) {",
             "\tfor _, tok := range invalidTokens {", "\t\tif Valid(tok) {", '\t\t\tt.Fatalf("accepted %s", tok)', "\t\t}", "\t}", "}"]
    return Out(ctx.pick(["internal/tokens/tokens_test.go", "pkg/ghtoken/validate_test.go"]), "\n".join(lines))


@negative
def n_variable_names_only(ctx):
    lines = ["from dataclasses import dataclass", "", "", "@dataclass", "class Credentials:", "    api_key: str", "    api_secret: str",
             "    access_token: str | None = None", "    password: str | None = None", "", "",
             "def rotate_secret(secret_name: str, client) -> None:", '    """Rotate the secret called `secret_name` in AWS Secrets Manager."""',
             "    client.rotate_secret(SecretId=secret_name)", "", "",
             'SECRET_KEY_SETTING = "SECRET_KEY"', 'TOKEN_HEADER = "X-Api-Token"', 'PASSWORD_FIELD = "password"',
             'AUTH_HEADER_TEMPLATE = "Bearer {token}"', "SECRETS_MANAGER_ARN_PREFIX = \"arn:aws:secretsmanager:\""]
    return Out(ctx.pick(["app/credentials.py", "lib/secrets_util.py"]), "\n".join(lines))


@negative
def n_jwt_not_json(ctx):
    lines = ["# cache keys and content hashes (base64url segments, not tokens)"]
    for _ in range(ctx.randint(4, 8)):
        a = b64u(rb(ctx.rng, ctx.randint(8, 20)))
        b = b64u(rb(ctx.rng, ctx.randint(20, 60)))
        c = b64u(rb(ctx.rng, 32))
        if ctx.chance(0.5):
            a = "eyJ" + b64u(rb(ctx.rng, 15))  # starts like a JWT header but decodes to garbage after '{"'
        lines.append(f"{ctx.pick(SERVICES)}.{ctx.pick(['etag', 'cursor', 'digest'])} = {a}.{b}.{c}")
    return Out(ctx.pick(["cache/manifest.txt", "data/cursors.properties"]), "\n".join(lines))


@negative
def n_css_colors(ctx):
    lines = [":root {"]
    for name in ["primary", "secondary", "accent", "danger", "warning", "success", "muted", "bg", "fg", "border"]:
        lines.append(f"  --color-{name}: #{rs(ctx.rng, ctx.pick([3, 6, 8]), HEX)};")
    lines += ["}", "", ".btn-primary { background: var(--color-primary); box-shadow: 0 1px 2px #0000001a; }",
              f".hero {{ background: linear-gradient(90deg, #{rs(ctx.rng, 6, HEX)} 0%, #{rs(ctx.rng, 6, HEX)} 100%); }}"]
    return Out(ctx.pick(["src/styles/theme.css", "assets/tokens.scss"]), "\n".join(lines))


@negative
def n_numeric_ids(ctx):
    rows = ["order_id,customer_id,tracking_number,iban_masked,amount_cents"]
    for _ in range(ctx.randint(6, 14)):
        rows.append(f"{T.digits(ctx.rng, 19)},{T.digits(ctx.rng, 12)},1Z{rs(ctx.rng, 16, UPALNUM)},DE89************{T.digits(ctx.rng, 4)},{ctx.randint(100, 99999)}")
    return Out(ctx.pick(["exports/orders.csv", "data/shipments.csv"]), "\n".join(rows))


@negative
def n_aws_arns(ctx):
    acct = T.digits(ctx.rng, 12)
    doc = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": f"arn:aws:s3:::{ctx.proj}-assets/*"},
        {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": f"arn:aws:kms:eu-west-1:{acct}:key/{ctx.uuid()}"},
        {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
         "Resource": f"arn:aws:secretsmanager:eu-west-1:{acct}:secret:prod/{ctx.proj}/api-key-{rs(ctx.rng, 6, ALNUM)}"},
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": f"arn:aws:iam::{acct}:role/{ctx.proj}-deployer"}]}
    return Out(ctx.pick(["iam/policy.json", "infra/policies/app.json"]), json.dumps(doc, indent=2))


@negative
def n_k8s_secret_empty(ctx):
    lines = ["apiVersion: v1", "kind: Secret", "metadata:", f"  name: {ctx.proj}-secrets", "type: Opaque", "data: {}", "---",
             "apiVersion: external-secrets.io/v1beta1", "kind: ExternalSecret", "metadata:", f"  name: {ctx.proj}", "spec:",
             "  refreshInterval: 1h", "  secretStoreRef:", "    name: aws-secrets-manager", "    kind: ClusterSecretStore", "  target:",
             f"    name: {ctx.proj}-secrets", "  data:", "    - secretKey: STRIPE_SECRET_KEY", "      remoteRef:",
             f"        key: prod/{ctx.proj}/stripe", "        property: secret_key", "---", "apiVersion: apps/v1", "kind: Deployment",
             "metadata:", f"  name: {ctx.proj}", "spec:", "  template:", "    spec:", "      containers:", f"        - name: app",
             "          env:", "            - name: DB_PASSWORD", "              valueFrom:", "                secretKeyRef:",
             f"                  name: {ctx.proj}-db", "                  key: password"]
    return Out(ctx.pick(["k8s/external-secret.yaml", "manifests/secrets.yaml"]), "\n".join(lines))


@negative
def n_redacted_docs(ctx):
    lines = ["## Rotating tokens", "", "When you create a token it is shown once, e.g. `ghp_****************************abcd`.", "",
             "Logs mask tokens: `Authorization: Bearer sk-proj-****...****`, `xoxb-***-***-***`, `sk_live_••••••••4242`.", "",
             "| Token | Prefix | Example (redacted) |", "|---|---|---|", "| GitHub PAT | `ghp_` | `ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX` |",
             "| GitLab | `glpat-` | `glpat-********************` |", "| Slack bot | `xoxb-` | `xoxb-[REDACTED]` |",
             "| AWS key id | `AKIA` | `AKIA****************` |", "| npm | `npm_` | `npm_<redacted>` |", "",
             "Audit excerpt:", "", "```", f"{ctx.ts()} token=ghp_…{rs(ctx.rng, 4, ALNUM)} user={ctx.person} action=revoke",
             f"{ctx.ts()} key=AKIA…{rs(ctx.rng, 4, UPALNUM)} action=deactivate", "```"]
    return Out(ctx.pick(["docs/security/rotation.md", "SECURITY.md"]), "\n".join(lines))


@negative
def n_stripe_publishable(ctx):
    pk = "pk_live_51" + rs(ctx.rng, 97, ALNUM)
    lines = ["import { loadStripe } from '@stripe/stripe-js';", "", "// Publishable key: safe to expose in the browser.",
             f"export const stripePromise = loadStripe('{pk}');", "",
             "export const mapboxPublicToken =", "  'pk." + b64u(json.dumps({"u": ctx.org, "a": "cl" + rs(ctx.rng, 23, LOALNUM)}, separators=(",", ":")).encode()) + "." + rs(ctx.rng, 22, B64URL) + "';",
             f"export const recaptchaSiteKey = '6L{rs(ctx.rng, 6, ALNUM + '_-')}AAAAA{rs(ctx.rng, 27, ALNUM + '_-')}';",
             f"export const sentryDsn = 'https://{rs(ctx.rng, 32, HEX)}@o{T.digits(ctx.rng, 6)}.ingest.sentry.io/{T.digits(ctx.rng, 7)}';",
             f"export const gaMeasurementId = 'G-{rs(ctx.rng, 10, UPALNUM)}';"]
    return Out(ctx.pick(["src/lib/public-keys.ts", "web/src/config/public.js"]), "\n".join(lines))


@negative
def n_encrypted_values(ctx):
    mode = ctx.pick(["rails", "jasypt", "sealed"])
    if mode == "rails":
        return Out("config/credentials.yml.enc", f"{b64(rb(ctx.rng, ctx.randint(300, 700)))}--{b64(rb(ctx.rng, 12))}--{b64(rb(ctx.rng, 16))}")
    if mode == "jasypt":
        lines = ["spring.datasource.url=jdbc:postgresql://db:5432/app", "spring.datasource.username=app",
                 f"spring.datasource.password=ENC({b64(rb(ctx.rng, 48))})", f"stripe.secret-key=ENC({b64(rb(ctx.rng, 96))})",
                 "jasypt.encryptor.algorithm=PBEWITHHMACSHA512ANDAES_256"]
        return Out("src/main/resources/application-prod.properties", "\n".join(lines))
    lines = ["apiVersion: bitnami.com/v1alpha1", "kind: SealedSecret", "metadata:", f"  name: {ctx.proj}", f"  namespace: {ctx.org}",
             "spec:", "  encryptedData:"]
    for k in ["DATABASE_URL", "STRIPE_SECRET_KEY", "GITHUB_TOKEN"]:
        lines.append(f"    {k}: Ag{b64(rb(ctx.rng, ctx.randint(300, 500)))}")
    return Out("k8s/sealed-secret.yaml", "\n".join(lines))


@negative
def n_sri_hashes(ctx):
    lines = ["<!doctype html>", "<html>", "<head>",
             f'  <script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js" integrity="sha384-{b64(rb(ctx.rng, 48))}" crossorigin="anonymous"></script>',
             f'  <link rel="stylesheet" href="/assets/app.{rs(ctx.rng, 8, HEX)}.css" integrity="sha256-{b64(rb(ctx.rng, 32))}">',
             f"  <meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' 'sha256-{b64(rb(ctx.rng, 32))}' 'nonce-{b64(rb(ctx.rng, 16))}'\">",
             "</head>", "<body><div id=\"root\"></div></body>", "</html>"]
    return Out(ctx.pick(["public/index.html", "dist/index.html"]), "\n".join(lines))


@negative
def n_openapi_spec(ctx):
    lines = ["openapi: 3.0.3", "info:", f"  title: {ctx.proj} API", f"  version: {ctx.semver()}", "components:", "  securitySchemes:",
             "    bearerAuth:", "      type: http", "      scheme: bearer", "      bearerFormat: JWT", "    apiKey:", "      type: apiKey",
             "      in: header", "      name: X-API-Key", "  schemas:", "    Token:", "      type: object", "      properties:",
             "        access_token:", "          type: string", "          example: <access-token>", "        token_type:",
             "          type: string", "          example: Bearer", "        expires_in:", "          type: integer", "          example: 3600",
             "paths:", "  /oauth/token:", "    post:", "      summary: Exchange client credentials", "      requestBody:", "        content:",
             "          application/x-www-form-urlencoded:", "            schema:", "              properties:", "                client_secret:",
             "                  type: string", "                  example: YOUR_CLIENT_SECRET"]
    return Out(ctx.pick(["openapi.yaml", "docs/api/openapi.yml"]), "\n".join(lines))


@negative
def n_dockerfile_build_secrets(ctx):
    lines = ["# syntax=docker/dockerfile:1.7", "FROM node:20-alpine", "ARG NPM_TOKEN", "ARG GITHUB_TOKEN", "WORKDIR /app",
             "COPY package*.json .npmrc ./", "RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci",
             'ENV API_KEY=""', "ENV DB_PASSWORD_FILE=/run/secrets/db_password", "COPY . .", "RUN npm run build", 'CMD ["node", "dist/server.js"]']
    return Out(ctx.pick(["Dockerfile", "docker/Dockerfile"]), "\n".join(lines))


@negative
def n_build_hashes(ctx):
    doc = {"files": {}, "entrypoints": []}
    for name in ["main", "vendor", "runtime", "polyfills", "styles"]:
        h = rs(ctx.rng, ctx.pick([8, 16, 20]), HEX)
        doc["files"][f"{name}.js"] = f"/static/js/{name}.{h}.js"
        doc["entrypoints"].append(f"static/js/{name}.{h}.js")
    doc["buildId"] = rs(ctx.rng, 21, ALNUM + "_-")
    doc["image"] = f"ghcr.io/{ctx.org}/{ctx.proj}@sha256:{rs(ctx.rng, 64, HEX)}"
    doc["commit"] = ctx.sha1()
    return Out(ctx.pick(["build/asset-manifest.json", ".next/build-manifest.json"]), json.dumps(doc, indent=2))


@negative
def n_crypto_test_vectors(ctx):
    lines = ["# RFC 4231 HMAC-SHA-256 test vectors", "VECTORS = [",
             "    {\"key\": \"0b\" * 20, \"data\": b\"Hi There\",",
             "     \"mac\": \"b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7\"},",
             "    {\"key\": b\"Jefe\", \"data\": b\"what do ya want for nothing?\",",
             "     \"mac\": \"5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843\"},", "]", "",
             "# NIST SP 800-38A F.5.1 CTR-AES128", 'KEY = bytes.fromhex("2b7e151628aed2a6abf7158809cf4f3c")',
             'IV = bytes.fromhex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")']
    return Out(ctx.pick(["tests/test_vectors.py", "crypto/vectors.py"]), "\n".join(lines))


@negative
def n_placeholder_config(ctx):
    lines = ["stripe:", "  secret_key: ${STRIPE_SECRET_KEY}", "  webhook_secret: \"{{ stripe_webhook_secret }}\"", "github:",
             "  token: !ENV ${GITHUB_TOKEN}", "database:", "  password: \"%(DB_PASSWORD)s\"", "  url: env:DATABASE_URL", "aws:",
             "  access_key_id: \"{{ aws_access_key_id }}\"", "  secret_access_key: <%= ENV['AWS_SECRET_ACCESS_KEY'] %>", "slack:",
             "  webhook: \"@@SLACK_WEBHOOK@@\"", "vault:", "  token: vault:secret/data/prod#token", "sendgrid:",
             "  api_key: op://Production/SendGrid/credential"]
    return Out(ctx.pick(["config/production.yml.tmpl", "config/settings.yaml"]), "\n".join(lines))


@negative
def n_git_objects_ids(ctx):
    lines = [f"commit {ctx.sha1()}", f"tree {ctx.sha1()}", f"parent {ctx.sha1()}", f"author {ctx.person} <{ctx.email()}> 1717171717 +0200",
             "", "    Fix token refresh race", "", f"diff --git a/src/auth.ts b/src/auth.ts", f"index {rs(ctx.rng, 7, HEX)}..{rs(ctx.rng, 7, HEX)} 100644",
             "--- a/src/auth.ts", "+++ b/src/auth.ts", "@@ -12,7 +12,7 @@", "-  const token = await refresh(oldToken);",
             "+  const token = await refreshOnce(oldToken);", f"Change-Id: I{ctx.sha1()}",
             f"Reviewed-on: https://review.{ctx.domain}/c/{ctx.proj}/+/{ctx.randint(1000, 99999)}"]
    return Out(ctx.pick(["patches/0001-fix-token-refresh.patch", "review/change.diff"]), "\n".join(lines))


@negative
def n_k8s_public_config(ctx):
    lines = ["apiVersion: v1", "kind: ConfigMap", "metadata:", f"  name: {ctx.proj}-config", "data:", "  LOG_LEVEL: info",
             f"  OIDC_ISSUER: https://login.microsoftonline.com/{ctx.uuid()}/v2.0", f"  OIDC_CLIENT_ID: {ctx.uuid()}",
             f"  S3_BUCKET: {ctx.proj}-uploads", f"  AWS_ROLE_ARN: arn:aws:iam::{T.digits(ctx.rng, 12)}:role/{ctx.proj}",
             f"  GOOGLE_CLIENT_ID: {T.digits(ctx.rng, 12)}-{rs(ctx.rng, 32, LOALNUM)}.apps.googleusercontent.com",
             "  TOKEN_AUDIENCE: api://default", "  PASSWORD_RESET_TTL: 30m", "  API_KEY_HEADER: X-Api-Key"]
    return Out(ctx.pick(["k8s/configmap.yaml", "deploy/config.yaml"]), "\n".join(lines))

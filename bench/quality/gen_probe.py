#!/usr/bin/env python3
"""Writes a labelled probe corpus of realistic small files for measuring recall/precision.

    python3 bench/quality/gen_probe.py OUT_DIR [--seed 1] [--positives 270] [--negatives 250]

Files go to OUT_DIR/corpus/ (the tree to scan) and the labels to OUT_DIR/labels.json, outside
the scanned tree (it holds every planted secret); label paths are relative to OUT_DIR/corpus.

Secrets are generated from the providers' documented formats (prefix + alphabet + length,
GitHub CRC32 checksums, DER-prefixed PEM bodies, base64url JWT parts); every body is
random, so none is a live credential. Python 3 stdlib only; output depends only on --seed.

labels.json:
  positives: [{path, line, secret, provider, alts?}]   every planted real-looking secret;
             line is 1-based (first line of a multi-line secret); alts are other
             spellings a scanner may legitimately report (the base64 form in a k8s Secret,
             user:password for a docker auth, a service account's private_key_id).
  ignore:    [{path, line, secret, reason}]  identifiers planted next to secrets (Twilio
             account / API key SIDs, Razorpay key ids); findings on them count neither way.
  negatives: [{path, description, template}]  files holding only look-alikes (placeholders,
             templates, env lookups, hashes, UUIDs, certificates, public keys, encrypted blobs...).
  Every positive/negative entry also names the template that wrote it.
Test-mode keys (sk_test_ etc.) appear nowhere, neither as positives nor as negatives.
"""
import argparse
import base64
import binascii
import json
import os
import random
import string
import struct

UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
DIGITS = string.digits
ALNUM = UPPER + LOWER + DIGITS
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
BASE62 = DIGITS + UPPER + LOWER
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

R = random.Random(1)


def rs(alphabet, n):
    return "".join(R.choice(alphabet) for _ in range(n))


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def b64url_nopad(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


# --------------------------------------------------------------------------- token formats

def gh_checksummed(prefix):
    body = rs(ALNUM, 30)
    crc = binascii.crc32(body.encode()) & 0xFFFFFFFF
    out = ""
    for _ in range(6):
        out = BASE62[crc % 62] + out
        crc //= 62
    return prefix + body + out


def gh_bad_checksum(prefix="ghp_"):
    while True:
        tok = prefix + rs(ALNUM, 36)
        body = tok[len(prefix):]
        crc = binascii.crc32(body[:30].encode()) & 0xFFFFFFFF
        enc = ""
        for _ in range(6):
            enc = BASE62[crc % 62] + enc
            crc //= 62
        if enc != body[30:]:
            return tok


def aws_key_id(prefix="AKIA"):
    return prefix + rs(UPPER + "234567", 16)


def aws_secret():
    return rs(ALNUM + "/+", 40)


def stripe_key(prefix):
    if R.random() < 0.7:
        return prefix + "51" + rs(ALNUM, 97)
    return prefix + rs(ALNUM, 24)


def openai_key():
    r = R.random()
    if r < 0.6:
        return "sk-proj-" + rs(B64URL, 74) + "T3BlbkFJ" + rs(B64URL, 74)
    if r < 0.8:
        return "sk-svcacct-" + rs(B64URL, 74) + "T3BlbkFJ" + rs(B64URL, 74)
    return "sk-" + rs(ALNUM, 20) + "T3BlbkFJ" + rs(ALNUM, 20)


def discord_bot():
    snowflake = str(R.randint(10**17, 13 * 10**17))
    first = base64.b64encode(snowflake.encode()).decode().rstrip("=")
    return first + "." + rs(B64URL, 6) + "." + rs(B64URL, R.choice([27, 38]))


def sentry_org():
    org = R.choice(["acme", "northwind", "globex", "initech", "hooli"])
    payload = json.dumps({"iat": R.randint(1700000000, 1760000000) + 0.5,
                          "url": "https://sentry.io", "region_url": "https://us.sentry.io",
                          "org": org}, separators=(",", ":"))
    return "sntrys_" + base64.b64encode(payload.encode()).decode() + "_" + rs(B64, 43)


def vault_token():
    if R.random() < 0.7:
        return "hvs.CAESI" + rs(B64URL, 86)
    return "hvs." + rs(ALNUM, 24)


def azure_storage_key():
    return base64.b64encode(rbytes(64)).decode()


def azure_sas_sig():
    return base64.b64encode(rbytes(32)).decode()


def pct(s):
    return s.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def jwt(exp_future=True, alg="HS256"):
    header = {"alg": alg, "typ": "JWT"}
    now = R.randint(1700000000, 1740000000)
    payload = R.choice([
        {"sub": str(R.randint(1000, 99999)), "name": R.choice(["svc-billing", "ci-bot", "admin"]),
         "iat": now, "exp": now + 10 * 365 * 86400},
        {"iss": "supabase", "ref": rs(LOWER, 20), "role": "service_role", "iat": now,
         "exp": now + 10 * 365 * 86400},
        {"aud": "api://internal", "scope": "read write", "client_id": rs(HEX, 16),
         "iat": now, "exp": now + 5 * 365 * 86400},
    ])
    sig = b64url_nopad(rbytes(32 if alg == "HS256" else 256))
    return (b64url_nopad(json.dumps(header, separators=(",", ":")).encode()) + "." +
            b64url_nopad(json.dumps(payload, separators=(",", ":")).encode()) + "." + sig)


def password(url_safe=False):
    """A real-looking password: random mixed-case (most), with symbols, or word+word+digits+symbol.
    Never starts with a symbol (YAML would read '*x' as an alias, '#x' as a comment); url_safe
    uses only characters a URL userinfo may hold unescaped."""
    syms = "!*-_~" if url_safe else "!#%^*-_"
    r = R.random()
    if r < 0.55:
        return rs(ALNUM, R.randint(16, 28))
    if r < 0.8:
        return rs(ALNUM, 1) + rs(ALNUM + syms, R.randint(13, 23))
    words = ["Falcon", "Quartz", "Harbor", "Maple", "Cobalt", "Nimbus", "Orchid", "Tundra",
             "Velvet", "Zephyr", "Copper", "Lumen"]
    return R.choice(words) + R.choice(words).lower() + str(R.randint(10, 9999)) + R.choice(syms)


def wrap(s, width):
    return [s[i:i + width] for i in range(0, len(s), width)]


def pem_rsa():
    der = bytes.fromhex("308204a40201000282010100") + rbytes(R.randint(1180, 1200))
    body = wrap(base64.b64encode(der).decode(), 64)
    return "-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(body) + "\n-----END RSA PRIVATE KEY-----"


def pem_pkcs8():
    der = bytes.fromhex("308204bd020100300d06092a864886f70d0101010500048204a7308204a30201000282010100") + rbytes(1180)
    body = wrap(base64.b64encode(der).decode(), 64)
    return "-----BEGIN PRIVATE KEY-----\n" + "\n".join(body) + "\n-----END PRIVATE KEY-----"


def pem_ec():
    der = (bytes.fromhex("30770201010420") + rbytes(32) + bytes.fromhex("a00a06082a8648ce3d030107a144034200") +
           b"\x04" + rbytes(64))
    body = wrap(base64.b64encode(der).decode(), 64)
    return "-----BEGIN EC PRIVATE KEY-----\n" + "\n".join(body) + "\n-----END EC PRIVATE KEY-----"


def sshstr(b):
    return struct.pack(">I", len(b)) + b


def pem_openssh():
    pub = sshstr(b"ssh-ed25519") + sshstr(rbytes(32))
    check = rbytes(4)
    priv = check + check + pub + sshstr(rbytes(64)) + sshstr(b"deploy@build-01") + b"\x01\x02\x03\x04\x05"
    blob = (b"openssh-key-v1\x00" + sshstr(b"none") + sshstr(b"none") + sshstr(b"") +
            struct.pack(">I", 1) + sshstr(pub) + sshstr(priv))
    body = wrap(base64.b64encode(blob).decode(), 70)
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(body) + "\n-----END OPENSSH PRIVATE KEY-----"


def uuid4():
    h = rs(HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{R.choice('89ab')}{h[17:20]}-{h[20:]}"


# provider key -> (provider label, generator, variable names, contextual?)
# contextual: the value has no distinctive prefix and needs its variable name to be recognisable.
PROVIDERS = {
    "github_classic": ("GitHub", lambda: gh_checksummed("ghp_"), ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT"], False),
    "github_oauth": ("GitHub", lambda: gh_checksummed("gho_"), ["GITHUB_OAUTH_TOKEN"], False),
    "github_user": ("GitHub", lambda: gh_checksummed("ghu_"), ["GITHUB_APP_USER_TOKEN"], False),
    "github_inst": ("GitHub", lambda: gh_checksummed("ghs_"), ["GITHUB_INSTALLATION_TOKEN"], False),
    "github_refresh": ("GitHub", lambda: gh_checksummed("ghr_"), ["GITHUB_REFRESH_TOKEN"], False),
    "github_fine": ("GitHub", lambda: "github_pat_" + rs(ALNUM, 22) + "_" + rs(ALNUM, 59), ["GITHUB_TOKEN", "GH_PAT"], False),
    "gitlab": ("GitLab", lambda: "glpat-" + rs(B64URL, 20), ["GITLAB_TOKEN", "GL_TOKEN", "CI_PUSH_TOKEN"], False),
    "slack_bot": ("Slack", lambda: f"xoxb-{rs(DIGITS, 12)}-{rs(DIGITS, 13)}-{rs(ALNUM, 24)}", ["SLACK_BOT_TOKEN"], False),
    "slack_user": ("Slack", lambda: f"xoxp-{rs(DIGITS, 12)}-{rs(DIGITS, 12)}-{rs(DIGITS, 13)}-{rs(HEX, 32)}", ["SLACK_USER_TOKEN"], False),
    "slack_webhook": ("Slack", lambda: f"https://hooks.slack.com/services/T{rs(UPPER + DIGITS, 8)}/B{rs(UPPER + DIGITS, 10)}/{rs(ALNUM, 24)}", ["SLACK_WEBHOOK_URL"], False),
    "discord_webhook": ("Discord", lambda: f"https://discord.com/api/webhooks/{rs(DIGITS, 19)}/{rs(B64URL, 68)}", ["DISCORD_WEBHOOK_URL"], False),
    "discord_bot": ("Discord", discord_bot, ["DISCORD_BOT_TOKEN", "DISCORD_TOKEN"], False),
    "telegram": ("Telegram", lambda: f"{R.randint(10**8, 10**10 - 1)}:AA{rs(B64URL, 33)}", ["TELEGRAM_BOT_TOKEN", "TG_BOT_TOKEN"], False),
    "stripe_sk": ("Stripe", lambda: stripe_key("sk_live_"), ["STRIPE_SECRET_KEY", "STRIPE_API_KEY"], False),
    "stripe_rk": ("Stripe", lambda: stripe_key("rk_live_"), ["STRIPE_RESTRICTED_KEY"], False),
    "stripe_whsec": ("Stripe", lambda: "whsec_" + rs(ALNUM, 32), ["STRIPE_WEBHOOK_SECRET"], False),
    "sendgrid": ("SendGrid", lambda: "SG." + rs(B64URL, 22) + "." + rs(B64URL, 43), ["SENDGRID_API_KEY"], False),
    "mailgun": ("Mailgun", lambda: R.choice(["key-" + rs(HEX, 32), rs(HEX, 32) + "-" + rs(HEX, 8) + "-" + rs(HEX, 8)]), ["MAILGUN_API_KEY"], False),
    "mailchimp": ("Mailchimp", lambda: rs(HEX, 32) + "-us" + str(R.randint(1, 21)), ["MAILCHIMP_API_KEY"], False),
    "openai": ("OpenAI", openai_key, ["OPENAI_API_KEY"], False),
    "anthropic": ("Anthropic", lambda: "sk-ant-api03-" + rs(B64URL, 93) + "AA", ["ANTHROPIC_API_KEY"], False),
    "huggingface": ("Hugging Face", lambda: "hf_" + rs(UPPER + LOWER, 34), ["HF_TOKEN", "HUGGINGFACEHUB_API_TOKEN"], False),
    "groq": ("Groq", lambda: "gsk_" + rs(ALNUM, 52), ["GROQ_API_KEY"], False),
    "replicate": ("Replicate", lambda: "r8_" + rs(ALNUM, 37), ["REPLICATE_API_TOKEN"], False),
    "npm": ("npm", lambda: gh_checksummed("npm_"), ["NPM_TOKEN"], False),  # same CRC32 format as GitHub
    "pypi": ("PyPI", lambda: "pypi-AgEIcHlwaS5vcmc" + rs(B64URL, R.randint(150, 200)), ["PYPI_TOKEN", "TWINE_PASSWORD"], False),
    "dockerhub": ("Docker Hub", lambda: "dckr_pat_" + rs(B64URL, 27), ["DOCKERHUB_TOKEN", "DOCKER_PASSWORD"], False),
    "shopify_at": ("Shopify", lambda: "shpat_" + rs(HEX, 32), ["SHOPIFY_ACCESS_TOKEN"], False),
    "shopify_ss": ("Shopify", lambda: "shpss_" + rs(HEX, 32), ["SHOPIFY_API_SECRET"], False),
    "atlassian": ("Atlassian", lambda: "ATATT3xFfGF0" + rs(B64URL, 171) + "=" + rs(HEX.upper(), 8), ["JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN"], False),
    "linear": ("Linear", lambda: "lin_api_" + rs(ALNUM, 40), ["LINEAR_API_KEY"], False),
    "notion": ("Notion", lambda: R.choice(["secret_" + rs(ALNUM, 43), "ntn_" + rs(DIGITS, 11) + rs(ALNUM, 35)]), ["NOTION_TOKEN", "NOTION_API_KEY"], False),
    "postman": ("Postman", lambda: "PMAK-" + rs(HEX, 24) + "-" + rs(HEX, 34), ["POSTMAN_API_KEY"], False),
    "datadog_api": ("Datadog", lambda: rs(HEX, 32), ["DD_API_KEY", "DATADOG_API_KEY"], True),
    "datadog_app": ("Datadog", lambda: rs(HEX, 40), ["DD_APP_KEY", "DATADOG_APP_KEY"], True),
    "newrelic": ("New Relic", lambda: "NRAK-" + rs(UPPER + DIGITS, 27), ["NEW_RELIC_API_KEY"], False),
    "newrelic_license": ("New Relic", lambda: rs(HEX, 36) + "NRAL", ["NEW_RELIC_LICENSE_KEY"], False),
    "sentry": ("Sentry", lambda: R.choice([sentry_org(), "sntryu_" + rs(HEX, 64)]), ["SENTRY_AUTH_TOKEN"], False),
    "grafana": ("Grafana", lambda: "glsa_" + rs(ALNUM, 32) + "_" + rs(HEX, 8), ["GRAFANA_TOKEN", "GRAFANA_SERVICE_ACCOUNT_TOKEN"], False),
    "vault": ("HashiCorp Vault", vault_token, ["VAULT_TOKEN"], False),
    "doppler": ("Doppler", lambda: R.choice(["dp.st.prd." + rs(ALNUM, 43), "dp.pt." + rs(ALNUM, 43)]), ["DOPPLER_TOKEN"], False),
    "tfc": ("Terraform Cloud", lambda: rs(ALNUM, 14) + ".atlasv1." + rs(ALNUM, 67), ["TFE_TOKEN", "TF_API_TOKEN"], False),
    "pulumi": ("Pulumi", lambda: "pul-" + rs(HEX, 40), ["PULUMI_ACCESS_TOKEN"], False),
    "digitalocean": ("DigitalOcean", lambda: "dop_v1_" + rs(HEX, 64), ["DIGITALOCEAN_TOKEN", "DO_TOKEN"], False),
    "square": ("Square", lambda: R.choice(["EAAA" + rs(B64URL, 60), "sq0csp-" + rs(B64URL, 43)]), ["SQUARE_ACCESS_TOKEN"], False),
    "braintree": ("Braintree", lambda: f"access_token$production${rs(LOWER + DIGITS, 16)}${rs(HEX, 32)}", ["BRAINTREE_ACCESS_TOKEN"], False),
    "paypal": ("PayPal", lambda: rs(B64URL, 80), ["PAYPAL_CLIENT_SECRET"], True),
    "heroku": ("Heroku", lambda: R.choice(["HRKU-" + rs(B64URL, 60), uuid4()]), ["HEROKU_API_KEY"], True),
    "cloudflare_token": ("Cloudflare", lambda: rs(B64URL, 40), ["CLOUDFLARE_API_TOKEN", "CF_API_TOKEN"], True),
    "cloudflare_key": ("Cloudflare", lambda: rs(HEX, 37), ["CLOUDFLARE_API_KEY", "CF_API_KEY"], True),
    "gcp_api": ("Google Cloud", lambda: "AIza" + rs(B64URL, 35), ["GOOGLE_API_KEY", "GOOGLE_MAPS_API_KEY", "GEMINI_API_KEY"], False),
    "gcp_oauth": ("Google Cloud", lambda: "GOCSPX-" + rs(B64URL, 28), ["GOOGLE_CLIENT_SECRET"], False),
    "azure_storage": ("Azure", azure_storage_key, ["AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCOUNT_KEY"], True),
    "azure_client_secret": ("Azure", lambda: rs(ALNUM, 3) + f"{R.randint(7, 8)}Q~" + rs(ALNUM + "_~.-", 34), ["AZURE_CLIENT_SECRET"], False),
    "twilio_auth": ("Twilio", lambda: rs(HEX, 32), ["TWILIO_AUTH_TOKEN"], True),
    "aws_secret": ("AWS", aws_secret, ["AWS_SECRET_ACCESS_KEY"], True),
    "jwt": ("JWT", jwt, ["SUPABASE_SERVICE_ROLE_KEY", "API_JWT", "SERVICE_TOKEN"], False),
    "password": ("Password", password, ["DB_PASSWORD", "POSTGRES_PASSWORD", "MYSQL_ROOT_PASSWORD", "REDIS_PASSWORD", "ADMIN_PASSWORD", "SMTP_PASSWORD"], True),
}


def mapbox_secret():
    body = json.dumps({"u": R.choice(["acme", "northwind-maps", "globex"]), "a": "cl" + rs(LOWER + DIGITS, 23)}, separators=(",", ":"))
    return "sk." + b64url_nopad(body.encode()) + "." + rs(B64URL, 22)


def onepassword_sa():
    body = json.dumps({"signInAddress": "my.1password.com", "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256",
                       "iterations": 650000, "salt": rs(B64URL, 22)}, "email": rs(LOWER + DIGITS, 13) + "@1passwordserviceaccounts.com",
                       "srpX": rs(HEX, 64), "muk": {"alg": "A256GCM", "ext": False, "k": rs(B64URL, 43), "key_ops": ["encrypt", "decrypt"],
                       "kty": "oct", "kid": "mp"}, "secretKey": "A3-" + rs(UPPER + DIGITS, 6) + "-" + rs(UPPER + DIGITS, 11) + "-" + rs(UPPER + DIGITS, 5),
                       "throttleSecret": {"seed": rs(HEX, 64), "uuid": rs(UPPER + DIGITS, 26)}, "deviceUuid": rs(LOWER + DIGITS, 26)},
                      separators=(",", ":"))
    return "ops_" + b64url_nopad(body.encode())


def flyio():
    return "FlyV1 fm2_" + base64.b64encode(rbytes(R.randint(180, 240))).decode() + ",fm2_" + base64.b64encode(rbytes(R.randint(90, 130))).decode()


def jfrog_ref():
    return base64.b64encode(f"reftkn:01:{R.randint(1700000000, 2000000000)}:{rs(ALNUM, 27)}".encode()).decode().rstrip("=")


def intercom():
    return base64.b64encode(f"tok:{uuid4().replace('-', '_')}:1:0".encode()).decode()


def twitter_bearer():
    return "AAAAAAAAAAAAAAAAAAAAA" + rs(ALNUM, 6) + "AAAAAAA" + rs(ALNUM, 20) + "%3D" + rs(ALNUM, 50)


EXTRA = {
    "perplexity": ("Perplexity", lambda: "pplx-" + rs(ALNUM, 48), ["PERPLEXITY_API_KEY"], False),
    "pinecone": ("Pinecone", lambda: "pcsk_" + rs(ALNUM, 6) + "_" + rs(ALNUM, 63), ["PINECONE_API_KEY"], False),
    "langsmith": ("LangSmith", lambda: R.choice(["lsv2_pt_", "lsv2_sk_"]) + rs(HEX, 32) + "_" + rs(HEX, 10), ["LANGCHAIN_API_KEY", "LANGSMITH_API_KEY"], False),
    "mapbox": ("Mapbox", mapbox_secret, ["MAPBOX_SECRET_TOKEN", "MAPBOX_DOWNLOADS_TOKEN"], False),
    "supabase_pat": ("Supabase", lambda: "sbp_" + rs(HEX, 40), ["SUPABASE_ACCESS_TOKEN"], False),
    "posthog": ("PostHog", lambda: "phx_" + rs(ALNUM, 43), ["POSTHOG_PERSONAL_API_KEY"], False),
    "netlify": ("Netlify", lambda: "nfp_" + rs(ALNUM, 36), ["NETLIFY_AUTH_TOKEN"], False),
    "flyio": ("Fly.io", flyio, ["FLY_API_TOKEN"], False),
    "render": ("Render", lambda: "rnd_" + rs(ALNUM, 32), ["RENDER_API_KEY"], False),
    "circleci": ("CircleCI", lambda: "CCIPAT_" + rs(BASE58, 22) + "_" + rs(HEX, 40), ["CIRCLECI_TOKEN"], False),
    "buildkite": ("Buildkite", lambda: "bkua_" + rs(HEX, 40), ["BUILDKITE_API_TOKEN"], False),
    "tailscale": ("Tailscale", lambda: "tskey-auth-k" + rs(ALNUM, 6) + "CNTRL-" + rs(ALNUM, 33), ["TS_AUTHKEY", "TAILSCALE_AUTHKEY"], False),
    "sonarqube": ("SonarQube", lambda: R.choice(["squ_", "sqp_"]) + rs(HEX, 40), ["SONAR_TOKEN"], False),
    "figma": ("Figma", lambda: "figd_" + rs(B64URL, 40), ["FIGMA_TOKEN"], False),
    "airtable": ("Airtable", lambda: "pat" + rs(ALNUM, 14) + "." + rs(HEX, 64), ["AIRTABLE_API_KEY", "AIRTABLE_TOKEN"], False),
    "hubspot": ("HubSpot", lambda: "pat-" + R.choice(["na1", "eu1"]) + "-" + uuid4(), ["HUBSPOT_ACCESS_TOKEN"], False),
    "contentful": ("Contentful", lambda: "CFPAT-" + rs(B64URL, 43), ["CONTENTFUL_MANAGEMENT_TOKEN"], False),
    "okta": ("Okta", lambda: "00" + rs(B64URL, 40), ["OKTA_API_TOKEN"], True),
    "age": ("age", lambda: "AGE-SECRET-KEY-1" + rs("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58), ["SOPS_AGE_KEY"], False),
    "onepassword": ("1Password", onepassword_sa, ["OP_SERVICE_ACCOUNT_TOKEN"], False),
    "dynatrace": ("Dynatrace", lambda: "dt0c01." + rs(UPPER + DIGITS, 24) + "." + rs(UPPER + DIGITS, 64), ["DT_API_TOKEN"], False),
    "rubygems": ("RubyGems", lambda: "rubygems_" + rs(HEX, 48), ["GEM_HOST_API_KEY"], False),
    "nuget": ("NuGet", lambda: "oy2" + rs(LOWER + DIGITS, 43), ["NUGET_API_KEY"], False),
    "crates": ("crates.io", lambda: "cio" + rs(ALNUM, 32), ["CARGO_REGISTRY_TOKEN"], False),
    "shippo": ("Shippo", lambda: "shippo_live_" + rs(HEX, 40), ["SHIPPO_API_KEY"], False),
    "easypost": ("EasyPost", lambda: "EZAK" + rs(ALNUM, 54), ["EASYPOST_API_KEY"], False),
    "flutterwave": ("Flutterwave", lambda: "FLWSECK-" + rs(HEX, 32) + "-X", ["FLW_SECRET_KEY"], False),
    "twitter": ("X/Twitter", twitter_bearer, ["TWITTER_BEARER_TOKEN"], False),
    "dropbox": ("Dropbox", lambda: "sl." + rs(B64URL, 136), ["DROPBOX_ACCESS_TOKEN"], False),
    "brevo": ("Brevo", lambda: "xkeysib-" + rs(HEX, 64) + "-" + rs(ALNUM, 16), ["BREVO_API_KEY"], False),
    "mailersend": ("MailerSend", lambda: "mlsn." + rs(HEX, 64), ["MAILERSEND_API_KEY"], False),
    "resend": ("Resend", lambda: "re_" + rs(ALNUM, 8) + "_" + rs(ALNUM, 24), ["RESEND_API_KEY"], False),
    "databricks": ("Databricks", lambda: "dapi" + rs(HEX, 32), ["DATABRICKS_TOKEN"], False),
    "neon": ("Neon", lambda: "napi_" + rs(LOWER + DIGITS, 64), ["NEON_API_KEY"], False),
    "planetscale": ("PlanetScale", lambda: R.choice(["pscale_tkn_", "pscale_pw_"]) + rs(B64URL, 43), ["PLANETSCALE_SERVICE_TOKEN"], False),
    "jfrog": ("JFrog", lambda: R.choice(["AKCp" + rs(ALNUM, 69), jfrog_ref()]), ["ARTIFACTORY_API_KEY", "JFROG_ACCESS_TOKEN"], False),
    "octopus": ("Octopus Deploy", lambda: "API-" + rs(UPPER + DIGITS, 26), ["OCTOPUS_API_KEY"], False),
    "bitbucket": ("Bitbucket", lambda: "ATBB" + rs(ALNUM, 32), ["BITBUCKET_APP_PASSWORD"], False),
    "adobe": ("Adobe", lambda: "p8e-" + rs(ALNUM, 32), ["ADOBE_CLIENT_SECRET"], False),
    "fcm": ("Firebase", lambda: "AAAA" + rs(B64URL, 7) + ":APA91b" + rs(B64URL, 134), ["FCM_SERVER_KEY"], False),
    "teams": ("Microsoft Teams", lambda: f"https://acme.webhook.office.com/webhookb2/{uuid4()}@{uuid4()}/IncomingWebhook/{rs(HEX, 32)}/{uuid4()}", ["TEAMS_WEBHOOK_URL"], False),
    "launchdarkly": ("LaunchDarkly", lambda: "sdk-" + uuid4(), ["LAUNCHDARKLY_SDK_KEY"], False),
    "honeycomb": ("Honeycomb", lambda: "hcaik_" + rs(ALNUM, 58), ["HONEYCOMB_API_KEY"], False),
    "facebook": ("Facebook", lambda: "EAA" + rs(ALNUM, R.randint(150, 200)), ["FB_PAGE_ACCESS_TOKEN"], False),
    "intercom": ("Intercom", intercom, ["INTERCOM_ACCESS_TOKEN"], False),
    "asana": ("Asana", lambda: f"2/{rs(DIGITS, 16)}/{rs(DIGITS, 16)}:{rs(HEX, 32)}", ["ASANA_ACCESS_TOKEN"], False),
    "azure_openai": ("Azure", lambda: rs(HEX, 32), ["AZURE_OPENAI_API_KEY"], True),
    "cohere": ("Cohere", lambda: rs(ALNUM, 40), ["COHERE_API_KEY"], True),
    "mistral": ("Mistral", lambda: rs(ALNUM, 32), ["MISTRAL_API_KEY"], True),
    "elevenlabs": ("ElevenLabs", lambda: "sk_" + rs(HEX, 48), ["ELEVENLABS_API_KEY"], True),
    "deepgram": ("Deepgram", lambda: rs(HEX, 40), ["DEEPGRAM_API_KEY"], True),
    "algolia": ("Algolia", lambda: rs(HEX, 32), ["ALGOLIA_ADMIN_API_KEY"], True),
    "plaid": ("Plaid", lambda: rs(HEX, 30), ["PLAID_SECRET"], True),
    "mollie": ("Mollie", lambda: "live_" + rs(ALNUM, 30), ["MOLLIE_API_KEY"], True),
    "gocardless": ("GoCardless", lambda: "live_" + rs(B64URL, 40), ["GOCARDLESS_ACCESS_TOKEN"], True),
    "auth0": ("Auth0", lambda: rs(B64URL, 64), ["AUTH0_CLIENT_SECRET"], True),
    "zendesk": ("Zendesk", lambda: rs(ALNUM, 40), ["ZENDESK_API_TOKEN"], True),
    "snyk": ("Snyk", uuid4, ["SNYK_TOKEN"], True),
    "ngrok": ("ngrok", lambda: "2" + rs(ALNUM, 26) + "_" + rs(ALNUM, 21), ["NGROK_AUTHTOKEN"], True),
    "hetzner": ("Hetzner", lambda: rs(ALNUM, 64), ["HCLOUD_TOKEN"], True),
    "linode": ("Linode", lambda: rs(HEX, 64), ["LINODE_TOKEN"], True),
    "vercel": ("Vercel", lambda: rs(ALNUM, 24), ["VERCEL_TOKEN"], True),
    "azure_devops": ("Azure DevOps", lambda: rs(LOWER + "234567", 52), ["AZURE_DEVOPS_PAT", "AZURE_DEVOPS_EXT_PAT"], True),
    "etherscan": ("Etherscan", lambda: rs(UPPER + DIGITS, 34), ["ETHERSCAN_API_KEY"], True),
    "vonage": ("Vonage", lambda: rs(ALNUM, 16), ["VONAGE_API_SECRET"], True),
}
PROVIDERS.update(EXTRA)

# providers usable in a plain assignment / env var (AWS is planted as a pair separately)
SIMPLE = [k for k in PROVIDERS if k not in ("aws_secret",)]

WORDS = ["billing", "checkout", "orders", "search", "inventory", "notify", "auth", "gateway",
         "reports", "ledger", "catalog", "profile", "ingest", "worker", "scheduler", "mailer",
         "analytics", "payments", "media", "chat", "webhooks", "sync", "export", "pricing"]


def camel(var):
    parts = var.lower().split("_")
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def pascal(var):
    return "".join(p.capitalize() for p in var.lower().split("_"))


# --------------------------------------------------------------------------- file builder

class Doc:
    def __init__(self, path):
        self.path = path
        self.parts = []
        self.labels = []   # (secret, provider, anchor, alts)
        self.ignores = []  # (secret, reason)

    def add(self, *lines):
        self.parts.extend(lines)

    def secret(self, secret, provider, anchor=None, alts=()):
        self.labels.append((secret, provider, anchor or secret, list(alts)))

    def ignore(self, value, reason):
        self.ignores.append((value, reason))

    def text(self):
        return "\n".join(self.parts) + "\n"


def line_of(text, needle, start=0):
    idx = text.find(needle, start)
    if idx < 0:
        raise RuntimeError(f"anchor not found: {needle[:40]}")
    return text.count("\n", 0, idx) + 1, idx


def pick_secret(keys=None, contextual_ok=True):
    keys = keys or SIMPLE
    while True:
        k = R.choice(keys)
        prov, gen, names, ctx = PROVIDERS[k]
        if ctx and not contextual_ok:
            continue
        return k, prov, gen(), R.choice(names)


NO_BEARER = {"telegram", "discord_bot", "teams", "fcm", "age", "launchdarkly", "slack_webhook", "discord_webhook", "stripe_whsec", "shopify_ss", "gcp_oauth", "newrelic_license",
             "azure_client_secret", "mailchimp", "mailgun", "sendgrid", "gcp_api"}


def bearer_ok(k):
    return not PROVIDERS[k][3] and k not in NO_BEARER


def svc():
    return R.choice(WORDS)


# --------------------------------------------------------------------------- positive templates

def p_env(d):
    d.add(f"# {svc()} service - production", "NODE_ENV=production", f"PORT={R.choice([3000, 8080, 8000])}",
          f"LOG_LEVEL={R.choice(['info', 'warn'])}")
    for _ in range(R.randint(1, 3)):
        k, prov, s, var = pick_secret()
        q = R.choice(["", "", '"', "'"])
        d.add(f"{var}={q}{s}{q}")
        d.secret(s, prov)
        d.add(R.choice([f"FEATURE_{svc().upper()}=true", "TZ=UTC", f"APP_URL=https://{svc()}.acme-corp.io"]))
    if R.random() < 0.4:
        kid, sec = aws_key_id(), aws_secret()
        d.add(f"AWS_ACCESS_KEY_ID={kid}", f"AWS_SECRET_ACCESS_KEY={sec}", "AWS_DEFAULT_REGION=eu-west-1")
        d.secret(kid, "AWS")
        d.secret(sec, "AWS")


def p_compose(d):
    pw = password()
    pw = password(url_safe=True)
    d.add("version: '3.8'", "services:", "  db:", "    image: postgres:15-alpine", "    environment:",
          "      POSTGRES_USER: app", f"      POSTGRES_PASSWORD: {pw}", "      POSTGRES_DB: app",
          "    volumes:", "      - pgdata:/var/lib/postgresql/data", "  api:", f"    build: ./{svc()}",
          "    environment:", f"      DATABASE_URL: postgres://app:{pw}@db:5432/app")
    d.secret(pw, "Password", anchor=f"POSTGRES_PASSWORD: {pw}")
    d.secret(pw, "Password", anchor=f"app:{pw}@db")
    k, prov, s, var = pick_secret()
    style = R.random()
    if style < 0.5:
        d.add(f"      {var}: {s}")
    else:
        d.add(f"      - {var}={s}")
    d.secret(s, prov)
    d.add("    ports:", '      - "8080:8080"', "    depends_on:", "      - db", "volumes:", "  pgdata: {}")


def p_k8s_secret(d):
    name = svc()
    d.add("apiVersion: v1", "kind: Secret", "metadata:", f"  name: {name}-credentials",
          f"  namespace: {R.choice(['prod', 'default', 'platform'])}", "  labels:", f"    app: {name}",
          "type: Opaque", "data:")
    for _ in range(R.randint(1, 3)):
        k, prov, s, var = pick_secret()
        enc = base64.b64encode(s.encode()).decode()
        key = R.choice([var.lower().replace("_", "-"), var, camel(var)])
        d.add(f"  {key}: {enc}")
        d.secret(s, prov, anchor=f"{key}: {enc}", alts=[enc])
    if R.random() < 0.5:
        pw = password()
        d.add("stringData:", f"  db-password: \"{pw}\"")
        d.secret(pw, "Password")


def p_dockerconfigjson(d):
    user = R.choice(["deploy", "ci-bot", "acme"])
    k, prov, tok, _ = pick_secret(["dockerhub", "github_classic", "gitlab", "password"])
    auth = base64.b64encode(f"{user}:{tok}".encode()).decode()
    inner = json.dumps({"auths": {"https://index.docker.io/v1/" if k != "gitlab" else "registry.gitlab.com":
                                  {"username": user, "password": tok, "auth": auth}}})
    if not d.path.endswith(".json"):
        enc = base64.b64encode(inner.encode()).decode()
        d.add("apiVersion: v1", "kind: Secret", "metadata:", "  name: regcred", "type: kubernetes.io/dockerconfigjson",
              "data:", f"  .dockerconfigjson: {enc}")
        d.secret(tok, prov, anchor=enc, alts=[enc, auth, f"{user}:{tok}"])
    else:
        d.add("{", '  "auths": {', '    "https://index.docker.io/v1/": {', f'      "auth": "{auth}"', "    }", "  },",
              '  "credsStore": ""', "}")
        d.secret(tok, prov, anchor=auth, alts=[auth, f"{user}:{tok}"])


def p_gha(d):
    d.add(f"name: deploy-{svc()}", "on:", "  push:", "    branches: [main]", "jobs:", "  deploy:",
          "    runs-on: ubuntu-latest", "    env:")
    k, prov, s, var = pick_secret()
    d.add(f"      {var}: {s}")
    d.secret(s, prov)
    d.add("    steps:", "      - uses: actions/checkout@v4", "      - name: Publish")
    if R.random() < 0.5:
        k2, prov2, s2, var2 = pick_secret(["npm", "pypi", "dockerhub", "github_classic", "github_fine"])
        d.add("        env:", f"          {var2}: {s2}")
        d.secret(s2, prov2)
    d.add("        run: |", "          make build", "          make publish")


def p_helm(d):
    d.add(f"replicaCount: {R.randint(1, 4)}", "image:", f"  repository: ghcr.io/acme/{svc()}", "  tag: \"1.4.2\"",
          "config:")
    for _ in range(R.randint(1, 3)):
        k, prov, s, var = pick_secret()
        d.add(f"  {camel(var)}: \"{s}\"")
        d.secret(s, prov)
    if R.random() < 0.6:
        pw = password()
        d.add("postgresql:", "  auth:", "    username: app", f"    password: {pw}", "    database: app")
        d.secret(pw, "Password")
    d.add("resources:", "  limits:", "    memory: 512Mi")


def p_json_config(d):
    obj = {"name": svc(), "env": "production", "port": 8080}
    plant = []
    for _ in range(R.randint(1, 3)):
        k, prov, s, var = pick_secret()
        obj[camel(var)] = s
        plant.append((s, prov))
    if R.random() < 0.5:
        pw = password()
        obj["database"] = {"host": "db.internal", "user": "app", "password": pw}
        plant.append((pw, "Password"))
    d.add(json.dumps(obj, indent=2))
    for s, prov in plant:
        d.secret(s, prov)


def p_tfstate(d):
    kid, sec = aws_key_id(), aws_secret()
    pw = password()
    state = {"version": 4, "terraform_version": "1.6.4", "serial": R.randint(3, 90), "lineage": uuid4(),
             "outputs": {}, "resources": [
                 {"mode": "managed", "type": "aws_iam_access_key", "name": "ci", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
                  "instances": [{"schema_version": 0, "attributes": {"id": kid, "secret": sec, "status": "Active", "user": "ci"}}]},
                 {"mode": "managed", "type": "aws_db_instance", "name": "main", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
                  "instances": [{"schema_version": 2, "attributes": {"engine": "postgres", "username": "app", "password": pw,
                                                                      "endpoint": "main.c9akciq32.eu-west-1.rds.amazonaws.com:5432"}}]}]}
    d.add(json.dumps(state, indent=2))
    d.secret(kid, "AWS")
    d.secret(sec, "AWS")
    d.secret(pw, "Password")


def p_appsettings(d):
    pw = password()
    k, prov, s, var = pick_secret()
    obj = {"Logging": {"LogLevel": {"Default": "Information"}},
           "ConnectionStrings": {"Default": f"Server=tcp:{svc()}-sql.database.windows.net,1433;Initial Catalog=app;User ID=appuser;Password={pw};Encrypt=True;"},
           "Integrations": {pascal(var): s}, "AllowedHosts": "*"}
    plant = [(pw, "Password"), (s, prov)]
    if R.random() < 0.5:
        acct = "st" + rs(LOWER + DIGITS, 12)
        key = azure_storage_key()
        obj["Storage"] = {"ConnectionString": f"DefaultEndpointsProtocol=https;AccountName={acct};AccountKey={key};EndpointSuffix=core.windows.net"}
        plant.append((key, "Azure"))
    d.add(json.dumps(obj, indent=2))
    for s_, p_ in plant:
        d.secret(s_, p_)


def p_gcp_sa(d):
    key = pem_pkcs8()
    pkid = rs(HEX, 40)
    proj = f"{svc()}-prod-{R.randint(100000, 999999)}"
    obj = {"type": "service_account", "project_id": proj, "private_key_id": pkid, "private_key": key + "\n",
           "client_email": f"deployer@{proj}.iam.gserviceaccount.com", "client_id": rs(DIGITS, 21),
           "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token"}
    txt = json.dumps(obj, indent=2)
    d.add(txt)
    esc = json.dumps(key)[1:-1]
    d.secret(key, "Google Cloud", anchor=esc[:60], alts=[pkid, esc])


def p_toml(d):
    d.add("[server]", 'host = "0.0.0.0"', f"port = {R.choice([8000, 8080])}", "", "[secrets]")
    for _ in range(R.randint(1, 2)):
        k, prov, s, var = pick_secret()
        d.add(f'{var.lower()} = "{s}"')
        d.secret(s, prov)
    if R.random() < 0.5:
        pw = password()
        pw = password(url_safe=True)
        d.add("", "[database]", f'url = "postgresql://app:{pw}@db.internal:5432/app"', "pool_size = 10")
        d.secret(pw, "Password")


def p_ini(d):
    if R.random() < 0.5:
        kid, sec = aws_key_id(), aws_secret()
        d.path = d.path.rsplit("/", 1)[0] + "/credentials"
        d.add("[default]", f"aws_access_key_id = {kid}", f"aws_secret_access_key = {sec}", "",
              "[staging]", "region = us-east-2", "role_arn = arn:aws:iam::123456789012:role/Deploy", "source_profile = default")
        d.secret(kid, "AWS")
        d.secret(sec, "AWS")
    else:
        pw = password()
        k, prov, s, var = pick_secret()
        d.add("[app]", f"name = {svc()}", "debug = false", "", "[database]", "host = 10.0.3.12", "user = app",
              f"password = {pw}", "", "[integrations]", f"{var.lower()} = {s}")
        d.secret(pw, "Password")
        d.secret(s, prov)


def p_properties(d):
    pw = password(url_safe=True)
    host = f"{svc()}-db.internal"
    style = R.random()
    d.add("spring.application.name=" + svc(), "server.port=8080")
    if style < 0.5:
        d.add(f"spring.datasource.url=jdbc:postgresql://{host}:5432/app", "spring.datasource.username=app",
              f"spring.datasource.password={pw}")
    else:
        d.add(f"spring.datasource.url=jdbc:mysql://{host}:3306/app?user=app&password={pw}&useSSL=true")
    d.secret(pw, "Password")
    k, prov, s, var = pick_secret()
    d.add(f"app.{var.lower().replace('_', '.')}={s}", "management.endpoints.web.exposure.include=health")
    d.secret(s, prov)


def python_idiom(var, s, prov_key):
    r = R.random()
    if r < 0.2:
        return [f'{var} = "{s}"']
    if r < 0.35:
        return [f'{var.lower()} = os.environ.get("{var}", "{s}")']
    if r < 0.5 and bearer_ok(prov_key):
        return ["headers = {", f'    "Authorization": "Bearer {s}",', '    "Content-Type": "application/json",', "}"]
    if r < 0.65:
        return ["SETTINGS = {", f'    "{var.lower()}": "{s}",', '    "timeout": 30,', "}"]
    if r < 0.8:
        ctor = {"openai": "OpenAI(api_key=", "anthropic": "anthropic.Anthropic(api_key=", "stripe_sk": "stripe.StripeClient(",
                "slack_bot": "WebClient(token=", "github_classic": "Github(", "sendgrid": "SendGridAPIClient(",
                "groq": "Groq(api_key=", "linear": "LinearClient(api_key=", "twilio_auth": None}.get(prov_key)
        if ctor:
            return [f'client = {ctor}"{s}")']
        return [f'{var.lower()}: str = "{s}"']
    return [f'os.environ.setdefault("{var}", "{s}")']


def p_python(d):
    d.add("import os", "import json", "import requests", "", "")
    k, prov, s, var = pick_secret()
    d.add(*python_idiom(var, s, k))
    d.secret(s, prov)
    d.add("", "", f"def fetch_{svc()}(session, item_id):",
          f'    resp = session.get(f"https://api.{svc()}.io/v2/items/{{item_id}}", timeout=10)',
          "    resp.raise_for_status()", "    return resp.json()")
    if R.random() < 0.4:
        pw = password()
        db = R.choice([("postgresql", 5432), ("mysql", 3306), ("mongodb", 27017), ("redis", 6379), ("amqp", 5672)])
        pw = password(url_safe=True)
        d.add("", f'BROKER_URL = "{db[0]}://svc_user:{pw}@{svc()}.internal:{db[1]}/0"')
        d.secret(pw, "Password")
    if R.random() < 0.3:
        kid, sec = aws_key_id(), aws_secret()
        d.add("", "s3 = boto3.client(", '    "s3",', f'    aws_access_key_id="{kid}",', f'    aws_secret_access_key="{sec}",', ")")
        d.secret(kid, "AWS")
        d.secret(sec, "AWS")


def p_js(d):
    ts = d.path.endswith(".ts")
    d.add("import axios from 'axios';", "")
    k, prov, s, var = pick_secret()
    r = R.random()
    if r < 0.25:
        d.add(f"const {var} = '{s}';")
    elif r < 0.45:
        d.add(f"const {camel(var)} = process.env.{var} || \"{s}\";")
    elif r < 0.65 and bearer_ok(k):
        d.add("const api = axios.create({", f"  baseURL: 'https://api.{svc()}.com/v1',",
              f"  headers: {{ Authorization: `Bearer {s}` }},", "});")
    elif r < 0.8:
        d.add("export const config" + (": Record<string, string>" if ts else "") + " = {",
              f"  {camel(var)}: \"{s}\",", "  region: 'us-east-1',", "};")
    else:
        ctor = {"stripe_sk": "new Stripe(", "openai": "new OpenAI({ apiKey: ", "anthropic": "new Anthropic({ apiKey: ",
                "slack_bot": "new WebClient(", "sendgrid": "sgMail.setApiKey("}.get(k)
        if ctor:
            close = " })" if "{" in ctor else ")"
            d.add(f"const client = {ctor}'{s}'{close};")
        else:
            d.add(f"const {camel(var)}{': string' if ts else ''} = \"{s}\";")
    d.secret(s, prov)
    d.add("", f"export async function list{pascal(svc())}() {{", "  const { data } = await api.get('/items');",
          "  return data.items;", "}")
    if R.random() < 0.3:
        pw = password()
        pw = password(url_safe=True)
        d.add("", f"const mongoUri = 'mongodb+srv://admin:{pw}@cluster0.{rs(LOWER + DIGITS, 5)}.mongodb.net/app?retryWrites=true';")
        d.secret(pw, "Password")


def p_go(d):
    d.add("package config", "", "import (", '\t"net/http"', '\t"os"', ")", "")
    k, prov, s, var = pick_secret()
    r = R.random()
    if r < 0.3:
        d.add(f'const {camel(var)} = "{s}"')
    elif r < 0.5:
        d.add("func init() {", f'\tos.Setenv("{var}", "{s}")', "}")
    elif r < 0.75 and bearer_ok(k):
        d.add("func authorize(req *http.Request) {", f'\treq.Header.Set("Authorization", "Bearer {s}")', "}")
    else:
        d.add("var Default = Config{", f'\tEndpoint: "https://api.{svc()}.io",', f'\t{pascal(var)}: "{s}",', "}")
    d.secret(s, prov)
    if R.random() < 0.35:
        pw = password()
        pw = password(url_safe=True)
        d.add("", f'const dsn = "postgres://app:{pw}@{svc()}-db:5432/app?sslmode=require"')
        d.secret(pw, "Password")
    d.add("", "func Env(key, def string) string {", "\tif v := os.Getenv(key); v != \"\" {", "\t\treturn v", "\t}",
          "\treturn def", "}")


def p_java(d):
    cls = pascal(svc()) + "Client"
    d.add("package com.acme.integrations;", "", "import java.net.http.HttpRequest;", "", f"public class {cls} {{")
    k, prov, s, var = pick_secret()
    r = R.random()
    if r < 0.4:
        d.add(f'    private static final String {var} = "{s}";')
    elif r < 0.65 and bearer_ok(k):
        d.add("    HttpRequest build(String path) {", "        return HttpRequest.newBuilder()",
              '                .uri(java.net.URI.create("https://api.acme-corp.net" + path))',
              f'                .header("Authorization", "Bearer {s}")', "                .build();", "    }")
    elif k == "stripe_sk":
        d.add("    static {", f'        Stripe.apiKey = "{s}";', "    }")
    else:
        d.add(f'    private String {camel(var)} = "{s}";')
    d.secret(s, prov)
    if R.random() < 0.35:
        pw = password()
        d.add(f'    private static final String JDBC_URL = "jdbc:sqlserver://sql01.corp.local:1433;databaseName=app;user=app;password={pw}";')
        d.secret(pw, "Password")
    d.add("}")


def p_ruby(d):
    k, prov, s, var = pick_secret()
    r = R.random()
    d.add("# frozen_string_literal: true", "", "require 'net/http'", "")
    if r < 0.3:
        d.add(f"{var} = '{s}'")
    elif r < 0.55:
        d.add(f"{var.lower()} = ENV.fetch('{var}', '{s}')")
    elif r < 0.8:
        d.add(f"Rails.application.configure do", f"  config.x.{var.lower()} = '{s}'", "end")
    else:
        d.add(f"client = {pascal(svc())}::Client.new(", f"  {var.lower()}: '{s}',", "  timeout: 5", ")")
    d.secret(s, prov)
    d.add("", "def fetch(path)", "  Net::HTTP.get(URI(\"https://api.acme-corp.org#{path}\"))", "end")


def p_php(d):
    k, prov, s, var = pick_secret()
    r = R.random()
    d.add("<?php", "")
    if r < 0.3:
        d.add(f"define('{var}', '{s}');")
    elif r < 0.6:
        d.add("return [", f"    '{var.lower()}' => '{s}',", "    'timeout' => 30,", "];")
    elif k == "stripe_sk":
        d.add(f"$stripe = new \\Stripe\\StripeClient('{s}');")
    else:
        d.add(f"$config['{var.lower()}'] = '{s}';")
    d.secret(s, prov)
    if R.random() < 0.4:
        pw = password()
        d.add(f"$pdo = new PDO('mysql:host=127.0.0.1;dbname=shop', 'shop', '{pw}');")
        d.secret(pw, "Password")


def p_csharp(d):
    k, prov, s, var = pick_secret()
    d.add("using System;", "using System.Net.Http;", "using System.Net.Http.Headers;", "", "namespace Acme.Integrations",
          "{", f"    public class {pascal(svc())}Client", "    {")
    r = R.random()
    if r < 0.4:
        d.add(f'        private const string {pascal(var)} = "{s}";')
    elif r < 0.7 and bearer_ok(k):
        d.add("        public void Configure(HttpClient client)", "        {",
              f'            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "{s}");', "        }")
    else:
        d.add(f'        private readonly string _{camel(var)} = Environment.GetEnvironmentVariable("{var}") ?? "{s}";')
    d.secret(s, prov)
    d.add("    }", "}")


def p_shell(d):
    d.add("#!/usr/bin/env bash", "set -euo pipefail", "")
    k, prov, s, var = pick_secret()
    r = R.random()
    if r < 0.35:
        d.add(f"export {var}=\"{s}\"")
    elif r < 0.65 and bearer_ok(k):
        d.add(f"curl -sS -X POST https://api.{svc()}.com/v1/deploy \\", f"  -H \"Authorization: Bearer {s}\" \\",
              "  -H 'Content-Type: application/json' \\", "  -d '{\"ref\":\"main\"}'")
    else:
        d.add(f"{var}='{s}'", f"./bin/{svc()} --token \"${var}\"")
    d.secret(s, prov)
    if R.random() < 0.4:
        pw = password()
        d.add("", f"curl -u admin:{pw} https://nexus.corp.local/service/rest/v1/repositories")
        d.secret(pw, "Password")
    if R.random() < 0.3:
        kid, sec = aws_key_id(), aws_secret()
        d.add(f"export AWS_ACCESS_KEY_ID={kid}", f"export AWS_SECRET_ACCESS_KEY={sec}")
        d.secret(kid, "AWS")
        d.secret(sec, "AWS")
    d.add("echo done")


def p_dockerfile(d):
    d.add(f"FROM python:3.12-slim", "WORKDIR /app", "COPY requirements.txt .")
    k, prov, s, var = pick_secret()
    if R.random() < 0.5:
        d.add(f"ENV {var}={s}")
    else:
        d.add(f"ARG {var}={s}")
    d.secret(s, prov)
    if R.random() < 0.3:
        tok = gh_checksummed("ghp_")
        d.add(f"RUN pip install git+https://{tok}@github.com/acme/internal-lib.git")
        d.secret(tok, "GitHub")
    d.add("RUN pip install -r requirements.txt", "COPY . .", 'CMD ["python", "-m", "app"]')


def p_terraform(d):
    r = R.random()
    if r < 0.4:
        kid, sec = aws_key_id(), aws_secret()
        d.add('provider "aws" {', '  region     = "eu-central-1"', f'  access_key = "{kid}"', f'  secret_key = "{sec}"', "}")
        d.secret(kid, "AWS")
        d.secret(sec, "AWS")
    elif r < 0.6:
        tok = PROVIDERS["digitalocean"][1]()
        d.add('provider "digitalocean" {', f'  token = "{tok}"', "}")
        d.secret(tok, "DigitalOcean")
    elif r < 0.8:
        tok = PROVIDERS["cloudflare_token"][1]()
        d.add('provider "cloudflare" {', f'  api_token = "{tok}"', "}")
        d.secret(tok, "Cloudflare")
    else:
        sec = PROVIDERS["azure_client_secret"][1]()
        d.add('provider "azurerm" {', "  features {}", f'  subscription_id = "{uuid4()}"', f'  client_id       = "{uuid4()}"',
              f'  client_secret   = "{sec}"', f'  tenant_id       = "{uuid4()}"', "}")
        d.secret(sec, "Azure")
    if R.random() < 0.5:
        pw = password()
        d.add("", 'resource "aws_db_instance" "main" {', '  engine         = "postgres"', '  instance_class = "db.t3.micro"',
              '  username       = "app"', f'  password       = "{pw}"', "}")
        d.secret(pw, "Password")


def p_webconfig(d):
    pw = password()
    d.add('<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <connectionStrings>",
          f'    <add name="Default" connectionString="Data Source=sql01;Initial Catalog=Shop;User Id=shop;Password={pw};" providerName="System.Data.SqlClient" />',
          "  </connectionStrings>", "  <appSettings>")
    d.secret(pw, "Password")
    k, prov, s, var = pick_secret()
    d.add(f'    <add key="{pascal(var)}" value="{s}" />', '    <add key="Environment" value="Production" />', "  </appSettings>",
          "</configuration>")
    d.secret(s, prov)


def p_maven(d):
    pw = password()
    d.add("<settings>", "  <servers>", "    <server>", "      <id>internal-releases</id>", "      <username>deployer</username>",
          f"      <password>{pw}</password>", "    </server>")
    d.secret(pw, "Password")
    if R.random() < 0.5:
        tok = gh_checksummed("ghp_")
        d.add("    <server>", "      <id>github</id>", "      <username>acme-ci</username>", f"      <password>{tok}</password>", "    </server>")
        d.secret(tok, "GitHub")
    d.add("  </servers>", "</settings>")


def p_markdown(d):
    d.add(f"# {pascal(svc())} integration", "", "Quick start for the staging environment:", "", "```bash")
    k, prov, s, var = pick_secret()
    d.add(f"export {var}={s}")
    d.secret(s, prov)
    d.add(f"python -m {svc()}.cli sync --since 2024-01-01", "```", "", "Ping #platform if the token stops working.")


def p_ipynb(d):
    k, prov, s, var = pick_secret(contextual_ok=False)
    src = [R.choice([f'os.environ["{var}"] = "{s}"\n', f'{var.lower()} = "{s}"\n'])]
    nb = {"cells": [{"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
                     "source": ["import os\n", "import pandas as pd\n"]},
                    {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [], "source": src + ["client = make_client()\n"]},
                    {"cell_type": "markdown", "metadata": {}, "source": ["## Results\n"]}],
          "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
          "nbformat": 4, "nbformat_minor": 5}
    d.add(json.dumps(nb, indent=1))
    d.secret(s, prov, anchor=json.dumps(s)[1:-1])


def p_cilog(d):
    ts = f"2024-0{R.randint(1, 9)}-1{R.randint(0, 9)}T0{R.randint(0, 9)}:1{R.randint(0, 9)}:"
    d.add(f"{ts}01.1234567Z ##[group]Run ./scripts/deploy.sh", f"{ts}01.2234567Z + ./scripts/deploy.sh")
    k, prov, s, var = pick_secret()
    r = R.random()
    if r < 0.5:
        d.add(f"{ts}02.0012345Z + export {var}={s}")
    else:
        d.add(f"{ts}02.0012345Z {var}={s}")
    d.secret(s, prov)
    d.add(f"{ts}03.1000000Z Deploying build 4821 to production", f"{ts}09.2000000Z ##[endgroup]")


def p_npmrc(d):
    d.path = d.path.rsplit("/", 1)[0] + "/.npmrc"
    tok = PROVIDERS["npm"][1]() if R.random() < 0.6 else uuid4()  # legacy .npmrc tokens are UUIDs
    d.add("registry=https://registry.npmjs.org/", f"//registry.npmjs.org/:_authToken={tok}", "always-auth=true")
    d.secret(tok, "npm")
    if R.random() < 0.4:
        gh = gh_checksummed("ghp_")
        d.add("@acme:registry=https://npm.pkg.github.com", f"//npm.pkg.github.com/:_authToken={gh}")
        d.secret(gh, "GitHub")


def p_pypirc(d):
    d.path = d.path.rsplit("/", 1)[0] + "/.pypirc"
    tok = PROVIDERS["pypi"][1]()
    d.add("[distutils]", "index-servers =", "    pypi", "    internal", "", "[pypi]", "username = __token__", f"password = {tok}",
          "", "[internal]", "repository = https://pypi.corp.local/simple")
    d.secret(tok, "PyPI")
    pw = password()
    d.add("username = release-bot", f"password = {pw}")
    d.secret(pw, "Password")


def p_netrc(d):
    d.path = d.path.rsplit("/", 1)[0] + "/.netrc"
    pw = password()
    d.add(f"machine ftp.{svc()}.acme-corp.net", "  login deploy", f"  password {pw}")
    d.secret(pw, "Password")
    if R.random() < 0.5:
        tok = gh_checksummed("ghp_")
        d.add(f"machine api.github.com login acme-bot password {tok}")
        d.secret(tok, "GitHub")


def p_gitcred(d):
    r = R.random()
    if r < 0.5:
        d.path = d.path.rsplit("/", 1)[0] + "/.git-credentials"
        tok = gh_checksummed("ghp_")
        tok2 = PROVIDERS["gitlab"][1]()
        d.add(f"https://acme-bot:{tok}@github.com", f"https://oauth2:{tok2}@gitlab.com")
        d.secret(tok, "GitHub")
        d.secret(tok2, "GitLab")
    else:
        d.path = d.path.rsplit("/", 1)[0] + "/config"
        pw = password()
        pw = password(url_safe=True)
        d.add("[core]", "\trepositoryformatversion = 0", "\tbare = false", '[remote "origin"]',
              f"\turl = https://jenkins:{pw}@git.corp.local/scm/app/{svc()}.git", "\tfetch = +refs/heads/*:refs/remotes/origin/*")
        d.secret(pw, "Password")


def p_dburls(d):
    d.add(f"# connection settings for {svc()}")
    for _ in range(R.randint(1, 3)):
        pw = password()
        pw = password(url_safe=True)
        scheme = R.choice(["postgresql://", "postgres://", "mysql://", "mongodb+srv://", "mongodb://", "redis://", "rediss://", "amqps://"])
        user = R.choice(["app", "admin", "svc_etl", "reporting", "default"])
        var = R.choice(["DATABASE_URL", "MONGO_URI", "REDIS_URL", "CELERY_BROKER_URL", "ANALYTICS_DB_URL"])
        d.add(f"{var}={scheme}{user}:{pw}@{svc()}-prod.{rs(LOWER + DIGITS, 8)}.internal:{R.choice([5432, 3306, 27017, 6379, 5671])}/{svc()}")
        d.secret(pw, "Password")


def p_pem(d):
    key = R.choice([pem_rsa, pem_pkcs8, pem_ec, pem_openssh])()
    if d.path.endswith((".pem", ".key")) or "id_" in d.path:
        d.add(key)
    else:
        d.add("# deploy key for the release pipeline", "DEPLOY_KEY: |")
        d.add(*["  " + l for l in key.split("\n")])
    d.secret(key, "Private key", anchor=key.split("\n")[0])


def p_jwt(d):
    tok = jwt(alg=R.choice(["HS256", "HS256", "RS256"]))
    r = R.random()
    if r < 0.4:
        d.add("### Call the internal API", f"GET https://api.internal.acme.io/v1/reports", f"Authorization: Bearer {tok}", "Accept: application/json")
    elif r < 0.7:
        d.add(f"NEXT_PUBLIC_SUPABASE_URL=https://{rs(LOWER, 20)}.supabase.co", f"SUPABASE_SERVICE_ROLE_KEY={tok}")
    else:
        d.add("#!/bin/sh", f"curl -H 'Authorization: Bearer {tok}' https://api.internal.acme.io/v1/jobs")
    d.secret(tok, "JWT")


def p_twilio(d):
    sid = "AC" + rs(HEX, 32)
    tok = rs(HEX, 32)
    if d.path.endswith(".py"):
        d.add("from twilio.rest import Client", "", f'account_sid = "{sid}"', f'auth_token = "{tok}"', "client = Client(account_sid, auth_token)")
    else:
        d.add(f"TWILIO_ACCOUNT_SID={sid}", f"TWILIO_AUTH_TOKEN={tok}", "TWILIO_FROM=+15005550006")
    d.ignore(sid, "Twilio account SID (identifier)")
    d.secret(tok, "Twilio")
    if R.random() < 0.5:
        ksid = "SK" + rs(HEX, 32)
        ksec = rs(ALNUM, 32)
        d.add(f"TWILIO_API_KEY={ksid}", f"TWILIO_API_SECRET={ksec}")
        d.ignore(ksid, "Twilio API key SID (identifier)")
        d.secret(ksec, "Twilio")


def p_azure_sas(d):
    acct = "st" + rs(LOWER + DIGITS, 10)
    sig = azure_sas_sig()
    url = (f"https://{acct}.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=sco&sp=rwdlacupiytfx"
           f"&se=2026-12-31T23:59:59Z&st=2024-01-01T00:00:00Z&spr=https&sig={pct(sig)}")
    d.add("# nightly backup upload", f'AZCOPY_DEST="{url}"', 'azcopy copy ./dump.sql.gz "$AZCOPY_DEST"')
    d.secret(pct(sig), "Azure", alts=[sig])


def p_k8s_deploy(d):
    name = svc()
    d.add("apiVersion: apps/v1", "kind: Deployment", "metadata:", f"  name: {name}", "spec:", "  replicas: 2", "  template:",
          "    spec:", "      containers:", f"        - name: {name}", f"          image: ghcr.io/acme/{name}:2.3.1", "          env:",
          "            - name: LOG_LEVEL", "              value: info")
    for _ in range(R.randint(1, 3)):
        k, prov, s, var = pick_secret()
        q = R.choice(["", '"'])
        d.add(f"            - name: {var}", f"              value: {q}{s}{q}")
        d.secret(s, prov, anchor=f"value: {q}{s}")
    d.add("          ports:", "            - containerPort: 8080")


def p_ecs_taskdef(d):
    env = [{"name": "NODE_ENV", "value": "production"}]
    plant = []
    for _ in range(R.randint(1, 3)):
        k, prov, s, var = pick_secret()
        env.append({"name": var, "value": s})
        plant.append((s, prov))
    td = {"family": svc(), "networkMode": "awsvpc", "containerDefinitions": [
        {"name": "app", "image": f"123456789012.dkr.ecr.eu-west-1.amazonaws.com/{svc()}:latest", "essential": True,
         "environment": env, "portMappings": [{"containerPort": 8080}]}]}
    d.add(json.dumps(td, indent=2))
    for s_, p_ in plant:
        d.secret(s_, p_)


def p_gitlab_ci(d):
    d.add("stages: [build, deploy]", "", "variables:", "  DOCKER_DRIVER: overlay2")
    k, prov, s, var = pick_secret()
    d.add(f"  {var}: \"{s}\"")
    d.secret(s, prov)
    d.add("", "deploy:", "  stage: deploy", "  image: alpine:3.19", "  script:", "    - ./deploy.sh production", "  only: [main]")


def p_jenkinsfile(d):
    k, prov, s, var = pick_secret()
    d.add("pipeline {", "  agent any", "  environment {", f"    {var} = '{s}'", "    REGISTRY = 'registry.corp.local'", "  }",
          "  stages {", "    stage('Deploy') {", "      steps {", "        sh './gradlew publish'", "      }", "    }", "  }", "}")
    d.secret(s, prov)


def p_kotlin(d):
    k, prov, s, var = pick_secret()
    d.add("package com.acme.app", "", "object ApiConfig {", f'    const val {var} = "{s}"', '    const val TIMEOUT_MS = 10_000L', "}")
    d.secret(s, prov)


def p_swift(d):
    k, prov, s, var = pick_secret()
    d.add("import Foundation", "", "enum Secrets {", f'    static let {camel(var)} = "{s}"', "}")
    d.secret(s, prov)


def p_rust(d):
    k, prov, s, var = pick_secret()
    if bearer_ok(k) and R.random() < 0.5:
        d.add("let client = reqwest::Client::new();", "let resp = client", f'    .get("https://api.{svc()}.io/v1/me")',
              f'    .bearer_auth("{s}")', "    .send()", "    .await?;")
    else:
        d.add(f'const {var}: &str = "{s}";', "", "fn main() {", '    println!("starting");', "}")
    d.secret(s, prov)


def p_powershell(d):
    k, prov, s, var = pick_secret()
    d.add("$ErrorActionPreference = 'Stop'", f'$env:{var} = "{s}"', f"Invoke-RestMethod -Uri 'https://api.{svc()}.io/v1/sync' -Method Post")
    d.secret(s, prov)
    if R.random() < 0.4:
        pw = password()
        d.add(f"$secure = ConvertTo-SecureString '{pw}' -AsPlainText -Force",
              "$cred = New-Object System.Management.Automation.PSCredential ('CORP\\svc_backup', $secure)")
        d.secret(pw, "Password")


def p_history(d):
    d.path = d.path.rsplit("/", 1)[0] + "/.bash_history"
    pw, pw2 = password(url_safe=True), password(url_safe=True)
    d.add("ls -la", "cd ~/src/app", f"mysql -h db01.corp.local -u root -p{pw} app_prod", "git pull",
          f"docker login -u acmeci -p {pw2} registry.corp.local")
    d.secret(pw, "Password")
    d.secret(pw2, "Password")
    k, prov, s, var = pick_secret()
    d.add(f"export {var}={s}", "kubectl get pods -n prod", "history | tail")
    d.secret(s, prov)


def p_postman(d):
    k, prov, s, var = pick_secret(contextual_ok=False)
    if not bearer_ok(k):
        k, prov, s, var = "github_classic", "GitHub", gh_checksummed("ghp_"), "GITHUB_TOKEN"
    coll = {"info": {"name": f"{svc()} API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item": [{"name": "List items", "request": {"method": "GET", "header": [
                {"key": "Authorization", "value": f"Bearer {s}", "type": "text"}],
                "url": {"raw": f"https://api.{svc()}.io/v1/items"}}}]}
    d.add(json.dumps(coll, indent=2))
    d.secret(s, prov)


def p_adc(d):
    rt = "1//0" + R.choice("cdefg") + rs(B64URL, 99)
    obj = {"client_id": rs(DIGITS, 12) + "-" + rs(LOWER + DIGITS, 32) + ".apps.googleusercontent.com",
           "client_secret": "GOCSPX-" + rs(B64URL, 28), "refresh_token": rt, "type": "authorized_user"}
    d.add(json.dumps(obj, indent=2))
    d.secret(obj["client_secret"], "Google Cloud")
    d.secret(rt, "Google Cloud")


def p_aws_session(d):
    kid, sec = aws_key_id("ASIA"), aws_secret()
    tok = "IQoJb3JpZ2luX2Vj" + base64.b64encode(rbytes(R.randint(450, 650))).decode()
    d.path = d.path.rsplit("/", 1)[0] + "/credentials"
    d.add("[sso-prod]", f"aws_access_key_id = {kid}", f"aws_secret_access_key = {sec}", f"aws_session_token = {tok}", "region = us-east-1")
    d.secret(kid, "AWS")
    d.secret(sec, "AWS")
    d.secret(tok, "AWS")


def p_cloud_pair(d):
    r = R.random()
    if r < 0.34:
        kid, sec, prov = "LTAI" + rs(ALNUM, 20), rs(ALNUM, 30), "Alibaba Cloud"
        names = ("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET")
    elif r < 0.67:
        kid, sec, prov = "AKID" + rs(ALNUM, 32), rs(ALNUM, 32), "Tencent Cloud"
        names = ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY")
    else:
        kid, sec, prov = "SCW" + rs(UPPER + DIGITS, 17), uuid4(), "Scaleway"
        names = ("SCW_ACCESS_KEY", "SCW_SECRET_KEY")
    d.add(f"# {prov} credentials for the {svc()} job", f"{names[0]}={kid}", f"{names[1]}={sec}", "REGION=eu-central-1")
    d.secret(kid, prov)
    d.secret(sec, prov)


def p_spring_yaml(d):
    pw = password()
    d.add("spring:", "  datasource:", f"    url: jdbc:postgresql://{svc()}-db.internal:5432/app", "    username: app", f"    password: '{pw}'",
          "  jpa:", "    hibernate:", "      ddl-auto: validate")
    d.secret(pw, "Password")
    k, prov, s, var = pick_secret()
    d.add("integrations:", f"  {var.lower().replace('_', '-')}: {s}")
    d.secret(s, prov)


def p_sql(d):
    pw = password()
    d.add("-- migration 0042: reporting user", f"CREATE USER reporting WITH PASSWORD '{pw}';",
          "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;")
    d.secret(pw, "Password")


def p_ansible(d):
    pw = password()
    d.add("---", f"app_name: {svc()}", "app_port: 8080", "db_user: app", f"db_password: {pw}")
    d.secret(pw, "Password")
    k, prov, s, var = pick_secret()
    d.add(f"{var.lower()}: \"{s}\"", "app_replicas: 3")
    d.secret(s, prov)


def p_serverless(d):
    d.add(f"service: {svc()}-api", "provider:", "  name: aws", "  runtime: nodejs20.x", "  environment:")
    for _ in range(R.randint(1, 2)):
        k, prov, s, var = pick_secret()
        d.add(f"    {var}: {s}")
        d.secret(s, prov)
    d.add("functions:", "  handler:", "    handler: src/handler.main")


def p_razorpay(d):
    kid, sec = "rzp_live_" + rs(ALNUM, 14), rs(ALNUM, 24)
    d.add("import razorpay", "", f'client = razorpay.Client(auth=("{kid}", "{sec}"))')
    d.ignore(kid, "Razorpay key id (identifier)")
    d.secret(sec, "Razorpay")


POSITIVE = [
    (p_env, [".env", ".env.production", "config/.env", ".env.local"]),
    (p_compose, ["docker-compose.yml", "docker-compose.prod.yml"]),
    (p_k8s_secret, ["k8s/secret.yaml", "deploy/secrets.yml"]),
    (p_dockerconfigjson, ["k8s/regcred.yaml", ".docker/config.json"]),
    (p_gha, [".github/workflows/deploy.yml", ".github/workflows/release.yaml"]),
    (p_helm, ["helm/values.yaml", "charts/app/values-prod.yaml"]),
    (p_json_config, ["config/production.json", "config/default.json", "settings.json"]),
    (p_tfstate, ["terraform.tfstate", "infra/terraform.tfstate.backup"]),
    (p_appsettings, ["appsettings.json", "appsettings.Production.json"]),
    (p_gcp_sa, ["gcp-sa.json", "credentials/service-account.json"]),
    (p_toml, ["config.toml", "settings.toml"]),
    (p_ini, ["settings.ini", "app.cfg", "aws/credentials"]),
    (p_properties, ["src/main/resources/application.properties", "application-prod.properties"]),
    (p_python, ["app/settings.py", "scripts/sync.py", "src/client.py"]),
    (p_js, ["src/api.js", "src/client.ts", "lib/config.js", "server/index.ts"]),
    (p_go, ["internal/config/config.go", "cmd/worker/main.go"]),
    (p_java, ["src/main/java/com/acme/Client.java"]),
    (p_ruby, ["config/initializers/client.rb", "lib/sync.rb"]),
    (p_php, ["config/services.php", "src/bootstrap.php"]),
    (p_csharp, ["src/Client.cs", "Services/Integration.cs"]),
    (p_shell, ["scripts/deploy.sh", "bin/release.sh", "ci/publish.sh"]),
    (p_dockerfile, ["Dockerfile", "docker/Dockerfile.prod"]),
    (p_terraform, ["infra/main.tf", "terraform/providers.tf"]),
    (p_webconfig, ["Web.config", "web.Release.config"]),
    (p_maven, ["settings.xml", ".m2/settings.xml"]),
    (p_markdown, ["README.md", "docs/setup.md"]),
    (p_ipynb, ["notebooks/exploration.ipynb", "analysis.ipynb"]),
    (p_cilog, ["logs/build-4821.log", "ci/job-output.txt"]),
    (p_npmrc, [".npmrc"]),
    (p_pypirc, [".pypirc"]),
    (p_netrc, [".netrc"]),
    (p_gitcred, [".git-credentials", "repo.git/config"]),
    (p_dburls, [".env.db", "config/database.env"]),
    (p_pem, ["certs/server.key", "keys/id_ed25519", "deploy/key.pem", "ci/deploy-key.yml"]),
    (p_jwt, ["requests/reports.http", ".env.supabase", "scripts/call-api.sh"]),
    (p_twilio, ["notify/sms.py", ".env.twilio"]),
    (p_azure_sas, ["scripts/backup.sh"]),
    (p_k8s_deploy, ["k8s/deployment.yaml", "manifests/app.yml"]),
    (p_ecs_taskdef, ["ecs/task-definition.json"]),
    (p_gitlab_ci, [".gitlab-ci.yml"]),
    (p_jenkinsfile, ["Jenkinsfile"]),
    (p_kotlin, ["app/src/main/kotlin/ApiConfig.kt"]),
    (p_swift, ["Sources/App/Secrets.swift"]),
    (p_rust, ["src/main.rs"]),
    (p_powershell, ["scripts/deploy.ps1"]),
    (p_history, [".bash_history"]),
    (p_postman, ["postman/collection.json"]),
    (p_adc, [".config/gcloud/application_default_credentials.json"]),
    (p_aws_session, [".aws/credentials"]),
    (p_cloud_pair, [".env.cloud"]),
    (p_spring_yaml, ["src/main/resources/application.yml"]),
    (p_sql, ["db/migrations/0042_reporting_user.sql"]),
    (p_ansible, ["group_vars/prod.yml"]),
    (p_serverless, ["serverless.yml"]),
    (p_razorpay, ["payments/razorpay_client.py"]),
]

# --------------------------------------------------------------------------- negatives


def add_sampled(d, *lines):
    """Adds a random ordered subset (at least 60%) of lines, so repeated templates differ."""
    keep = sorted(R.sample(range(len(lines)), max(1, int(len(lines) * R.uniform(0.6, 1.0)))))
    d.add(*[lines[i] for i in keep])


def sha(n=40):
    return rs(HEX, n)


def fake_cert(kind="CERTIFICATE"):
    der = bytes.fromhex("308203") + rbytes(R.randint(700, 900))
    return [f"-----BEGIN {kind}-----"] + wrap(base64.b64encode(der).decode(), 64) + [f"-----END {kind}-----"]


def bcrypt():
    return "$2b$12$" + rs("./" + ALNUM, 53)


def argon2():
    return f"$argon2id$v=19$m=65536,t=3,p=4${rs(B64, 22)}${rs(B64, 43)}"


def n_env_example(d):
    d.path = d.path.rsplit("/", 1)[0] + "/.env.example"
    lines = ["# Copy to .env and fill in", "OPENAI_API_KEY=sk-your-key-here", "ANTHROPIC_API_KEY=",
             "STRIPE_SECRET_KEY=sk_live_...", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
             "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
             "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
             "DATABASE_URL=postgres://user:password@localhost:5432/mydb", "REDIS_URL=redis://localhost:6379/0",
             "SENDGRID_API_KEY=SG.your_sendgrid_key", "DD_API_KEY=<your-datadog-api-key>", "HF_TOKEN=hf_YOUR_TOKEN_HERE",
             "TWILIO_AUTH_TOKEN=your_auth_token", "JWT_SECRET=change-me", "SESSION_SECRET=REPLACE_ME",
             "MAILCHIMP_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-us12", "DISCORD_TOKEN=YOUR_BOT_TOKEN",
             "GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"]
    d.add(*[lines[0]] + R.sample(lines[1:], R.randint(6, 12)))
    return "placeholder values in .env.example"


def n_templates(d):
    opts = [
        "  password: ${DB_PASSWORD}", "  api_key: \"{{ .Values.apiKey }}\"", "  token: {{ secret_token }}",
        "  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}", "  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}",
        "  STRIPE_SECRET_KEY: \"{{ vault('secret/data/stripe#key') }}\"", "  client_secret: <CLIENT_SECRET>",
        "  auth_token: $(AUTH_TOKEN)", "  password: !vault |", "  dsn: postgres://$PGUSER:$PGPASSWORD@$PGHOST:5432/$PGDATABASE",
        "  secret_key: \"%(secret_key)s\"", "  aws_secret_access_key: ${AWS_SECRET_ACCESS_KEY:?missing}",
        "  webhook: \"{{ required \\\"slack webhook\\\" .Values.slack.webhook }}\"", "  password: \"{{ lookup('env', 'DB_PASS') }}\"",
    ]
    d.add("config:", *R.sample(opts, R.randint(5, 9)))
    return "templated references (${VAR}, {{ }}, <TOKEN>, $(VAR))"


def n_envlookups_py(d):
    opts = ['api_key = os.environ["OPENAI_API_KEY"]', 'token = os.getenv("GITHUB_TOKEN")', "password = get_password()",
            'secret = settings.SECRET_KEY', 'stripe.api_key = os.environ.get("STRIPE_SECRET_KEY")',
            'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])', 'headers = {"Authorization": f"Bearer {token}"}',
            'auth_token = request.headers.get("Authorization", "").removeprefix("Bearer ")',
            'password = getpass.getpass("Password: ")', 'db_password = vault_client.read("secret/db")["data"]["password"]',
            'API_KEY_HEADER = "X-Api-Key"', 'PASSWORD_FIELD = "password"', 'TOKEN_URL = "https://oauth2.googleapis.com/token"',
            'secret_name = "prod/payments/stripe-key"', 'token = tokenizer.next_token()',
            'password_hash = hashlib.sha256(password.encode()).hexdigest()', 'if not password: raise ValueError("password required")']
    d.add("import os", "import getpass", "import hashlib", "", *R.sample(opts, R.randint(6, 11)))
    return "environment/config lookups and credential-named identifiers"


def n_envlookups_js(d):
    opts = ["const apiKey = process.env.OPENAI_API_KEY;", "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);",
            "const token = core.getInput('github-token');", "headers: { Authorization: `Bearer ${token}` },",
            "const password = await promptPassword();", "const { SLACK_BOT_TOKEN } = process.env;",
            "if (!secret) throw new Error('JWT secret missing');", "const TOKEN_KEY = 'auth.token';",
            "localStorage.setItem('accessToken', response.data.access_token);", "export const PASSWORD_MIN_LENGTH = 12;",
            "const apiKey = config.get<string>('integrations.apiKey');"]
    d.add(*R.sample(opts, R.randint(5, 9)))
    return "process.env / config lookups in JS/TS"


def n_hashes(d):
    lines = [f"commit {sha()}", f"Merge: {sha(7)} {sha(7)}", f"    Revert \"bump\" (reverts {sha()})",
             f"{sha(64)}  dist/app-1.4.2.tar.gz", f"RUN echo \"{sha(64)}  /tmp/tool.tgz\" | sha256sum -c -",
             f"FROM node:20-alpine@sha256:{sha(64)}", f"checksum = \"{sha(64)}\"", f"etag: \"{sha(32)}\"",
             f"md5sum: {sha(32)}", f"oid sha256:{sha(64)}", f"--hash=sha256:{sha(64)}", f"git_sha: {sha()}"]
    d.add(*R.sample(lines, R.randint(5, 10)))
    return "sha1/sha256/md5 hashes, commit ids, image digests"


def n_lockfile(d):
    d.path = d.path.rsplit("/", 1)[0] + "/package-lock.json"
    pk = {}
    for name in R.sample(["lodash", "axios", "react", "express", "debug", "ms", "chalk", "semver", "uuid", "yaml"], 5):
        pk[f"node_modules/{name}"] = {"version": f"{R.randint(1, 9)}.{R.randint(0, 20)}.{R.randint(0, 9)}",
                                      "resolved": f"https://registry.npmjs.org/{name}/-/{name}-1.0.0.tgz",
                                      "integrity": "sha512-" + base64.b64encode(rbytes(64)).decode()}
    d.add(json.dumps({"name": svc(), "lockfileVersion": 3, "requires": True, "packages": pk}, indent=2))
    return "package-lock integrity hashes"


def n_gosum(d):
    d.path = d.path.rsplit("/", 1)[0] + "/go.sum"
    for mod in R.sample(["github.com/stretchr/testify", "golang.org/x/net", "google.golang.org/grpc", "github.com/google/uuid",
                         "github.com/spf13/cobra", "go.uber.org/zap"], 4):
        v = f"v1.{R.randint(0, 60)}.{R.randint(0, 9)}"
        d.add(f"{mod} {v} h1:{base64.b64encode(rbytes(32)).decode()}", f"{mod} {v}/go.mod h1:{base64.b64encode(rbytes(32)).decode()}")
    return "go.sum h1: hashes"


def n_uuids(d):
    d.add("apiVersion: v1", "kind: ConfigMap", "metadata:", f"  name: {svc()}-ids", f"  uid: {uuid4()}", "data:",
          f"  tenant_id: \"{uuid4()}\"", f"  client_id: \"{uuid4()}\"", f"  request_id: \"{uuid4()}\"",
          f"  subscription_id: {uuid4()}", f"  trace_id: {sha(32)}", f"  correlationId: {uuid4()}")
    return "UUIDs / ids in a ConfigMap"


def n_image_b64(d):
    svg = base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5z"/></svg>').decode()
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rbytes(R.randint(120, 300))
    d.add(".logo {", f"  background-image: url(data:image/png;base64,{base64.b64encode(png).decode()});", "  width: 32px;", "}",
          ".icon {", f"  mask: url(\"data:image/svg+xml;base64,{svg}\");", "}")
    return "base64 image data URIs"


def n_certs(d):
    d.add(*fake_cert("CERTIFICATE"))
    if R.random() < 0.5:
        d.add(*fake_cert("PUBLIC KEY"))
    d.add("# ca bundle")
    return "certificates / public keys"


def n_ssh_pub(d):
    d.path = d.path.rsplit("/", 1)[0] + "/authorized_keys"
    for who in R.sample(["alice@laptop", "bob@ws-12", "deploy@ci", "carol@mbp"], 3):
        if R.random() < 0.5:
            blob = sshstr(b"ssh-rsa") + sshstr(b"\x01\x00\x01") + sshstr(b"\x00" + rbytes(256))
            d.add(f"ssh-rsa {base64.b64encode(blob).decode()} {who}")
        else:
            blob = sshstr(b"ssh-ed25519") + sshstr(rbytes(32))
            d.add(f"ssh-ed25519 {base64.b64encode(blob).decode()} {who}")
    return "ssh public keys"


def n_pwhashes(d):
    d.add("users:", "  - name: admin", f"    password_hash: \"{bcrypt()}\"", "  - name: reporter",
          f"    password_hash: \"{argon2()}\"", f"htpasswd: \"admin:$apr1${rs(ALNUM, 8)}${rs(ALNUM + './', 22)}\"")
    return "bcrypt/argon2/apr1 password hashes"


def n_analytics(d):
    d.add("<!-- Google tag -->", f"<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-{rs(UPPER + DIGITS, 10)}\"></script>",
          "<script>", "  window.dataLayer = window.dataLayer || [];", f"  gtag('config', 'G-{rs(UPPER + DIGITS, 10)}');",
          f"  gtag('config', 'UA-{R.randint(10**7, 10**8)}-{R.randint(1, 9)}');", "</script>",
          f"<script src=\"https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/js/bootstrap.bundle.min.js\" integrity=\"sha384-{base64.b64encode(rbytes(48)).decode()}\" crossorigin=\"anonymous\"></script>",
          f"<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-{rs(UPPER + DIGITS, 7)}\"></iframe></noscript>")
    return "analytics ids, SRI integrity hashes"


def n_minjs(d):
    d.path = d.path.rsplit(".", 1)[0] + ".min.js"
    ids = [rs(LOWER, 1) + rs(ALNUM, R.randint(1, 3)) for _ in range(60)]
    body = ";".join(f"var {a}=function({b},{c}){{return {b}[\"{rs(ALNUM, 12)}\"]+{c}}}" for a, b, c in zip(ids[::3], ids[1::3], ids[2::3]))
    d.add("!function(e,t){\"use strict\";" + body + f";e.chunk=\"{sha(20)}\"}}(window);",
          f"//# sourceMappingURL=app.{sha(8)}.js.map")
    return "minified JS"


def n_url_ids(d):
    d.add(f"- Design doc: https://docs.google.com/document/d/1{rs(B64URL, 43)}/edit",
          f"- Recording: https://www.youtube.com/watch?v={rs(B64URL, 11)}",
          f"- Dashboard: https://app.datadoghq.com/dashboard/{rs(LOWER + DIGITS, 3)}-{rs(LOWER + DIGITS, 3)}-{rs(LOWER + DIGITS, 3)}",
          f"- Build: https://github.com/acme/{svc()}/actions/runs/{rs(DIGITS, 10)}",
          f"- Artifact: https://{svc()}-artifacts.s3.amazonaws.com/builds/{sha(40)}/app.zip",
          f"- Stripe customer cus_{rs(ALNUM, 14)}, payment pi_{rs(ALNUM, 24)}",
          f"- Slack thread: https://acme.slack.com/archives/C0{rs(UPPER + DIGITS, 8)}/p{rs(DIGITS, 16)}")
    return "random ids in URLs, Stripe object ids"


def n_docs_masked(d):
    add_sampled(d, "## Connecting", "", "| field | value |", "|---|---|", "| host | db.internal |", "| user | app |", "| password | ******** |",
          "", "```yaml", "password: ********", "token: <your token>", "api_key: YOUR_API_KEY", "```", "",
          "Your key looks like `sk_live_••••••••••••4242`; the AWS key id looks like `AKIA****************`.",
          "Set `OPENAI_API_KEY` to the value shown once at https://platform.openai.com/api-keys (it starts with `sk-proj-`).")
    return "masked / placeholder values in docs"


def n_wrong_checksum(d):
    toks = [gh_bad_checksum(R.choice(["ghp_", "gho_", "ghs_", "npm_"])) for _ in range(R.randint(1, 3))]
    d.add("# fixtures for the token parser", "INVALID_TOKENS = [")
    d.add(*[f'    "{t}",' for t in toks])
    d.add("]")
    return "GitHub/npm-shaped tokens with wrong CRC32 checksum"


def n_lorem(d):
    add_sampled(d, "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.",
          "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.",
          "The password reset flow sends a one-time token by email; the token expires after 15 minutes.",
          "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.",
          "Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.")
    return "lorem ipsum and prose mentioning password/token"


def n_i18n(d):
    d.add(json.dumps({"login": {"password": "Password", "password_too_short": "Password must be at least 8 characters",
                                "token_expired": "Your session token has expired", "api_key_label": "API key",
                                "secret_hint": "Keep your secret key safe"}}, indent=2))
    return "i18n strings"


def n_encrypted(d):
    r = R.random()
    if r < 0.35:
        d.add("db:", f"    password: ENC[AES256_GCM,data:{base64.b64encode(rbytes(18)).decode()},iv:{base64.b64encode(rbytes(32)).decode()},tag:{base64.b64encode(rbytes(16)).decode()},type:str]",
              "sops:", "    kms: []", f"    lastmodified: \"2024-05-02T10:11:12Z\"", f"    mac: ENC[AES256_GCM,data:{base64.b64encode(rbytes(32)).decode()},iv:{base64.b64encode(rbytes(32)).decode()},tag:{base64.b64encode(rbytes(16)).decode()},type:str]",
              "    version: 3.8.1")
        return "SOPS-encrypted values"
    if r < 0.7:
        d.add("apiVersion: bitnami.com/v1alpha1", "kind: SealedSecret", "metadata:", f"  name: {svc()}", "spec:", "  encryptedData:",
              f"    password: Ag{base64.b64encode(rbytes(360)).decode()}", f"    api-key: Ag{base64.b64encode(rbytes(360)).decode()}")
        return "SealedSecret encryptedData"
    d.add("db_password: !vault |", "          $ANSIBLE_VAULT;1.1;AES256",
          *[f"          {rs(HEX, 80)}" for _ in range(5)], f"          {rs(HEX, 26)}")
    return "ansible-vault encrypted value"


def n_tf_vars(d):
    add_sampled(d, 'provider "aws" {', '  region = var.region', "}", "", 'resource "aws_db_instance" "main" {',
          '  username = "app"', "  password = random_password.db.result", "}", "",
          'resource "random_password" "db" {', "  length  = 32", "  special = true", "}", "",
          'variable "cloudflare_api_token" {', "  type      = string", "  sensitive = true", "}",
          'provider "cloudflare" {', "  api_token = var.cloudflare_api_token", "}")
    return "terraform var references"


def n_ids_misc(d):
    d.add("fixtures:", f"  mongo_id: \"{rs(HEX, 24)}\"", f"  ulid: {rs('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 26)}",
          f"  nanoid: \"{rs(B64URL, 21)}\"", f"  discord_channel: \"{rs(DIGITS, 18)}\"",
          f"  aws_account: \"{rs(DIGITS, 12)}\"", f"  arn: arn:aws:iam::{rs(DIGITS, 12)}:role/{svc()}-deployer",
          f"  kms_key: arn:aws:kms:eu-west-1:{rs(DIGITS, 12)}:key/{uuid4()}",
          f"  publishable_key: pk_live_{rs(ALNUM, 24)}", f"  sentry_release: {sha()}")
    return "ids (mongo, ulid, nanoid, account ids, ARNs, publishable key)"


def n_test_vectors(d):
    d.add("def test_sha256_empty():", "    assert sha256(b\"\").hexdigest() == \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"",
          "", "def test_hmac_vector():", f"    key = bytes.fromhex(\"{sha(40)}\")", f"    expected = \"{sha(64)}\"",
          "    assert hmac_sha256(key, b\"msg\") == expected", "", f"NONCE = \"{sha(24)}\"")
    return "hash test vectors / nonces"


def n_placeholder_code(d):
    opts = ['client = OpenAI(api_key="sk-...")', 'stripe.api_key = "sk_live_XXXXXXXXXXXXXXXXXXXXXXXX"',
            'GITHUB_TOKEN = "<your-github-token>"', 'api_key = "your-api-key-here"', "password = 'changeme'",
            'token = "REPLACE_WITH_YOUR_TOKEN"', 'aws_access_key_id = "AKIAIOSFODNN7EXAMPLE"',
            'SLACK_TOKEN = "xoxb-your-token"', 'password = "********"', 'SECRET_KEY = "insert-secret-key-here"',
            "HF_TOKEN = 'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'", 'ANTHROPIC_API_KEY = "sk-ant-..."',
            'DB_URL = "postgresql://USER:PASSWORD@HOST:5432/DB"', 'webhook = "https://discord.com/api/webhooks/<id>/<token>"']
    d.add(*R.sample(opts, R.randint(4, 8)))
    return "placeholder credentials in code"


def n_public_by_design(d):
    body = json.dumps({"u": "acme", "a": "cl" + rs(LOWER + DIGITS, 23)}, separators=(",", ":"))
    opts = [f"export const STRIPE_PUBLISHABLE_KEY = 'pk_live_{rs(ALNUM, 99)}';",
            f"mapboxgl.accessToken = 'pk.{b64url_nopad(body.encode())}.{rs(B64URL, 22)}';",
            f"posthog.init('phc_{rs(ALNUM, 43)}', {{ api_host: 'https://eu.posthog.com' }});",
            f"<div class=\"g-recaptcha\" data-sitekey=\"6L{rs(B64URL, 38)}\"></div>",
            f"<div class=\"cf-turnstile\" data-sitekey=\"0x4AAAAAAA{rs(B64URL, 14)}\"></div>",
            f"const algoliaAppId = '{rs(UPPER + DIGITS, 10)}';",
            f"  messagingSenderId: \"{rs(DIGITS, 12)}\","]
    d.add(*R.sample(opts, R.randint(3, 6)))
    return "client-side keys public by design (pk_live_, Mapbox pk., PostHog phc_, site keys)"


def n_identifiers(d):
    opts = [f"OPENAI_ORG_ID=org-{rs(ALNUM, 24)}", f"OPENAI_PROJECT_ID=proj_{rs(ALNUM, 24)}",
            f"GOOGLE_CLIENT_ID={rs(DIGITS, 12)}-{rs(LOWER + DIGITS, 32)}.apps.googleusercontent.com",
            f"SLACK_CLIENT_ID={rs(DIGITS, 12)}.{rs(DIGITS, 13)}", f"TWILIO_ACCOUNT_SID=AC{rs(HEX, 32)}",
            f"STRIPE_ACCOUNT=acct_{rs(ALNUM, 16)}", f"AWS_ACCOUNT_ID={rs(DIGITS, 12)}", f"AZURE_TENANT_ID={uuid4()}",
            f"AZURE_CLIENT_ID={uuid4()}", f"GITHUB_APP_ID={rs(DIGITS, 6)}", f"GITHUB_CLIENT_ID=Iv1.{rs(HEX, 16)}",
            f"SENTRY_ORG=acme", f"DD_SITE=datadoghq.eu", f"AUTH0_DOMAIN=acme.eu.auth0.com", f"AUTH0_CLIENT_ID={rs(ALNUM, 32)}"]
    d.add(*R.sample(opts, R.randint(5, 9)))
    return "public identifiers (org/project/client/account ids)"


def n_k8s_nonsecret(d):
    vals = {"username": "admin", "host": "db.internal", "port": "5432", "database": "app", "env": "production",
            "sslmode": "require", "region": "eu-west-1"}
    keys = R.sample(list(vals), R.randint(3, 6))
    d.add("apiVersion: v1", "kind: Secret", "metadata:", f"  name: {svc()}-db", "type: Opaque", "data:",
          *[f"  {k}: {base64.b64encode(vals[k].encode()).decode()}" for k in keys])
    return "k8s Secret holding only non-secret values (user, host, port)"


def n_placeholder_pem(d):
    d.add("# Paste the deploy key below (never commit the real one)", "DEPLOY_KEY = \"\"\"",
          R.choice(["-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN OPENSSH PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----"]),
          R.choice(["...", "<your private key here>", "MIIE...", "REDACTED"]), "-----END PRIVATE KEY-----", "\"\"\"")
    return "placeholder PEM block"


def n_registry_refs(d):
    r = R.random()
    if r < 0.25:
        d.path = d.path.rsplit("/", 1)[0] + "/.npmrc"
        d.add("//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "@acme:registry=https://npm.pkg.github.com",
              "//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}")
        return ".npmrc with env references"
    if r < 0.5:
        d.path = d.path.rsplit("/", 1)[0] + "/settings.xml"
        d.add("<settings>", "  <servers>", "    <server>", "      <id>releases</id>", "      <username>${env.MAVEN_USERNAME}</username>",
              "      <password>${env.MAVEN_PASSWORD}</password>", "    </server>", "  </servers>", "</settings>")
        return "Maven settings with ${env.*}"
    if r < 0.75:
        d.path = d.path.rsplit("/", 1)[0] + "/config.json"
        d.add("{", '  "auths": {', '    "ghcr.io": {},', '    "https://index.docker.io/v1/": {}', "  },", '  "credsStore": "desktop"', "}")
        return "docker config.json using a credential store"
    d.path = d.path.rsplit("/", 1)[0] + "/.pypirc"
    d.add("[pypi]", "username = __token__", "password = <your PyPI token>", "", "[testpypi]", "username = __token__", "password = ${TEST_PYPI_TOKEN}")
    return ".pypirc with placeholders"


def n_indirect_refs(d):
    opts = ["  MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'",
            "  DbPassword: !Ref DbPasswordParameter", "  ApiKey: !Sub '{{resolve:ssm-secure:/app/prod/api-key}}'",
            "secret_key_base: <%= ENV[\"SECRET_KEY_BASE\"] %>", "password: <%= Rails.application.credentials.dig(:db, :password) %>",
            "@Value(\"${spring.datasource.password}\") private String password;",
            "DB_PASSWORD_FILE=/run/secrets/db_password", "export PGPASSWORD=\"$(cat /run/secrets/pg_password)\"",
            "token: \"{{ .Values.global.token | b64enc }}\"", "GITHUB_TOKEN: ***", "password: null", "api_key: \"\"",
            "export VAULT_TOKEN=$(vault print token)", "aws_secret_access_key = {{ aws_secret_key }}"]
    d.add(*R.sample(opts, R.randint(5, 9)))
    return "indirect references (CFN dynamic refs, ERB, @Value, docker secrets files, masked ***)"


def n_test_fixtures(d):
    opts = ['    password="testpassword",', '    token="dummy-token",', '    api_key="fake-api-key-for-tests",',
            '    secret="not-a-real-secret",', '    password="hunter2",', '    client_secret="test-client-secret",',
            '    stripe_key="sk_live_" + "x" * 24,', '    access_token="mock_access_token",', '    db_url="sqlite:///:memory:",',
            '    password="correct horse battery staple",']
    d.add("import pytest", "", "", "@pytest.fixture", "def settings():", "    return Settings(", *R.sample(opts, R.randint(4, 7)), "    )")
    return "obviously fake values in test fixtures"


def n_keyish_nonsecrets(d):
    vapid = b64url_nopad(b"\x04" + rbytes(64))
    fernet = base64.urlsafe_b64encode(b"\x80" + struct.pack(">Q", R.randint(1700000000, 1760000000)) + rbytes(16) + rbytes(48) + rbytes(32)).decode()
    opts = [f"CACHE_KEY = \"user:profile:v2:{{user_id}}\"", f"idempotency_key = \"{uuid4()}\"",
            f"VAPID_PUBLIC_KEY = \"{vapid}\"", f"encrypted_password = \"{fernet}\"",
            f"<script nonce=\"{base64.b64encode(rbytes(16)).decode()}\">", f"partition_key = \"tenant#{rs(DIGITS, 6)}\"",
            f"public_key = \"ssh-ed25519 {base64.b64encode(sshstr(b'ssh-ed25519') + sshstr(rbytes(32))).decode()} ops@bastion\"",
            f"ETAG = 'W/\"{rs(HEX, 40)}\"'", f"webpack_hash = \"{rs(HEX, 20)}\"", f"session_cookie_name = \"__Host-{rs(LOWER, 8)}\""]
    d.add(*R.sample(opts, R.randint(4, 7)))
    return "key-named non-secrets (cache/idempotency keys, VAPID public key, Fernet ciphertext, CSP nonce)"


NEGATIVE = [
    (n_env_example, ["app/.env.example"]),
    (n_templates, ["deploy/values.tpl.yaml", "ansible/group_vars/all.yml", ".github/workflows/ci.yml"]),
    (n_envlookups_py, ["src/settings.py", "app/auth.py"]),
    (n_envlookups_js, ["src/config.ts", "lib/auth.js"]),
    (n_hashes, ["CHANGELOG.txt", "release/checksums.txt", "notes/git-log.txt"]),
    (n_lockfile, ["web/package-lock.json"]),
    (n_gosum, ["svc/go.sum"]),
    (n_uuids, ["k8s/configmap.yaml"]),
    (n_image_b64, ["web/styles.css"]),
    (n_certs, ["certs/ca.crt", "tls/chain.pem"]),
    (n_ssh_pub, ["ssh/authorized_keys"]),
    (n_pwhashes, ["seed/users.yml"]),
    (n_analytics, ["public/index.html"]),
    (n_minjs, ["public/app.js"]),
    (n_url_ids, ["docs/links.md"]),
    (n_docs_masked, ["docs/connect.md"]),
    (n_wrong_checksum, ["tests/test_tokens.py"]),
    (n_lorem, ["docs/about.txt"]),
    (n_i18n, ["locales/en.json"]),
    (n_encrypted, ["secrets/prod.enc.yaml"]),
    (n_tf_vars, ["infra/db.tf"]),
    (n_ids_misc, ["tests/fixtures/ids.yml"]),
    (n_test_vectors, ["tests/test_crypto.py"]),
    (n_placeholder_code, ["examples/quickstart.py"]),
    (n_public_by_design, ["web/src/analytics.js"]),
    (n_identifiers, ["deploy/ids.env"]),
    (n_k8s_nonsecret, ["k8s/db-secret.yaml"]),
    (n_placeholder_pem, ["scripts/keys_template.py"]),
    (n_registry_refs, ["ci/registry.cfg"]),
    (n_indirect_refs, ["deploy/template.yaml", "config/secrets.yml.erb"]),
    (n_test_fixtures, ["tests/conftest.py"]),
    (n_keyish_nonsecrets, ["src/constants.py"]),
]


def write_corpus(out, seed, n_positive, n_negative, positive, negative, rng):
    """Writes OUT/corpus/ from the templates (each a (function, [paths]) pair) and
    OUT/labels.json; `rng` is the random stream the templates draw from. Shared with
    gen_probe2.py. Returns the labels."""
    if os.path.exists(os.path.join(out, "corpus")):
        raise SystemExit(f"{out}/corpus exists; use a fresh directory")
    os.makedirs(out, exist_ok=True)
    labels = {"seed": seed, "positives": [], "ignore": [], "negatives": []}
    used = set()

    def uniq_path(i, rel):
        path = f"{rng.choice(WORDS)}-{i:03d}/{rel}"
        assert path not in used
        used.add(path)
        return path

    # cycle through templates so every format appears, then fill at random
    pos_jobs = [positive[i % len(positive)] for i in range(n_positive)] if positive else []
    neg_jobs = [negative[i % len(negative)] for i in range(n_negative)] if negative else []
    jobs = [("p", j) for j in pos_jobs] + [("n", j) for j in neg_jobs]
    rng.shuffle(jobs)
    for i, (kind, (fn, names)) in enumerate(jobs):
        d = Doc(uniq_path(i, rng.choice(names)))
        desc = fn(d)
        text = d.text()
        full = os.path.join(out, "corpus", d.path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
        if kind == "n":
            labels["negatives"].append({"path": d.path, "description": desc or fn.__doc__ or fn.__name__,
                                        "template": fn.__name__})
            continue
        cursor = {}
        for secret, prov, anchor, alts in d.labels:
            line, idx = line_of(text, anchor, cursor.get(anchor, 0))
            cursor[anchor] = idx + 1
            ent = {"path": d.path, "line": line, "secret": secret, "provider": prov, "template": fn.__name__}
            if alts:
                ent["alts"] = alts
            labels["positives"].append(ent)
        for value, reason in d.ignores:
            line, _ = line_of(text, value)
            labels["ignore"].append({"path": d.path, "line": line, "secret": value, "reason": reason})
    with open(os.path.join(out, "labels.json"), "w") as f:
        json.dump(labels, f, indent=1)
    print(f"{out}: {len(pos_jobs)} positive files ({len(labels['positives'])} secrets), "
          f"{len(neg_jobs)} negative files ({len(positive)} positive / {len(negative)} negative templates)")
    return labels


def main():
    global R
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--positives", type=int, default=270)
    ap.add_argument("--negatives", type=int, default=250)
    a = ap.parse_args()
    R = random.Random(a.seed)
    write_corpus(a.out, a.seed, a.positives, a.negatives, POSITIVE, NEGATIVE, R)


if __name__ == "__main__":
    main()

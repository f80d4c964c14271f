"""Shared helpers for gen_probe2.py templates (re-exports gen_probe's token generators)."""
import base64
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_probe as G  # noqa: E402
from gen_probe import (ALNUM, B64, B64URL, DIGITS, HEX, LOWER, UPPER, BASE62, PROVIDERS, SIMPLE, WORDS,  # noqa: E402,F401
                       gh_checksummed, aws_key_id, aws_secret, stripe_key, openai_key, jwt, password, pem_rsa,
                       pem_pkcs8, pem_ec, pem_openssh, uuid4, azure_storage_key, camel, pascal, bearer_ok,
                       gh_bad_checksum, wrap, fake_cert, bcrypt, argon2, sha, vault_token, discord_bot, pct)


class _RProxy:
    """Always delegates to gen_probe.R, which main() reseeds."""
    def __getattr__(self, name):
        return getattr(G.R, name)


R = _RProxy()


def rs(alphabet, n):
    return G.rs(alphabet, n)


def rbytes(n):
    return G.rbytes(n)


def svc():
    return R.choice(WORDS)


def pick(keys=None, contextual_ok=True):
    return G.pick_secret(keys, contextual_ok)


def pick_prefixed(keys=None):
    """A secret with a distinctive prefix (no variable-name context needed)."""
    return G.pick_secret(keys, contextual_ok=False)


def pick_bearer():
    while True:
        k, prov, s, var = G.pick_secret(contextual_ok=False)
        if bearer_ok(k):
            return k, prov, s, var


def gen(key):
    prov, fn, names, _ = PROVIDERS[key]
    return prov, fn(), R.choice(names)


def b64(s):
    return base64.b64encode(s.encode() if isinstance(s, str) else s).decode()


def host():
    return R.choice(["db", "pg-primary", "mysql-01", "rds-prod", "postgres"]) + "." + R.choice(["internal", "acme.local", "prod.svc.cluster.local", "eu-west-1.rds.amazonaws.com"])


def user():
    return R.choice(["app", "svc_" + svc(), "deploy", "reporting", "admin", "etl"])


def ip():
    return f"{R.randint(10, 203)}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"


def ts():
    return f"2024-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}T{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}Z"


def yaml_key(var):
    return R.choice([var.lower(), var.lower().replace("_", "-"), camel(var)])


def gcp_sa_json(indent=2):
    pk = pem_pkcs8()
    kid = rs(HEX, 40)
    proj = R.choice(["acme-prod", "northwind-data", "globex-ml"]) + "-" + rs(DIGITS, 6)
    obj = {"type": "service_account", "project_id": proj, "private_key_id": kid, "private_key": pk + "\n",
           "client_email": f"{svc()}-sa@{proj}.iam.gserviceaccount.com", "client_id": rs(DIGITS, 21),
           "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token"}
    return obj, pk, kid

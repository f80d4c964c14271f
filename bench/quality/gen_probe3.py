#!/usr/bin/env python3
"""Held-out probe corpus #3 for sprawl: labelled positive and negative files written
from the providers' documented token formats (probe3_tokens.py) into realistic file
shapes (probe3_templates.py). It was written without looking at sprawl's rules,
sources or earlier probe generators, so it measures recall and precision on data the
scanner was not tuned on.

    python3 bench/quality/gen_probe3.py OUT_DIR [--seed 1] [--positives 300] [--negatives 200]
    python3 bench/quality/score.py OUT_DIR          # scan + score against labels.json

Example run:

    $ python3 bench/quality/gen_probe3.py /tmp/p3-s1 --seed 1
    wrote 300 positive files (529 secrets, 160 kinds, 60 templates, 78 ignore entries) and
    200 negative files (40 templates) to /tmp/p3-s1
    $ python3 bench/quality/gen_probe3.py /tmp/p3-s1 --seed 1
    refusing to write: /tmp/p3-s1/corpus already exists

--positives / --negatives count FILES; a positive file holds 1-3 credentials. Output:

    OUT_DIR/corpus/<pNNNN-provider | nNNNN-template>/<relative path of the file>
    OUT_DIR/labels.json   {"seed", "positives": [{path, line, secret, provider, template, kind, alts?}],
                           "ignore": [{path, line, secret, reason}], "negatives": [{path, description, template}]}

Paths are relative to OUT_DIR/corpus; "line" is 1-based and is the line where the
secret (for a PEM block: its BEGIN line; for an encoded secret: the line of the
encoded form, which is then listed in "alts") occurs. Every label is checked against
the written file before labels.json is written. The output depends only on --seed:
a single random.Random(seed) drives everything. Python 3 standard library only.
"""
import argparse
import base64
import binascii
import collections
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import probe3_templates as TP  # noqa: E402
import probe3_tokens as T  # noqa: E402

NEG_DESCRIPTIONS = {
    "n_env_example": "example env file with placeholders (<YOUR_API_KEY>, changeme, xxxx, redacted token shapes)",
    "n_env_interpolation": "${VAR} / ${{ secrets.X }} / {{ .Values.x }} references, no literal values",
    "n_code_env_lookup": "source code reading credentials from the environment (os.environ, process.env, os.Getenv)",
    "n_documented_examples": "AWS documentation example keys, RFC example basic auth, jwt.io sample token",
    "n_package_lock": "package-lock.json with sha512 integrity hashes",
    "n_yarn_lock": "yarn.lock with resolved#sha1 and sha512 integrity",
    "n_cargo_lock": "Cargo.lock with sha256 checksums",
    "n_go_sum": "go.sum h1: hashes",
    "n_poetry_lock": "poetry.lock sha256 file hashes and content-hash",
    "n_changelog_commits": "changelog with git commit ids",
    "n_checksums": "release checksum file (sha256/sha1/md5/sha512)",
    "n_uuids_fixture": "JSON fixture of UUIDs, trace and span ids",
    "n_data_uri": "CSS with base64 data: URIs (png, woff2, svg)",
    "n_minified_identifiers": "webpack chunk with random-looking identifiers and strings",
    "n_test_fixtures_fake": "test fixtures with fake/dummy credentials",
    "n_html_password_form": "HTML login form with password fields",
    "n_password_policy": "password policy / key-length constants and validation code",
    "n_i18n_strings": "i18n strings mentioning passwords, API keys and a masked key",
    "n_ansible_vault": "ansible-vault encrypted file",
    "n_sops": "SOPS-encrypted YAML (ENC[AES256_GCM,...]) with KMS metadata",
    "n_password_hashes": "bcrypt/pbkdf2/argon2 hashes in a seed file or htpasswd",
    "n_public_keys": "public keys: authorized_keys, PUBLIC KEY, certificates, known_hosts",
    "n_bad_checksum_tokens": "GitHub-token-shaped strings with wrong CRC32 checksums in a test",
    "n_variable_names_only": "variables and parameters named like secrets without values",
    "n_jwt_not_json": "three-segment base64url strings that do not decode to JSON",
    "n_css_colors": "CSS colour hex values",
    "n_numeric_ids": "long numeric ids, tracking numbers, masked IBANs",
    "n_aws_arns": "IAM policy with ARNs and account ids",
    "n_k8s_secret_empty": "empty Kubernetes Secret, ExternalSecret and secretKeyRef",
    "n_redacted_docs": "docs with redacted tokens (ghp_****, xoxb-[REDACTED], AKIA****)",
    "n_stripe_publishable": "public-by-design keys: Stripe pk_live_, Mapbox pk., reCAPTCHA site key, Sentry DSN",
    "n_encrypted_values": "Rails credentials.yml.enc, Jasypt ENC(...), SealedSecret encryptedData",
    "n_sri_hashes": "HTML subresource-integrity and CSP hashes/nonces",
    "n_openapi_spec": "OpenAPI security schemes with placeholder examples",
    "n_dockerfile_build_secrets": "Dockerfile using build secrets and ARGs without values",
    "n_build_hashes": "asset manifest with content hashes, image digest, commit id",
    "n_crypto_test_vectors": "published RFC/NIST crypto test vectors",
    "n_placeholder_config": "config templated with ${X}, {{ x }}, !ENV, op://, vault: references",
    "n_git_objects_ids": "patch with commit/tree ids and Change-Id",
    "n_k8s_public_config": "ConfigMap with OIDC client ids, role ARNs, public identifiers",
}


def canon(s):
    """Same normalisation as score.py: PEM blocks compare without whitespace / JSON \\n escapes."""
    if "-----BEGIN" in s:
        return "".join(s.replace("\\n", "").replace("\\r", "").split())
    return s


def line_of(text, needle):
    at = text.find(needle)
    return -1 if at < 0 else text.count("\n", 0, at) + 1


def b64decode_loose(s):
    try:
        return base64.b64decode(s + "=" * (-len(s) % 4)).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return ""


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:24]


def build_labels(out, creds, rel, template):
    """Positive + ignore labels for one written file; raises if a label does not hold."""
    text = out.text
    lines = text.split("\n")
    pos, ign = [], []
    for c in creds:
        for f in c.fields:
            if f.role == "plain":
                continue
            ov = out.over.get(id(f), {})
            if "anchor" in ov:
                anchor = ov["anchor"]
            elif "-----BEGIN" in f.secret:
                anchor = f.secret.split("\n")[0]
            else:
                anchor = f.secret if f.role == "secret" else f.value
            ln = line_of(text, anchor)
            if ln < 0:
                if f.role == "secret":
                    raise AssertionError(f"{template}: secret of {c.kind.name} ({f.env}) not written to {rel}")
                continue
            if f.role == "ignore":
                ign.append({"path": rel, "line": ln, "secret": f.value, "reason": f.reason or "identifier"})
                continue
            # ---- verification of the positive label
            assert len(f.secret) >= 8, (c.kind.name, f.secret)
            assert anchor in lines[ln - 1], (template, c.kind.name, ln)
            alts = ov.get("alts", [])
            if alts:
                dec = b64decode_loose(alts[0])
                assert f.secret in dec or canon(f.secret) in canon(dec), (template, c.kind.name, "alt does not decode to secret")
            elif "-----BEGIN" in f.secret:
                assert canon(f.secret) in canon(text), (template, c.kind.name, "PEM body not in file")
            else:
                assert f.secret in lines[ln - 1], (template, c.kind.name, "secret not on its line")
            lab = {"path": rel, "line": ln, "secret": f.secret, "provider": c.kind.provider, "template": template,
                   "kind": c.kind.name}
            if alts:
                lab["alts"] = alts
            pos.append(lab)
    return pos, ign


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--positives", type=int, default=300, help="number of positive FILES (1-3 secrets each)")
    ap.add_argument("--negatives", type=int, default=200, help="number of negative files")
    a = ap.parse_args()

    corpus = os.path.join(a.out, "corpus")
    if os.path.exists(corpus):
        sys.exit(f"refusing to write: {corpus} already exists")

    rng = random.Random(a.seed)
    kinds = list(T.KINDS)
    queue = []
    uses = collections.Counter()
    breadth = {t[0]: max(1, sum(1 for k in kinds if t[2](k))) for t in TP.POSITIVE}
    files = []          # (rel, text)
    positives, ignores, negatives = [], [], []

    kind_uses = collections.Counter()
    tqueue = list(TP.POSITIVE)
    rng.shuffle(tqueue)
    for i in range(a.positives):
        if tqueue:
            # first pass: one file per template (so every template appears when --positives >= templates),
            # each with a kind the template accepts, preferring kinds not used yet
            name, fn, accepts, multi = tqueue.pop()
            ok = [x for x in kinds if accepts(x)]
            fresh = [x for x in ok if not kind_uses[x.name]]
            k = rng.choice(fresh or ok)
        else:
            if not queue:
                queue = [x for x in kinds if not kind_uses[x.name]] or kinds[:]
                rng.shuffle(queue)
            k = queue.pop()
            cands = [t for t in TP.POSITIVE if t[2](k)]
            # narrow templates (.npmrc, kubeconfig, ...) get a boost so they keep showing up
            weights = [(len(kinds) / breadth[t[0]]) ** 0.7 / (1 + uses[t[0]]) ** 2 for t in cands]
            name, fn, accepts, multi = rng.choices(cands, weights)[0]
        uses[name] += 1
        kind_uses[k.name] += 1
        creds = [T.generate(rng, k)]
        if multi:
            extra = rng.choice([0, 0, 1, 1, 2])
            for _ in range(extra):
                pool = [x for x in kinds if accepts(x) and all(x.provider != c.kind.provider for c in creds)]
                if not pool:
                    break
                c2 = T.generate(rng, rng.choice(pool))
                envs = {f.env for c in creds for f in c.fields}
                if any(f.env in envs for f in c2.fields):
                    continue
                if c2.multiline and any(c.multiline for c in creds):
                    continue
                creds.append(c2)
                kind_uses[c2.kind.name] += 1
        ctx = TP.Ctx(rng)
        out = fn(ctx, creds)
        rel = f"p{i + 1:04d}-{slug(k.provider)}/{out.path}"
        pos, ign = build_labels(out, creds, rel, name)
        positives += pos
        ignores += ign
        files.append((rel, out.text))

    negs = list(TP.NEGATIVE)
    nqueue = []
    for i in range(a.negatives):
        if not nqueue:
            nqueue = negs[:]
            rng.shuffle(nqueue)
        name, fn = nqueue.pop()
        ctx = TP.Ctx(rng)
        out = fn(ctx)
        rel = f"n{i + 1:04d}-{slug(name[2:])}/{out.path}"
        negatives.append({"path": rel, "description": NEG_DESCRIPTIONS.get(name, name), "template": name})
        files.append((rel, out.text))

    # no positive secret may appear in a negative file
    neg_text = "\n".join(t for r, t in files if r.startswith("n"))
    for lab in positives:
        assert lab["secret"] not in neg_text, lab

    for rel, text in files:
        p = os.path.join(corpus, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    with open(os.path.join(a.out, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump({"seed": a.seed, "positives": positives, "ignore": ignores, "negatives": negatives}, fh, indent=1)

    kinds_used = {lab["kind"] for lab in positives}
    print(f"wrote {a.positives} positive files ({len(positives)} secrets, {len(kinds_used)} kinds, "
          f"{len({lab['template'] for lab in positives})} templates, {len(ignores)} ignore entries) and "
          f"{a.negatives} negative files ({len({n['template'] for n in negatives})} templates) to {a.out}")


if __name__ == "__main__":
    main()

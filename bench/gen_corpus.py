#!/usr/bin/env python3
"""Deterministic generator of a realistic source tree with planted secrets.

    bench/gen_corpus.py OUT_DIR --size-mib 1024 [--seed 1] [--secret-every 2000]
                        [--profile realistic|dense]

Files are a mix of Python, JavaScript, Go, Java, YAML, JSON, Markdown, lockfiles and .env,
built from code-like lines: identifiers, URLs, hashes, UUIDs, base64 blobs and config keys
that look like secrets to a naive scanner but are not. Every Nth line (on average) is a
planted secret taken from a rule's own example (so every planted line is a known positive).
A manifest (OUT_DIR.planted.jsonl, beside the tree) lists path, line and rule id of every plant.
The same arguments always produce byte-identical output.

Profiles: `realistic` (the default) keeps credential keywords and URLs about as frequent as
in real code (measured on this machine's /usr/lib/python3, /usr/include and /usr/share/perl:
one URL per 14-17 KB, one `password=` per 0.4-12 MB; this profile is still denser than
that) and puts ~15 files in a directory. `dense` is the earlier generator: one line in
nine is a URL or a credential-named assignment and nearly every file has its own directory,
a stress test for keyword-context rules and per-directory costs, not a typical tree.
"""
import argparse
import hashlib
import json
import os
import random
import sys

import yaml

NEUTRAL = ("user account order item price total count index value result config client server "
           "request response handler service manager factory builder cache session parse render "
           "update delete create fetch load store queue worker thread buffer stream file path "
           "name data list map id type status error message event state node edge graph retry "
           "timeout limit offset page size hash digest schema table column row query filter sort "
           "group range start end begin next prev parent child root tree entry record field "
           "format encode decode reader writer input output source target module package import "
           "export local global default option flag mode level scope context handle payload "
           "header body content image video audio text label title width height color style "
           "layout view model controller router route action store reducer effect hook test").split()
# Words that credential rules key on; real code uses them, but not in every identifier.
SENSITIVE = "token secret password auth login api key credential".split()


WORDS = NEUTRAL
EXTS = [("py", 22), ("js", 18), ("go", 12), ("java", 10), ("yml", 10), ("json", 8), ("md", 8),
        ("ts", 6), ("lock", 3), ("env", 1), ("properties", 2)]


PROFILE = "realistic"
# Line kinds (by file type and position in line_for's list) that carry a credential keyword
# or a URL; the realistic profile makes them rare.
KEYWORD_LINES = {"py": {4, 8}, "js": {4}, "ts": {4}, "java": {3}, "yml": {4}, "env": {1, 2},
                 "md": {3}}
KEYWORD_LINE_WEIGHT = 0.04


def word(r):
    p = 0.04 if PROFILE == "dense" else 0.01
    return r.choice(SENSITIVE) if r.random() < p else r.choice(NEUTRAL)


def pick(ext, k, n):
    """Index of the line kind for a uniform k in [0, 1)."""
    if PROFILE == "dense":
        return int(k * n)
    heavy = KEYWORD_LINES.get(ext, set())
    weights = [KEYWORD_LINE_WEIGHT if i in heavy else 1.0 for i in range(n)]
    x = k * sum(weights)
    for i, w in enumerate(weights):
        if x < w:
            return i
        x -= w
    return n - 1


def ident(r):
    n = r.randint(1, 3)
    return "_".join(word(r) for _ in range(n))


def camel(r, neutral=False):
    parts = [r.choice(NEUTRAL) if neutral else word(r) for _ in range(r.randint(1, 3))]
    return parts[0] + "".join(p.title() for p in parts[1:])


def hexstr(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def b64(r, n):
    a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    return "".join(r.choice(a) for _ in range(n))


def uuid(r):
    h = hexstr(r, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def line_for(ext, r):
    k = r.random()
    if ext == "py":
        opts = [
            lambda: f"def {ident(r)}(self, {ident(r)}, {ident(r)}=None):",
            lambda: f"    {ident(r)} = self.{ident(r)}.get('{ident(r)}', {r.randint(0, 999)})",
            lambda: f"    return {ident(r)}({ident(r)}, timeout={r.randint(1, 60)})",
            lambda: f"    # {' '.join(r.choice(WORDS) for _ in range(r.randint(3, 10)))}",
            lambda: f"    password = os.environ.get('{ident(r).upper()}')",
            lambda: f"    {r.choice(NEUTRAL)}_hash = '{hexstr(r, 64)}'",
            lambda: f"    if {ident(r)} is None or len({ident(r)}) > {r.randint(1, 99)}:",
            lambda: f"import {ident(r)}",
            lambda: f"    url = 'https://api.{r.choice(WORDS)}.example.com/v{r.randint(1, 3)}/{ident(r)}'",
        ]
    elif ext in ("js", "ts"):
        opts = [
            lambda: f"const {camel(r)} = require('{r.choice(WORDS)}-{r.choice(WORDS)}');",
            lambda: f"export function {camel(r)}({camel(r)}, {camel(r)}) {{",
            lambda: f"  const {camel(r)} = await fetch(`${{baseUrl}}/{r.choice(WORDS)}/${{id}}`);",
            lambda: f"  if (!{camel(r)}) throw new Error('{' '.join(r.choice(WORDS) for _ in range(4))}');",
            lambda: f"  apiKey: process.env.{ident(r).upper()},",
            lambda: f"  // {' '.join(r.choice(WORDS) for _ in range(r.randint(3, 10)))}",
            # Identifiers, not credentials: a random value under a credential-named key
            # would be a true positive, not a look-alike.
            lambda: f"  {camel(r, neutral=True)}Id: '{uuid(r)}',",
            lambda: "}",
        ]
    elif ext == "go":
        opts = [
            lambda: f"func ({r.choice('abcdefgs')} *{camel(r).title()}) {camel(r).title()}(ctx context.Context) error {{",
            lambda: f"\t{camel(r)}, err := {r.choice(WORDS)}.{camel(r).title()}(ctx, {camel(r)})",
            lambda: "\tif err != nil {\n\t\treturn err\n\t}",
            lambda: f"\t// {' '.join(r.choice(WORDS) for _ in range(r.randint(3, 10)))}",
            lambda: f"\tconst {camel(r, neutral=True)}Digest = \"{hexstr(r, 40)}\"",
        ]
    elif ext == "java":
        opts = [
            lambda: f"    private final {camel(r).title()} {camel(r)};",
            lambda: f"    public {camel(r).title()} {camel(r)}(String {camel(r)}) throws IOException {{",
            lambda: f"        return {camel(r)}.{camel(r)}({camel(r)}, {r.randint(0, 100)});",
            lambda: f"        String token = config.getProperty(\"{ident(r).replace('_', '.')}\");",
            lambda: f"    // {' '.join(r.choice(WORDS) for _ in range(r.randint(3, 10)))}",
        ]
    elif ext == "yml":
        opts = [
            lambda: f"{ident(r)}:",
            lambda: f"  {ident(r)}: {r.randint(0, 10000)}",
            lambda: f"  {ident(r)}: \"{r.choice(WORDS)}-{r.choice(WORDS)}\"",
            lambda: f"  image: {r.choice(WORDS)}/{r.choice(WORDS)}@sha256:{hexstr(r, 64)}",
            lambda: f"  password: ${{{ident(r).upper()}}}",
            lambda: f"  - name: {ident(r).upper()}\n    valueFrom: {{secretKeyRef: {{name: {r.choice(WORDS)}}}}}",
        ]
    elif ext == "json":
        opts = [
            lambda: f"  \"{camel(r)}\": \"{r.choice(WORDS)} {r.choice(WORDS)}\",",
            lambda: f"  \"{camel(r)}\": {r.randint(0, 99999)},",
            lambda: f"  \"integrity\": \"sha512-{b64(r, 86)}==\",",
            lambda: f"  \"id\": \"{uuid(r)}\",",
        ]
    elif ext == "lock":
        opts = [
            lambda: f"  resolved \"https://registry.npmjs.org/{r.choice(WORDS)}/-/{r.choice(WORDS)}-{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)}.tgz#{hexstr(r, 40)}\"",
            lambda: f"  integrity sha512-{b64(r, 86)}==",
            lambda: f"\"{r.choice(WORDS)}@^{r.randint(1, 9)}.0.0\":",
        ]
    elif ext == "env":
        opts = [
            lambda: f"{ident(r).upper()}={r.choice(WORDS)}",
            lambda: f"{ident(r).upper()}_URL=https://{r.choice(WORDS)}.internal:{r.randint(1000, 9999)}",
            lambda: f"{ident(r).upper()}_PASSWORD=${{VAULT_{ident(r).upper()}}}",
        ]
    elif ext == "properties":
        opts = [
            lambda: f"{ident(r).replace('_', '.')}={r.choice(WORDS)}",
            lambda: f"{ident(r).replace('_', '.')}.timeout={r.randint(1, 100)}",
        ]
    else:  # md
        opts = [
            lambda: " ".join(r.choice(WORDS) for _ in range(r.randint(5, 18))) + ".",
            lambda: f"## {' '.join(r.choice(WORDS) for _ in range(3)).title()}",
            lambda: f"```\n{ident(r)} --{r.choice(WORDS)} {r.choice(WORDS)}\n```",
            lambda: f"See [{r.choice(WORDS)}](https://docs.example.org/{r.choice(WORDS)}/{r.choice(WORDS)}).",
        ]
    return opts[pick(ext, k, len(opts))]()


def load_plants(rules_dir):
    plants = []
    for name in sorted(os.listdir(rules_dir)):
        if not name.endswith(".yml"):
            continue
        with open(os.path.join(rules_dir, name)) as f:
            doc = yaml.safe_load(f)
        for rule in doc["rules"]:
            for ex in rule.get("examples", []):
                if "\n" not in ex["input"]:
                    plants.append((rule["id"], ex["input"]))
    return plants


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--size-mib", type=int, default=256)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--secret-every", type=int, default=2000)
    ap.add_argument("--rules", default=os.path.join(os.path.dirname(__file__), "..", "rules"))
    ap.add_argument("--profile", choices=["realistic", "dense"], default="realistic")
    a = ap.parse_args()
    global PROFILE
    PROFILE = a.profile
    r = random.Random(a.seed)
    plants = load_plants(a.rules)
    target = a.size_mib << 20
    written = 0
    n = 0
    manifest = []
    exts = [e for e, w in EXTS for _ in range(w)]
    os.makedirs(a.out, exist_ok=True)
    while written < target:
        ext = r.choice(exts)
        if PROFILE == "dense":
            d = os.path.join(a.out, f"pkg{n % 97:02d}", r.choice(WORDS), r.choice(WORDS))
        else:
            d = os.path.join(a.out, f"pkg{n % 97:02d}", r.choice(WORDS[:24]))
        os.makedirs(d, exist_ok=True)
        rel = os.path.relpath(os.path.join(d, f"{ident(r)}_{n}.{ext}"), a.out)
        lines = []
        nlines = max(5, int(r.expovariate(1 / 300)))
        lineno = 0
        for _ in range(nlines):
            if r.randrange(a.secret_every) == 0:
                rid, text = r.choice(plants)
                lines.append(text)
                lineno += 1
                manifest.append({"path": rel, "line": lineno, "rule_id": rid})
            else:
                text = line_for(ext, r)
                lines.append(text)
                lineno += text.count("\n") + 1
        data = ("\n".join(lines) + "\n").encode()
        with open(os.path.join(a.out, rel), "wb") as f:
            f.write(data)
        written += len(data)
        n += 1
    with open(a.out.rstrip("/") + ".planted.jsonl", "w") as f:
        for m in manifest:
            f.write(json.dumps(m) + "\n")
    print(f"{n} files, {written / (1 << 20):.1f} MiB, {len(manifest)} planted secrets", file=sys.stderr)


if __name__ == "__main__":
    main()

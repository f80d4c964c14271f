#!/usr/bin/env python3
"""Writes a SECOND, independent labelled probe corpus (held-out style) for sprawl.

    python3 bench/quality/gen_probe2.py OUT_DIR [--seed 1] [--positives 250] [--negatives 200]

Same command line and labels.json format as gen_probe.py (score.py scores it unchanged), and
it reuses gen_probe.py's token generators, but every file template is new: other config
shapes (nested YAML, INI credential files, tfvars, Postman/HAR/HTTP dumps, JSON with the
provider on a parent object, logs with tokens in query strings, JAAS/JDBC/SMTP configs, other
languages...). Templates live in probe2_templates_pos*.py / probe2_templates_neg.py.
Test-mode keys appear nowhere. Python 3 stdlib only; output depends only on --seed.
"""
import argparse
import importlib
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_probe as G  # noqa: E402


def load_templates():
    pos, neg = [], []
    for name in sorted(os.listdir(HERE)):
        if name.startswith("probe2_templates_") and name.endswith(".py") and name != "probe2_templates_base.py":
            mod = importlib.import_module(name[:-3])
            pos += getattr(mod, "POSITIVE", [])
            neg += getattr(mod, "NEGATIVE", [])
    return pos, neg


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--positives", type=int, default=250)
    ap.add_argument("--negatives", type=int, default=200)
    a = ap.parse_args()
    G.R = random.Random(a.seed * 7919 + 17)  # different stream than gen_probe.py for the same seed
    R = G.R
    POSITIVE, NEGATIVE = load_templates()
    if os.path.exists(os.path.join(a.out, "corpus")):
        raise SystemExit(f"{a.out}/corpus exists; use a fresh directory")
    os.makedirs(a.out, exist_ok=True)
    labels = {"seed": a.seed, "positives": [], "ignore": [], "negatives": []}
    used = set()

    def uniq_path(i, rel):
        path = f"{R.choice(G.WORDS)}-{i:03d}/{rel}"
        assert path not in used
        used.add(path)
        return path

    pos_jobs = [POSITIVE[i % len(POSITIVE)] for i in range(a.positives)] if POSITIVE else []
    neg_jobs = [NEGATIVE[i % len(NEGATIVE)] for i in range(a.negatives)] if NEGATIVE else []
    jobs = [("p", j) for j in pos_jobs] + [("n", j) for j in neg_jobs]
    R.shuffle(jobs)
    for i, (kind, (fn, names)) in enumerate(jobs):
        d = G.Doc(uniq_path(i, R.choice(names)))
        desc = fn(d)
        text = d.text()
        full = os.path.join(a.out, "corpus", d.path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
        if kind == "n":
            labels["negatives"].append({"path": d.path, "description": desc or fn.__doc__ or fn.__name__, "template": fn.__name__})
            continue
        cursor = {}
        for secret, prov, anchor, alts in d.labels:
            line, idx = G.line_of(text, anchor, cursor.get(anchor, 0))
            cursor[anchor] = idx + 1
            ent = {"path": d.path, "line": line, "secret": secret, "provider": prov, "template": fn.__name__}
            if alts:
                ent["alts"] = alts
            labels["positives"].append(ent)
        for value, reason in d.ignores:
            line, _ = G.line_of(text, value)
            labels["ignore"].append({"path": d.path, "line": line, "secret": value, "reason": reason})
    with open(os.path.join(a.out, "labels.json"), "w") as f:
        json.dump(labels, f, indent=1)
    print(f"{a.out}: {len(pos_jobs)} positive files ({len(labels['positives'])} secrets), "
          f"{len(neg_jobs)} negative files ({len(POSITIVE)} positive / {len(NEGATIVE)} negative templates)")


if __name__ == "__main__":
    main()

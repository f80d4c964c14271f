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
    positive, negative = load_templates()
    G.write_corpus(a.out, a.seed, a.positives, a.negatives, positive, negative, G.R)


if __name__ == "__main__":
    main()

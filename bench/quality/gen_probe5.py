#!/usr/bin/env python3
"""probe5: held-out, labelled corpus generator for secret-scanner evaluation.

Usage:
  python3 bench/quality/gen_probe5.py OUT_DIR [--seed 1] [--positives 250] [--negatives 150]
  python3 bench/quality/gen_probe5.py --list-kinds

Writes OUT_DIR/corpus/<NNNN-template-xxxxxx>/<file> and OUT_DIR/labels.json.
Token formats were modelled on provider documentation; each kind records the
URL it was modelled on (`doc`) and `unc=True` where the exact format could not
be confirmed from a primary source. Standard library only; every random choice
comes from one random.Random(seed).
"""
import argparse
import json
import os
import random
import sys

sys.dont_write_bytecode = True   # never leave __pycache__ next to the generator
HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import probe5_kinds as kinds_mod  # noqa: E402
import probe5_tpl_common as common  # noqa: E402
import probe5_tpl_config  # noqa: E402,F401  (registers templates)
import probe5_tpl_code  # noqa: E402,F401
import probe5_tpl_special  # noqa: E402,F401
import probe5_negatives as negmod  # noqa: E402
from probe5_util import rs, HEXL  # noqa: E402


def list_kinds():
    ks = kinds_mod.KINDS
    for k in ks:
        print("%-40s %-30s %-4s %s" % (k["name"], k["provider"], "UNC" if k["unc"] else "ok", k["doc"]))
    unc = [k["name"] for k in ks if k["unc"]]
    provs = sorted(set(k["provider"] for k in ks))
    print()
    print("kinds: %d  providers: %d  confirmed: %d  unconfirmed (unc=True): %d"
          % (len(ks), len(provs), len(ks) - len(unc), len(unc)))
    print("unconfirmed kinds: " + ", ".join(unc))
    print("templates: %d positive, %d negative-only"
          % (len(common.TEMPLATES), len(negmod.NEG_TEMPLATES)))


def check_label(text_lines, line, cands):
    """True if one candidate starts on `line` (1-based) of the file."""
    if line < 1 or line > len(text_lines):
        return False
    first = text_lines[line - 1]
    rest = "\n".join(text_lines[line - 1:])
    for c in cands:
        if not c:
            continue
        i = rest.find(c)
        if 0 <= i <= len(first):
            return True
    return False


def pick_creds(r, tpl, queue, covered, all_kinds):
    """Choose creds for a positive file: 1-3 secrets, uncovered kinds first."""
    target = r.choice((1, 1, 2, 2, 2, 3))
    target = min(target, tpl["nmax"]) if tpl["nmax"] < 3 else target
    acc = [k for k in all_kinds if common.accepts(tpl, k)]
    if not acc:
        return []
    creds = []
    nsec = 0
    used = set()
    tries = 0
    while nsec < target and tries < 40 and len(creds) < tpl["nmax"]:
        tries += 1
        cand = [k for k in queue if k["name"] not in covered and common.accepts(tpl, k)
                and k["name"] not in used]
        if cand and r.random() < 0.85:
            k = cand[0]
        else:
            pool = [k for k in acc if k["name"] not in used]
            if not pool:
                break
            k = r.choice(pool)
        c = None
        for _ in range(6):
            c0 = kinds_mod.make(k, r)
            if common.cred_ok(tpl, c0):
                c = c0
                break
        if c is None:
            used.add(k["name"])
            continue
        ns = kinds_mod.n_secrets(c)
        if nsec + ns > 3:
            used.add(k["name"])
            continue
        creds.append(c)
        used.add(k["name"])
        nsec += ns
    return creds


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", nargs="?")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--positives", type=int, default=250, help="number of positive files")
    ap.add_argument("--negatives", type=int, default=150, help="number of negative files")
    ap.add_argument("--list-kinds", action="store_true")
    a = ap.parse_args(argv)
    if a.list_kinds:
        list_kinds()
        return 0
    if not a.out_dir:
        ap.error("OUT_DIR is required")
    corpus = os.path.join(a.out_dir, "corpus")
    if os.path.exists(corpus):
        sys.stderr.write("error: %s already exists\n" % corpus)
        return 2

    r = random.Random(a.seed)
    all_kinds = list(kinds_mod.KINDS)
    queue = list(all_kinds)
    r.shuffle(queue)
    covered = {}
    templates = list(common.TEMPLATES)

    files = []          # (relpath, text)
    positives, ignore, negatives = [], [], []
    tpl_used = {}
    idx = 0

    # ---------------------------------------------------------------- positives
    sched = []
    while len(sched) < a.positives:
        t = list(templates)
        r.shuffle(t)
        sched.extend(t)
    sched = sched[:a.positives]
    for tpl in sched:
        creds = pick_creds(r, tpl, queue, covered, all_kinds)
        if not creds:
            continue
        doc = common.Doc(r)
        fname, text = tpl["fn"](r, doc, creds)
        final, labels = doc.render(text)
        pos = [l for l in labels if l["kind"] == "pos"]
        if not (1 <= len(pos) <= 3):
            raise AssertionError("template %s produced %d secrets" % (tpl["name"], len(pos)))
        idx += 1
        d = "%04d-%s-%s" % (idx, tpl["name"], rs(r, HEXL, 6, check=False))
        rel = d + "/" + fname
        files.append((rel, final))
        tpl_used[tpl["name"]] = tpl_used.get(tpl["name"], 0) + 1
        for l in labels:
            f = l["field"]
            if l["kind"] == "pos":
                positives.append(dict(path=rel, line=l["line"], secret=f["secret"], provider=f["provider"],
                                      template=tpl["name"], alts=l["alts"], kind=f["kind"]))
                covered[f["kind"]] = covered.get(f["kind"], 0) + 1
            else:
                ig = dict(path=rel, line=l["line"], secret=f["value"], reason=f["reason"])
                if l.get("rendered") and l["rendered"] != f["value"]:
                    ig["alts"] = [l["rendered"]]
                ignore.append(ig)

    # ---------------------------------------------------------------- negatives
    decoy_tpls = [t for t in templates if t["decoy"] and t["kinds"] is None and t["tags"] is None
                  and ("tok" in t["shapes"] or "url" in t["shapes"])]
    decoy_kinds = [k for k in all_kinds if k["shape"] in ("tok", "url")]
    nsched = []
    n_decoy = a.negatives // 2
    while len(nsched) < n_decoy:
        t = list(decoy_tpls)
        r.shuffle(t)
        nsched.extend(("decoy", x) for x in t)
    nsched = nsched[:n_decoy]
    spec = []
    while len(spec) < a.negatives - n_decoy:
        t = list(negmod.NEG_TEMPLATES)
        r.shuffle(t)
        spec.extend(("special", x) for x in t)
    nsched += spec[:a.negatives - n_decoy]
    r.shuffle(nsched)
    for mode, tpl in nsched:
        if mode == "decoy":
            doc = common.Doc(r, decoy=True)
            cands = [k for k in decoy_kinds if common.accepts(tpl, k)]
            creds, notes = [], []
            for k in r.sample(cands, min(len(cands), r.randint(1, 3))):
                for _ in range(6):
                    c, cats = negmod.decoy_cred(r, k, kinds_mod.make)
                    if common.cred_ok(tpl, c):
                        creds.append(c)
                        notes.extend(cats)
                        break
            if not creds:
                continue
            fname, text = tpl["fn"](r, doc, creds)
            final, labels = doc.render(text)
            assert not labels
            desc = "decoy %s: %s" % (tpl["name"], "; ".join(notes))
            tname = "decoy-" + tpl["name"]
        else:
            fname, final, desc = tpl["fn"](r)
            tname = tpl["name"]
        idx += 1
        d = "%04d-%s-%s" % (idx, tname, rs(r, HEXL, 6, check=False))
        rel = d + "/" + fname
        files.append((rel, final))
        negatives.append(dict(path=rel, description=desc, template=tname))

    # ---------------------------------------------------------------- verify
    texts = dict(files)
    for p in positives:
        lines = texts[p["path"]].split("\n")
        if not check_label(lines, p["line"], [p["secret"]] + p["alts"]):
            raise AssertionError("label not found on its line: %r" % (p,))
    for g in ignore:
        lines = texts[g["path"]].split("\n")
        if not check_label(lines, g["line"], [g["secret"]] + g.get("alts", [])):
            raise AssertionError("ignore label not found on its line: %r" % (g,))
    neg_paths = set(n["path"] for n in negatives)
    for p in positives:
        for np_ in neg_paths:
            if p["secret"] in texts[np_]:
                raise AssertionError("positive secret leaked into negative %s" % np_)
    pos_counts = {}
    for p in positives:
        pos_counts[p["path"]] = pos_counts.get(p["path"], 0) + 1
    assert all(1 <= v <= 3 for v in pos_counts.values())

    # ---------------------------------------------------------------- write
    os.makedirs(corpus)
    for rel, text in files:
        full = os.path.join(corpus, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    labels = {"seed": a.seed, "positives": positives, "ignore": ignore, "negatives": negatives}
    with open(os.path.join(a.out_dir, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write("\n")

    kinds_seen = sorted(covered)
    provs = sorted(set(p["provider"] for p in positives))
    missing = [k["name"] for k in all_kinds if k["name"] not in covered]
    neg_only = sorted(set(n["template"] for n in negatives if not n["template"].startswith("decoy-")))
    print("files: %d (positive %d, negative %d)" % (len(files), len(pos_counts), len(negatives)))
    print("secrets: %d positives, %d ignore entries" % (len(positives), len(ignore)))
    print("kinds: %d of %d (providers %d); unconfirmed kinds used: %d"
          % (len(kinds_seen), len(all_kinds), len(provs),
             sum(1 for k in all_kinds if k["unc"] and k["name"] in covered)))
    print("templates: %d positive templates used (also used as decoy negatives), "
          "%d negative-only templates; %d distinct"
          % (len(tpl_used), len(neg_only), len(set(tpl_used) | set(neg_only))))
    if missing:
        print("kinds not covered at this size: %s" % ", ".join(missing))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scores a sprawl scan against a probe corpus written by gen_probe.py.

    python3 bench/quality/score.py OUT_DIR [--sprawl build/sprawl] [--threads 2] [--json FILE]
    python3 bench/quality/score.py --aggregate RUN1.json RUN2.json ...   # totals over several seeds

Runs `sprawl scan . -f jsonl --reveal --no-ignore --threads N` inside OUT_DIR/corpus and
matches its findings to OUT_DIR/labels.json:

- a label is found EXACTLY when a finding in the same file reports the same secret;
- it is found PARTIALLY when a finding on the same file and line reports a secret that
  contains, or is contained in, the labelled secret or one of its alts (alternative
  spellings, e.g. the base64 form in a Kubernetes Secret), or equals an alt anywhere in the file.
  Partial matches count as found and are listed separately;
- findings on `ignore` entries (identifiers such as Twilio SIDs) count neither way;
- every other finding is a false positive.

Findings are deduplicated on (path, line, secret) before counting (two rules reporting
the same value once are one finding). Python 3 stdlib only.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def short(s, n=60):
    s = s.replace("\n", "\\n")
    return s if len(s) <= n else s[: n - 1] + "…"


def line_excerpt(root, path, line, needle=None, width=110):
    try:
        with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
            for i, text in enumerate(f, 1):
                if i == line:
                    text = text.rstrip("\n").strip()
                    if len(text) <= width:
                        return text
                    at = text.find(needle[:20]) if needle else -1
                    start = max(0, min(at - 30, len(text) - width)) if at >= 0 else 0
                    return ("…" if start else "") + text[start:start + width] + "…"
    except OSError:
        pass
    return ""


def run_scan(sprawl, corpus, threads):
    env = dict(os.environ)
    env.setdefault("XDG_CACHE_HOME", "/tmp/probe-cache")
    cmd = [sprawl, "scan", ".", "-f", "jsonl", "--reveal", "--no-ignore", "--threads", str(threads)]
    p = subprocess.run(cmd, cwd=corpus, env=env, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"sprawl failed ({p.returncode}): {p.stderr}")
    findings = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    return cmd, findings, p.stderr.strip()


def canon(secret):
    """PEM blocks compare without whitespace, indentation or JSON \\n escapes."""
    if "-----BEGIN" in secret:
        return "".join(secret.replace("\\n", "").replace("\\r", "").split())
    return secret


def norm(path):
    return path[2:] if path.startswith("./") else path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", help="directory written by gen_probe.py (holds corpus/ and labels.json)")
    ap.add_argument("--aggregate", nargs="+", metavar="JSON", help="summarise --json results of several runs instead of scanning")
    ap.add_argument("--sprawl", default=os.path.join(REPO, "build", "sprawl"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--findings", help="read findings from this JSONL file instead of running sprawl")
    ap.add_argument("--save-findings", help="write the raw JSONL findings here")
    ap.add_argument("--json", help="write the scored result here")
    a = ap.parse_args()
    if a.aggregate:
        return aggregate(a.aggregate)
    if not a.out:
        ap.error("OUT_DIR is required")

    corpus = os.path.join(a.out, "corpus")
    labels = json.load(open(os.path.join(a.out, "labels.json")))
    for lab in labels["positives"]:
        lab["secret"] = canon(lab["secret"])
        if "alts" in lab:
            lab["alts"] = [canon(x) for x in lab["alts"]]
    if a.findings:
        findings = [json.loads(l) for l in open(a.findings) if l.strip()]
        cmd, summary = ["(from file)", a.findings], ""
    else:
        cmd, findings, summary = run_scan(a.sprawl, corpus, a.threads)
    if a.save_findings:
        with open(a.save_findings, "w") as f:
            f.writelines(json.dumps(x) + "\n" for x in findings)

    # dedupe findings on (path, line, secret)
    dedup = collections.OrderedDict()
    for f in findings:
        key = (norm(f["path"]), f["line"], canon(f.get("secret", "")))
        ent = dedup.setdefault(key, {"path": key[0], "line": key[1], "secret": key[2], "rules": [], "encoding": f.get("encoding")})
        if f["rule_id"] not in ent["rules"]:
            ent["rules"].append(f["rule_id"])
    finds = list(dedup.values())
    by_path = collections.defaultdict(list)
    for f in finds:
        by_path[f["path"]].append(f)

    def related(a_, b_):
        # containment either way; the shorter side must be >= 8 chars so a fragment never counts
        return min(len(a_), len(b_)) >= 8 and (a_ in b_ or b_ in a_)

    # ignores
    for ig in labels.get("ignore", []):
        for f in by_path.get(ig["path"], []):
            if f["secret"] == ig["secret"] or (f["line"] == ig["line"] and related(f["secret"], ig["secret"])):
                f["ignored"] = ig["reason"]

    # match labels: exact (same path + secret, prefer same line), then partial
    results = []
    for lab in labels["positives"]:
        cands = by_path.get(lab["path"], [])
        exact = [f for f in cands if f["secret"] == lab["secret"]]
        exact.sort(key=lambda f: f["line"] != lab["line"])
        how, hit = None, None
        if exact:
            how, hit = "exact", exact[0]
        else:
            forms = [lab["secret"]] + lab.get("alts", [])
            for f in cands:
                if f["secret"] in lab.get("alts", []):
                    how, hit = "alt", f
                    break
                if f["line"] == lab["line"] and any(related(f["secret"], s) for s in forms):
                    how, hit = "partial", f
                    break
        if hit is not None:
            hit.setdefault("matched", []).append(lab)
            # also mark every other finding for the same label value as matched (duplicates across rules/lines)
        results.append((lab, how, hit))
    # a finding that equals / is related on the same line to any label is a true positive too
    for f in finds:
        if "matched" in f or "ignored" in f:
            continue
        for lab in labels["positives"]:
            if lab["path"] != f["path"]:
                continue
            forms = [lab["secret"]] + lab.get("alts", [])
            if f["secret"] in forms or (f["line"] == lab["line"] and any(related(f["secret"], s) for s in forms)):
                f["matched"] = [lab]
                break

    neg_paths = {n["path"]: n for n in labels["negatives"]}
    counted = [f for f in finds if "ignored" not in f]
    tp = [f for f in counted if "matched" in f]
    fp = [f for f in counted if "matched" not in f]
    found = [r for r in results if r[1]]
    exact_n = sum(1 for r in results if r[1] == "exact")
    n_lab = len(results)
    recall = len(found) / n_lab if n_lab else 0.0
    precision = len(tp) / len(counted) if counted else 1.0

    print("command:", " ".join(cmd), f"(cwd {corpus})")
    if summary:
        print("sprawl:", summary.splitlines()[-1])
    print(f"files: {len({l['path'] for l in labels['positives']})} positive, {len(labels['negatives'])} negative")
    print(f"labels: {n_lab}; raw findings: {len(findings)}; distinct (path,line,secret): {len(finds)}; ignored (identifiers): {len(finds) - len(counted)}")
    print(f"RECALL    {len(found)}/{n_lab} = {recall:.1%}  (exact {exact_n}, partial/alt {len(found) - exact_n}; strict exact-only recall {exact_n / n_lab:.1%})")
    print(f"PRECISION {len(tp)}/{len(counted)} = {precision:.1%}  ({len(fp)} false positives: "
          f"{sum(1 for f in fp if f['path'] in neg_paths)} in negative files, {sum(1 for f in fp if f['path'] not in neg_paths)} in positive files)")
    neg_hit = collections.Counter(f["path"] for f in fp if f["path"] in neg_paths)
    print(f"negative files with >=1 FP: {len(neg_hit)}/{len(neg_paths)}")

    prov = collections.defaultdict(lambda: [0, 0])
    tmpl = collections.defaultdict(lambda: [0, 0])
    for lab, how, _ in results:
        prov[lab["provider"]][1] += 1
        tmpl[lab.get("template", "?")][1] += 1
        if how:
            prov[lab["provider"]][0] += 1
            tmpl[lab.get("template", "?")][0] += 1
    print("\nrecall by provider (found/total), below 100% only:")
    print("  " + ", ".join(f"{p} {v[0]}/{v[1]}" for p, v in sorted(prov.items()) if v[0] < v[1]) or "  (all 100%)")
    print("recall by file template, below 100% only:")
    print("  " + ", ".join(f"{t} {v[0]}/{v[1]}" for t, v in sorted(tmpl.items()) if v[0] < v[1]) or "  (all 100%)")

    print(f"\nMISSES ({n_lab - len(found)}):")
    for lab, how, _ in sorted(results, key=lambda r: (r[0]["provider"], r[0]["path"])):
        if how:
            continue
        print(f"  {lab['path']}:{lab['line']}  [{lab['provider']}, {lab.get('template')}]  secret={short(lab['secret'], 50)}")
        print(f"      | {line_excerpt(corpus, lab['path'], lab['line'], lab['secret'])}")

    print(f"\nPARTIAL / ALT MATCHES ({len(found) - exact_n}):")
    for lab, how, hit in results:
        if how in ("partial", "alt"):
            print(f"  {lab['path']}:{lab['line']}  [{lab['provider']}] {how} via {','.join(hit['rules'])} enc={hit.get('encoding')}: "
                  f"label={short(lab['secret'], 40)} reported={short(hit['secret'], 40)}")

    print(f"\nFALSE POSITIVES ({len(fp)}):")
    by_rule = collections.Counter(r for f in fp for r in f["rules"][:1])
    print("  by rule: " + ", ".join(f"{r} {n}" for r, n in by_rule.most_common()))
    by_tmpl = collections.Counter(neg_paths[f["path"]]["template"] if f["path"] in neg_paths else "(positive file)" for f in fp)
    print("  by file template: " + ", ".join(f"{t} {n}" for t, n in by_tmpl.most_common()))
    for f in sorted(fp, key=lambda f: (f["rules"][0], f["path"])):
        where = neg_paths[f["path"]]["template"] if f["path"] in neg_paths else "positive file"
        print(f"  {f['path']}:{f['line']}  {','.join(f['rules'])}  [{where}] enc={f.get('encoding')} secret={short(f['secret'], 50)}")
        print(f"      | {line_excerpt(corpus, f['path'], f['line'], f['secret'])}")

    if a.json:
        out = {"recall": recall, "precision": precision, "labels": n_lab, "found": len(found), "exact": exact_n,
               "findings": len(counted), "true_positive_findings": len(tp), "false_positives": len(fp),
               "misses": [dict(r[0], line_text=line_excerpt(corpus, r[0]["path"], r[0]["line"], r[0]["secret"]))
                          for r in results if not r[1]],
               "partial": [{"label": r[0], "how": r[1], "finding": {k: v for k, v in r[2].items() if k != "matched"}}
                           for r in results if r[1] in ("partial", "alt")],
               "fps": [dict({k: v for k, v in f.items() if k != "matched"},
                            negative_template=neg_paths[f["path"]]["template"] if f["path"] in neg_paths else None,
                            line_text=line_excerpt(corpus, f["path"], f["line"], f["secret"])) for f in fp]}
        with open(a.json, "w") as fh:
            json.dump(out, fh, indent=1)


def aggregate(files):
    tot = collections.Counter()
    miss = collections.Counter()
    fps = collections.Counter()
    for fn in files:
        r = json.load(open(fn))
        for k in ("labels", "found", "exact", "findings", "true_positive_findings", "false_positives"):
            tot[k] += r[k]
        print(f"{fn}: recall {r['recall']:.1%} ({r['found']}/{r['labels']}), precision {r['precision']:.1%} "
              f"({r['true_positive_findings']}/{r['findings']})")
        for m in r["misses"]:
            miss[(m["provider"], m.get("template"))] += 1
        for f in r["fps"]:
            fps[(f["rules"][0], f.get("negative_template") or "(positive file)")] += 1
    print(f"TOTAL over {len(files)} runs: recall {tot['found'] / tot['labels']:.1%} ({tot['found']}/{tot['labels']}; "
          f"exact-only {tot['exact'] / tot['labels']:.1%}), precision {tot['true_positive_findings'] / tot['findings']:.1%} "
          f"({tot['true_positive_findings']}/{tot['findings']}, {tot['false_positives']} FP)")
    print("misses by (provider, template):")
    for (p, t), n in sorted(miss.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {n:3d}  {p:16s} {t}")
    print("false positives by (first rule, file template):")
    for (r, t), n in sorted(fps.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {n:3d}  {r:32s} {t}")


if __name__ == "__main__":
    main()

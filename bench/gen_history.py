#!/usr/bin/env python3
"""Deterministic generator of a synthetic git history with realistic churn, via git fast-import.

    bench/gen_history.py REPO_DIR --commits 20000 --files 2000 [--seed 1]

Starts with FILES source files; each commit edits 1-4 files (insert, change or delete a few
lines), sometimes adds or deletes a file, and about 1 commit in 500 plants a secret from a
rule example (removed again some commits later). Branches and merges every few hundred
commits. The same arguments always give the same repository.
"""
import argparse
import os
import random
import subprocess
import sys

import yaml

sys.path.insert(0, os.path.dirname(__file__))
import gen_corpus  # noqa: E402
from gen_corpus import line_for  # noqa: E402

# Histories are generated from the corpus generator's `dense` lines, as when the figures in
# docs/performance.md were measured: the same arguments keep giving the same repository.
gen_corpus.PROFILE = "dense"


def load_secrets(rules_dir):
    out = []
    for name in sorted(os.listdir(rules_dir)):
        if name.endswith(".yml"):
            for rule in yaml.safe_load(open(os.path.join(rules_dir, name)))["rules"]:
                ex = rule["examples"][0]["input"]
                if "\n" not in ex:
                    out.append(ex)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("repo")
    ap.add_argument("--commits", type=int, default=20000)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rules", default=os.path.join(os.path.dirname(__file__), "..", "rules"))
    a = ap.parse_args()
    r = random.Random(a.seed)
    secrets = load_secrets(a.rules)
    exts = ["py", "js", "go", "java", "yml", "json", "md", "ts"]
    files = {}
    for i in range(a.files):
        ext = r.choice(exts)
        path = f"src/mod{i % 50}/file{i}.{ext}"
        files[path] = [line_for(ext, r) for _ in range(r.randint(10, 80))]
    subprocess.run(["git", "init", "-q", "-b", "main", a.repo], check=True)
    fi = subprocess.Popen(["git", "-C", a.repo, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    out = fi.stdin
    t = 1700000000
    mark = 0

    def data(text):
        b = text.encode()
        out.write(b"data %d\n" % len(b))
        out.write(b)
        out.write(b"\n")

    def commit(branch, msg, changes, parents):
        nonlocal mark, t
        mark += 1
        t += 60
        out.write(f"commit refs/heads/{branch}\nmark :{mark}\n".encode())
        out.write(f"author Dev {mark % 7} <dev{mark % 7}@example.com> {t} +0000\n".encode())
        out.write(f"committer Dev {mark % 7} <dev{mark % 7}@example.com> {t} +0000\n".encode())
        data(msg)
        for i, p in enumerate(parents):
            out.write(f"{'from' if i == 0 else 'merge'} :{p}\n".encode())
        for path, content in changes:
            if content is None:
                out.write(f"D {path}\n".encode())
            else:
                out.write(f"M 100644 inline {path}\n".encode())
                data(content)
        return mark

    head = commit("main", "initial import", [(p, "\n".join(l) + "\n") for p, l in files.items()], [])
    planted = []
    side = None
    for n in range(1, a.commits):
        changes = []
        for _ in range(r.randint(1, 4)):
            path = r.choice(list(files))
            lines = files[path]
            ext = path.rsplit(".", 1)[1]
            op = r.random()
            pos = r.randrange(len(lines) + 1)
            if op < 0.5:
                lines.insert(pos, line_for(ext, r))
            elif op < 0.8 and lines:
                lines[min(pos, len(lines) - 1)] = line_for(ext, r)
            elif lines:
                del lines[min(pos, len(lines) - 1)]
            changes.append((path, "\n".join(lines) + "\n"))
        if r.random() < 0.002:
            path = r.choice(list(files))
            files[path].insert(0, r.choice(secrets))
            planted.append(path)
            changes.append((path, "\n".join(files[path]) + "\n"))
        if planted and r.random() < 0.002:
            path = planted.pop(0)
            files[path] = files[path][1:]
            changes.append((path, "\n".join(files[path]) + "\n"))
        if r.random() < 0.01:
            ext = r.choice(exts)
            path = f"src/new/f{n}.{ext}"
            files[path] = [line_for(ext, r) for _ in range(r.randint(5, 40))]
            changes.append((path, "\n".join(files[path]) + "\n"))
        if n % 400 == 0:
            side = head
        if side is not None and n % 400 == 200:
            head = commit("main", f"merge work {n}", changes, [head, side])
            side = None
            continue
        head = commit("main", f"change {n}", changes, [head])
    out.close()
    if fi.wait() != 0:
        sys.exit("fast-import failed")
    subprocess.run(["git", "-C", a.repo, "checkout", "-q", "-f", "main"], check=True)
    subprocess.run(["git", "-C", a.repo, "gc", "-q", "--aggressive" if a.commits < 2000 else "-q"], check=False)
    print(f"{a.commits} commits, {len(files)} files", file=sys.stderr)


if __name__ == "__main__":
    main()

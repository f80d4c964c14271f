#!/usr/bin/env python3
"""Quick pre-check of rule files with Python's `re` (close to, not identical to, RE2).

The authoritative check is `build/sprawl rules check DIR`, which runs the real engine.
This script exists so rule authors get fast feedback without a build.

Usage: tools/check_rules.py rules/foo.yml [more.yml ...]
"""
import math
import re
import sys
import zlib

import yaml

ALLOWED = {"id", "name", "provider", "pattern", "keywords", "entropy", "confidence", "severity",
           "checksum", "max_length", "references", "revocation", "examples",
           "negative_examples", "tags"}
REQUIRED = {"id", "name", "provider", "pattern", "entropy", "confidence", "references",
            "revocation", "examples", "negative_examples"}
PLACEHOLDER_WORDS = ["example", "sample", "placeholder", "dummy", "changeme", "change_me",
                     "replace_me", "replaceme", "redacted", "your_", "your-", "yourkey",
                     "yourpassword", "yourstrong", "mypassword"]
PLACEHOLDER_SUBSTR = ["xxxx", "XXXX", "****", "${", "{{", "}}", "<", ">", "%(", "$("]
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def entropy(s):
    if not s:
        return 0.0
    counts = {}
    for ch in s:
        counts[ch] = counts.get(ch, 0) + 1
    return -sum(c / len(s) * math.log2(c / len(s)) for c in counts.values())


def runs(s):
    same = asc = desc = 1
    for a, b in zip(s, s[1:]):
        same = same + 1 if a == b else 1
        seq = a.isalnum() and b.isalnum() and (a.isdigit() == b.isdigit())
        asc = asc + 1 if seq and ord(b) == ord(a) + 1 else 1
        desc = desc + 1 if seq and ord(b) == ord(a) - 1 else 1
        if max(same, asc, desc) >= 6:
            return True
    return False


def is_placeholder(s):
    low = s.lower()
    if any(w in low for w in PLACEHOLDER_WORDS) or any(p in s for p in PLACEHOLDER_SUBSTR):
        return True
    if len(s) <= 128 and runs(s):
        return True
    if re.fullmatch(r"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%[A-Za-z_][A-Za-z0-9_]*%", s):
        return True
    if re.match(r"(process\.env|os\.environ|getenv\(|ENV\[)", s):
        return True
    return False


def github_crc32_ok(tok):
    body = tok.split("_", 1)[1] if "_" in tok else tok
    if len(body) != 36:
        return False
    data, check = body[:30], body[30:]
    n = zlib.crc32(data.encode())
    enc = ""
    while n:
        n, r = divmod(n, 62)
        enc = B62[r] + enc
    return enc.rjust(6, "0") == check


def findings(rule, rx, text):
    out = []
    for m in rx.finditer(text):
        if "secret" in rx.groupindex:
            sec = m.group("secret")
        elif rx.groups >= 1:
            sec = m.group(1)
        else:
            sec = m.group(0)
        if sec is None:
            continue
        if entropy(sec) < float(rule["entropy"]):
            continue
        if is_placeholder(sec):
            continue
        if rule.get("checksum") == "github-crc32" and not github_crc32_ok(sec):
            continue
        out.append(sec)
    return out


def check(path):
    errors = 0
    with open(path) as f:
        doc = yaml.safe_load(f)
    for rule in doc["rules"]:
        rid = rule.get("id", "?")
        def err(msg):
            nonlocal errors
            errors += 1
            print(f"{path}: {rid}: {msg}")
        for k in rule:
            if k not in ALLOWED:
                err(f"unknown key {k}")
        for k in REQUIRED:
            if k not in rule:
                err(f"missing key {k}")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rid):
            err("id is not kebab-case")
        try:
            rx = re.compile(rule["pattern"])
        except Exception as e:  # noqa
            err(f"bad pattern: {e}")
            continue
        if re.search(r"\(\?[=!<]|\\[1-9]|\(\?>", rule["pattern"].replace("(?P<", "")):
            err("look-around/back-reference not allowed")
        for m in re.finditer(r"\{(\d+)(?:,(\d*))?\}", rule["pattern"]):
            if int(m.group(1)) > 1000 or (m.group(2) and int(m.group(2)) > 1000):
                err(f"repetition {m.group(0)} exceeds RE2's limit of 1000 (split it into consecutive runs: X{{0,1000}}X{{0,1000}})")
        if len(rule.get("examples", [])) < 2:
            err("fewer than 2 examples")
        if len(rule.get("negative_examples", [])) < 2:
            err("fewer than 2 negative examples")
        for ex in rule.get("examples", []):
            got = findings(rule, rx, ex["input"])
            if ex["secret"] not in got:
                err(f"example did not yield secret {ex['secret']!r}: got {got!r} from {ex['input']!r}")
        for neg in rule.get("negative_examples", []):
            got = findings(rule, rx, neg)
            if got:
                err(f"negative example matched {got!r}: {neg!r}")
    return errors


def main():
    total = 0
    for p in sys.argv[1:]:
        total += check(p)
    print("ok" if total == 0 else f"{total} problem(s)")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()

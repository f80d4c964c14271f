#!/usr/bin/env python3
"""Writes a synthetic CI log of a given size to stdout, for bench/log_bench.sh.

The log looks like a GitHub Actions job log: timestamp prefixes, ##[group] markers,
ANSI-coloured compiler and test output, progress redraws with \\r, CRLF lines, and one
planted GitHub token per 4 MiB block (so recall can be checked: findings == blocks).
A 4 MiB block is built once and written repeatedly with a fresh token each time, so the
generator outruns the scanner and nothing is stored on disk.
"""
import argparse
import random
import sys
import zlib

B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def token(rng):
    body = "".join(rng.choice(B62) for _ in range(30))
    crc = zlib.crc32(body.encode())
    check = ""
    for _ in range(6):
        check = B62[crc % 62] + check
        crc //= 62
    return "ghp_" + body + check


def block(rng, size):
    words = ("compile link test assert module package install download resolve cache "
             "build target object warning note info debug request response status").split()
    lines, total, n = [], 0, 0
    while total < size:
        n += 1
        ts = "2024-05-01T12:%02d:%02d.%07dZ " % (n // 60 % 60, n % 60, n * 7919 % 10000000)
        kind = n % 50
        if kind == 0:
            text = "##[group]Run step %d" % n
        elif kind == 1:
            text = "##[endgroup]"
        elif kind < 10:
            text = "\x1b[36;1m%s\x1b[0m %s" % (rng.choice(words), " ".join(rng.choice(words) for _ in range(8)))
        elif kind < 12:
            text = "Downloading %d%%\rDownloading %d%%\rDownloaded" % (n % 100, (n + 7) % 100)
        elif kind < 14:
            text = "path/to/src/file_%d.cpp:%d: warning: unused variable 'x%d'\r" % (n, n % 900, n)
        else:
            text = " ".join(rng.choice(words) for _ in range(rng.randint(4, 14)))
        line = ts + text + "\n"
        lines.append(line)
        total += len(line)
    return "".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mib", type=int, default=1024)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    body = block(rng, 4 << 20).encode()
    out = sys.stdout.buffer
    blocks = args.size_mib // 4
    for _ in range(blocks):
        secret = ("2024-05-01T12:00:00.0000000Z export GITHUB_TOKEN=%s\n" % token(rng)).encode()
        out.write(body)
        out.write(secret)
    out.flush()


if __name__ == "__main__":
    main()

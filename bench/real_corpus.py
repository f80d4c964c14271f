#!/usr/bin/env python3
"""Assembles a tree of real source files (not generated) from what this machine kind ships.

The second corpus for the files benchmark: the generated corpus (bench/gen_corpus.py) is
still several times denser in credential keywords than real code (docs/performance.md), and
the throughput target is stated for "a tree of mixed source files".

    python3 bench/real_corpus.py OUT [--size-mib 1024]

Sources, taken in this order until the size is reached (files sorted by path within each,
so the same machine image always gives the same tree): the Java sources of the newest JDK
under /usr/lib/jvm (its lib/src.zip), the CPython trees under ~/.pyenv (.py .c .h),
/usr/include, /usr/lib/python3*, /usr/share/perl*, /usr/lib/node_modules, and the
JavaScript, then the HTML, of the Rust toolchain's documentation (~/.rustup). What a machine lacks is
skipped; the script prints what it took from each source.
"""
import argparse
import glob
import os
import shutil
import sys
import zipfile


def files_under(base, suffixes=None):
    found = []
    for root, dirs, names in os.walk(base):
        dirs.sort()
        for name in names:
            path = os.path.join(root, name)
            if not os.path.isfile(path) or os.path.islink(path):
                continue
            if suffixes and not name.endswith(suffixes):
                continue
            found.append(os.path.relpath(path, base))
    return sorted(found)


class Budget:
    def __init__(self, limit):
        self.left = limit

    def take(self, size):
        if size > self.left:
            return False
        self.left -= size
        return True


def copy_tree(base, rels, dest, budget, label):
    count = total = 0
    for rel in rels:
        src = os.path.join(base, rel)
        size = os.path.getsize(src)
        if not budget.take(size):
            break
        target = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(src, target)
        count += 1
        total += size
    print(f"{label:<22} {count:6d} files {total / 1048576:7.1f} MiB")


def copy_zip(path, dest, budget, label):
    count = total = 0
    with zipfile.ZipFile(path) as z:
        for info in sorted(z.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            if not budget.take(info.file_size):
                break
            z.extract(info, dest)
            count += 1
            total += info.file_size
    print(f"{label:<22} {count:6d} files {total / 1048576:7.1f} MiB")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--size-mib", type=int, default=1024)
    args = ap.parse_args()
    if os.path.exists(args.out):
        sys.exit(f"{args.out} exists: remove it first")
    os.makedirs(args.out)
    budget = Budget(args.size_mib * 1048576)
    home = os.path.expanduser("~")

    jdks = sorted(glob.glob("/usr/lib/jvm/*/lib/src.zip"))
    if jdks:
        copy_zip(jdks[-1], os.path.join(args.out, "jdk"), budget, "jdk " + jdks[-1].split("/")[4])
    sources = [(os.path.join(home, ".pyenv"), (".py", ".c", ".h"), "cpython")]
    for d in ["/usr/include"] + sorted(glob.glob("/usr/lib/python3*")) + sorted(
        glob.glob("/usr/share/perl*")
    ) + ["/usr/lib/node_modules"]:
        sources.append((d, None, d.strip("/").replace("/", "-")))
    sources.append((os.path.join(home, ".rustup"), (".js",), "rust-doc-js"))
    sources.append((os.path.join(home, ".rustup"), (".html",), "rust-doc-html"))
    for base, suffixes, label in sources:
        if os.path.isdir(base) and not os.path.islink(base):
            copy_tree(base, files_under(base, suffixes), os.path.join(args.out, label), budget, label)
    taken = args.size_mib * 1048576 - budget.left
    print(f"total {taken / 1048576:.1f} MiB in {args.out}")


if __name__ == "__main__":
    main()

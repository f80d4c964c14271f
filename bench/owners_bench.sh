#!/usr/bin/env bash
# What ownership hints cost `sprawl scan`: the same files scanned inside a git work tree
# (blame + CODEOWNERS + secret decoding) and outside any repository (secret decoding only).
# Blame walks each file's history, so the cost grows with the commits behind each file.
#
#   bench/owners_bench.sh [FILES_WITH_FINDINGS] [COMMITS]   (defaults: 50 files, 1000 commits)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-50}
commits=${2:-1000}
out=bench/out/owners-$files-$commits
rm -rf "$out" && mkdir -p "$out/repo"
export XDG_CACHE_HOME=$PWD/bench/out/cache
[[ -x build/sprawl ]] || { cmake -S . -B build -G Ninja >/dev/null && cmake --build build >/dev/null; }

python3 - "$out/repo" "$files" <<'PY'
import os, random, sys
root, n = sys.argv[1], int(sys.argv[2])
random.seed(1)
b32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
os.makedirs(f'{root}/.github', exist_ok=True)
with open(f'{root}/.github/CODEOWNERS', 'w') as f:
    f.writelines(f'/d{i}/ @org/team{i}\n' for i in range(200))
for i in range(n):
    os.makedirs(f'{root}/d{i % 10}', exist_ok=True)
    key = 'AKIA' + random.choice('QRSTUVWXYZ') + ''.join(random.choice(b32) for _ in range(15))
    open(f'{root}/d{i % 10}/f{i}.env', 'w').write('A=1\n' * 5 + f'K={key}\n')
PY
g() { git -C "$out/repo" -c user.name=A -c user.email=a@example.com "$@"; }
g init -q -b main . && g add -A && g commit -qm init
for i in $(seq "$commits"); do echo "$i" > "$out/repo/churn.txt"; g add churn.txt; g commit -qm "c$i"; done
g gc -q
cp -r "$out/repo" "$out/plain" && rm -rf "$out/plain/.git"

median() {  # median wall seconds of 3 runs
  for _ in 1 2 3; do
    local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    echo "$e - $s" | bc -l
  done | sort -n | awk 'NR == 2 {printf "%.2f", $1}'
}
echo "| $files files with findings, $((commits + 1)) commits | in the work tree: $(median ./build/sprawl scan -q -f json "$out/repo") s | outside any repository: $(median ./build/sprawl scan -q -f json "$out/plain") s |"

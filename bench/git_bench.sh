#!/usr/bin/env bash
# Measures `sprawl git` on a generated history against `git cat-file --batch-all-objects`
# (every object inflated once, single-threaded), and `sprawl git --staged` latency for a
# 5-file change in a 10k-file repository. Prints Markdown for docs/performance.md.
#
#   bench/git_bench.sh [COMMITS] [THREADS]     (defaults: 20000 commits, all cores)
set -euo pipefail
cd "$(dirname "$0")/.."
commits=${1:-20000}
threads=${2:-$(nproc)}
out=bench/out
mkdir -p "$out"
export XDG_CACHE_HOME=$out/cache
[[ -x build/sprawl ]] || { cmake -S . -B build -G Ninja >/dev/null && cmake --build build >/dev/null; }

repo=$out/history-$commits
[[ -d $repo ]] || python3 bench/gen_history.py "$repo" --commits "$commits" --files 2000 --seed 1
objects=$(git -C "$repo" count-objects -v | awk '/in-pack/ {print $2}')

median() {  # median wall seconds of N runs
  local n=$1; shift
  for _ in $(seq "$n"); do
    local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    echo "$e - $s" | bc -l
  done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

./build/sprawl git "$repo" -q -f json -o /dev/null || true   # warm caches
t_floor=$(median 3 sh -c "git -C '$repo' cat-file --batch-all-objects --batch > /dev/null")
t_sprawl=$(median 3 ./build/sprawl git "$repo" -j "$threads" -q -f json -o /dev/null)
rss_kb=$( { /usr/bin/time -f '%M' ./build/sprawl git "$repo" -j "$threads" -q -f json -o /dev/null || true; } 2>&1 >/dev/null | tail -1)

# Pre-commit latency: 10k files committed, 5 files changed and staged.
big=$out/staged-10k
if [[ ! -d $big ]]; then
  python3 - "$big" <<'PY'
import os, subprocess, sys
repo = sys.argv[1]
subprocess.run(["git", "init", "-q", "-b", "main", repo], check=True)
p = subprocess.Popen(["git", "-C", repo, "fast-import", "--quiet"], stdin=subprocess.PIPE)
w = p.stdin.write
w(b"commit refs/heads/main\ncommitter Dev <dev@example.com> 1700000000 +0000\ndata 4\ninit\n")
for i in range(10000):
    body = "".join(f"def f{i}_{j}(x):\n    return x + {j}\n" for j in range(20)).encode()
    w(f"M 100644 inline src/d{i % 100}/m{i}.py\n".encode()); w(b"data %d\n" % len(body)); w(body); w(b"\n")
p.stdin.close(); p.wait()
subprocess.run(["git", "-C", repo, "checkout", "-q", "-f", "main"], check=True)
PY
  for i in 1 2 3 4 5; do echo "# change $i" >> "$big/src/d$i/m$i.py"; done
  git -C "$big" add -A
fi
# Each run is timed from spawn to exit by one Python process (posix_spawn, ~2 ms for
# /bin/true here); an earlier version timed with `$(date)` subshells, which added 5-8 ms.
read -r p50 p95 < <(python3 - "$big" <<'PY'
import subprocess, sys, time
cmd = ["./build/sprawl", "git", sys.argv[1], "--staged", "-q"]
runs = []
for _ in range(100):
    t = time.perf_counter_ns()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runs.append((time.perf_counter_ns() - t) // 1000)
runs.sort()
print(runs[49], runs[94])
PY
)

cat <<MD
History: \`python3 bench/gen_history.py $repo --commits $commits --files 2000 --seed 1\` ($objects objects), $threads threads, warm caches.

| what | seconds |
|---|---|
| \`git cat-file --batch-all-objects --batch > /dev/null\` (floor) | $t_floor |
| **\`sprawl git\`** | **$t_sprawl** |

Ratio sprawl / floor: $(echo "scale=2; $t_sprawl / $t_floor" | bc -l). Peak RSS of \`sprawl git\`: $((rss_kb / 1024)) MiB.

\`sprawl git --staged\`, 5 changed files in a 10,000-file repository, cached rule database, 100 runs: p50 $((p50 / 1000)).$(printf %03d $((p50 % 1000))) ms, p95 $((p95 / 1000)).$(printf %03d $((p95 % 1000))) ms.
MD
